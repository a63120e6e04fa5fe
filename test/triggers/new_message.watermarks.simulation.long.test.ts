import { resetNock } from '../helpers';
import { checkScenario, mixedPlans } from './new_message.simulation';

/** The long simulations again, with the Zap's watermarks in z.cache (harness: ./new_message.simulation.ts). */

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

describe('New Message with watermarks over simulated hours', () => {
  it('polls every 1–15 minutes, quiet stretches and bursts of 150+: each message fires once, on time', async () => {
    const records = await checkScenario('polls every 1–15 minutes, watermarks', {
      seed: 101,
      hours: 12,
      interval: mixedPlans,
      zapId: 'long-101',
    });
    polls.push(records.length);
  });

  it('the 15-minute plan with two failed polls in a row every few hours: nothing lost, nothing late', async () => {
    const records = await checkScenario('15-minute plan, two failed polls in a row, watermarks', {
      seed: 202,
      hours: 24,
      interval: () => 15,
      fails: (index) => index % 9 === 3 || index % 9 === 4,
      zapId: 'long-202',
    });
    expect(records.filter((r) => r.failed).length).toBeGreaterThanOrEqual(10);
    polls.push(records.length);
  });
});
