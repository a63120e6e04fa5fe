import { simulatedBrand } from '../triggers/conversation-changes-simulation';
import { performOf, requestLines, run, type Item } from './helpers';

/**
 * The three conversation-change triggers as Zapier loads them (the app's registry), against the
 * seeded sandbox, with the changes made by the app's own Update Conversation action.
 */

const brand = simulatedBrand();

const poll = (key: string, inputData: Item, meta: Item = {}) =>
  run<Item[]>(performOf('triggers', key), inputData, meta);
const update = (inputData: Item) => run(performOf('creates', 'update_conversation'), inputData);
const CONVERSATION = 'sms-with-1-415-555-0134';

describe('conversation-change triggers against the sandbox', () => {
  it('the editor’s test shows the newest page of Done conversations, newest-changed first, in one request', async () => {
    const items = await poll(
      'conversation_status_changed',
      { status: '2' },
      { isLoadingSample: true },
    );
    expect(requestLines(brand.sandbox)).toEqual([
      'GET /conversations?sort=changed&filter=all&page=1',
    ]);
    expect(items.map((item) => item.conversation_id)).toEqual([
      'do-you-ship-to-canada', // resolved 12 minutes ago, after its last message
      'comment-on-new-season-new-trails',
      'feedback-on-order-10511',
      'facebook-message-from-tom-becker',
      'tweet-from-gearhead-sam',
      'sizing-question-for-the-ridge-jacket',
    ]);
    expect(items.every((item) => item.status === 'Done' && item.previous_status === '')).toBe(true);
    expect(items[0]).toMatchObject({
      id: expect.stringMatching(/^do-you-ship-to-canada:conversation_status_changed:2@\d+$/),
      channel_name: 'Website Chat',
      assignee_name: 'Jo Kim',
      conversation_url: 'https://acme.reamaze.io/admin/conversations/do-you-ship-to-canada',
    });
  });

  it('Update Conversation changes status, assignee and tags; each trigger fires once, then stays quiet', async () => {
    const zaps = {
      status: { key: 'conversation_status_changed', input: { status: 'Done' } },
      assigned: { key: 'conversation_assigned', input: { assignee: 'marco@acme.example' } },
      tag: { key: 'conversation_tag_added', input: { tag: 'callback' } },
    };
    const seen = new Map<string, Set<string>>();
    const pollAll = async (first = false) => {
      const fired: Record<string, string[]> = {};
      for (const [name, zap] of Object.entries(zaps)) {
        const ids = seen.get(name) ?? new Set<string>();
        seen.set(name, ids);
        const items = await poll(zap.key, zap.input, {
          zap: { id: `e2e-${name}` },
          isPopulatingDedupe: first,
        });
        fired[name] = first
          ? []
          : items
              .map((item) => item.conversation_id as string)
              .filter((_, i) => !ids.has(items[i]?.id as string));
        items.forEach((item) => ids.add(item.id as string));
      }
      return fired;
    };
    await pollAll(true);

    brand.advance(1);
    await update({ conversation: CONVERSATION, status: '2', assignee: 'marco@acme.example' });
    await update({ conversation: CONVERSATION, tags: ['callback'], tag_action: 'add' });
    brand.advance(1);
    expect(await pollAll()).toEqual({
      status: [CONVERSATION],
      assigned: [CONVERSATION],
      tag: [CONVERSATION],
    });

    brand.advance(1);
    await update({ conversation: CONVERSATION, custom_data: { callback: 'Sunday' } });
    brand.advance(1);
    expect(await pollAll()).toEqual({ status: [], assigned: [], tag: [] });
  });
});
