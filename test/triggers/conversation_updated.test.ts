import conversationUpdated, { perform, sample } from '../../triggers/conversation_updated';
import { whatChanged, fingerprint } from '../../lib/polling/conversation-updates';
import { conversationSample } from '../../lib/records/conversation';
import { conversationsPage } from '../fixtures/conversation-samples';
import { failure, reamaze } from '../helpers';
import * as changes from './conversation-changes-helpers';

changes.atFixedNow();

const poll = changes.poller(perform);
const { MINUTE, NOW, changedAgo } = changes;

describe('conversation_updated', () => {
  it('lists newest-changed first with the filters of New Conversation; the ID is slug and changed time', async () => {
    const scope = reamaze()
      .get('/api/v1/conversations')
      .query({
        filter: 'open',
        tag: 'vip,late order',
        category: 'support',
        sort: 'changed',
        page: '1',
      })
      .reply(200, conversationsPage([changedAgo('a', 2)]));
    expect(
      await poll({
        channel: 'support',
        status_group: 'Open (Unresolved)',
        tags: ['vip', ' late order'],
      }),
    ).toEqual([
      changes.changeItemOf({
        conversation_id: 'a',
        conversation_url: 'https://acme.reamaze.io/admin/conversations/a',
        created_at: changes.isoAgo(2 + 24 * 60),
        updated_at: changes.isoAgo(2),
        what_changed: '',
        id: `a:conversation_updated@${NOW - 2 * MINUTE}`,
      }),
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('without a status group it lists what Re:amaze lists by default (archived left out)', async () => {
    const scope = reamaze()
      .get('/api/v1/conversations')
      .query({ sort: 'changed', page: '1' })
      .reply(200, conversationsPage([]));
    expect(await poll()).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('a new conversation untouched since it was created is not an update', async () => {
    reamaze()
      .get('/api/v1/conversations')
      .query(true)
      .reply(200, conversationsPage([changedAgo('new', 1, { created_at: changes.isoAgo(1) })]));
    expect(await poll()).toEqual([]);
  });

  it('says what changed when the Zap saw the conversation before', async () => {
    const zap = { zap: { id: 'updated-what' } };
    const listed = [
      changedAgo('a', 30, { status: 0, tag_list: ['vip'] }),
      changedAgo('a', 2, { status: 2, tag_list: ['vip', 'late'] }),
    ];
    for (const conversation of listed) {
      reamaze()
        .get('/api/v1/conversations')
        .query(true)
        .reply(200, conversationsPage([conversation]));
    }
    expect(await poll({}, { ...zap, isPopulatingDedupe: true })).toHaveLength(1);
    expect((await poll({}, zap)).map((item) => [item.id, item.what_changed])).toEqual([
      [`a:conversation_updated@${NOW - 2 * MINUTE}`, 'Status, Tags'],
    ]);
  });

  it('names each part, and Other for an update the list does not show', () => {
    const base = changedAgo('a', 1);
    expect(
      whatChanged(
        fingerprint(base),
        fingerprint({
          ...base,
          assignee: { email: 'jo@acme.example' },
          data: { order_number: '9' },
          last_customer_message: { created_at: changes.isoAgo(0) },
          last_staff_message: { created_at: changes.isoAgo(0) },
        }),
      ),
    ).toBe('Assignee, Custom Data, New Customer Message, New Staff Reply');
    expect(
      whatChanged(fingerprint(base), fingerprint({ ...base, updated_at: changes.isoAgo(0) })),
    ).toBe('Other');
    // Key order and tag case are no change.
    expect(
      whatChanged(
        fingerprint({ ...base, data: { a: 1, b: 2 }, tag_list: ['VIP'] }),
        fingerprint({ ...base, data: { b: 2, a: 1 }, tag_list: ['vip'] }),
      ),
    ).toBe('Other');
  });

  it('refuses a status group Re:amaze does not have, before any request', async () => {
    const scope = reamaze().get(/.*/).reply(200, conversationsPage([]));
    expect(await failure(poll({ status_group: 'closed' }))).toEqual({
      name: 'HaltedError',
      message:
        'Status Group "closed" is not one of the choices: use Open (Unresolved), Unassigned, Archived, All, Including Archived, or leave it empty.',
    });
    expect(scope.isDone()).toBe(false);
  });

  it('has a sample in the live shape, from the flattener: a new customer message', async () => {
    await changes.expectLiveShape(conversationUpdated, poll, changedAgo('a', 5));
    const { id, ...conversation } = conversationSample;
    expect(sample).toEqual({
      conversation_id: id,
      what_changed: 'New Customer Message',
      ...conversation,
      id: `where-is-my-order-4471:conversation_updated@${Date.parse('2026-03-10T13:03:47.291Z')}`,
    });
  });
});
