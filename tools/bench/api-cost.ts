import { messageIdentity } from '../../lib/records/message';
import { Clock } from '../sandbox/clock';
import { messageShape } from '../sandbox/shapes';
import { startPollSession, type PollSession } from './poll-session';
import { median } from './stats';
import type { Row } from './table';

/**
 * API cost per poll: requests the sandbox receives for one New Message poll, since every request
 * counts against Re:amaze's per-token rate limit shared with every other tool the team runs.
 * Quiet: the seeded brand as is (a few messages in the last hour). Burst: 150 new messages since
 * the last poll, which take ceil(150 / page size) pages to list at the very least.
 */

const BURST = 150;
const BURST_TARGET = 6;

/** Burst messages the poll returned: the sandbox writes "Burst message i of n" in their bodies. */
function burstItemsIn(items: { body?: unknown }[]): number {
  return items.filter(
    (item) => typeof item.body === 'string' && item.body.startsWith('Burst message '),
  ).length;
}

async function requestsPerPoll(session: PollSession, repetitions: number) {
  const counts: number[] = [];
  let items = 0;
  let burstItems = 0;
  for (let i = 0; i < repetitions; i += 1) {
    counts.push(
      await session.countRequests(async () => {
        const polled = await session.poll();
        items = polled.length;
        burstItems = burstItemsIn(polled);
      }),
    );
  }
  return { requests: median(counts), items, burstItems };
}

export async function measureApiCost(repetitions: number, busyPolls: number): Promise<Row[]> {
  return [...(await quietAndBurst(repetitions)), ...(await busyBrand(busyPolls))];
}

async function quietAndBurst(repetitions: number): Promise<Row[]> {
  const session = await startPollSession();
  try {
    let pageSize = 0;
    const bareCounts: number[] = [];
    for (let i = 0; i < repetitions; i += 1) {
      bareCounts.push(
        await session.countRequests(async () => {
          pageSize = await session.bareRequest();
        }),
      );
    }
    const bare = median(bareCounts);
    const quiet = await requestsPerPoll(session, repetitions);
    session.sandbox.addBurst(BURST);
    const burst = await requestsPerPoll(session, repetitions);
    if (burst.burstItems !== BURST) {
      throw new Error(`the burst poll returned ${burst.burstItems} of the ${BURST} new messages`);
    }
    const minimumPages = Math.ceil(BURST / pageSize);
    return [
      {
        measurement: `API cost: quiet poll (median of ${repetitions})`,
        baseline: `bare request ${bare} request`,
        value: `${quiet.requests} request, ${quiet.items} items`,
        ratio: quiet.requests / bare,
        target: 'exactly 1 request',
        met: quiet.requests === 1,
      },
      {
        measurement: `API cost: ${BURST} new messages (median of ${repetitions})`,
        baseline: `${minimumPages} pages of ${pageSize} hold them`,
        value: `${burst.requests} requests, ${burst.items} items (all ${BURST} new)`,
        ratio: burst.requests / minimumPages,
        target: `≤ ${BURST_TARGET} requests`,
        met: burst.requests <= BURST_TARGET,
      },
    ];
  } finally {
    await session.stop();
  }
}

/**
 * A busy brand: 600 messages an hour, one every 6 s, polled every minute on a frozen clock that
 * the trigger reads too (Date.now is the sandbox clock while this runs). Without a Zap id the
 * trigger keeps no state and re-reads the hour every poll; with one, its watermarks in z.cache
 * (the runner's in-memory mock) let a poll stop at the poll before the last. Then a burst of 600
 * messages between two polls, with the watermarks in place.
 */
const BUSY_PER_MINUTE = 10;
const BUSY_BURST = 600;

async function busyBrand(polls: number): Promise<Row[]> {
  const clock = new Clock();
  const start = Date.now();
  clock.freeze(start);
  const realNow = Date.now;
  Date.now = () => clock.now();
  const session = await startPollSession(clock);
  try {
    session.sandbox.addBurst(60 * BUSY_PER_MINUTE, { at: start, spacingMs: 6_000 });
    const minute = async (meta: Record<string, unknown>) => {
      clock.advance(60_000);
      session.sandbox.addBurst(BUSY_PER_MINUTE, { at: clock.now(), spacingMs: 6_000 });
      return session.countRequests(() => session.poll(meta));
    };
    const stateless: number[] = [];
    for (let i = 0; i < polls; i += 1) stateless.push(await minute({}));
    const zap = { zap: { id: 'bench-busy', user: { timezone: 'UTC' } } };
    // Two polls to store two watermarks (the first pages the hour: nothing is stored yet).
    await minute(zap);
    await minute(zap);
    const cached: number[] = [];
    for (let i = 0; i < polls; i += 1) cached.push(await minute(zap));

    clock.advance(60_000);
    const burst = new Set(
      session.sandbox
        .addBurst(BUSY_BURST, { at: clock.now(), spacingMs: 50 })
        .map((message) => messageIdentity(messageShape(session.sandbox.store, message))),
    );
    let returned = 0;
    const burstRequests = await session.countRequests(async () => {
      returned = (await session.poll(zap)).filter((item) => burst.has(item.id)).length;
    });
    if (returned !== BUSY_BURST) {
      throw new Error(`the burst poll returned ${returned} of the ${BUSY_BURST} new messages`);
    }
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const burstTarget = Math.ceil(BUSY_BURST / 30) + 1;
    return [
      {
        measurement: `API cost: busy brand, ${BUSY_PER_MINUTE * 60} messages an hour, 1-minute plan, with the Zap's watermarks (mean of ${polls} polls)`,
        baseline: `no watermarks ${mean(stateless).toFixed(1)} requests a poll`,
        value: `${mean(cached).toFixed(2)} requests a poll`,
        ratio: mean(cached) / mean(stateless),
        target: '1.0 request a poll',
        met: mean(cached) === 1,
      },
      {
        measurement: `API cost: ${BUSY_BURST} new messages between two polls of that brand, with watermarks`,
        baseline: `${Math.ceil(BUSY_BURST / 30)} pages of 30 hold them`,
        value: `${burstRequests} requests, all ${BUSY_BURST} returned`,
        ratio: burstRequests / Math.ceil(BUSY_BURST / 30),
        target: `≤ ${burstTarget} requests`,
        met: burstRequests <= burstTarget,
      },
    ];
  } finally {
    Date.now = realNow;
    await session.stop();
  }
}
