import type { Bundle } from 'zapier-platform-core';
import { requestTimeout, type Page } from '../http/client';
import type { Watermarks, WatermarkStore } from './zap-state';

/**
 * Paging for polling triggers over Re:amaze lists sorted newest first (messages, conversations,
 * contacts): the newest page always, later pages while the page before lay entirely above the
 * floor (the look-back horizon, or the Zap's watermark when it is higher), within the time and
 * size budget. The rule, why it never fires an old item and when it can miss one: docs/polling.md.
 */

/** Four times Zapier's longest polling interval (15 minutes): see docs/polling.md for the outages it covers. */
export const DEFAULT_HORIZON_MS = 60 * 60_000;

/** Time for the whole poll, leaving Zapier's 30 s limit room for start-up, the cache and mapping. */
export const POLL_BUDGET_MS = 25_000;

/** A later page is not started with less time than this left. */
export const MIN_PAGE_TIME_MS = 2_000;

/**
 * Estimated JSON size of the items returned, past which no further page is fetched: under the
 * 6 MiB at which Zapier stashes or refuses a result, with room for the trigger's own fields.
 */
export const MAX_RESULT_BYTES = 2_500_000;

/**
 * How long after its `created_at` an item may still appear in the list (a slow transaction); the
 * watermark floor sits this far below the newest item a poll returned.
 */
export const LATE_ARRIVAL_MS = 30_000;

/**
 * An item dated further ahead of our clock than this is not trusted as a watermark (a clock that
 * far off, or a wrong date, would lift the floor above items still to come).
 */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

export interface NewestFirstPoll<T> {
  /** Fetches one 1-based page, giving up after `timeoutMs`. */
  fetchPage: (page: number, timeoutMs: number) => Promise<Page<T>>;
  /** When the item was created (ms since the epoch, from the API); undefined when unknown. */
  createdAt: (item: T) => number | undefined;
  /** The key Zapier deduplicates on; items without one are left out (Zapier could not dedupe them). */
  identity: (item: T) => string | undefined;
  meta?: Partial<Bundle['meta']>;
  /** Per-Zap watermarks (lib/polling/zap-state.ts `zapWatermarks`); without them, the look-back alone. */
  watermarks?: WatermarkStore;
  /** Where to say that a poll stopped with unread items left (`z.console.log`). */
  log?: (message: string) => void;
  horizonMs?: number;
  budgetMs?: number;
  /** The clock, replaceable in tests. */
  now?: () => number;
}

/** Only Zapier's ThrottledError (timeouts, 5xx, 429, dropped connections) is a temporary failure. */
const isTemporary = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ThrottledError';

/**
 * Runs one poll under the rule above and returns the items newest first, each identity once (the
 * first, newest position wins: a page boundary that shifts between two requests repeats items).
 * Only a failure of page 1 fails the poll; a later page that fails temporarily ends it early.
 */
