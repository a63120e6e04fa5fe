import { MESSAGE_HORIZON_MS } from '../../triggers/new_message';
import {
  FailedPollSimulation,
  MINUTE,
  POLL_FAULTS,
  generator,
  type PollFault,
  type PollRecord,
} from './failed-polls';

/**
 * Nothing is lost and nothing fires twice when polls fail: hours of traffic against the sandbox,
 * with 5xx, 429, HTML pages, timeouts and reset connections on some polls (on page 1 or a later
 * page), Zapier polling again at the next interval. Every failed poll must be a ThrottledError with
 * the right delay; every message must fire exactly once, in the first successful poll after it was
 * created. The last test measures how many failed polls in a row the look-back horizon survives.
 * Harness: ./failed-polls.ts. `SIMULATION_REPORT=1` prints the figures.
 */

jest.setTimeout(90_000);

const PAGE_SIZE = 30;
/** The scenario keeps the backlog since the last successful poll under this many messages. */
const CAP = 180;

let simulation: FailedPollSimulation;
let log: jest.SpyInstance;

beforeEach(() => {
  // A poll cut short by a failing later page logs it (z.console); nothing else may be logged.
  log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
});

afterEach(async () => {
  await simulation.stop();
  const unexpected = log.mock.calls
    .map(([line]) => String(line))
    .filter((line) => !/^New Message: Stopped after \d+ page\(s\)/.test(line));
  jest.restoreAllMocks();
  expect(unexpected).toEqual([]);
});

function report(name: string, figures: Record<string, unknown>): void {
  if (process.env.SIMULATION_REPORT) process.stdout.write(`${name}\n${JSON.stringify(figures)}\n`);
}

/** Every message fires exactly once, in the first successful poll at or after its creation. */
function expectEachMessageOnce(): void {
  const fired = simulation.firings();
  const expected = simulation.expected();
  for (const { id, at } of simulation.arrived) {
    const allowed = simulation.allowed(at);
    const when = fired.get(id);
    // Once, in the first successful poll after it, or (that poll cut short) in one of the next.
    expect([id, when?.length]).toEqual([id, allowed.length > 0 ? 1 : undefined]);
    if (when) expect([id, allowed.includes(when[0] as number)]).toEqual([id, true]);
  }
  // Nothing else fires: nothing from before the Zap was switched on.
  expect([...fired.keys()].filter((id) => !expected.has(id))).toEqual([]);
}

/** A failed poll is a ThrottledError with the fault's delay; no poll fails unplanned. */
function expectFailuresAsPlanned(): void {
  for (const poll of simulation.polls) {
    // A fault on page 1 fails the poll; on a later page it ends the poll with the pages before.
    const hit =
      poll.planned !== undefined &&
      poll.planned.request === 0 &&
      poll.requests === poll.planned.request + 1;
    expect([poll.index, poll.error?.name, poll.error?.delay]).toEqual(
      hit
        ? [poll.index, 'ThrottledError', poll.planned?.fault.delay]
        : [poll.index, undefined, undefined],
    );
  }
}

interface Plan {
  seed: number;
  hours: number;
  /** Minutes to the next poll. */
  interval: (random: () => number) => number;
  /** Longest run of failed polls to plan (it is cut short where it would outlast the horizon). */
  maxRun: number;
}

/**
 * Polls over `hours` of traffic: mostly a few messages between polls, sometimes more than a page.
 * A run of failed polls starts now and then; a poll is only planned to fail while the next one is
 * still within the horizon of the last successful poll (beyond it, see the last test). Arrivals
 * are held so the backlog since the last successful poll stays under {@link CAP} messages.
 */
async function simulate(plan: Plan): Promise<void> {
  const random = generator(plan.seed);
  simulation = new FailedPollSimulation(random);
  await simulation.start();
  const end = simulation.now + plan.hours * 60 * MINUTE;
  let next = simulation.now + plan.interval(random) * MINUTE;
  let runLeft = 0;
  let lastSuccess = simulation.now;
  while (next <= end) {
    const previous = simulation.now;
    const at = next;
    next = at + plan.interval(random) * MINUTE;

    const roll = random();
    const wanted =
      roll < 0.55
        ? Math.floor(random() * 4)
        : roll < 0.9
          ? 4 + Math.floor(random() * 9)
          : 31 + Math.floor(random() * 50);
    simulation.arrive(Math.min(wanted, CAP - simulation.backlog()), previous, at);
    simulation.clock.freeze(at);

    if (runLeft === 0 && random() < 0.2) runLeft = 1 + Math.floor(random() * plan.maxRun);
    let planned: { fault: PollFault; request: number } | undefined;
    if (runLeft > 0 && next - lastSuccess <= MESSAGE_HORIZON_MS) {
      runLeft -= 1;
      const inHorizon = simulation.arrived.filter((m) => m.at >= at - MESSAGE_HORIZON_MS).length;
      const pages = 1 + Math.floor(inHorizon / PAGE_SIZE);
      planned = {
        fault: POLL_FAULTS[Math.floor(random() * POLL_FAULTS.length)] as PollFault,
        request: Math.floor(random() * pages),
      };
    } else {
      runLeft = 0;
    }
    const poll = await simulation.poll({}, planned);
    if (!poll.error) lastSuccess = poll.at;
  }
}

