import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { inboxConversationUrl } from '../lib/http/brand';
import { getPage } from '../lib/http/client';
import { inboxContactUrl } from '../lib/records/contact';
import { requireNewestFirst } from '../lib/records/conversation-order';
import { parseInstant, stringField } from '../lib/http/api-values';
import { pollNewestFirst } from '../lib/polling/paging';
import { zapWatermarks } from '../lib/polling/zap-state';
import { invalid, list } from '../lib/input/read';
import { reportsPermission } from '../lib/records/report';

/** What each rating means on the 1–5 survey scale. */
export const RATING_LABELS: Readonly<Record<number, string>> = {
  1: 'Very Dissatisfied',
  2: 'Dissatisfied',
  3: 'Neutral',
  4: 'Satisfied',
  5: 'Very Satisfied',
};

/** Why a 403 here is not a login problem: the endpoint needs the role's Reports permission. */
export const REPORTS_PERMISSION = reportsPermission('reading satisfaction ratings');

const inputFields = defineInputFields([
  {
    key: 'ratings',
    label: 'Only Ratings of',
    required: false,
    list: true,
    choices: Object.entries(RATING_LABELS)
      .reverse()
      .map(([value, label]) => ({ value, label: `${value} – ${label}`, sample: value })),
    helpText:
      'Fires only for these ratings, for example 1 and 2 to follow up on unhappy customers. Leave empty for every rating.',
  },
]);

export type SatisfactionRatingItem = {
  [key: string]: unknown;
  id: string;
  rating: number | null;
  rating_label: string;
  comment: string;
  customer_id: string;
  customer_url: string;
  staff_id: string;
  conversation_id: string;
  conversation_url: string;
  created_at: string;
};

/** The ratings chosen, as numbers; undefined for "every rating". Labels mapped from a step count too. */
export function chosenRatings(value: unknown): Set<number> | undefined {
  const given = list(value, 'Only Ratings of');
  if (given === undefined) return undefined;
  return new Set(
    given.map((item) => {
      const wanted = item.trim().toLowerCase();
      const match = Object.entries(RATING_LABELS).find(
        ([code, label]) =>
          wanted === code ||
          wanted === label.toLowerCase() ||
          wanted === `${code} – ${label}`.toLowerCase(),
      );
      if (!match) {
        throw invalid(
          `Only Ratings of "${item.trim()}" is not a rating: choose from 1 (${RATING_LABELS[1]}) to 5 (${RATING_LABELS[5]}), or leave it empty.`,
        );
      }
      return Number(match[0]);
    }),
  );
}

/** A whole number 1–5, or null when the API sends something else. */
function ratingNumber(value: unknown): number | null {
  const number = typeof value === 'string' && /^\d$/.test(value.trim()) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && RATING_LABELS[number]
    ? number
    : null;
}

/** An id as text; the API sends them as strings, a number is accepted too. */
function idText(value: unknown): string {
  return stringField(value).trim();
}

/**
 * One rating as the trigger outputs it. The API names the customer, the staff member and the
 * conversation by internal id only, so the links are built from those ids: the customer's page
 * at /admin/users/{id}, the conversation at /admin/conversations/{id} (Re:amaze looks a
 * conversation up by its database id when the slug does not match, as GET /conversations/{slug}
 * does). Never throws on an odd body.
 */
export function flattenRating(
  rating: Record<string, unknown>,
  brand: unknown,
): SatisfactionRatingItem {
  const number = ratingNumber(rating.rating);
  const customerId = idText(rating.user_id);
  const conversationId = idText(rating.conversation_id);
  return {
    id: idText(rating.id),
    rating: number,
    rating_label: number === null ? '' : (RATING_LABELS[number] as string),
    comment: stringField(rating.comment),
    customer_id: customerId,
    customer_url: /^\d+$/.test(customerId) ? inboxContactUrl(brand, customerId) : '',
    staff_id: idText(rating.assignee_id),
    conversation_id: conversationId,
    conversation_url: /^\d+$/.test(conversationId)
      ? inboxConversationUrl(brand, conversationId)
      : '',
    created_at: stringField(rating.created_at),
  };
}

/**
 * Polls `GET /satisfaction_ratings` (newest first, as the documented sample lists them) under
 * the shared burst rule of lib/polling/paging.ts with this Zap's watermarks (docs/polling.md); Zapier deduplicates on the rating's `id`. One chosen
 * rating is also passed to the API as `rating` (it takes one value), so pages reach further back;
 * several are filtered here. Either way the filter is applied here too, so a list that ignored
 * `rating` could not fire the wrong ratings.
 */
export const perform = (async (z, bundle) => {
  const wanted = chosenRatings(bundle.inputData.ratings);
  const only = wanted?.size === 1 ? [...wanted][0] : undefined;
  const ratings = await pollNewestFirst({
    fetchPage: async (page, timeoutMs) => {
      const result = await getPage(
        z,
        bundle,
        '/satisfaction_ratings',
        'satisfaction_ratings',
        { rating: only, page },
        { timeoutMs, forbiddenMessage: REPORTS_PERMISSION },
      );
      requireNewestFirst(page, result.pageCount, result.items, 'satisfaction ratings', 'ratings');
      return result;
    },
    createdAt: (rating) => parseInstant(rating.created_at),
    identity: (rating) => idText(rating.id) || undefined,
    meta: bundle.meta,
    watermarks: zapWatermarks(z, bundle, 'new_satisfaction_rating'),
    log: (line) => z.console.log(`New Satisfaction Rating: ${line}`),
  });
  return ratings
    .map((rating) => flattenRating(rating, bundle.authData.brand))
    .filter(
      (rating) => wanted === undefined || (rating.rating !== null && wanted.has(rating.rating)),
    );
}) satisfies PollingTriggerPerform<typeof inputFields, SatisfactionRatingItem>;

export const satisfactionRatingSample: SatisfactionRatingItem = flattenRating(
  {
    id: '456',
    rating: 2,
    comment: 'The replacement pole still has not arrived.',
    user_id: '7310002',
    assignee_id: '40002',
    conversation_id: '880014',
    created_at: '2026-03-09T15:41:08.000Z',
    updated_at: '2026-03-09T15:41:08.000Z',
  },
  'acme',
);

export default defineTrigger({
  key: 'new_satisfaction_rating',
  noun: 'Satisfaction Rating',
  display: {
    label: 'New Satisfaction Rating',
    description: 'Triggers when a customer rates a conversation in a satisfaction survey.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: satisfactionRatingSample,
    outputFields: [
      { key: 'id', label: 'Rating ID', type: 'string', primary: true },
      { key: 'rating', label: 'Rating (1–5)', type: 'integer' },
      { key: 'rating_label', label: 'Rating Label', type: 'string' },
      { key: 'comment', label: 'Comment', type: 'string' },
      { key: 'customer_id', label: 'Customer ID', type: 'string' },
      { key: 'customer_url', label: 'Customer Link', type: 'string' },
      { key: 'staff_id', label: 'Rated Staff Member ID', type: 'string' },
      { key: 'conversation_id', label: 'Conversation ID', type: 'string' },
      { key: 'conversation_url', label: 'Conversation Link', type: 'string' },
      { key: 'created_at', label: 'Date Rated', type: 'datetime' },
    ],
  },
});
