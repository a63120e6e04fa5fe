import { MINUTE, backlogGrid, expectSound, simulate } from './poll-simulation';

/** Small seeded runs of the paging rule with the Zap's watermarks; the full grid: poll-simulation.long.test.ts. */

describe('paging with per-Zap watermarks, over simulated hours (fake clock)', () => {
  it('a busy steady brand (600 an hour, 1-minute plan) costs one request a poll with the cache, every page of the hour without it', async () => {
    const cached = await simulate({
      seed: 11,
      hours: 1,
      intervalMin: 1,
      perHour: 600,
      cache: 'present',
    });
    expectSound(cached);
    expect(cached.missed).toBe(0);
    expect(cached.polls.slice(1).every((p) => p.requests === 1)).toBe(true);

    const stateless = await simulate({
      seed: 11,
      hours: 1,
      intervalMin: 1,
      perHour: 600,
      cache: 'absent',
    });
    expectSound(stateless);
    expect(stateless.missed).toBe(0);
    // The look-back alone re-reads the hour (up to 600 messages, 20 pages) every poll.
    expect(stateless.meanRequests).toBeGreaterThan(10 * cached.meanRequests);
  });

  it('a burst of 600 between two polls: every message fires, in the next poll, in at most ceil(600 / 30) + 1 requests', async () => {
    const result = await simulate({
      seed: 12,
      hours: 1,
      intervalMin: 5,
      perHour: 120,
      bursts: [{ after: 4, count: 600 }],
      cache: 'present',
    });
    expectSound(result);
    expect(result.missed).toBe(0);
    expect(result.late).toBe(0);
    const burstPoll = result.polls[5];
    expect(burstPoll?.fired.length).toBeGreaterThanOrEqual(600);
    expect(burstPoll?.requests).toBeLessThanOrEqual(Math.ceil(600 / 30) + 1);
  });

  it('slow pages (up to 11 s): polls stop on the budget, say so, and the next polls read the rest', async () => {
    const result = await simulate({
      seed: 13,
      hours: 2,
      intervalMin: 5,
      perHour: 600,
      latency: (random) => 200 + Math.floor(random() * 10_800),
      cache: 'present',
    });
    expectSound(result);
    expect(result.missed).toBe(0);
    expect(result.logs.length).toBeGreaterThan(0);
    expect(result.logs[0]).toMatch(/^Stopped after \d+ page\(s\), \d+ items and [\d.]+ s because /);
  });

  it('results Zapier drops after the cache was written, failed polls and an evicted cache lose nothing', async () => {
    for (const scenario of [
      { seed: 14, dropRate: 0.15, cache: 'present' as const },
      { seed: 15, failRate: 0.15, cache: 'present' as const },
      { seed: 16, cache: 'evicted' as const, evictRate: 0.4 },
      { seed: 17, cache: 'slow' as const },
    ]) {
      const result = await simulate({ hours: 2, intervalMin: 1, perHour: 600, ...scenario });
      expectSound(result);
      expect([scenario.seed, result.missed]).toEqual([scenario.seed, result.missedInOutage]);
    }
  });

  it('past the look-back (an outage of more than an hour) messages are missed, never fired late as old', async () => {
    const result = await simulate({
      seed: 18,
      hours: 3,
      intervalMin: 15,
      perHour: 120,
      fails: (index) => index >= 2 && index <= 6, // 90 minutes without a successful poll
      cache: 'present',
    });
    expectSound(result);
    expect(result.missed).toBeGreaterThan(0);
    // Only messages with no successful poll within the hour after them are missed.
    const resumed = result.polls[7]?.at ?? 0;
    for (const item of result.missedItems) expect(item.at).toBeLessThan(resumed - 60 * MINUTE);
  });

  // Slices of the backlog grid (poll-simulation.long.test.ts runs all of it).
  it.each(
    backlogGrid().filter(({ name }) =>
      /^burst of 400 at 6 s|unstable tie order|\(floors 30 days ahead\)/.test(name),
    ),
  )('$name: read whole over the next polls, nothing twice, nothing old', async ({ scenario }) => {
    const result = await simulate(scenario);
    expect([result.missed, result.firedTwice, result.oldFired]).toEqual([0, 0, 0]);
    expect(result.messages).toBeGreaterThan(0);
  });
});
