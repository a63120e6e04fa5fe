import { DEFAULT_HORIZON_MS as HORIZON_MS, pollNewestFirst } from '../../../lib/polling/paging';
import type { Watermarks, WatermarkStore } from '../../../lib/polling/zap-state';
import { generator } from '../../random';

/**
 * The harness of poll-simulation*.test.ts: the shared paging rule (lib/polling/paging.ts) as Zapier runs
 * it, over simulated hours of a brand, on a fake clock (no real waiting). Zapier switches the Zap
 * on (a seed poll fills the dedupe list), then polls every `intervalMin` minutes and fires every
 * identity it has not recorded. Re:amaze lists items newest first, 30 a page; each page answers
 * after a latency that moves the clock, so items created meanwhile appear between two pages of
 * one poll; a page slower than its timeout fails as the client's ThrottledError does. A poll may
 * fail (nothing recorded, nothing written to the cache), or return a result Zapier then drops
 * (the cache was written, the dedupe list was not). The cache may be present, absent, evicted at
 * random, or too slow to answer (the poll then goes without it, as lib/polling/zap-state.ts bounds the
 * wait). Figures: requests per poll, messages missed, fired twice, old ones fired as new.
 */

export const MINUTE = 60_000;
export const PAGE_SIZE = 30;
const START = Date.parse('2026-03-09T14:00:00.000Z');

export type CacheMode = 'present' | 'absent' | 'evicted' | 'slow';

export interface SimScenario {
  seed: number;
  hours: number;
  intervalMin: number;
  /** Messages an hour, spread at random over each interval. */
  perHour: number;
  /** Extra messages arriving between poll `after` and the next (`sameInstant`: all in one millisecond). */
  bursts?: { after: number; count: number; sameInstant?: boolean }[];
  /** Items of one instant come back in a new random order on every request (Postgres LIMIT/OFFSET). */
  unstableTies?: boolean;
  /** A well-formed but implausible value stored before poll `before` (e.g. 30 days ahead of the clock). */
  planted?: { before: number; value: (clock: number) => Watermarks };
  /** Chance that a poll fails (page 1 answers 503): nothing recorded, nothing cached. */
  failRate?: number;
  /** Polls that fail whatever the chance (an outage). */
  fails?: (index: number) => boolean;
  /** Chance that Zapier drops a poll's result after the trigger returned it (and wrote the cache). */
  dropRate?: number;
  /** Latency of one page in ms; default 300. */
  latency?: (random: () => number) => number;
  /** Latency of the dedupe seed's pages, when not `latency` (a seed that cannot finish never switches the Zap on). */
  seedLatencyMs?: number;
  cache: CacheMode;
  /** With `evicted`: the chance the entry is gone before a poll. */
  evictRate?: number;
  /** Passed to the old rule's page cap when measuring the code before the cache. */
  maxPages?: number;
}

interface Item {
  key: string;
  at: number;
}

export interface SimPoll {
  at: number;
  failed: boolean;
  dropped: boolean;
  requests: number;
  /** Messages created since the previous poll began. */
  arrived: number;
  fired: string[];
}

export interface SimResult {
  polls: SimPoll[];
  messages: number;
  missed: number;
  /** Missed because no poll succeeded within the look-back after the message was created. */
  missedInOutage: number;
  missedItems: { key: string; at: number }[];
  /** The seed stopped early and the cache could not keep that (absent, slow or evicted within the hour). */
  seedCutAndForgotten: boolean;
  firedTwice: number;
  oldFired: number;
  /** Fired, but not in the first recorded poll after it was created (held by a partial poll). */
  late: number;
  requests: number;
  meanRequests: number;
  /** Mean requests of polls with fewer than a page of messages since the poll before. */
  quietMeanRequests: number;
  quietPolls: number;
  logs: string[];
}

class Throttled extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ThrottledError';
  }
}

class MemoryStore implements WatermarkStore {
  value: Watermarks | undefined;
  /** Clock readings at which the entry was evicted. */
  readonly evictions: number[] = [];
  constructor(
    private readonly mode: CacheMode,
    private readonly random: () => number,
    private readonly evictRate: number,
    private readonly clock: () => number,
  ) {}
  async read() {
    if (this.mode === 'slow') return undefined;
    if (this.mode === 'evicted' && this.random() < this.evictRate) {
      this.value = undefined;
      this.evictions.push(this.clock());
    }
    return this.value;
  }
  async write(value: Watermarks) {
    if (this.mode !== 'slow') this.value = value;
  }
}

