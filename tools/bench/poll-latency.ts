import { startPollSession, type PollSession } from './poll-session';
import { median, timeMs } from './stats';
import type { Row } from './table';

/**
 * Poll latency with 50 ms added to every answer by the sandbox, as a distant API would: a quiet
 * poll against one bare request to the same endpoint through z.request (so the runner's own cost
 * per invocation is on both sides), and a 150-message burst in round trips of that bare request.
 * Pairs alternate so drift in machine load falls on both sides alike.
 */

const LATENCY_MS = 50;
const BURST = 150;
const QUIET_TARGET = 1.2;
const BURST_TARGET_ROUND_TRIPS = 6;
const WARM_UP = 5;

async function pairs(
  session: PollSession,
  repetitions: number,
): Promise<{ bareMs: number; pollMs: number }> {
  const bare: number[] = [];
  const poll: number[] = [];
  for (let i = 0; i < repetitions; i += 1) {
    if (i % 2 === 0) {
      bare.push(await timeMs(() => session.bareRequest()));
      poll.push(await timeMs(() => session.poll()));
    } else {
      poll.push(await timeMs(() => session.poll()));
      bare.push(await timeMs(() => session.bareRequest()));
    }
  }
  return { bareMs: median(bare), pollMs: median(poll) };
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;

export async function measurePollLatency(
  quietRepetitions: number,
  burstRepetitions: number,
): Promise<Row[]> {
  const session = await startPollSession();
  try {
    // Warm up the runner and the JIT without latency, as a Lambda that has served a poll before.
    for (let i = 0; i < WARM_UP; i += 1) {
      await session.bareRequest();
      await session.poll();
    }
    session.sandbox.setLatency(LATENCY_MS);
    const quiet = await pairs(session, quietRepetitions);
    session.sandbox.setLatency(0);
    session.sandbox.addBurst(BURST);
    await session.poll();
    session.sandbox.setLatency(LATENCY_MS);
    const burst = await pairs(session, burstRepetitions);
    const roundTrips = burst.pollMs / burst.bareMs;
    return [
      {
        measurement: `Poll latency, +${LATENCY_MS} ms a request: quiet poll (median of ${quietRepetitions})`,
        baseline: `bare z.request ${ms(quiet.bareMs)}`,
        value: `poll ${ms(quiet.pollMs)}`,
        ratio: quiet.pollMs / quiet.bareMs,
        target: `ratio ≤ ${QUIET_TARGET}`,
        met: quiet.pollMs / quiet.bareMs <= QUIET_TARGET,
      },
      {
        measurement: `Poll latency, +${LATENCY_MS} ms a request: ${BURST} new messages (median of ${burstRepetitions})`,
        baseline: `bare z.request ${ms(burst.bareMs)}`,
        value: `poll ${ms(burst.pollMs)} = ${roundTrips.toFixed(1)} round trips`,
        ratio: roundTrips,
        target: `≤ ${BURST_TARGET_ROUND_TRIPS} round trips`,
        met: roundTrips <= BURST_TARGET_ROUND_TRIPS,
      },
    ];
  } finally {
    await session.stop();
  }
}
