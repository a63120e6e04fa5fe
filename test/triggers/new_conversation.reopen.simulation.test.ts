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

jest.setTimeout(60_000);

afterEach(() => {
  jest.restoreAllMocks();
  resetNock();
});

describe('New Conversation over simulated hours, open list', () => {
  it('conversations reopened long after they started never fire as new', async () => {
    const { brand, pollTimes, next } = scenario(77, 6); // 16 hours in new_conversation.reopen.simulation.long.test.ts
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
