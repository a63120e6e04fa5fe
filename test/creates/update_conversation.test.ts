import nock from 'nock';
import { mergeTags, perform } from '../../creates/update_conversation';
import { LIVE_CONVERSATION_ITEM, liveConversation } from '../fixtures/conversation-samples';
import { appTester, authData, failure, reamaze, resetNock } from '../helpers';

afterEach(resetNock);

const update = (inputData: Record<string, unknown>) => appTester(perform, { authData, inputData });

const SLUG = 'where-is-my-order-4471';
const PATH = `/api/v1/conversations/${SLUG}`;

/** Interceptors that must stay unused: the input is refused before any request. */
function noRequest(): nock.Scope {
  return reamaze().get(/.*/).reply(200, {}).put(/.*/).reply(200, {});
}

/** Zapier hands every unmapped optional field over as an empty string. */
const unmapped = {
  status: '',
  hold_until: '',
  assignee: '',
  tags: [],
  tag_action: '',
  custom_data: '',
};

describe('update_conversation: the request', () => {
  it('sends only the status when only the status is set (no read first)', async () => {
    const scope = reamaze()
      .matchHeader('content-type', 'application/json')
      .put(PATH, { conversation: { status: 2 } })
      .reply(200, liveConversation({ status: 2 }));
    const result = await update({ ...unmapped, conversation: SLUG, status: '2' });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ id: SLUG, status: 'Done' });
  });

  it('accepts a status label mapped from another step', async () => {
    const scope = reamaze()
      .put(PATH, { conversation: { status: 1 } })
      .reply(200, liveConversation({ status: 1 }));
    await update({ conversation: SLUG, status: 'responded' });
    expect(scope.isDone()).toBe(true);
  });

  it('sends On Hold with its Hold Until, the instant Zapier gave, in UTC', async () => {
    const scope = reamaze()
      .put(PATH, { conversation: { status: 5, hold_until: '2026-03-12T14:00:00.000Z' } })
      .reply(200, liveConversation({ status: 5, hold_until: '2026-03-12T09:00:00.000-05:00' }));
    await update({
      ...unmapped,
      conversation: SLUG,
      status: '5',
      hold_until: '2026-03-12T09:00:00-05:00',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('sends the assignee as the documented object with the staff member’s email', async () => {
    const scope = reamaze()
      .put(PATH, { conversation: { assignee: { email: 'sam@acme.example' } } })
      .reply(
        200,
        liveConversation({ assignee: { name: 'Sam Ortega', email: 'sam@acme.example' } }),
      );
    await update({ ...unmapped, conversation: SLUG, assignee: ' sam@acme.example ' });
    expect(scope.isDone()).toBe(true);
  });

  it('adds tags to the current ones: reads them first, keeps their spelling, adds only new ones', async () => {
    const scope = reamaze()
      .get(PATH)
      .reply(200, liveConversation({ tag_list: ['shipping', 'VIP'] }))
      .put(PATH, { conversation: { tag_list: ['shipping', 'VIP', 'late order', 'عاجل 🚚'] } })
      .reply(200, liveConversation({ tag_list: ['shipping', 'VIP', 'late order', 'عاجل 🚚'] }));
    await update({
      ...unmapped,
      conversation: SLUG,
      tags: ['vip', 'late order', ' عاجل 🚚 ', ''],
    });
    expect(scope.isDone()).toBe(true);
  });

  it('adds tags by default when Tag Action is left empty', async () => {
    const scope = reamaze()
      .get(PATH)
      .reply(200, liveConversation({ tag_list: [] }))
      .put(PATH, { conversation: { tag_list: ['new'] } })
      .reply(200, liveConversation({ tag_list: ['new'] }));
    await update({ conversation: SLUG, tags: ['new'] });
    expect(scope.isDone()).toBe(true);
  });

  it('removes tags from the current ones, whatever their case', async () => {
    const scope = reamaze()
      .get(PATH)
      .reply(200, liveConversation({ tag_list: ['shipping', 'VIP', 'needs-triage'] }))
      .put(PATH, { conversation: { tag_list: ['shipping'] } })
      .reply(200, liveConversation({ tag_list: ['shipping'] }));
    await update({
      ...unmapped,
      conversation: SLUG,
      tags: ['vip', 'Needs-Triage'],
      tag_action: 'remove',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('replaces all tags without reading the current ones', async () => {
    const scope = reamaze()
      .put(PATH, { conversation: { tag_list: ['refund', 'priority'] } })
      .reply(200, liveConversation({ tag_list: ['refund', 'priority'] }));
    await update({
      ...unmapped,
      conversation: SLUG,
      tags: ['refund', 'priority', 'Refund'],
      tag_action: 'Replace All Tags',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('sends custom data as text, exactly as entered (numbers and booleans stay strings)', async () => {
    const scope = reamaze()
      .put(PATH, {
        conversation: { data: { order_number: '004471', gift: 'true', note: 'Ünïcödé\nline 2' } },
      })
      .reply(200, liveConversation());
    await update({
      ...unmapped,
      conversation: SLUG,
      custom_data: { order_number: '004471', gift: 'true', note: 'Ünïcödé\nline 2', empty: '' },
    });
    expect(scope.isDone()).toBe(true);
  });

  it('sends every field together, and takes the slug from a pasted inbox link', async () => {
    const scope = reamaze()
      .get(PATH)
      .reply(200, liveConversation({ tag_list: ['shipping'] }))
      .put(PATH, {
        conversation: {
          status: 5,
          hold_until: '2026-03-12T14:00:00.000Z',
          assignee: { email: 'sam@acme.example' },
          tag_list: ['shipping', 'waiting-on-carrier'],
          data: { carrier: 'DHL' },
        },
      })
      .reply(200, liveConversation());
    await update({
      conversation: `https://acme.reamaze.io/admin/conversations/${SLUG}`,
      status: 'On Hold',
      hold_until: '2026-03-12T14:00:00Z',
      assignee: 'sam@acme.example',
      tags: ['waiting-on-carrier'],
      tag_action: 'add',
      custom_data: { carrier: 'DHL' },
    });
    expect(scope.isDone()).toBe(true);
  });

  it('encodes the slug in the path', async () => {
    const scope = reamaze()
      .put('/api/v1/conversations/caf%C3%A9-x', { conversation: { status: 2 } })
      .reply(200, liveConversation({ slug: 'café-x' }));
    await update({ conversation: 'café-x', status: '2' });
    expect(scope.isDone()).toBe(true);
  });
});

describe('update_conversation: refused before any request', () => {
  it.each([
    [
      'On Hold without Hold Until',
      { status: '5' },
      'Hold Until is required when Status is On Hold: choose when the conversation comes back.',
    ],
    [
      'an unknown status',
      { status: 'Closed' },
      'Status "Closed" is not one of the choices: use Open, Responded, Done, Spam, Archived, On Hold, or leave it empty.',
    ],
    [
      'a status Re:amaze sets itself',
      { status: '6' },
      'Status "6" is not one of the choices: use Open, Responded, Done, Spam, Archived, On Hold, or leave it empty.',
    ],
    [
      'a Hold Until that is not a date',
      { status: '5', hold_until: 'next tuesday' },
      `Hold Until "next tuesday" is not a date and time with a time zone. Use the form 2026-03-10T09:00:00-05:00 (or end with Z for UTC), or pick a date in Zapier's date field.`,
    ],
    [
      'an assignee that is not an email',
      { assignee: 'Sam Ortega' },
      'Assignee "Sam Ortega" is not an email address. Use the form name@example.com.',
    ],
    [
      'an unknown tag action',
      { tags: ['x'], tag_action: 'merge' },
      'Tag Action "merge" is not one of the choices: use Add to Current Tags, Remove from Current Tags, Replace All Tags, or leave it empty.',
    ],
    [
      'a missing conversation',
      { conversation: '', status: '2' },
      'Conversation is required: map a value to it or type one in.',
    ],
  ])('%s', async (_case, input, message) => {
    const scope = noRequest();
    expect(await failure(update({ ...unmapped, conversation: SLUG, ...input }))).toEqual({
      name: 'HaltedError',
      message,
    });
    expect(scope.pendingMocks()).toHaveLength(2);
  });

  it('halts, without a request, when there is nothing to change', async () => {
    const scope = noRequest();
    expect(
      await failure(update({ ...unmapped, conversation: SLUG, tag_action: 'replace' })),
    ).toEqual({
      name: 'HaltedError',
      message:
        'Nothing to update: Status, Hold Until, Assignee, Tags and Custom Data are all empty.',
    });
    expect(scope.pendingMocks()).toHaveLength(2);
  });
});

describe('update_conversation: answers', () => {
  it('returns the updated conversation with its flat fields', async () => {
    reamaze()
      .put(PATH, { conversation: { status: 2, assignee: { email: 'sam@acme.example' } } })
      .reply(
        200,
        liveConversation({
          status: 2,
          assignee: { name: 'Sam Ortega', email: 'sam@acme.example' },
          last_staff_message: { body: '<p>Sent!</p>', created_at: '2026-03-09T15:02:11.734-05:00' },
        }),
      );
    const result = await update({ conversation: SLUG, status: '2', assignee: 'sam@acme.example' });
    expect(result).toEqual({
      ...LIVE_CONVERSATION_ITEM,
      status: 'Done',
      assignee_name: 'Sam Ortega',
      assignee_email: 'sam@acme.example',
      last_staff_message_text: 'Sent!',
      last_staff_message_at: '2026-03-09T15:02:11.734-05:00',
    });
  });

  it('accepts the conversation wrapped in {"conversation": …}', async () => {
    reamaze()
      .put(PATH)
      .reply(200, { conversation: liveConversation({ status: 3 }) });
    expect(await update({ conversation: SLUG, status: '3' })).toEqual({
      ...LIVE_CONVERSATION_ITEM,
      status: 'Spam',
    });
  });

  it('does not send tags when the current ones cannot be read (it would wipe them)', async () => {
    const scope = reamaze()
      .get(PATH)
      .reply(200, liveConversation({ tag_list: undefined }));
    const put = reamaze().put(PATH).reply(200, {});
    expect(await failure(update({ conversation: SLUG, tags: ['x'] }))).toMatchObject({
      name: 'AppError',
      code: 'UnexpectedResponse',
    });
    expect(scope.isDone()).toBe(true);
    expect(put.isDone()).toBe(false);
  });

  it('shows Re:amaze’s own explanation of a 422', async () => {
    reamaze()
      .put(PATH)
      .reply(422, { errors: { assignee: ['must be a staff user'] } });
    expect(await failure(update({ conversation: SLUG, assignee: 'maya@example.com' }))).toEqual({
      name: 'AppError',
      code: 'InvalidInput',
      status: 422,
      message:
        'Re:amaze refused the request (HTTP 422 Unprocessable Entity): assignee must be a staff user.',
    });
  });

  it('refuses an answer that is not a conversation', async () => {
    reamaze().put(PATH).reply(200, ['not', 'a', 'conversation']);
    expect(await failure(update({ conversation: SLUG, status: '2' }))).toMatchObject({
      code: 'UnexpectedResponse',
      message: expect.stringContaining('the updated conversation'),
    });
  });
});

describe('mergeTags', () => {
  it('adds, removes and replaces without regard to case, keeping the first spelling', () => {
    expect(mergeTags(['a', 'B'], ['b', 'c', 'C'], 'add')).toEqual(['a', 'B', 'c']);
    expect(mergeTags(['a', 'B', 'c'], ['b', 'x'], 'remove')).toEqual(['a', 'c']);
    expect(mergeTags(['a'], ['z', 'Z', 'y'], 'replace')).toEqual(['z', 'y']);
    expect(mergeTags([], [], 'remove')).toEqual([]);
  });
});
