import { instantParam, paged, param, type Route } from '../http';
import type { SatisfactionRating, Store } from '../store';

/**
 * GET /satisfaction_ratings: newest created first (the order of the documented sample), filtered
 * by `rating`, `created_after`, `created_before`, `updated_after` and `updated_before` (the
 * documented filters); a user whose role lacks Reports (`access_reports`) gets a 403. Ratings
 * name everyone by internal id only: the customer's contact id, the staff member's user id and
 * the conversation's database id (not its slug), which GET /conversations/{id} resolves. Times
 * are in UTC (`Z`), as the documented sample writes them, unlike the brand's offset elsewhere.
 */

/** Internal ids the API shows for things the sandbox otherwise knows by slug or email. */
export function conversationDatabaseId(store: Store, slug: string): string {
  return String(880_000 + (store.conversation(slug)?.seq ?? 0));
}

function staffId(store: Store, email: string | null): string | null {
  const index = email === null ? -1 : store.staff.findIndex((user) => user.email === email);
  return index < 0 ? null : String(40_000 + index + 1);
}

function ratingShape(store: Store, rating: SatisfactionRating): Record<string, unknown> {
  return {
    id: String(rating.id),
    rating: rating.rating,
    comment: rating.comment,
    user_id: String(rating.customerId),
    assignee_id: staffId(store, rating.assigneeEmail),
    conversation_id: conversationDatabaseId(store, rating.conversationSlug),
    created_at: new Date(rating.createdAt).toISOString(),
    updated_at: new Date(rating.updatedAt).toISOString(),
  };
}

const routes: Route[] = [
  {
    method: 'GET',
    path: '/satisfaction_ratings',
    handle: ({ store, query, user }) => {
      if (!user.admin) {
        return { status: 403, body: { error: 'You are not allowed to access reports' } };
      }
      const rating = param(query, 'rating');
      const window = (at: number, after: string, before: string): boolean => {
        const from = instantParam(query, after, 'start');
        const until = instantParam(query, before, 'end');
        return (from === undefined || at > from) && (until === undefined || at < until);
      };
      const ratings = store.satisfactionRatings
        .filter((r) => rating === undefined || String(r.rating) === rating)
        .filter((r) => window(r.createdAt, 'created_after', 'created_before'))
        .filter((r) => window(r.updatedAt, 'updated_after', 'updated_before'))
        .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
      return paged(query, 'satisfaction_ratings', ratings, (r) => ratingShape(store, r));
    },
  },
];

export default routes;
