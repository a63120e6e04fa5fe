import { fitConversations } from '../../../lib/records/conversation';
import { fitResult, RESULT_LIMIT_BYTES, resultCutNote } from '../../../lib/records/result-size';

type Item = { id: string; body: string; text: string; n: number };

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

describe('fitResult', () => {
  it('returns a result that fits as it is: the same array, the same bytes', () => {
    const items: Item[] = [{ id: 'a', body: 'x'.repeat(1_000), text: 'x', n: 1 }];
    expect(fitResult(items, ['body', 'text'], 10_000)).toBe(items);
  });

  it('cuts the longest raw bodies first, evenly, to fit; short ones, ids and other fields stay', () => {
    const items: Item[] = [
      { id: 'long-1', body: 'a'.repeat(50_000), text: 't'.repeat(5_000), n: 1 },
      { id: 'long-2', body: '"'.repeat(30_000), text: 't'.repeat(5_000), n: 2 }, // JSON doubles `"`
      { id: 'short', body: 'hello', text: 'hello', n: 3 },
    ];
    const fitted = fitResult(items, ['body', 'text'], 40_000);
    expect(bytes(fitted)).toBeLessThanOrEqual(40_000);
    expect(bytes(fitted)).toBeGreaterThan(38_000); // cut no more than needed
    expect(fitted.map((item) => [item.id, item.n, item.text.length])).toEqual([
      ['long-1', 1, 5_000],
      ['long-2', 2, 5_000],
      ['short', 3, 5],
    ]);
    expect(fitted[2]?.body).toBe('hello');
    for (const [i, item] of fitted.slice(0, 2).entries()) {
      const [kept, note] = item.body.split('…\n\n');
      expect(items[i]?.body.startsWith(kept as string)).toBe(true);
      expect(note).toBe(resultCutNote((kept as string).length, (items[i] as Item).body.length));
    }
    expect(items[0]?.body).toHaveLength(50_000); // the input is not changed
  });

  it('moves on to the plain text when the raw bodies alone cannot make it fit, and never splits a surrogate pair', () => {
    const items: Item[] = [{ id: 'a', body: '😀'.repeat(10_000), text: '😀'.repeat(10_000), n: 1 }];
    const fitted = fitResult(items, ['body', 'text'], 5_000);
    expect(bytes(fitted)).toBeLessThanOrEqual(5_000);
    expect(fitted[0]?.body).toMatch(/^…\n\n\[Cut to fit/);
    expect(fitted[0]?.text).toMatch(
      /^(😀)+…\n\n\[Cut to fit Zapier's size limit for one poll: [\d,]+ of 20,000 characters shown\.\]$/u,
    );
  });
});

describe('fitConversations (every conversation trigger, change triggers included)', () => {
  it('fits 30 change items with 200 kB bodies under the limit, the change fields untouched', () => {
    const body = '<p>' + 'x'.repeat(200_000) + '</p>';
    const items = Array.from({ length: 30 }, (_, i) => ({
      id: `slug-${i}:conversation_status_changed:2@1`,
      conversation_id: `slug-${i}`,
      previous_status: 'Open',
      first_message_body: body,
      first_message_text: 'x'.repeat(200_000),
      last_customer_message_text: 'x'.repeat(5_000),
      last_staff_message_text: '',
    }));
    expect(bytes(items)).toBeGreaterThan(RESULT_LIMIT_BYTES);
    const fitted = fitConversations(items);
    expect(bytes(fitted)).toBeLessThanOrEqual(RESULT_LIMIT_BYTES);
    expect(fitted.map((item) => [item.id, item.conversation_id, item.previous_status])).toEqual(
      items.map((item) => [item.id, item.conversation_id, item.previous_status]),
    );
    expect(fitted[0]?.first_message_body).toMatch(/\[Cut to fit Zapier's size limit/);
  });
});
