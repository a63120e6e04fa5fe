import fc from 'fast-check';
import { perform } from '../../triggers/new_message';
import { appTester, authData, resetNock } from '../helpers';
import { renderInstant } from '../fixtures/messages';
import { serveMessages } from '../fixtures/messages-api';
import { runs } from '../runs';

/**
 * Message identity through the trigger (property): generated sets of distinct messages, with many
 * sharing a conversation, an instant, a visibility or a body, are polled twice as Re:amaze might
 * list them: in another order (so on other pages), with another UTC offset, and with the fields
 * that may change for a message (sender details, recipients, key order) changed. Each message
 * must get the same `id` in both polls, and no two messages the same `id`. lib/records/message.ts pins
 * the format itself; this checks what Zapier deduplicates on, end to end.
 */

const NOW = Date.parse('2026-03-09T15:00:00.000Z');
const MINUTE = 60_000;

interface Generated {
  slug: string;
  ms: number;
  visibility: 0 | 1 | 2;
  body: string | null;
}

/** Few slugs, instants and bodies, so collisions on all but one part are common. */
const message: fc.Arbitrary<Generated> = fc.record({
  slug: fc.constantFrom('order-4471', 'order-4472', 'a:b', 'x'),
  // Inside the look-back horizon, so every page of a poll is read.
  ms: fc.oneof(
    fc.constantFrom(NOW - 5 * MINUTE, NOW - 5 * MINUTE + 1),
    fc.integer({ min: NOW - 50 * MINUTE, max: NOW }),
  ),
  visibility: fc.constantFrom(0 as const, 1 as const, 2 as const),
  body: fc.oneof(
    fc.constantFrom('', null, 'Thanks!', 'Thanks! ', '<p>Thanks!</p>'),
    fc.string({ maxLength: 20 }),
  ),
});

/** What makes two messages different: a null body and an empty one are the same message. */
const key = (m: Generated): string => JSON.stringify([m.slug, m.ms, m.visibility, m.body ?? '']);

interface Rendering {
  offset: number;
  sender: number;
  reverseKeys: boolean;
}

const rendering: fc.Arbitrary<Rendering> = fc.record({
  offset: fc.constantFrom(-360, -300, -240, 0, 60, 330, 840),
  sender: fc.nat({ max: 3 }),
  reverseKeys: fc.boolean(),
});

/** The message as the API lists it; `origin_id` carries its index, so items can be matched up. */
function render(m: Generated, index: number, how: Rendering): Record<string, unknown> {
  const api: Record<string, unknown> = {
    body: m.body,
    visibility: m.visibility,
    origin: 0,
    origin_id: `m${index}`,
    created_at: renderInstant(m.ms, how.offset),
    user: {
      name: ['Maya', 'Maya Lindqvist', 'M. Lindqvist', null][how.sender],
      email: how.sender === 3 ? null : 'maya@example.com',
    },
    recipients: how.sender % 2 === 0 ? [] : [{ name: 'Ops', email: 'ops@example.com' }],
    attachments: [],
    conversation: { subject: 'Order', slug: m.slug, category: { slug: 'support' } },
  };
  return how.reverseKeys ? Object.fromEntries(Object.entries(api).reverse()) : api;
}

afterEach(() => {
  resetNock();
  jest.restoreAllMocks();
});

it('gives each message the same id in every poll, whatever its page, order and offset, and distinct messages distinct ids', async () => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  const poll = async (listed: Record<string, unknown>[]): Promise<Map<string, string>> => {
    resetNock();
    const served = serveMessages(() => listed);
    const items = await appTester(perform, { authData, inputData: {} });
    expect(served.requests.length).toBe(Math.max(1, Math.ceil(listed.length / 30)));
    return new Map(items.map((item) => [String(item.origin_id), item.id]));
  };

  await fc.assert(
    fc.asyncProperty(
      fc.uniqueArray(message, { minLength: 1, maxLength: 45, selector: key }),
      rendering,
      rendering,
      fc.nat(),
      async (messages, first, second, shuffleSeed) => {
        const newestFirst = messages
          .map((m, index) => ({ m, index }))
          .sort((a, b) => b.m.ms - a.m.ms);
        // Any order at all for the second poll: a stable sort on a seeded pseudo-random key.
        const shuffled = [...newestFirst].sort(
          (a, b) => ((a.index * 7919 + shuffleSeed) % 97) - ((b.index * 7919 + shuffleSeed) % 97),
        );
        const one = await poll(newestFirst.map(({ m, index }) => render(m, index, first)));
        const two = await poll(shuffled.map(({ m, index }) => render(m, index, second)));
        // Every message comes back once in each poll (same ids would have been merged)…
        expect(one.size).toBe(messages.length);
        expect(new Set(one.values()).size).toBe(messages.length);
        // …with the same id both times.
        expect(two).toEqual(one);
      },
    ),
    { numRuns: runs(60), seed: 3 },
  );
}, 30_000);
