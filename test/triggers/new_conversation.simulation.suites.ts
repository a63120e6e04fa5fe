import { resetNock } from '../helpers';
import {
  MINUTE,
  PAGE_SIZE,
  START,
  firedAt,
  firstPollAfter,
  isOpen,
  runZap,
  scenario,
} from './new-conversation-simulation';

/**
 * The New Conversation simulations (harness: ./new-conversation-simulation.ts), defined once and
 * run at two lengths: everyday in new_conversation*.simulation.test.ts, longer in *.long.test.ts.
 */

function cleanUp(): void {
  jest.setTimeout(120_000);
  afterEach(() => {
    jest.restoreAllMocks();
    resetNock();
  });
}

/** The default list: each seed's brand over `hours`, polled with the Zap's watermarks. */
export function defaultListSimulations(scale: { seeds: number[]; hours: number }): void {
  cleanUp();
  describe('New Conversation over simulated hours, default list (burst rule of lib/polling/paging.ts)', () => {
    it.each(scale.seeds)(
      'seed %i: every conversation fires once, on time; quiet polls cost one request',
      async (seed) => {
        const { brand, pollTimes } = scenario(seed, scale.hours);
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
        expect(brand.queries.every((q) => q.sort === undefined && q.filter === undefined)).toBe(
          true,
        );

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
}

/** The open list, whose old conversations reopen: over `reopenHours`. */
export function reopenSimulations(scale: { reopenHours: number }): void {
  cleanUp();
  describe('New Conversation over simulated hours, open list', () => {
    it('conversations reopened long after they started never fire as new', async () => {
      const { brand, pollTimes, next } = scenario(77, scale.reopenHours);
      for (const conversation of brand.conversations) {
        const roll = next();
        if (roll < 0.05) {
          // Done before Zapier's next poll: never in the open list while new.
          conversation.resolvedAt = conversation.createdAt + 1_000;
        } else if (roll < 0.75) {
          conversation.resolvedAt = conversation.createdAt + (30 + next() * 600) * MINUTE;
        }
        if (conversation.resolvedAt !== undefined && next() < 0.5) {
          conversation.reopenedAt = conversation.resolvedAt + (60 + next() * 2 * 24 * 60) * MINUTE;
        }
      }
      brand.install();
      const records = await runZap(brand, pollTimes, { status_group: 'open' }, 'reopen-77');

      const fired = firedAt(records);
      const reopenedOld = brand.conversations.filter(
        (c) => c.reopenedAt !== undefined && c.reopenedAt < pollTimes[pollTimes.length - 1]!,
      );
      expect(reopenedOld.length).toBeGreaterThan(20); // the scenario does reopen old conversations

      for (const conversation of brand.conversations) {
        const due =
          conversation.createdAt > START
            ? firstPollAfter(pollTimes, conversation.createdAt)
            : undefined;
        // Fires once, in the first poll after it started, exactly when it is open then.
        const expected = due !== undefined && isOpen(conversation, due) ? [due] : undefined;
        expect([conversation.slug, fired.get(conversation.slug)]).toEqual([
          conversation.slug,
          expected,
        ]);
      }
      for (const record of records) {
        if (record.inHorizon < PAGE_SIZE) expect(record.requests).toBe(1);
      }
      expect(brand.queries.every((q) => q.filter === 'open' && q.sort === undefined)).toBe(true);
    });
  });
}
