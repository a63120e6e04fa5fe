import type { Bundle } from 'zapier-platform-core';
import { requestTimeout, type Page } from '../http/client';
import type { Rest, Watermarks, WatermarkStore } from './zap-state';

/**
 * Paging for polling triggers over Re:amaze lists sorted newest first (messages, conversations,
 * contacts): the newest page always, later pages while the page before lay entirely above the
 * floor (the look-back horizon, or the Zap's watermark when it is higher), within the time and
 * size budget; then, if an earlier poll stopped early, on down the region it left unread. The
 * rule, why it never fires an old item and when it can miss one: docs/polling.md.
 */

/** Re:amaze's fixed page size: list positions are counted in it. */
export const PAGE_SIZE = 30;

/** Times a poll reads again the pages of a run of equal instants that it saw only in part. */
export const TIE_REREADS = 5;

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
  /**
   * The key Zapier deduplicates on; items without one are left out (Zapier could not dedupe them).
   * Given the item's `createdAt`, so an identity built on it need not read it again.
   */
  identity: (item: T, createdAt: number | undefined) => string | undefined;
  /** Whether the Zap wants the item (its filters); the others still count for paging. Default: all. */
  wanted?: (item: T) => boolean;
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

/** One request's page, kept to find where the list moved between requests. */
interface Read<T> {
  page: number;
  result: Page<T>;
}

/** Where a stretch of pages ended, and why it stopped early (with where to resume, when known). */
interface Stretch<T> extends Read<T> {
  cut?: string;
  rest?: [below: number, start: number, end: number, total: number];
}

/** A run of equal instants seen across page boundaries: its bounds counted from the list's end. */
interface Run {
  top?: number;
  bottom?: number;
  keys: Set<string>;
  countable: boolean;
  edge: boolean;
}

/**
 * Runs one poll under the rule above and returns the items newest first, each identity once (the
 * first, newest position wins: a page boundary that shifts between two requests repeats items).
 * Only a failure of page 1 fails the poll; a later page that fails temporarily ends it early.
 */
