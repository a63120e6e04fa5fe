import { messageIdentity } from '../../lib/message';
import { MESSAGE_HORIZON_MS } from '../../triggers/new_message';
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

/** The long run of new_message.simulation.test.ts: more hours, with and without watermarks (harness: ./new_message.simulation.ts). */

afterEach(() => {
  jest.restoreAllMocks();
  resetNock();
});

jest.setTimeout(60_000);

const polls: number[] = [];
afterAll(() => {
  // Core exits the process past 250 runner calls per file when memory is high (see the harness).
  expect(polls.reduce((a, b) => a + b, 0)).toBeLessThan(250);
});

describe('New Message over simulated hours of a brand', () => {
  it('polls every 1–15 minutes, quiet stretches and bursts of 150+: each message fires once, on time; quiet polls cost one request', async () => {
    const records = await checkScenario('polls every 1–15 minutes', {
      seed: 101,
      hours: 12,
      interval: mixedPlans,
    });
    polls.push(records.length);
  });

  it('the 15-minute plan with two failed polls in a row every few hours: nothing lost, nothing late', async () => {
    const records = await checkScenario('15-minute plan, two failed polls in a row', {
      seed: 202,
      hours: 24,
      interval: () => 15,
      fails: (index) => index % 9 === 3 || index % 9 === 4,
    });
    expect(records.filter((r) => r.failed).length).toBeGreaterThanOrEqual(10);
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