export async function simulate(scenario: SimScenario): Promise<SimResult> {
  const random = generator(scenario.seed);
  const latency = scenario.latency ?? (() => 300);
  const items: Item[] = [];
  let count = 0;
  const add = (at: number) => items.push({ key: `m${(count += 1)}`, at });
  // Two days of history and a busy hour before the Zap is switched on: none may fire.
  for (let i = 0; i < 300; i += 1) add(START - 1 - Math.floor(random() * 48 * 60 * MINUTE));
  for (let i = 0; i < 200; i += 1) add(START - 1 - Math.floor(random() * 60 * MINUTE));
  const firstNew = count;

  const interval = scenario.intervalMin * MINUTE;
  const pollCount = Math.round((scenario.hours * 60) / scenario.intervalMin);
  const times = Array.from({ length: pollCount + 4 }, (_, i) => START + i * interval);
  for (let i = 0; i < pollCount; i += 1) {
    const from = times[i] as number;
    const arriving =
      Math.round((scenario.perHour * scenario.intervalMin) / 60) +
      (scenario.bursts ?? [])
        .filter((b) => b.after === i && !b.sameInstant)
        .reduce((a, b) => a + b.count, 0);
    for (let j = 0; j < arriving; j += 1) add(from + 1 + Math.floor(random() * interval));
    for (const burst of (scenario.bursts ?? []).filter((b) => b.after === i && b.sameInstant)) {
      const instant = from + 1 + Math.floor(random() * interval);
      for (let j = 0; j < burst.count; j += 1) add(instant);
    }
  }
  const sorted = [...items].sort((a, b) => b.at - a.at);

  let clock = START;
  const store =
    scenario.cache === 'absent'
      ? undefined
      : new MemoryStore(scenario.cache, random, scenario.evictRate ?? 0.3, () => clock);
  const recorded = new Set<string>();
  let seeded = new Set<string>();
  let seedCut = false;
  const firedAt = new Map<string, number[]>();
  const polls: SimPoll[] = [];
  const logs: string[] = [];

  for (const [index, at] of times.entries()) {
    clock = Math.max(clock, at);
    const tail = index > pollCount; // the last polls: no failures, so the count of missed is final
    const fails =
      index > 0 &&
      !tail &&
      (random() < (scenario.failRate ?? 0) || scenario.fails?.(index) === true);
    const drops = index > 0 && !tail && random() < (scenario.dropRate ?? 0);
    let requests = 0;
    const fetchPage = async (page: number, timeoutMs: number) => {
      requests += 1;
      const took =
        index === 0 && scenario.seedLatencyMs !== undefined
          ? scenario.seedLatencyMs
          : latency(random);
      if (fails && page === 1) {
        clock += Math.min(took, timeoutMs);
        throw new Throttled('Re:amaze is temporarily unavailable (503).');
      }
      if (took > timeoutMs) {
        clock += timeoutMs;
        throw new Throttled(`Re:amaze did not answer within ${timeoutMs / 1000} seconds.`);
      }
      // The page reflects the list when the answer is built, at the end of the latency.
      clock += took;
      const visible = sorted.filter((item) => item.at <= clock);
      if (scenario.unstableTies) shuffleTies(visible, random);
      return {
        items: visible.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
        pageCount: Math.ceil(visible.length / PAGE_SIZE),
        totalCount: visible.length,
      };
    };
    const previous = index > 0 ? (times[index - 1] as number) : at;
    const arrived = items.filter((item) => item.at > previous && item.at <= at).length;
    const record: SimPoll = {
      at,
      failed: false,
      dropped: drops,
      requests: 0,
      arrived,
      fired: [],
    };
    if (store && scenario.planted?.before === index) store.value = scenario.planted.value(clock);
    for (let attempt = 0; ; attempt += 1) {
      try {
        const result = await pollNewestFirst<Item>({
          fetchPage,
          createdAt: (item) => item.at,
          identity: (item) => item.key,
          meta: index === 0 ? { isPopulatingDedupe: true } : {},
          maxPages: scenario.maxPages,
          now: () => clock,
          watermarks: store,
          log: (message) => logs.push(message),
        } as Parameters<typeof pollNewestFirst<Item>>[0]);
        const keys = result.map((item) => item.key);
        if (new Set(keys).size !== keys.length) throw new Error('one result repeats an identity');
        if (index === 0) {
          seeded = new Set(keys);
          seedCut = logs.length > 0;
        }
        if (!drops) {
          for (const key of keys) {
            if (recorded.has(key)) continue;
            recorded.add(key);
            if (index > 0) {
              record.fired.push(key);
              firedAt.set(key, [...(firedAt.get(key) ?? []), at]);
            }
          }
        }
        break;
      } catch (error) {
        if ((error as Error).name !== 'ThrottledError') throw error;
        // A failed seed leaves the Zap off: the user switches it on again until the seed succeeds.
        if (index === 0 && attempt < 20) continue;
        record.failed = true;
        break;
      }
    }
    record.requests = requests;
    polls.push(record);
  }

  const recordedPolls = polls.filter((p, i) => i > 0 && !p.failed && !p.dropped);
  let missed = 0;
  let oldFired = 0;
  let late = 0;
  let firedTwice = 0;
  let excused = 0;
  const missedItems: Item[] = [];
  // The documented loss: no successful poll within the look-back after the message was created.
  const succeeded = polls.filter((p, i) => i > 0 && !p.failed);
  const outage = (at: number) => !succeeded.some((p) => p.at >= at && p.at < at + HORIZON_MS);
  for (const item of items) {
    const fired = firedAt.get(item.key);
    const isNew = Number(item.key.slice(1)) > firstNew;
    // Created while the seed ran and returned by it: Zapier counts it as there before the Zap.
    if (seeded.has(item.key)) continue;
    if (!isNew) {
      if (fired) oldFired += 1;
      continue;
    }
    if (!fired) {
      missed += 1;
      missedItems.push(item);
    } else {
      if (fired.length > 1) firedTwice += 1;
      const due = recordedPolls.find((p) => p.at >= item.at);
      if (due && (fired[0] as number) > due.at) late += 1;
    }
    if (!fired && outage(item.at)) excused += 1;
  }
  const live = polls.slice(1).filter((p) => !p.failed);
  const quiet = live.filter((p) => p.arrived < PAGE_SIZE);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const requests = sum(live.map((p) => p.requests));
  return {
    polls,
    messages: count - firstNew,
    missed,
    missedInOutage: excused,
    missedItems,
    // The documented way an old item can fire: the seed was cut short and its note was lost.
    seedCutAndForgotten:
      seedCut &&
      (scenario.cache !== 'present' ||
        (store?.evictions ?? []).some((at) => at < START + HORIZON_MS + interval)),
    firedTwice,
    oldFired,
    late,
    requests,
    meanRequests: requests / live.length,
    quietMeanRequests: sum(quiet.map((p) => p.requests)) / Math.max(1, quiet.length),
    quietPolls: quiet.length,
    logs,
  };
}

