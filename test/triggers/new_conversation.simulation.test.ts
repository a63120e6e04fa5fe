import { resetNock } from '../helpers';
import {
  PAGE_SIZE,
  START,
  firedAt,
  firstPollAfter,
  runZap,
  scenario,
} from './new-conversation-simulation';

jest.setTimeout(60_000);

afterEach(() => {
  jest.restoreAllMocks();
  resetNock();
});

describe('New Conversation over simulated hours, default list (burst rule of lib/horizon.ts)', () => {
  // Everyday: one seed over 5 hours; new_conversation.simulation.long.test.ts runs two over 12.
  it.each([11])(
    'seed %i: every conversation fires once, on time; quiet polls cost one request',
    async (seed) => {
      const { brand, pollTimes } = scenario(seed, 5);
      brand.install();
      const records = await runZap(brand, pollTimes, {}, `conversations-${seed}`);

      const fired = firedAt(records);
      const started = brand.conversations.filter((c) => c.createdAt > START);
      const bursts = records.filter((r) => r.inHorizon > PAGE_SIZE).length;
      expect(bursts).toBeGreaterThan(0); // the scenario does contain bursts
      expect(Math.max(...records.map((r) => r.fired.length))).toBeGreaterThanOrEqual(100);

      for (const conversation of started) {
        expect([conversation.slug, fired.get(conversation.slug)]).toEqual([
          conversation.slug,
          [firstPollAfter(pollTimes, conversation.createdAt)],
        ]);
      }
      // Nothing from before the Zap was switched on fires, ever.
      expect(fired.size).toBe(started.length);

      for (const record of records) {
        if (record.inHorizon < PAGE_SIZE) expect(record.requests).toBe(1);
        expect(record.requests).toBeLessThanOrEqual(Math.ceil(record.inHorizon / PAGE_SIZE) + 2);
      }
      // Re:amaze's default order is asked for: no sort, and no filter unless chosen.
      expect(brand.queries.every((q) => q.sort === undefined && q.filter === undefined)).toBe(true);

      if (process.env.SIMULATION_REPORT) {
        const requests = records.slice(1).map((r) => r.requests);
        console.log(
          JSON.stringify({
            seed,
            polls: records.length,
            conversations: started.length,
            requests: requests.reduce((a, b) => a + b, 0),
            maxRequestsPerPoll: Math.max(...requests),
            quietPolls: records.filter((r) => r.inHorizon < PAGE_SIZE).length,
            quietPollRequests: [
              ...new Set(records.filter((r) => r.inHorizon < PAGE_SIZE).map((r) => r.requests)),
            ],
            maxFiredPerPoll: Math.max(...records.map((r) => r.fired.length)),
            maxReturnedPerPoll: Math.max(...records.map((r) => r.returned)),
          }),
        );
      }
    },
  );
});
