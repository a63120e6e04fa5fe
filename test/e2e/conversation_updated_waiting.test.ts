import { simulatedBrand } from '../triggers/conversation-changes-simulation';
import { performOf, requestLines, run, type Item } from './helpers';

/**
 * Conversation Updated and Conversation Waiting for a Reply as Zapier loads them (the app's
 * registry), against the seeded sandbox, with staff acting through the app's own actions.
 */

const brand = simulatedBrand();
const CONVERSATION = 'sms-with-1-415-555-0134';

/** A Zap on `key`: switched on (nothing fires), then each poll returns the IDs it has not seen. */
function zap(key: string, inputData: Item) {
  const seen = new Set<string>();
  let on = false;
  return async (): Promise<Item[]> => {
    const items = await run<Item[]>(performOf('triggers', key), inputData, {
      zap: { id: `e2e-${key}` },
      isPopulatingDedupe: !on,
    });
    const fresh = on ? items.filter((item) => !seen.has(item.id as string)) : [];
    on = true;
    items.forEach((item) => seen.add(item.id as string));
    return fresh;
  };
}

const act = (key: string, inputData: Item) => run(performOf('creates', key), inputData);

describe('Conversation Updated against the sandbox', () => {
  it('an update and a reply between two polls fire once, saying what changed', async () => {
    const updated = zap('conversation_updated', { channel: 'sms' });
    expect(await updated()).toEqual([]);
    brand.advance(1);
    await act('update_conversation', { conversation: CONVERSATION, status: '2' });
    await act('create_message', {
      conversation: CONVERSATION,
      body: 'We are on it.',
      visibility: '0',
    });
    brand.advance(1);
    const fired = await updated();
    expect(fired.map((item) => [item.conversation_id, item.what_changed])).toEqual([
      [CONVERSATION, 'Status, New Staff Reply'],
    ]);
    expect(fired[0]?.id).toBe(`${CONVERSATION}:conversation_updated@${brand.now - 60_000}`);
    expect(requestLines(brand.sandbox).at(-1)).toBe(
      'GET /conversations?category=sms&sort=changed&page=1',
    );
    brand.advance(5);
    expect(await updated()).toEqual([]);
  });
});

describe('Conversation Waiting for a Reply against the sandbox', () => {
  it('fires once the customer waits past the threshold; a reply ends it, a new message starts another', async () => {
    const waiting = zap('conversation_waiting_for_reply', {
      wait: '10',
      wait_unit: 'minutes',
      channel: 'sms',
    });
    await waiting();
    brand.message(CONVERSATION);
    const since = brand.now;
    brand.advance(9);
    expect(await waiting()).toEqual([]);
    brand.advance(2);
    const fired = await waiting();
    expect(fired.map((item) => [item.id, item.waiting_minutes])).toEqual([
      [`${CONVERSATION}:conversation_waiting_for_reply@${since}`, '11'],
    ]);
    expect(requestLines(brand.sandbox).at(-1)).toBe(
      'GET /conversations?filter=open&sort=updated&category=sms&page=1',
    );
    brand.advance(5);
    expect(await waiting()).toEqual([]);

    await act('create_message', {
      conversation: CONVERSATION,
      body: 'Checking now.',
      visibility: '0',
      keep_open: true,
    });
    await act('update_conversation', { conversation: CONVERSATION, status: '0' });
    brand.advance(15);
    expect(await waiting()).toEqual([]);
    brand.message(CONVERSATION);
    brand.advance(12);
    expect((await waiting()).map((item) => item.conversation_id)).toEqual([CONVERSATION]);
  });
});
