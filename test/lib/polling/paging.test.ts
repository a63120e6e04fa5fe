import fc from 'fast-check';
import {
  DEFAULT_HORIZON_MS,
  LATE_ARRIVAL_MS,
  MAX_CLOCK_AHEAD_MS,
  MAX_RESULT_BYTES,
  MIN_PAGE_TIME_MS,
  POLL_BUDGET_MS,
  pollNewestFirst,
  type NewestFirstPoll,
} from '../../../lib/polling/paging';
import { parseInstant } from '../../../lib/http/api-values';
import { REQUEST_TIMEOUT_MS } from '../../../lib/http/client';
import type { Watermarks, WatermarkStore } from '../../../lib/polling/zap-state';
import { runs } from '../../runs';

const MINUTE = 60_000;
const NOW = Date.parse('2026-03-09T12:00:00.000Z');
const PAGE = 30;

type Item = { key: string; at?: number };

/** A newest-first list served 30 a page, recording each request's page and timeout. */
function list(items: Item[], pageCount?: number) {
  const sorted = [...items].sort((a, b) => (b.at ?? 0) - (a.at ?? 0));
  const calls: { page: number; timeoutMs: number }[] = [];
  const fetchPage = async (page: number, timeoutMs: number) => {
    calls.push({ page, timeoutMs });
    return {
      items: sorted.slice((page - 1) * PAGE, page * PAGE),
      pageCount: pageCount ?? Math.ceil(sorted.length / PAGE),
      totalCount: sorted.length,
    };
  };
  return { fetchPage, calls };
}

/** The rule's tests use a round 30-minute horizon; the default is pinned on its own. */
const HORIZON_MS = 30 * MINUTE;

function poll(
  fetchPage: NewestFirstPoll<Item>['fetchPage'],
  extra: Partial<NewestFirstPoll<Item>> = {},
) {
  return pollNewestFirst<Item>({
    fetchPage,
    createdAt: (item) => item.at,
    identity: (item) => item.key,
    now: () => NOW,
    horizonMs: HORIZON_MS,
    ...extra,
  });
}

/** `count` items, one every `spacingMs`, the newest `newestAgeMs` old. */
function items(count: number, spacingMs: number, newestAgeMs = 0, prefix = 'i'): Item[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `${prefix}${i}`,
    at: NOW - newestAgeMs - i * spacingMs,
  }));
}

