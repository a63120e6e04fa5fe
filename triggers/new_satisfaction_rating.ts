import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { getPage } from '../lib/http/client';
import { requireNewestFirst } from '../lib/records/conversation-order';
import { parseInstant } from '../lib/http/api-values';
import {
  DEFAULT_HORIZON_MS,
  LATE_ARRIVAL_MS,
  POLL_BUDGET_MS,
  pollNewestFirst,
} from '../lib/polling/paging';
import { zapWatermarks, type Watermarks } from '../lib/polling/zap-state';
import { invalid, list } from '../lib/input/read';
import {
  flattenRating,
  idText,
  RATING_LABELS,
  ratedConversationId,
  readRatedConversations,
  satisfactionRatingOutputFields,
  satisfactionRatingSample,
  type SatisfactionRatingItem,
} from '../lib/records/satisfaction-rating';
import { fitResult } from '../lib/records/result-size';
import { reportsPermission } from '../lib/records/report';

export { RATING_LABELS, satisfactionRatingSample, type SatisfactionRatingItem };

/**
 * What the Reports permission means here. An empty 403 has a second cause Re:amaze does not tell
 * apart (a wrong token gets the same answer): lib/http/client.ts names both then.
 */
export const REPORTS_PERMISSION = reportsPermission('reading satisfaction ratings');

export const inputFields = defineInputFields([
  {
    key: 'ratings',
    label: 'Only Ratings of',
    required: false,
    list: true,
    choices: Object.entries(RATING_LABELS)
      .reverse()
      .map(([value, label]) => ({ value, label: `${value} – ${label}`, sample: value })),
    helpText:
      'Fires only for these ratings, for example 1 and 2 to follow up on unhappy customers. Leave empty for every rating. A customer who changes their rating into one of these (5 to 1, say) fires the Zap once, with the new rating, if the change is less than an hour old; a rating fires at most once, however often it changes.',
  },
]);

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

/** When the rating was last given or changed: `updated_at`, else `created_at`. */
const ratedAt = (rating: Record<string, unknown>): number | undefined =>
  parseInstant(rating.updated_at) ?? parseInstant(rating.created_at);

/**
 * Polls `GET /satisfaction_ratings?updated_after=` the look-back horizon (a documented filter,
 * so the list holds every rating given or changed in the last hour whatever its order) under the
 * shared burst rule of lib/polling/paging.ts, on the instant each rating was last given or
 * changed, with this Zap's watermarks (docs/polling.md). Zapier deduplicates on the rating's
 * `id`, so a rating fires once: when this Zap first sees it match the filter, a rating revised
 * into the filter included. One chosen rating is also sent as `rating` (it takes one value);
 * the filters are applied here too, so a list that ignored them could not fire the wrong
 * ratings. Each rating newer than what the last poll returned gets its conversation read by id
 * (one request per new rating and conversation, in the poll's time budget); the others were
 * returned before and Zapier drops them again, so they are not looked up. A rating listed more
 * than 30 s after it was given, behind a newer one already returned, fires without context.
 */
export const perform = (async (z, bundle) => {
  const started = Date.now();
  const wanted = chosenRatings(bundle.inputData.ratings);
  const only = wanted?.size === 1 ? [...wanted][0] : undefined;
  const sample = bundle.meta?.isLoadingSample === true;
  const horizon = started - DEFAULT_HORIZON_MS;
  // The editor's test shows the latest ratings, however old; a Zap only the last hour's.
  const updatedAfter = sample ? undefined : new Date(horizon).toISOString();
  const store = zapWatermarks(z, bundle, 'new_satisfaction_rating');
  let stored: Watermarks | undefined;
  const ratings = await pollNewestFirst({
    fetchPage: async (page, timeoutMs) => {
      const result = await getPage(
        z,
        bundle,
        '/satisfaction_ratings',
        'satisfaction_ratings',
        { rating: only, updated_after: updatedAfter, page },
        { timeoutMs, forbiddenMessage: REPORTS_PERMISSION },
      );
      requireNewestFirst(page, result.pageCount, result.items, 'satisfaction ratings', 'ratings');
      return result;
    },
    createdAt: ratedAt,
    identity: (rating) => idText(rating.id) || undefined,
    meta: bundle.meta,
    watermarks: store && {
      read: async () => (stored = await store.read()),
      write: (value) => store.write(value),
    },
    log: (line) => z.console.log(`New Satisfaction Rating: ${line}`),
  });

  const kept = ratings.filter(
    (rating) =>
      (sample || (ratedAt(rating) ?? -Infinity) >= horizon) &&
      (wanted === undefined || wanted.has(Number(rating.rating))),
  );
  // The newest instant the last poll returned: its recorded floor sits LATE_ARRIVAL_MS below it.
  // Ratings up to it were returned then (Zapier drops them again); the dedupe seed fires nothing.
  const returnedUpTo = stored === undefined ? undefined : stored.floors[1] + LATE_ARRIVAL_MS;
  const fresh = bundle.meta?.isPopulatingDedupe
    ? []
    : kept.filter(
        (rating) => returnedUpTo === undefined || (ratedAt(rating) ?? Infinity) > returnedUpTo,
      );
  const { found, skipped } = await readRatedConversations(
    z,
    bundle,
    fresh.map(ratedConversationId).filter((id): id is string => id !== undefined),
    started + POLL_BUDGET_MS,
  );
  if (skipped > 0)
    z.console.log(
      `New Satisfaction Rating: ${skipped} conversation(s) not read within the time budget; their ratings fire without conversation details.`,
    );
  const items = kept.map((rating) => {
    const id = ratedConversationId(rating);
    return flattenRating(
      rating,
      id === undefined ? undefined : found.get(id),
      bundle.authData.brand,
    );
  });
  return fitResult(items, ['comment']);
}) satisfies PollingTriggerPerform<typeof inputFields, SatisfactionRatingItem>;

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
    outputFields: satisfactionRatingOutputFields,
  },
});