export async function pollNewestFirst<T>(options: NewestFirstPoll<T>): Promise<T[]> {
  const poll = { ...options, ...once(options) };
  const now = poll.now ?? Date.now;
  const started = now();
  const horizon = started - (poll.horizonMs ?? DEFAULT_HORIZON_MS);
  const budget = poll.budgetMs ?? POLL_BUDGET_MS;
  const limit = poll.meta?.limit !== undefined && poll.meta.limit > 0 ? poll.meta.limit : Infinity;
  const sample = poll.meta?.isLoadingSample === true;
  const seeding = poll.meta?.isPopulatingDedupe === true;
  const at = (item: T | undefined) => (item === undefined ? undefined : poll.createdAt(item));
  const above = (limitAt: number) => (item: T) => {
    const instant = poll.createdAt(item);
    return instant !== undefined && instant >= limitAt;
  };

  const seen = new Set<string>();
  const items: T[] = [];
  const keep = (item: T): void => {
    const key = poll.identity(item);
    if (key === undefined || seen.has(key) || poll.wanted?.(item) === false) return;
    seen.add(key);
    items.push(item);
  };

  // Runs of equal instants, with bounds counted from the end of the list: new items join at the
  // top, so those counts hold between two requests while page positions shift.
  const runs = new Map<number, Run>();
  let latest: Read<T>;
  const note = (read: Read<T>): void => {
    latest = read;
    const { page, result } = read;
    const list = result.items;
    const listed = new Set<string>();
    const lastPlace = new Map<number, number>();
    const instants = list.map(at);
    list.forEach((item, i) => {
      const instant = instants[i];
      if (instant === undefined) return;
      let run = runs.get(instant);
      if (run === undefined) {
        run = { keys: new Set<string>(), countable: true, edge: false };
        runs.set(instant, run);
      }
      const key = poll.identity(item);
      // Counted by identities: one without, one listed twice or a run out of order leaves it uncounted.
      const gap = instants[i - 1] !== instant && lastPlace.has(instant);
      if (key === undefined || listed.has(key) || gap) run.countable = false;
      else run.keys.add(key);
      if (key !== undefined) listed.add(key);
      lastPlace.set(instant, i);
      // Only a run reaching a page's edge can have items hidden on the other side.
      if ((i === 0 && page > 1) || (i === list.length - 1 && page < result.pageCount)) {
        run.edge = true;
      }
      const position = (page - 1) * PAGE_SIZE + i;
      if (i > 0 ? (instants[i - 1] ?? Infinity) > instant : page === 1) {
        run.top = result.totalCount - position;
      }
      if (
        i < list.length - 1 ? (instants[i + 1] ?? -Infinity) < instant : page >= result.pageCount
      ) {
        run.bottom = result.totalCount - position - 1;
      }
    });
  };

  // The seed fills Zapier's dedupe list, so it reads the whole look-back whatever is stored.
  const read = sample || seeding ? undefined : await poll.watermarks?.read();
  const first = await poll.fetchPage(1, requestTimeout.ms);
  note({ page: 1, result: first });
  first.items.forEach(keep);
  const stored = read && plausible(read, started, newestOf(first.items, poll.createdAt));
  if (read && !stored) {
    poll.log?.('Ignored the stored paging state (dated ahead of the list); paging without it.');
  }
  const since = stored?.since !== undefined && stored.since > horizon ? stored.since : horizon;
  const floor = Math.max(since, stored ? Math.min(...stored.floors) : -Infinity);

  let bytes = 0;
  let measured = 0; // requests whose items `bytes` counts
  let requests = 1;
  /** The next page, or why the poll stops before it. */
  const another = async (page: number): Promise<Page<T> | string> => {
    const left = budget - (now() - started);
    if (left < MIN_PAGE_TIME_MS) return 'the time budget was used';
    // Measured only once a burst is paged, so a quiet poll pays nothing for it.
    for (; measured < requests; measured += 1) {
      bytes += latest.result.items.reduce((sum, item) => sum + JSON.stringify(item).length, 0);
    }
    if (bytes >= MAX_RESULT_BYTES) return 'the result reached its size limit';
    try {
      const result = await poll.fetchPage(page, Math.min(requestTimeout.ms, left));
      requests += 1;
      note({ page, result });
      return result;
    } catch (error) {
      // Permanent failures (credentials, permissions, a malformed answer) fail the poll as on
      // page 1; so does any failure of the dedupe seed, which Zapier retries whole.
      if (!isTemporary(error) || seeding) throw error;
      return `page ${page} failed (${(error as Error).message})`;
    }
  };
  const keepLater = (item: T) => {
    if (above(since)(item)) keep(item);
  };
  /** Reads on from `from` while each page lies at or above `stopBelow`. */
  const pageOn = async (from: Read<T>, stopBelow: number): Promise<Stretch<T>> => {
    let { page, result } = from;
    while (
      page < result.pageCount &&
      items.length < limit &&
      result.items.length > 0 &&
      result.items.every(above(stopBelow))
    ) {
      const next = await another(page + 1);
      if (typeof next === 'string') return { page, result, cut: next };
      page += 1;
      result = next;
      result.items.forEach(keepLater);
    }
    return { page, result };
  };

  let stretch: Stretch<T> = { page: 1, result: first };
  if (!sample) stretch = await pageOn(stretch, floor);
  let regionFloor = floor;
  if (!sample && !seeding && stored?.rest !== undefined && items.length < limit) {
    regionFloor = Math.min(floor, stored.rest[1]);
    if (stretch.cut === undefined) {
      // What is new is read: on down the region an earlier poll left unread.
      stretch = await resume(stored.rest, stretch);
    }
  }

  async function resume(left: Rest, top: Read<T>): Promise<Stretch<T>> {
    const [below, deepest, start, end, total] = left;
    const stopBelow = Math.max(deepest, since);
    if (below < stopBelow) return top; // the rest is beyond the look-back
    // Items added or removed since moved the list by the change in its count (new ones join at
    // the top; one that moves up from below only makes the guess early, which repeats items).
    const shift = latest.result.totalCount - total;
    const pageOf = (place: number) =>
      Math.min(Math.floor((place + shift) / PAGE_SIZE) + 1, latest.result.pageCount);
    const page = pageOf(end);
    if (page <= top.page + 1) return pageOn(top, stopBelow);
    const result = await another(page);
    // Cut before reading on: the region stays where it was.
    if (typeof result === 'string')
      return { ...top, cut: result, rest: [below, start, end, total] };
    result.items.forEach(keepLater);
    const first = at(result.items[0]);
    if (first === undefined) return pageOn(top, stopBelow);
    if (first === below) {
      // The boundary's instant runs on into this page: read that run from its first place, as
      // ties may be listed in another order now.
      for (let back = Math.max(pageOf(start), top.page + 1); back < page; back += 1) {
        const earlier = await another(back);
        // The next poll then begins at that run.
        if (typeof earlier === 'string') {
          return { ...top, cut: earlier, rest: [below, start, start, total] };
        }
        earlier.items.forEach(keepLater);
      }
    }
    return pageOn({ page, result }, stopBelow);
  }

  if (!sample && stretch.cut === undefined) stretch = await completeTies(stretch);

  /** A run of equal instants whose count of identities falls short of the places it holds. */
  function partialRun(): [number, Run] | undefined {
    return [...runs].find(
      ([instant, run]) =>
        instant >= regionFloor &&
        run.countable &&
        run.edge &&
        run.top !== undefined &&
        run.bottom !== undefined &&
        run.keys.size < run.top - run.bottom,
    );
  }

  /** Reads again the pages of a run seen only in part: ties may be listed in a new order per request. */
  async function completeTies(end: Stretch<T>): Promise<Stretch<T>> {
    for (let round = 0; round < TIE_REREADS; round += 1) {
      const [, run] = partialRun() ?? [];
      if (!run) return end;
      const total = latest.result.totalCount;
      const from = Math.max(1, Math.floor((total - (run.top as number)) / PAGE_SIZE) + 1);
      const to = Math.floor((total - (run.bottom as number) - 1) / PAGE_SIZE) + 1;
      for (let page = from; page <= to; page += 1) {
        const result = await another(page);
        if (typeof result === 'string') return { ...end, cut: result };
        result.items.forEach(page === 1 ? keep : keepLater);
      }
    }
    const [instant, run] = partialRun() ?? [];
    if (instant === undefined || !run) return end;
    // The next poll reads on from just above that run.
    const place = latest.result.totalCount - (run.top as number);
    return {
      ...end,
      cut: 'a run of items at one instant was not listed whole',
      rest: [instant, place, place, latest.result.totalCount],
    };
  }

  const { cut } = stretch;
  let rest: Rest | undefined;
  if (cut !== undefined && !seeding && poll.watermarks) {
    const boundary = stretch.rest ?? boundaryOf(stretch, poll.createdAt);
    if (boundary) rest = [boundary[0], regionFloor, ...boundary.slice(1)] as Rest;
  }

  const returned = items.slice(0, limit);
  if (cut !== undefined) {
    poll.log?.(
      `Stopped after ${requests} page(s), ${returned.length} items and ` +
        `${Math.round((now() - started) / 100) / 10} s because ${cut}, with older items not yet ` +
        `returned; the next poll reads on from ${rest ? 'where this one stopped' : 'the newest'}.`,
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
        complete: (cut === undefined && items.length < limit) || seeding || rest !== undefined,
        seeding,
        rest: rest ?? (items.length >= limit ? stored?.rest : undefined),
      }),
    );
  }
  return returned;
}

