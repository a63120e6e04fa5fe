import { resetNock } from '../helpers';
import { STAFF } from '../fixtures/messages';
import { checkScenario, mixedPlans } from './new_message.simulation';

/** A busy brand on the 1-minute plan, and Zaps with filters (harness: ./new_message.simulation.ts); longer: *.long.test.ts. */

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

describe('New Message over simulated hours of a busy brand, and with filters', () => {
  it('the 1-minute plan through busy hours: each message fires once, on time', async () => {
    const records = await checkScenario('1-minute plan, about 45 messages an hour', {
      seed: 303,
      hours: 1,
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

  it('internal notes left out, one channel: each wanted message fires once, on time; nothing else', async () => {
    const records = await checkScenario('notes left out, one channel', {
      seed: 404,
      hours: 3,
      interval: mixedPlans,
      inputData: { include_internal_notes: 'false', channel: 'support' },
      wanted: (m) => m.visibility !== 1 && m.channel === 'support',
    });
    polls.push(records.length);
  });

  it('staff messages of one staff member: each wanted message fires once, on time; nothing else', async () => {
    const records = await checkScenario('staff messages of one staff member', {
      seed: 505,
      hours: 3,
      zapId: 'busy-505',
      interval: mixedPlans,
      inputData: { sender_type: 'staff', staff_member: STAFF.priya.email },
      wanted: (m) => m.staff === 'priya',
    });
    polls.push(records.length);
  });
});
