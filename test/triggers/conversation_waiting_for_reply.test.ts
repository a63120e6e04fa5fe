import waiting, { perform, sample } from '../../triggers/conversation_waiting_for_reply';
import { conversationSample } from '../../lib/records/conversation';
import { conversationsPage } from '../fixtures/conversation-samples';
import { failure, reamaze } from '../helpers';
import * as changes from './conversation-changes-helpers';

changes.atFixedNow();

const poll = changes.poller(perform);
const { MINUTE, NOW, isoAgo } = changes;

/** An Open conversation whose customer wrote `customerAgo` minutes ago; staff `staffAgo` (null: never). */
const written = (slug: string, customerAgo: number, staffAgo: number | null, extra = {}) =>
  changes.changedAgo(slug, Math.min(customerAgo, staffAgo ?? Infinity), {
    last_customer_message: { body: 'Any news?', created_at: isoAgo(customerAgo) },
    last_staff_message: staffAgo === null ? null : { body: 'On it.', created_at: isoAgo(staffAgo) },
    ...extra,
  });

const HOUR = { wait: '1', wait_unit: 'hours' };

describe('conversation_waiting_for_reply', () => {
  it('lists open conversations by latest customer message; fires those unanswered past the threshold', async () => {
    const scope = reamaze()
      .get('/api/v1/conversations')
      .query({ filter: 'open', sort: 'updated', category: 'support', page: '1' })
      .reply(
        200,
        conversationsPage([
          written('too-soon', 59, null),
          written('answered', 70, 65),
          written('waiting', 75, 200),
          written('done', 80, null, { status: 2 }),
          written('never-answered', 90, null),
        ]),
      );
    const items = await poll({ ...HOUR, channel: 'support' });
    expect(items.map((item) => [item.id, item.waiting_minutes])).toEqual([
      [`waiting:conversation_waiting_for_reply@${NOW - 75 * MINUTE}`, '75'],
      [`never-answered:conversation_waiting_for_reply@${NOW - 90 * MINUTE}`, '90'],
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('pages while a whole page is within the threshold plus an hour', async () => {
    const recent = Array.from({ length: 30 }, (_, i) => written(`r${i}`, 10 + i * 3, null));
    const scope = reamaze()
      .get('/api/v1/conversations')
      .query({ filter: 'open', sort: 'updated', page: '1' })
      .reply(200, conversationsPage(recent, 3))
      .get('/api/v1/conversations')
      .query({ filter: 'open', sort: 'updated', page: '2' })
      .reply(200, conversationsPage([written('deep', 150, null), written('old', 500, null)], 3));
    const items = await poll({ wait: '90', wait_unit: 'minutes' });
    // r27–r29 waited 91–97 minutes; `deep` 150; `old` passed the threshold too long ago.
    expect(items.map((item) => item.conversation_id)).toEqual(['r27', 'r28', 'r29', 'deep']);
    expect(scope.isDone()).toBe(true);
  });

  it('only conversations assigned to the chosen staff member, by email', async () => {
    reamaze()
      .get('/api/v1/conversations')
      .query(true)
      .reply(
        200,
        conversationsPage([
          written('jo', 90, null, { assignee: { name: 'Jo', email: 'Jo@acme.example' } }),
          written('priya', 90, null, { assignee: { name: 'Priya', email: 'priya@acme.example' } }),
          written('nobody', 90, null),
        ]),
      );
    expect(
      (await poll({ ...HOUR, assignee: 'jo@acme.example' })).map((i) => i.conversation_id),
    ).toEqual(['jo']);
  });

  it.each([
    [
      { wait: '', wait_unit: 'hours' },
      'Waiting Longer Than is required: map a value to it or type one in.',
    ],
    [
      { wait: '1.5', wait_unit: 'hours' },
      'Waiting Longer Than "1.5" must be a whole number from 1 to 168.',
    ],
    [
      { wait: '0', wait_unit: 'minutes' },
      'Waiting Longer Than "0" must be a whole number from 1 to 10080.',
    ],
    [
      { wait: '2', wait_unit: 'days' },
      'Unit "days" is not one of the choices: use Minutes, Hours.',
    ],
    [
      { ...HOUR, assignee: 'Jo' },
      'Assigned to "Jo" is not an email address. Use the form name@example.com.',
    ],
  ])('refuses %j before any request', async (input, message) => {
    const scope = reamaze().get(/.*/).reply(200, conversationsPage([]));
    expect(await failure(poll(input))).toEqual({ name: 'HaltedError', message });
    expect(scope.isDone()).toBe(false);
  });

  it('has a sample in the live shape, from the flattener', async () => {
    reamaze()
      .get('/api/v1/conversations')
      .query(true)
      .reply(200, conversationsPage([written('a', 90, null)]));
    const labelled = (waiting.operation.outputFields as { key: string }[]).map((f) => f.key);
    expect((await poll(HOUR)).map((item) => Object.keys(item))).toEqual([labelled]);
    expect(Object.keys(sample)).toEqual(labelled);
    const { id, ...conversation } = conversationSample;
    expect(sample).toEqual({
      conversation_id: id,
      waiting_minutes: '120',
      ...conversation,
      id: `where-is-my-order-4471:conversation_waiting_for_reply@${Date.parse('2026-03-10T13:03:47.118Z')}`,
    });
  });
});
