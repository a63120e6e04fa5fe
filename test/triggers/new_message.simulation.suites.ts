import { messageIdentity } from '../../lib/records/message';
import { MESSAGE_HORIZON_MS } from '../../triggers/new_message';
import { STAFF } from '../fixtures/messages';
import { resetNock } from '../helpers';
import {
  SimulatedBrand,
  checkScenario,
  expectedFirings,
  firings,
  mixedPlans,
  report,
  run,
  type PollRecord,
} from './new_message.simulation';

/**
 * The New Message simulations (harness: ./new_message.simulation.ts), defined once and run at two
 * lengths: everyday in new_message*.simulation.test.ts, longer in *.simulation.long.test.ts.
 */

/** Cleans up after each test and counts the file's polls, returning the list to add counts to. */
function pollCounter(): number[] {
  afterEach(() => {
    jest.restoreAllMocks();
    resetNock();
  });
  jest.setTimeout(120_000);
  const polls: number[] = [];
  afterAll(() => {
    // Core exits the process past 250 runner calls per file when memory is high (see the harness).
    expect(polls.reduce((a, b) => a + b, 0)).toBeLessThan(250);
  });
  return polls;
}

export interface BrandScale {
  /** Hours of polls every 1–15 minutes (run without and with the Zap's watermarks). */
  mixedHours: number;
  /** Hours of the 15-minute plan with failed polls. */
  failureHours: number;
}

/** Quiet stretches, bursts of 150+, failed polls, where the horizon ends, and the Zap's watermarks. */
export function brandSimulations(scale: BrandScale): void {
  const polls = pollCounter();

  describe('New Message over simulated hours of a brand', () => {
    it('polls every 1–15 minutes, quiet stretches and bursts of 150+, without and with the Zap’s watermarks (z.cache): each message fires once, on time; quiet polls cost one request; the watermarks save requests', async () => {
      const scenario = { seed: 101, hours: scale.mixedHours, interval: mixedPlans };
      const stateless = await checkScenario('polls every 1–15 minutes', scenario);
      jest.restoreAllMocks();
      resetNock(); // the second brand gets its own API
      const cached = await checkScenario('the same, with watermarks', {
        ...scenario,
        zapId: '101',
      });
      const requests = (records: PollRecord[]) => records.reduce((sum, r) => sum + r.requests, 0);
      expect(requests(cached)).toBeLessThan(requests(stateless));
      polls.push(stateless.length, cached.length);
    });

    it('the 15-minute plan with two failed polls in a row every few hours, with watermarks: nothing lost, nothing late', async () => {
      const records = await checkScenario('15-minute plan, two failed polls in a row', {
        seed: 202,
        hours: scale.failureHours,
        interval: () => 15,
        fails: (index) => index % 9 === 3 || index % 9 === 4,
        zapId: '202',
      });
      // Two of every nine polls fail.
      expect(records.filter((r) => r.failed).length).toBeGreaterThanOrEqual(
        scale.failureHours * 0.8,
      );
      polls.push(records.length);
    });

    it('past the horizon (four failed polls in a row on the 15-minute plan) messages beyond the newest page are lost, never fired late', async () => {
      const { brand, records, wanted } = await run({
        seed: 606,
        hours: 3,
        interval: () => 15,
        fails: (index) => index >= 2 && index <= 5,
        arrivals: (_random, index) => (index >= 1 && index <= 5 ? 25 : 0),
      });
      polls.push(records.length);
      const expected = expectedFirings(records, brand, wanted);
      const fired = firings(records);
      const lost = [...expected.keys()].filter((id) => !fired.has(id));
      expect(lost.length).toBeGreaterThan(0);
      if (process.env.SIMULATION_REPORT) console.log(`lost ${lost.length} of ${expected.size}`);
      for (const [id, at] of fired) expect([id, at]).toEqual([id, [expected.get(id)]]);
      // Only messages older than the horizon when Zapier finally polled again were lost.
      const resumed = records.find((r) => r.index === 6) as PollRecord;
      for (const message of brand.messages) {
        const id = messageIdentity(SimulatedBrand.toApi(message, 0));
        if (lost.includes(id)) expect(message.at).toBeLessThan(resumed.at - MESSAGE_HORIZON_MS);
      }
      report('past the horizon', records, expected.size - lost.length);
    });
  });
}

export interface BusyScale {
  /** Hours of the 1-minute plan. */
  busyHours: number;
  /** Hours of polls every 1–15 minutes for the Zaps with filters. */
  filteredHours: number;
}

/** A busy brand on the 1-minute plan, and Zaps with filters. */
export function busySimulations(scale: BusyScale): void {
  const polls = pollCounter();

  describe('New Message over simulated hours of a busy brand, and with filters', () => {
    it('the 1-minute plan through busy hours: each message fires once, on time', async () => {
      const records = await checkScenario('1-minute plan, about 45 messages an hour', {
        seed: 303,
        hours: scale.busyHours,
        zapId: 'busy-303',
        interval: () => 1,
        // About 45 messages an hour, so most polls see more than a page inside the horizon.
        arrivals: (random, _index, sinceBurst) =>
          sinceBurst > 30 && random() < 0.03
            ? 150
            : random() < 0.5
              ? 1 + Math.floor(random() * 2)
              : 0,
      });
      polls.push(records.length);
    });

    it('a burst of 400 over a slow API (6 s a page, 4 pages a poll), 5-minute plan, with the Zap’s state: read whole over the next polls, each message once, nothing old', async () => {
      const { brand, records, wanted } = await run({
        seed: 707,
        hours: 1.5,
        zapId: 'burst-707',
        interval: () => 5,
        latencyMs: 6_000,
        arrivals: (random, index) => (index === 1 ? 400 : random() < 0.5 ? 1 : 0),
      });
      polls.push(records.length);
      const expected = expectedFirings(records, brand, wanted);
      const fired = firings(records);
      // Every message once (a poll that runs 24 s also returns what arrives meanwhile); nothing
      // from before the Zap was switched on.
      for (const id of expected.keys()) expect([id, fired.get(id)?.length]).toEqual([id, 1]);
      expect(fired.size).toBe(expected.size);
      expect(expected.size).toBeGreaterThan(400);
      // Four pages a poll: the burst takes a few polls, all well inside the hour.
      const burstPoll = records[2] as PollRecord;
      expect(burstPoll.requests).toBe(4);
      const busy = records.filter((r) => r.fired.length > 5);
      expect(busy.length).toBeGreaterThan(2);
      expect((busy[busy.length - 1] as PollRecord).at - burstPoll.at).toBeLessThan(30 * 60_000);
      report('burst of 400 at 6 s a page', records, expected.size);
    });

    it('internal notes left out, one channel: each wanted message fires once, on time; nothing else', async () => {
      const records = await checkScenario('notes left out, one channel', {
        seed: 404,
        hours: scale.filteredHours,
        interval: mixedPlans,
        inputData: { include_internal_notes: 'false', channel: 'support' },
        wanted: (m) => m.visibility !== 1 && m.channel === 'support',
      });
      polls.push(records.length);
    });

    it('staff messages of one staff member: each wanted message fires once, on time; nothing else', async () => {
      const records = await checkScenario('staff messages of one staff member', {
        seed: 505,
        hours: scale.filteredHours,
        zapId: 'busy-505',
        interval: mixedPlans,
        inputData: { sender_type: 'staff', staff_member: STAFF.priya.email },
        wanted: (m) => m.staff === 'priya',
      });
      polls.push(records.length);
    });
  });
}