/**
 * `createdAt` and `identity` computed once per item: the rule asks for each several times per item
 * (its neighbours' instants, the runs, the watermarks), and identity hashes the body.
 */
function once<T>({ createdAt, identity }: NewestFirstPoll<T>): {
  createdAt: (item: T) => number | undefined;
  identity: (item: T) => string | undefined;
} {
  const facts = new Map<T, { at: number | undefined; key: string | undefined }>();
  const factsOf = (item: T) => {
    let known = facts.get(item);
    if (known === undefined) {
      const at = createdAt(item);
      known = { at, key: identity(item, at) };
      facts.set(item, known);
    }
    return known;
  };
  return { createdAt: (item) => factsOf(item).at, identity: (item) => factsOf(item).key };
}

/** The newest instant among `items`, if any. */
function newestOf<T>(items: T[], createdAt: (item: T) => number | undefined): number | undefined {
  let newest: number | undefined;
  for (const item of items) {
    const at = createdAt(item);
    if (at !== undefined && (newest === undefined || at > newest)) newest = at;
  }
  return newest;
}

/**
 * The stored value, or undefined when it cannot be right: an instant ahead of our clock, or above
 * the newest item listed now (every stored instant was read from this list, which only grows at
 * the top). Then the poll pages as without it.
 */
function plausible(
  stored: Watermarks,
  started: number,
  newest: number | undefined,
): Watermarks | undefined {
  const [below, deepest] = stored.rest ?? [-Infinity, -Infinity];
  const highest = Math.max(...stored.floors, stored.since ?? -Infinity, below, deepest);
  if (highest > started + MAX_CLOCK_AHEAD_MS || deepest > below) return undefined;
  const listed = newest ?? Infinity;
  if (Math.max(...stored.floors, below) > listed || (stored.since ?? -Infinity) > listed + 1) {
    return undefined;
  }
  return stored;
}

/** Where the unread region below a stretch begins: its oldest instant, and the first place that instant held. */
function boundaryOf<T>(
  { page, result }: Read<T>,
  createdAt: (item: T) => number | undefined,
): [below: number, start: number, end: number, total: number] | undefined {
  let index = -1;
  let below: number | undefined;
  result.items.forEach((item, i) => {
    const at = createdAt(item);
    if (at !== undefined && (below === undefined || at < below)) [below, index] = [at, i];
  });
  return below === undefined
    ? undefined
    : [
        below,
        (page - 1) * PAGE_SIZE + index,
        (page - 1) * PAGE_SIZE + result.items.length,
        result.totalCount,
      ];
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
 * the newest item returned; this poll's own floor when it stopped early without saying where, so
 * the next one reads the rest), beside the floor it needs if this result is lost (the last poll's,
 * or without one this poll's own floor). A poll that leaves where it stopped (`rest`) passes both
 * floors just under its newest item: the next poll reads what is new, then on from `rest`.
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
    rest: Rest | undefined;
  },
): Watermarks {
  const newest = newestOf(returned, createdAt);
  const trusted = newest !== undefined && newest <= poll.started + MAX_CLOCK_AHEAD_MS;
  const own = poll.complete && trusted ? (newest as number) - LATE_ARRIVAL_MS : poll.floor;
  // A lost seed leaves the Zap off, so the seed needs no second floor.
  const ifLost = poll.seeding || poll.rest ? own : (stored?.floors[1] ?? poll.floor);
  return {
    floors: [ifLost, own],
    ...(poll.since === undefined ? {} : { since: poll.since }),
    ...(poll.rest === undefined ? {} : { rest: poll.rest }),
  };
}