export async function pollNewestFirst<T>(poll: NewestFirstPoll<T>): Promise<T[]> {
  const now = poll.now ?? Date.now;
  const started = now();
  const horizon = started - (poll.horizonMs ?? DEFAULT_HORIZON_MS);
  const budget = poll.budgetMs ?? POLL_BUDGET_MS;
  const limit = poll.meta?.limit !== undefined && poll.meta.limit > 0 ? poll.meta.limit : Infinity;
  const sample = poll.meta?.isLoadingSample === true;
  const seeding = poll.meta?.isPopulatingDedupe === true;
  // The seed fills Zapier's dedupe list, so it reads the whole look-back whatever is stored.
  const stored = sample || seeding ? undefined : await poll.watermarks?.read();
  const since = stored?.since !== undefined && stored.since > horizon ? stored.since : horizon;
  const floor = Math.max(since, stored ? Math.min(...stored.floors) : -Infinity);

  const seen = new Set<string>();
  const items: T[] = [];
  let bytes = 0;
  const keep = (item: T): void => {
    const key = poll.identity(item);
    if (key === undefined || seen.has(key)) return;
    seen.add(key);
    items.push(item);
  };
  const above = (limitAt: number) => (item: T) => {
    const at = poll.createdAt(item);
    return at !== undefined && at >= limitAt;
  };

  let page = 1;
  let result = await poll.fetchPage(page, requestTimeout.ms);
  result.items.forEach(keep);
  let cut: string | undefined; // why paging stopped with items above the floor still unread
  while (
    !sample &&
    page < result.pageCount &&
    items.length < limit &&
    result.items.length > 0 &&
    result.items.every(above(floor))
  ) {
    const left = budget - (now() - started);
    if (left < MIN_PAGE_TIME_MS) {
      cut = 'the time budget was used';
      break;
    }
    // Measured only once a burst is paged, so a quiet poll pays nothing for it.
    bytes += result.items.reduce((sum, item) => sum + JSON.stringify(item).length, 0);
    if (bytes >= MAX_RESULT_BYTES) {
      cut = 'the result reached its size limit';
      break;
    }
    try {
      result = await poll.fetchPage(page + 1, Math.min(requestTimeout.ms, left));
    } catch (error) {
      // Permanent failures (credentials, permissions, a malformed answer) fail the poll as on
      // page 1; so does any failure of the dedupe seed, which Zapier retries whole.
      if (!isTemporary(error) || seeding) throw error;
      cut = `page ${page + 1} failed (${(error as Error).message})`;
      break;
    }
    page += 1;
    result.items.filter(above(since)).forEach(keep);
  }

  const returned = items.slice(0, limit);
  if (cut !== undefined) {
    poll.log?.(
      `Stopped after ${page} page(s), ${returned.length} items and ` +
        `${Math.round((now() - started) / 100) / 10} s because ${cut}, with older items not yet ` +
        'returned; the next poll reads on from the newest.',
    );
  }
  if (poll.watermarks && !sample) {
    const keptSince =
      stored?.since !== undefined && stored.since > horizon ? stored.since : undefined;
    // A seed cut short must keep the items below it from ever firing: they predate the Zap.
    const seedCut =
      seeding && cut !== undefined ? oldestCreatedAt(returned, poll.createdAt) : undefined;
    await poll.watermarks.write(
      nextWatermarks(stored, returned, poll.createdAt, {
        floor,
        started,
        since: seedCut !== undefined ? seedCut + 1 : keptSince,
        // A seed cut short still returned every item above its mark: nothing there is left unread.
        // A run capped by `meta.limit` may have left items out: it keeps its floor, as if cut.
        complete: (cut === undefined && items.length < limit) || seeding,
        seeding,
      }),
    );
  }
  return returned;
}

function oldestCreatedAt<T>(items: T[], createdAt: (item: T) => number | undefined) {
  let oldest: number | undefined;
  for (const item of items) {
    const at = createdAt(item);
    if (at !== undefined && (oldest === undefined || at < oldest)) oldest = at;
  }
  return oldest;
}

/**
 * What this poll leaves for the next: the floor it needs if this result is recorded (just under
 * the newest item returned; this poll's own floor when it stopped early, so the next one reads the
 * rest), beside the floor it needs if this result is lost (the last poll's, or without one this
 * poll's own floor).
 */
function nextWatermarks<T>(
  stored: Watermarks | undefined,
  returned: T[],
  createdAt: (item: T) => number | undefined,
  poll: {
    floor: number;
    started: number;
    since: number | undefined;
    complete: boolean;
    seeding: boolean;
  },
): Watermarks {
  let newest: number | undefined;
  for (const item of returned) {
    const at = createdAt(item);
    if (at !== undefined && (newest === undefined || at > newest)) newest = at;
  }
  const trusted = newest !== undefined && newest <= poll.started + MAX_CLOCK_AHEAD_MS;
  const own = poll.complete && trusted ? (newest as number) - LATE_ARRIVAL_MS : poll.floor;
  // A lost seed leaves the Zap off, so the seed needs no second floor.
  const ifLost = poll.seeding ? own : (stored?.floors[1] ?? poll.floor);
  const floors: [number, number] = [ifLost, own];
  return poll.since === undefined ? { floors } : { floors, since: poll.since };
}
