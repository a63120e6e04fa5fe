import conversationAssigned, { perform, sample } from '../../triggers/conversation_assigned';
import { conversationsPage } from '../fixtures/conversation-samples';
import { failure, reamaze } from '../helpers';
import {
  MINUTE,
  NOW,
  atFixedNow,
  changedAgo,
  poller,
  type Item,
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
    expect((await poll({ assignee: ' jo@acme.example ' })).map((i) => i.slug)).toEqual(['a']);
  });

  it('reports whom it was assigned to before, when this Zap saw it', async () => {
    const zap = { zap: { id: 'assigned-before' } };
    reamaze()
      .get('/api/v1/conversations')
      .query(true)
      .reply(200, conversationsPage([assignedAgo('a', 30, 'priya@acme.example')]));
    expect((await poll({}, zap))[0]).toMatchObject({ previously_assigned_to: '' });
    reamaze()
      .get('/api/v1/conversations')
      .query(true)
      .reply(200, conversationsPage([assignedAgo('a', 2, 'jo@acme.example')]));
    expect(await poll({}, zap)).toEqual([
      expect.objectContaining({
        id: `a:conversation_assigned:jo@acme.example@${NOW - 2 * MINUTE}`,
        assignee_name: 'jo',
        assignee_email: 'jo@acme.example',
        previously_assigned_to: 'priya@acme.example',
      }),
    ]);
  });

  it('refuses an assignee that is not an email address, before any request', async () => {
    const scope = reamaze().get(/.*/).reply(200, conversationsPage([]));
    expect(await failure(poll({ assignee: 'Jo Kim' }))).toEqual({
      name: 'AppError',
      code: 'InvalidEmail',
      status: 400,
      message: 'Assigned to "Jo Kim" is not an email address. Use the form name@example.com.',
    });
    expect(scope.isDone()).toBe(false);
  });

  it('has a sample in the live shape and a labelled field for the previous assignee', async () => {
    reamaze()
      .get('/api/v1/conversations')
      .query(true)
      .reply(200, conversationsPage([assignedAgo('a', 1, 'jo@acme.example')]));
    const [item] = await poll();
    expect(Object.keys(item as Item)).toEqual(expect.arrayContaining(Object.keys(sample)));
    expect(conversationAssigned.operation.outputFields).toContainEqual({
      key: 'previously_assigned_to',
      label: 'Previously Assigned to (Email)',
    });
  });
});