/** Shuffles each run of equal instants in place: a database free to list ties in any order. */
function shuffleTies(list: Item[], random: () => number): void {
  for (let start = 0; start < list.length;) {
    let end = start + 1;
    while (end < list.length && list[end]?.at === list[start]?.at) end += 1;
    for (let i = end - 1; i > start; i -= 1) {
      const j = start + Math.floor(random() * (i - start + 1));
      [list[i], list[j]] = [list[j] as Item, list[i] as Item];
    }
    start = end;
  }
}

/** The grid of the issue: busy steady brands on each plan, bursts, failures, slow pages, the cache. */
export function scenarioGrid(): { name: string; scenario: SimScenario }[] {
  const grid: { name: string; scenario: SimScenario }[] = [];
  let seed = 1;
  for (const perHour of [30, 120, 600]) {
    for (const intervalMin of [1, 5, 15]) {
      for (const cache of ['present', 'absent'] as const) {
        grid.push({
          name: `steady ${perHour}/h, ${intervalMin}-min plan, cache ${cache}`,
          scenario: { seed: (seed += 1), hours: 6, intervalMin, perHour, cache },
        });
      }
    }
  }
  for (const count of [300, 600]) {
    for (const cache of ['present', 'absent'] as const) {
      grid.push({
        name: `burst of ${count} on 120/h, 5-min plan, cache ${cache}`,
        scenario: {
          seed: (seed += 1),
          hours: 3,
          intervalMin: 5,
          perHour: 120,
          bursts: [{ after: 10, count }],
          cache,
        },
      });
    }
  }
  for (const cache of ['present', 'absent', 'evicted'] as const) {
    grid.push({
      name: `random failed polls (20 %), 120/h, 15-min plan, cache ${cache}`,
      scenario: {
        seed: (seed += 1),
        hours: 24,
        intervalMin: 15,
        perHour: 120,
        failRate: 0.2,
        cache,
      },
    });
    grid.push({
      name: `slow pages (0.2–11 s), 600/h, 5-min plan, cache ${cache}`,
      scenario: {
        seed: (seed += 1),
        hours: 6,
        intervalMin: 5,
        perHour: 600,
        latency: (random) => 200 + Math.floor(random() * 10_800),
        cache,
      },
    });
  }
  grid.push({
    name: 'results dropped by Zapier (10 %) after the cache was written, 600/h, 1-min plan',
    scenario: {
      seed: (seed += 1),
      hours: 3,
      intervalMin: 1,
      perHour: 600,
      dropRate: 0.1,
      cache: 'present',
    },
  });
  grid.push({
    name: 'cache evicted at random (30 %), 600/h, 5-min plan',
    scenario: { seed: (seed += 1), hours: 6, intervalMin: 5, perHour: 600, cache: 'evicted' },
  });
  grid.push({
    name: 'cache too slow to answer, 600/h, 5-min plan',
    scenario: { seed: seed + 1, hours: 6, intervalMin: 5, perHour: 600, cache: 'slow' },
  });
  return grid;
}

