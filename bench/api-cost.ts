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

export async function measureApiCost(repetitions: number): Promise<Row[]> {
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