function figures(): Record<string, unknown> {
  const polls = simulation.polls.slice(1);
  const ok = polls.filter((poll) => !poll.error);
  const failed = polls.filter((poll) => poll.error);
  const byFault: Record<string, number> = {};
  // Every fault that hit: on page 1 it failed the poll, on a later page it cut the poll short.
  for (const poll of [...failed, ...ok.filter((p) => FailedPollSimulation.cut(p))]) {
    const name = poll.planned?.fault.name ?? '?';
    byFault[name] = (byFault[name] ?? 0) + 1;
  }
  return {
    polls: polls.length,
    failedPolls: failed.length,
    cutOnALaterPage: ok.filter((poll) => FailedPollSimulation.cut(poll)).length,
    longestFailedRun: simulation.longestFailedRun(),
    messages: simulation.arrived.length,
    requests: ok.reduce((sum, poll) => sum + poll.requests, 0),
    maxRequestsPerPoll: Math.max(...ok.map((poll) => poll.requests)),
    maxFiredPerPoll: Math.max(...ok.map((poll) => poll.fired.length)),
    byFault,
  };
}

describe('New Message when polls fail', () => {
  it('the 15-minute plan for 24 hours, with runs of up to three failed polls: every message fires exactly once', async () => {
    await simulate({ seed: 11, hours: 24, interval: () => 15, maxRun: 3 });
    expectFailuresAsPlanned();
    expectEachMessageOnce();
    const seen = figures();
    report('15-minute plan, 24 hours', seen);
    // The scenario has what it claims: many failures of every kind, some on a later page, runs of three.
    expect(seen.longestFailedRun).toBe(3);
    expect(seen.failedPolls).toBeGreaterThanOrEqual(15);
    expect(seen.cutOnALaterPage).toBeGreaterThan(0);
    expect(Object.keys(seen.byFault as object).sort()).toEqual(
      POLL_FAULTS.map((fault) => fault.name).sort(),
    );
    expect(seen.maxFiredPerPoll).toBeGreaterThan(PAGE_SIZE);
  });

  it('polls every 1–15 minutes for 8 hours, with longer runs of failed polls: every message fires exactly once', async () => {
    await simulate({
      seed: 23,
      hours: 8,
      interval: (random) => 1 + Math.floor(random() * 15),
      maxRun: 8,
    });
    expectFailuresAsPlanned();
    expectEachMessageOnce();
    const seen = figures();
    report('1–15-minute plans, 8 hours', seen);
    expect(seen.longestFailedRun).toBeGreaterThan(3);
    expect(seen.cutOnALaterPage).toBeGreaterThan(0);
  });

  it('survives three failed polls in a row on the 15-minute plan (a gap of 60 minutes since the last successful poll), not four', async () => {
    simulation = new FailedPollSimulation(generator(37));
    await simulation.start();
    /** Ten messages per quarter hour, one every 90 s: after two failed polls, more than a page. */
    const step = async (minutes: number, planned?: PollFault): Promise<PollRecord> => {
      const previous = simulation.now;
      const at = previous + minutes * MINUTE;
      simulation.arrive(10, previous, at, 'even');
      simulation.clock.freeze(at);
      return simulation.poll({}, planned && { fault: planned, request: 0 });
    };
    const outages: { failed: number; lateMinutes: number; resumed: PollRecord }[] = [];
    const outage = async (failed: number, lateMinutes = 0): Promise<void> => {
      await step(15);
      await step(15);
      for (let i = 0; i < failed; i += 1) await step(15, POLL_FAULTS[i % POLL_FAULTS.length]);
      outages.push({ failed, lateMinutes, resumed: await step(15 + lateMinutes) });
    };
    for (const failed of [0, 1, 2, 3, 4, 5]) await outage(failed);
    await outage(2, 14); // the poll after the outage comes 14 minutes late: 59 minutes of gap
    await outage(3, 5); // …or 5 minutes late after three failures: 65 minutes of gap
    await step(15);
    expectFailuresAsPlanned();

    const fired = simulation.firings();
    const expected = simulation.expected();
    const lost = simulation.arrived.filter(({ id }) => !fired.has(id));
    // Whatever fires, fires once and on time; nothing fires late as "new".
    for (const [id, at] of fired) expect([id, at]).toEqual([id, [expected.get(id)]]);

    const survived = outages.map(({ failed, lateMinutes, resumed }) => {
      const gap = failed * 15 + 15 + lateMinutes;
      const lostHere = lost.filter(({ at }) => at > resumed.at - gap * MINUTE && at <= resumed.at);
      // Only messages older than the horizon when Zapier polled again, beyond the newest page.
      for (const message of lostHere)
        expect(message.at).toBeLessThan(resumed.at - MESSAGE_HORIZON_MS);
      return { failed, gapMinutes: gap, lost: lostHere.length };
    });
    report('consecutive failed polls at 15 minutes', { survived });
    expect(survived.map(({ gapMinutes, lost: n }) => [gapMinutes, n > 0])).toEqual([
      [15, false],
      [30, false],
      [45, false],
      [60, false],
      [75, true],
      [90, true],
      [59, false],
      [65, true],
    ]);
    expect(lost.length).toBe(survived.reduce((sum, outage) => sum + outage.lost, 0));
  });
});
