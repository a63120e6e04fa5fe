import conversationAssigned, { perform, sample } from '../../triggers/conversation_assigned';
import { conversationSample } from '../../lib/records/conversation';
import { conversationsPage } from '../fixtures/conversation-samples';
import { failure, reamaze } from '../helpers';
import {
  MINUTE,
  NOW,
  atFixedNow,
  changeItemOf,
  changedAgo,
  isoAgo,
  expectLiveShape,
  poller,
} from './conversation-changes-helpers';

atFixedNow();

const poll = poller(perform);

const assignedAgo = (slug: string, minutesAgo: number, assignee: string | null) =>
  changedAgo(slug, minutesAgo, {
    assignee: assignee === null ? null : { name: assignee.split('@')[0], email: assignee },
  });

describe('conversation_assigned', () => {
  it('lists every conversation newest-changed first in the chosen channel, and keeps assigned ones', async () => {
    const scope = reamaze()
      .get('/api/v1/conversations')
      .query({ sort: 'changed', filter: 'all', category: 'sales', page: '1' })
      .reply(
        200,
        conversationsPage([
          assignedAgo('a', 1, 'jo@acme.example'),
          assignedAgo('b', 2, null),
          assignedAgo('c', 3, 'priya@acme.example'),
        ]),
      );
    const items = await poll({ assignee: '', channel: 'sales' });
    expect(items.map((i) => [i.id, i.assignee_email])).toEqual([
      [`a:conversation_assigned:jo@acme.example@${NOW - MINUTE}`, 'jo@acme.example'],
      [`c:conversation_assigned:priya@acme.example@${NOW - 3 * MINUTE}`, 'priya@acme.example'],
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('with a staff member chosen, only assignments to them (email case aside)', async () => {
    reamaze()
      .get('/api/v1/conversations')
      .query(true)
      .reply(
        200,
        conversationsPage([
          assignedAgo('a', 1, 'Jo@Acme.example'),
          assignedAgo('c', 3, 'priya@acme.example'),
        ]),
      );
    expect((await poll({ assignee: ' jo@acme.example ' })).map((i) => i.conversation_id)).toEqual([
      'a',
    ]);
  });

  it('reports whom it was assigned to before, when this Zap saw it', async () => {
    const zap = { zap: { id: 'assigned-before' } };
    reamaze()
      .get('/api/v1/conversations')
      .query(true)
      .reply(200, conversationsPage([assignedAgo('a', 30, 'priya@acme.example')]));
    expect(await poll({}, { ...zap, isPopulatingDedupe: true })).toEqual([]);
    reamaze()
      .get('/api/v1/conversations')
      .query(true)
      .reply(200, conversationsPage([assignedAgo('a', 2, 'jo@acme.example')]));
    expect(await poll({}, zap)).toEqual([
      changeItemOf({
        conversation_id: 'a',
        conversation_url: 'https://acme.reamaze.io/admin/conversations/a',
        assignee_name: 'jo',
        assignee_email: 'jo@acme.example',
        created_at: isoAgo(2 + 24 * 60),
        updated_at: isoAgo(2),
        previously_assigned_to: 'priya@acme.example',
        id: `a:conversation_assigned:jo@acme.example@${NOW - 2 * MINUTE}`,
      }),
    ]);
  });

  it('refuses an assignee that is not an email address, before any request', async () => {
    const scope = reamaze().get(/.*/).reply(200, conversationsPage([]));
    expect(await failure(poll({ assignee: 'Jo Kim' }))).toEqual({
      name: 'HaltedError',
      message: 'Assigned to "Jo Kim" is not an email address. Use the form name@example.com.',
    });
    expect(scope.isDone()).toBe(false);
  });

  it('an assignee known only by name is watched by name', async () => {
    reamaze()
      .get('/api/v1/conversations')
      .query(true)
      .reply(200, conversationsPage([changedAgo('a', 1, { assignee: { name: 'Front Desk' } })]));
    expect((await poll()).map((i) => [i.id, i.assignee_name, i.assignee_email])).toEqual([
      [`a:conversation_assigned:Front Desk@${NOW - MINUTE}`, 'Front Desk', ''],
    ]);
  });

  it('has a sample in the live shape: the same keys as a live item, in the labelled order', async () => {
    await expectLiveShape(conversationAssigned, poll, assignedAgo('a', 1, 'jo@acme.example'));
  });

  it('the sample is the conversations’ sample handed to Jonas, Priya’s before', () => {
    expect(sample).toEqual(
      changeItemOf(
        {
          previously_assigned_to: 'priya.raman@acme.example',
          updated_at: '2026-03-10T08:09:58.412-05:00',
          id: `where-is-my-order-4471:conversation_assigned:jonas.weber@acme.example@${Date.parse('2026-03-10T13:09:58.412Z')}`,
        },
        conversationSample,
      ),
    );
    expect(conversationAssigned.operation.outputFields).toContainEqual({
      key: 'previously_assigned_to',
      label: 'Previous Assignee',
    });
  });
});