describe('pollNewestFirst', () => {
  it('looks back 60 minutes by default: three failed 15-minute polls in a row lose nothing', () => {
    expect(DEFAULT_HORIZON_MS).toBe(60 * MINUTE);
  });

  it('a quiet list (page 1 reaches past the horizon) costs one request and returns page 1 whole', async () => {
    const { fetchPage, calls } = list(items(90, 5 * MINUTE));
    const result = await poll(fetchPage);
    expect(calls).toEqual([{ page: 1, timeoutMs: REQUEST_TIMEOUT_MS }]);
    expect(result.map((i) => i.key)).toEqual(items(30, 5 * MINUTE).map((i) => i.key));
  });

  it('pages on while each page lies inside the horizon, and from later pages keeps only items inside it', async () => {
    // One item a minute: the horizon (30 min) holds items 0–30; page 2 is items 30–59.
    const { fetchPage, calls } = list(items(200, MINUTE));
    const result = await poll(fetchPage);
    expect(calls.map((c) => c.page)).toEqual([1, 2]);
    expect(result.map((i) => i.key)).toEqual(items(31, MINUTE).map((i) => i.key));
  });

  it('a burst pages as deep as it goes: no page cap, only the time and size budgets', async () => {
    const burst = items(150, 1_000); // 150 items in 2.5 minutes
    const { fetchPage, calls } = list([...burst, ...items(100, 60 * MINUTE, 40 * MINUTE, 'old')]);
    const result = await poll(fetchPage);
    expect(calls.map((c) => c.page)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(result.map((i) => i.key)).toEqual(burst.map((i) => i.key));

    const huge = list(items(1000, 100));
    expect(await poll(huge.fetchPage)).toHaveLength(1000);
    expect(huge.calls).toHaveLength(34);
  });

  it('stops before the result outgrows Zapier’s payload limit, and says so', async () => {
    const big = Array.from({ length: 600 }, (_, i) => ({
      key: `b${i}`,
      at: NOW - i * 1_000,
      body: 'x'.repeat(20_000),
    }));
    const { fetchPage, calls } = list(big);
    const logs: string[] = [];
    const result = await poll(fetchPage, { log: (line) => logs.push(line) });
    // 30 items of ~20 kB a page: 2.5 MB is reached after 5 pages (150 items).
    expect(calls).toHaveLength(Math.ceil(MAX_RESULT_BYTES / (30 * 20_040)));
    expect(result).toHaveLength(calls.length * PAGE);
    expect(logs).toEqual([
      expect.stringMatching(
        /^Stopped after 5 page\(s\), 150 items and 0 s because the result reached its size limit/,
      ),
    ]);
  });

  it('stops at the last page Re:amaze reports, and on an empty page', async () => {
    const { fetchPage, calls } = list(items(45, 1_000));
    expect(await poll(fetchPage)).toHaveLength(45);
    expect(calls.map((c) => c.page)).toEqual([1, 2]);

    const empty = list([]);
    expect(await poll(empty.fetchPage)).toEqual([]);
    expect(empty.calls).toHaveLength(1);

    const lying = list(items(30, 1_000), 5); // page_count says 5, page 2 is empty
    expect(await poll(lying.fetchPage)).toHaveLength(30);
    expect(lying.calls.map((c) => c.page)).toEqual([1, 2]);
  });

  it('an item without a creation time is never proof of recency: paging stops, and it is left out of later pages', async () => {
    const page1 = [...items(29, 1_000), { key: 'undated' }];
    const { fetchPage, calls } = list(page1, 3);
    const result = await poll(fetchPage);
    expect(calls).toHaveLength(1);
    expect(result.map((i) => i.key)).toContain('undated'); // page 1 is always whole

    const later = list([...items(30, 1_000), { key: 'undated', at: undefined }], 2);
    const sorted = await poll(later.fetchPage);
    expect(sorted.map((i) => i.key)).not.toContain('undated');
  });

  it('returns each identity once (a page boundary shifted between requests) and drops items without one', async () => {
    const pages: Item[][] = [
      [...items(29, 1_000), { key: '', at: NOW - 29_500 }],
      [{ key: 'i28', at: NOW - 28_000 }, ...items(29, 1_000, 30_000, 'j')],
      [],
    ];
    const fetchPage = async (page: number) => ({
      items: pages[page - 1] ?? [],
      pageCount: 3,
      totalCount: 90,
    });
    const result = await pollNewestFirst<Item>({
      fetchPage,
      createdAt: (i) => i.at,
      identity: (i) => i.key || undefined,
      now: () => NOW,
    });
    expect(result.map((i) => i.key)).toEqual([
      ...items(29, 1_000).map((i) => i.key),
      ...items(29, 1_000, 30_000, 'j').map((i) => i.key),
    ]);
  });

  it('loading a sample in the editor costs one request', async () => {
    const { fetchPage, calls } = list(items(200, 1_000));
    expect(await poll(fetchPage, { meta: { isLoadingSample: true } })).toHaveLength(30);
    expect(calls).toHaveLength(1);
  });

  it('seeding dedupe follows the live rule', async () => {
    const live = list(items(200, 1_000));
    const seed = list(items(200, 1_000));
    const a = await poll(live.fetchPage);
    const b = await poll(seed.fetchPage, { meta: { isPopulatingDedupe: true } });
    expect(b).toEqual(a);
    expect(seed.calls).toEqual(live.calls);
  });

  it('respects bundle.meta.limit', async () => {
    const { fetchPage, calls } = list(items(200, 1_000));
    expect(await poll(fetchPage, { meta: { limit: 40 } })).toHaveLength(40);
    expect(calls).toHaveLength(2);
    const unlimited = list(items(200, 1_000));
    expect(await poll(unlimited.fetchPage, { meta: { limit: -1 } })).toHaveLength(200);
  });

  it('gives later pages only the time left in the budget, and starts none without enough', async () => {
    let clock = NOW;
    const { fetchPage, calls } = list(items(300, 100));
    const slow: typeof fetchPage = async (page, timeoutMs) => {
      const result = await fetchPage(page, timeoutMs);
      clock += 9_000;
      return result;
    };
    await poll(slow, { now: () => clock });
    // 25 s budget: page 2 after 9 s gets 12 s, page 3 after 18 s gets 7 s, none after 27 s.
    expect(calls).toEqual([
      { page: 1, timeoutMs: REQUEST_TIMEOUT_MS },
      { page: 2, timeoutMs: REQUEST_TIMEOUT_MS },
      { page: 3, timeoutMs: POLL_BUDGET_MS - 18_000 },
    ]);
    expect(POLL_BUDGET_MS - 27_000).toBeLessThan(MIN_PAGE_TIME_MS);
  });

  /** A page that fails as the client fails it: `ThrottledError` for what is temporary. */
  const failingOn = (failing: number, name: string) => {
    const { fetchPage, calls } = list(items(200, 1_000));
    const fetch: typeof fetchPage = async (page, timeoutMs) => {
      if (page === failing) {
        calls.push({ page, timeoutMs });
        const error = new Error(`Re:amaze did not answer within ${timeoutMs / 1000} seconds.`);
        error.name = name;
        throw error;
      }
      return fetchPage(page, timeoutMs);
    };
    return { fetch, calls };
  };

  it('a later page that fails temporarily ends the poll with the pages before it, logged', async () => {
    const { fetch, calls } = failingOn(3, 'ThrottledError');
    const logs: string[] = [];
    const result = await poll(fetch, { log: (line) => logs.push(line) });
    expect(calls.map((c) => c.page)).toEqual([1, 2, 3]);
    expect(result.map((i) => i.key)).toEqual(items(60, 1_000).map((i) => i.key));
    expect(logs).toEqual([
      'Stopped after 2 page(s), 60 items and 0 s because page 3 failed (Re:amaze did not answer within 12 seconds.), with older items not yet returned; the next poll reads on from the newest.',
    ]);
  });

  it('a failed page 1, a permanent failure on a later page, and any failure of the dedupe seed fail the poll', async () => {
    await expect(poll(failingOn(1, 'ThrottledError').fetch)).rejects.toThrow('did not answer');
    await expect(poll(failingOn(2, 'ExpiredAuthError').fetch)).rejects.toThrow('did not answer');
    await expect(
      poll(failingOn(2, 'ThrottledError').fetch, { meta: { isPopulatingDedupe: true } }),
    ).rejects.toThrow('did not answer');
  });
});

describe('parseInstant', () => {
  it('normalises any offset to the same instant and refuses what is not an ISO date-time', () => {
    expect(parseInstant('2014-02-25T21:58:53.286-07:00')).toBe(
      parseInstant('2014-02-26T04:58:53.286Z'),
    );
    expect(parseInstant('2014-02-26T06:58:53.286+02:00')).toBe(
      Date.UTC(2014, 1, 26, 4, 58, 53, 286),
    );
    for (const bad of [
      '',
      'yesterday',
      '1393390733',
      '2014-02-26',
      1393390733286,
      null,
      undefined,
    ]) {
      expect(parseInstant(bad)).toBeUndefined();
    }
  });
});

/**
 * The rule as Zapier experiences it: a Zap is switched on (seed poll), then polls every 1–15
 * minutes, firing ids it has not seen. Over any arrivals (quiet or bursts of up to 150 between
 * two polls), every item created after the Zap was switched on fires exactly once, in the first
 * poll after it was created; nothing from before fires; a poll with fewer than a page of items in
 * the horizon costs one request.
 */
describe('pollNewestFirst under Zapier dedupe (property)', () => {
  it('fires every new item once and on time, nothing old, and quiet polls cost one request', async () => {
    const gap = fc.integer({ min: 1, max: 15 });
    const arrivals = fc.oneof(
      { weight: 9, arbitrary: fc.integer({ min: 0, max: 3 }) },
      { weight: 1, arbitrary: fc.integer({ min: 30, max: 150 }) },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(gap, arrivals), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 400 }),
        async (steps, history) => {
          const start = NOW;
          const all: Item[] = items(history, 7 * MINUTE, 1, 'old');
          let clock = start;
          const seen = new Set<string>();
          const firedAt = new Map<string, number>();
          const runPoll = async (seed: boolean) => {
            const visible = all.filter((i) => (i.at as number) <= clock);
            const { fetchPage, calls } = list(visible);
            const result = await pollNewestFirst<Item>({
              fetchPage,
              createdAt: (i) => i.at,
              identity: (i) => i.key,
              now: () => clock,
              meta: seed ? { isPopulatingDedupe: true } : {},
            });
            for (const item of result) {
              if (!seen.has(item.key) && !seed) firedAt.set(item.key, clock);
              seen.add(item.key);
            }
            const inHorizon = visible.filter(
              (i) => (i.at as number) >= clock - DEFAULT_HORIZON_MS,
            ).length;
            if (inHorizon < PAGE) expect(calls).toHaveLength(1);
          };
          await runPoll(true);
          let count = 0;
          for (const [minutes, arriving] of steps) {
            const previous = clock;
            clock += minutes * MINUTE;
            for (let i = 0; i < arriving; i += 1) {
              count += 1;
              all.push({ key: `new${count}`, at: previous + 1 + ((i * 997) % (clock - previous)) });
            }
            await runPoll(false);
            for (const item of all.filter(
              (i) => (i.at as number) > previous && (i.at as number) <= clock,
            )) {
              expect([item.key, firedAt.get(item.key)]).toEqual([item.key, clock]);
            }
          }
          for (const key of firedAt.keys()) expect(key.startsWith('old')).toBe(false);
        },
      ),
      { numRuns: runs(150), seed: 20260309 },
    );
  });
});