/**
 * What every scenario must show: nothing fired twice; nothing missed but in an outage longer than
 * the look-back; nothing old fired unless the seed was cut short and the cache could not keep it
 * (the conditions of docs/polling.md).
 */
export function expectSound(result: SimResult): void {
  expect(result.firedTwice).toBe(0);
  expect(result.missed).toBe(result.missedInOutage);
  if (!result.seedCutAndForgotten) expect(result.oldFired).toBe(0);
}

/** Pages one poll reads at `latencyMs` a page (docs/polling.md "Page capacity"). */
export const pagesPerPoll = (latencyMs: number) =>
  Math.min(Math.floor(23_000 / latencyMs) + 1, Math.floor(25_000 / latencyMs));

/**
 * The documented bound on a backlog (docs/polling.md): with the Zap's state, each poll after the
 * burst reads page 1 and then `pagesPerPoll − 1` pages of the backlog, for the hour of look-back.
 * A burst within what the hour's polls (less five: steps back at ties, polls busy with new items) can read loses nothing; past it, at most the excess.
 */
export function backlogBound(count: number, latencyMs: number, intervalMin: number): number {
  const polls = Math.floor(60 / intervalMin) - 5;
  return Math.max(0, count - polls * (pagesPerPoll(latencyMs) - 1) * PAGE_SIZE);
}

/** Bursts bigger than one poll can page, over a slow API, on the 1-minute plan (and the 5-minute case). */
export function backlogGrid(): { name: string; scenario: SimScenario; bound: number }[] {
  const grid: { name: string; scenario: SimScenario; bound: number }[] = [];
  let seed = 500;
  const burst = (count: number, latencyMs: number, intervalMin: number): SimScenario => ({
    seed: (seed += 1),
    hours: 1.5,
    intervalMin,
    perHour: 120,
    bursts: [{ after: 1, count }],
    latency: () => latencyMs,
    seedLatencyMs: 300,
    cache: 'present',
  });
  grid.push({
    name: 'burst of 400 at 6 s a page, 5-minute plan',
    scenario: burst(400, 6_000, 5),
    bound: backlogBound(400, 6_000, 5),
  });
  for (const count of [400, 1_000, 3_000]) {
    for (const latencyMs of [1_000, 5_000, 11_000]) {
      grid.push({
        name: `burst of ${count} at ${latencyMs / 1000} s a page, 1-minute plan`,
        scenario: burst(count, latencyMs, 1),
        bound: backlogBound(count, latencyMs, 1),
      });
    }
  }
  grid.push({
    name: '120 items of one millisecond in an unstable tie order, 1 s a page, 5-minute plan',
    scenario: {
      ...burst(0, 1_000, 5),
      bursts: [
        { after: 1, count: 120, sameInstant: true },
        { after: 3, count: 45, sameInstant: true },
        { after: 3, count: 150 },
      ],
      unstableTies: true,
    },
    bound: 0,
  });
  for (const [what, value] of [
    ['floors 30 days ahead', (at: number) => ({ floors: [at + 30 * DAY, at + 30 * DAY] })],
    [
      'a seed mark 30 days ahead',
      (at: number) => ({ floors: [at - HOUR, at - HOUR], since: at + 30 * DAY }),
    ],
    ['floors above the newest item', (at: number) => ({ floors: [at - 1_000, at - 1_000] })],
    [
      'a cursor 30 days ahead',
      (at: number) => ({
        floors: [at - HOUR, at - HOUR],
        rest: [at + 30 * DAY, at + 30 * DAY, 0, 0, 0],
      }),
    ],
  ] as const) {
    grid.push({
      name: `implausible stored value (${what}) before a burst of 40`,
      scenario: {
        ...burst(40, 300, 5),
        planted: { before: 2, value: value as (at: number) => Watermarks },
      },
      bound: 0,
    });
  }
  return grid;
}

const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