/** An in-memory store, recording what each poll wrote. */
function memory(initial?: Watermarks): WatermarkStore & { writes: Watermarks[] } {
  let value = initial;
  const writes: Watermarks[] = [];
  return {
    writes,
    read: async () => value,
    write: async (next) => {
      writes.push(next);
      value = next;
    },
  };
}

describe('pollNewestFirst with per-Zap watermarks', () => {
  const busy = () => list(items(300, 10_000)); // one item every 10 s: 180 inside the 30-min horizon

  it('pages only down to the lower of the two stored floors, and writes [last floor, newest − 30 s]', async () => {
    const { fetchPage, calls } = busy();
    const store = memory({ floors: [NOW - 4 * MINUTE, NOW - 2 * MINUTE] });
    const result = await poll(fetchPage, { watermarks: store });
    // 4 minutes hold 24 items: page 1 already reaches below the floor.
    expect(calls).toHaveLength(1);
    expect(result).toHaveLength(30);
    expect(store.writes).toEqual([{ floors: [NOW - 2 * MINUTE, NOW - LATE_ARRIVAL_MS] }]);
  });

  it('without a stored value pages the whole horizon and writes its own floor as the one to use if this result is lost', async () => {
    const { fetchPage, calls } = busy();
    const store = memory();
    await poll(fetchPage, { watermarks: store });
    expect(calls).toHaveLength(7); // 180 items inside 30 minutes, and the page crossing it
    expect(store.writes).toEqual([{ floors: [NOW - HORIZON_MS, NOW - LATE_ARRIVAL_MS] }]);
  });

  it('never pages deeper than the horizon, whatever is stored', async () => {
    const { fetchPage, calls } = busy();
    await poll(fetchPage, { watermarks: memory({ floors: [NOW - 5 * HORIZON_MS, NOW] }) });
    expect(calls).toHaveLength(7);
  });

  it('a poll cut short leaves where it stopped; the next reads what is new, then on from there', async () => {
    let clock = NOW;
    const { fetchPage } = busy();
    const slow: typeof fetchPage = async (page, timeoutMs) => {
      clock += 9_000;
      return fetchPage(page, timeoutMs);
    };
    const floor = NOW - 20 * MINUTE;
    const store = memory({ floors: [floor, NOW - MINUTE] });
    const result = await poll(slow, { watermarks: store, now: () => clock });
    expect(result).toHaveLength(90); // 3 pages in the 25 s budget
    // Both floors just under the newest item; the unread region: at or below item 89, down to the floor.
    const below = NOW - 89 * 10_000;
    expect(store.writes).toEqual([
      { floors: [NOW - LATE_ARRIVAL_MS, NOW - LATE_ARRIVAL_MS], rest: [below, floor, 89, 90, 300] },
    ]);

    // Ten new items push the list down by ten: page 1 for them, then page 4 (places 90–119) on.
    const next = list([...items(10, 1_000, -20_000, 'new'), ...items(300, 10_000)]);
    const second = await poll(next.fetchPage, { watermarks: store, now: () => NOW + 20_000 });
    expect(next.calls.map((c) => c.page)).toEqual([1, 4, 5]);
    const read = new Set([...result, ...second].map((item) => item.key));
    const due = items(300, 10_000).filter((item) => (item.at as number) >= floor);
    expect(due.filter((item) => !read.has(item.key))).toEqual([]);
    expect(second.filter((item) => item.key.startsWith('new'))).toHaveLength(10);
    // The region is read: nothing left to resume.
    expect(store.writes[1]).toEqual({
      floors: [NOW - LATE_ARRIVAL_MS, NOW + 20_000 - LATE_ARRIVAL_MS],
    });
  });

  it('resumes on a page that begins at or above the boundary, reading a run of its instant from the start', async () => {
    // Items 85–94 share one instant: the boundary's run goes on past the place the last poll stopped.
    const tied = items(300, 10_000).map((item, i) =>
      i >= 85 && i < 95 ? { ...item, at: NOW - 85 * 10_000 } : item,
    );
    const { fetchPage, calls } = list(tied);
    const below = NOW - 85 * 10_000;
    const store = memory({
      floors: [NOW - LATE_ARRIVAL_MS, NOW - LATE_ARRIVAL_MS],
      rest: [below, NOW - 20 * MINUTE, 85, 90, 300],
    });
    const result = await poll(fetchPage, { watermarks: store });
    // Page 4 begins inside the run: page 3, where it starts, is read again.
    expect(calls.map((c) => c.page)).toEqual([1, 4, 3, 5]);
    const keys = new Set(result.map((item) => item.key));
    for (let i = 85; i < 95; i += 1) expect(keys.has(`i${i}`)).toBe(true);
  });

  it('a stored value that cannot be right (ahead of the clock, above the newest item) is ignored: the stateless rule', async () => {
    for (const value of [
      { floors: [NOW + 30 * 24 * 60 * MINUTE, NOW + 30 * 24 * 60 * MINUTE] },
      { floors: [NOW - HORIZON_MS, NOW - HORIZON_MS], since: NOW + 30 * 24 * 60 * MINUTE },
      { floors: [NOW + 1_000, NOW + 1_000] }, // above the newest item, within the clock's 5 minutes
      {
        floors: [NOW - MINUTE, NOW - MINUTE],
        rest: [NOW + 30 * 24 * 60 * MINUTE, NOW - HORIZON_MS, 0, 0, 0],
      },
    ] as Watermarks[]) {
      const { fetchPage, calls } = busy();
      const logs: string[] = [];
      const result = await poll(fetchPage, { watermarks: memory(value), log: (l) => logs.push(l) });
      expect([value, calls.length, result.length]).toEqual([value, 7, 181]);
      expect(logs).toEqual([
        'Ignored the stored paging state (dated ahead of the list); paging without it.',
      ]);
    }
  });

  it('a run of one instant listed in a new order on every request is read again until every item in it is seen', async () => {
    // 40 items of one instant across the boundary of pages 1 and 2, shuffled per request.
    const run = Array.from({ length: 40 }, (_, i) => ({ key: `t${i}`, at: NOW - 60_000 }));
    const older = items(50, 10_000, 2 * 60_000, 'o');
    let seed = 7;
    const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
    const calls: number[] = [];
    const fetchPage = async (page: number) => {
      calls.push(page);
      const shuffled = [...run].sort(() => random() - 0.5);
      const all = [...items(5, 1_000), ...shuffled, ...older];
      return {
        items: all.slice((page - 1) * PAGE, page * PAGE),
        pageCount: Math.ceil(all.length / PAGE),
        totalCount: all.length,
      };
    };
    const result = await poll(fetchPage, { horizonMs: 2 * 60_000 + 1 });
    const keys = new Set(result.map((item) => item.key));
    expect(run.filter((item) => !keys.has(item.key))).toEqual([]);
    expect(calls.length).toBeGreaterThan(3); // pages 1–3 and the rereads
  });

  it('the dedupe seed ignores what is stored, and when cut short marks where it stopped so older items never fire', async () => {
    let clock = NOW;
    const { fetchPage, calls } = busy();
    const slow: typeof fetchPage = async (page, timeoutMs) => {
      clock += 9_000;
      return fetchPage(page, timeoutMs);
    };
    const store = memory({ floors: [NOW, NOW] });
    const seed = await poll(slow, {
      watermarks: store,
      now: () => clock,
      meta: { isPopulatingDedupe: true },
    });
    expect(calls).toHaveLength(3);
    const oldest = NOW - (seed.length - 1) * 10_000;
    expect(store.writes).toEqual([
      { floors: [NOW - LATE_ARRIVAL_MS, NOW - LATE_ARRIVAL_MS], since: oldest + 1 },
    ]);

    // The next poll, fast, stops at that mark instead of paging the horizon.
    const next = busy();
    const result = await poll(next.fetchPage, {
      watermarks: memory({ floors: [NOW - HORIZON_MS, NOW - HORIZON_MS], since: oldest + 1 }),
    });
    expect(result.every((item) => (item.at as number) > oldest)).toBe(true);
    expect(next.calls).toHaveLength(3);
  });

  it('the editor sample neither reads nor writes; a run capped by meta.limit keeps its floor', async () => {
    const store = memory({ floors: [NOW - 20 * MINUTE, NOW - 10 * MINUTE] });
    const read = jest.spyOn(store, 'read');
    await poll(busy().fetchPage, { watermarks: store, meta: { isLoadingSample: true } });
    expect([read.mock.calls.length, store.writes]).toEqual([0, []]);
    expect(await poll(busy().fetchPage, { watermarks: store, meta: { limit: 10 } })).toHaveLength(
      10,
    );
    expect(store.writes).toEqual([{ floors: [NOW - 10 * MINUTE, NOW - 20 * MINUTE] }]);
  });

  it('a failed poll writes nothing', async () => {
    const store = memory();
    const failing = async () => {
      throw new Error('Re:amaze is temporarily unavailable (503).');
    };
    await expect(poll(failing, { watermarks: store })).rejects.toThrow('503');
    expect(store.writes).toEqual([]);
  });
});

describe('pollNewestFirst watermarks and a date from the future', () => {
  it('an item dated more than 5 minutes ahead of our clock does not lift the floor', async () => {
    const future = { key: 'future', at: NOW + MAX_CLOCK_AHEAD_MS + 1 };
    const { fetchPage } = list([future, ...items(100, 10_000)]);
    const store = memory({ floors: [NOW - 3 * MINUTE, NOW - 2 * MINUTE] });
    await poll(fetchPage, { watermarks: store });
    // Written as a poll that stopped early: its own floor, so the next pages as deep again.
    expect(store.writes).toEqual([{ floors: [NOW - 2 * MINUTE, NOW - 3 * MINUTE] }]);

    const soon = { key: 'soon', at: NOW + MAX_CLOCK_AHEAD_MS };
    const trusted = memory({ floors: [NOW - 3 * MINUTE, NOW - 2 * MINUTE] });
    await poll(list([soon, ...items(100, 10_000)]).fetchPage, { watermarks: trusted });
    expect(trusted.writes).toEqual([
      { floors: [NOW - 2 * MINUTE, NOW + MAX_CLOCK_AHEAD_MS - LATE_ARRIVAL_MS] },
    ]);
  });
});
