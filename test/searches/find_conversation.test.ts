import nock from 'nock';
import App from '../../index';
import { perform } from '../../searches/find_conversation';
import {
  LIVE_CONVERSATION_ITEM,
  conversationsPage,
  liveConversation,
} from '../fixtures/conversation-samples';
import { appTester, authData, failure, reamaze, resetNock } from '../helpers';

afterEach(resetNock);

const find = (inputData: Record<string, unknown>) =>
  appTester(perform, { authData, inputData }) as Promise<Record<string, unknown>[]>;

/** Zapier hands every unmapped optional field over as an empty string. */
const unmapped = {
  conversation: '',
  customer_email: '',
  tags: [],
  channel: '',
  custom_data: '',
  status_group: '',
};

describe('find_conversation by slug', () => {
  it('gets the one conversation', async () => {
    const scope = reamaze()
      .get('/api/v1/conversations/where-is-my-order-4471')
      .reply(200, liveConversation());
    const results = await find({ ...unmapped, conversation: 'where-is-my-order-4471' });
    expect(results).toHaveLength(1);
    expect(results[0]).toEqual(LIVE_CONVERSATION_ITEM);
    expect(scope.isDone()).toBe(true);
  });

  it('reports an unknown slug as no result, not as an error', async () => {
    const scope = reamaze().get('/api/v1/conversations/gone').reply(404, { error: 'not found' });
    expect(await find({ ...unmapped, conversation: 'gone' })).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('a 404 that is not Re:amaze\'s own "not found" (a proxy page, an empty body) is an error', async () => {
    for (const [body, headers] of [
      ['<html><body><h1>404 Not Found</h1>nginx</body></html>', { 'Content-Type': 'text/html' }],
      ['', {}],
      [{ error: 'Gateway route missing' }, {}],
    ] as const) {
      reamaze().get('/api/v1/conversations/x').reply(404, body, headers);
      expect(await failure(find({ ...unmapped, conversation: 'x' }))).toEqual({
        name: 'AppError',
        message:
          'Re:amaze answered HTTP 404 Not Found for acme.reamaze.io. Check that the brand is right: it is the part before .reamaze.io in your Re:amaze address.',
        code: 'NotFound',
        status: 404,
      });
    }
  });

  it('ignores the other criteria when a conversation is given', async () => {
    const scope = reamaze()
      .get('/api/v1/conversations/x')
      .reply(200, liveConversation({ slug: 'x' }));
    await find({
      ...unmapped,
      conversation: 'x',
      customer_email: 'maya@example.com',
      tags: ['vip'],
    });
    expect(scope.isDone()).toBe(true);
  });

  it('still fails on other errors (credentials, rate limit)', async () => {
    reamaze().get('/api/v1/conversations/x').reply(403, { error: 'Forbidden' });
    expect(await failure(find({ ...unmapped, conversation: 'x' }))).toMatchObject({
      name: 'ExpiredAuthError',
    });
    reamaze().get('/api/v1/conversations/x').reply(429, '', { 'Retry-After': '30' });
    expect(await failure(find({ ...unmapped, conversation: 'x' }))).toMatchObject({
      name: 'ThrottledError',
      delay: 30,
    });
  });
});

describe('find_conversation by criteria', () => {
  it('sends each criterion as its query parameter and returns the most recent match first', async () => {
    const scope = reamaze()
      .get('/api/v1/conversations')
      .query({
        for: 'maya.lindqvist@example.com',
        tag: 'vip,late order',
        category: 'support',
        'data[order_number]': '004471',
        'data[plan]': 'Pro plan',
        filter: 'all',
      })
      .reply(
        200,
        conversationsPage([
          liveConversation({ slug: 'older', created_at: '2026-03-01T09:00:00.000-05:00' }),
          liveConversation({ slug: 'newest', created_at: '2026-03-09T15:00:00.000Z' }),
          liveConversation({ slug: 'middle', created_at: '2026-03-09T09:00:00.000-05:00' }),
        ]),
      );
    const results = await find({
      ...unmapped,
      customer_email: ' maya.lindqvist@example.com ',
      tags: ['vip', 'late order'],
      channel: 'support',
      custom_data: { order_number: '004471', plan: 'Pro plan', empty: '' },
      status_group: 'all',
    });
    expect(results.map((r) => r.id)).toEqual(['newest', 'middle', 'older']);
    expect(scope.isDone()).toBe(true);
  });

  it('finds by customer email alone, with Re:amaze’s default list (no filter, no sort)', async () => {
    const scope = reamaze()
      .get('/api/v1/conversations')
      .query({ for: 'maya.lindqvist@example.com' })
      .reply(200, conversationsPage([liveConversation()]));
    expect(await find({ ...unmapped, customer_email: 'maya.lindqvist@example.com' })).toHaveLength(
      1,
    );
    expect(scope.isDone()).toBe(true);
  });

  it('returns no result for an empty list (page_count 0 or 1)', async () => {
    reamaze()
      .get('/api/v1/conversations')
      .query({ tag: 'nothing' })
      .reply(200, conversationsPage([], 0));
    expect(await find({ ...unmapped, tags: ['nothing'] })).toEqual([]);
    reamaze()
      .get('/api/v1/conversations')
      .query({ tag: 'nothing' })
      .reply(200, conversationsPage([], 1));
    expect(await find({ ...unmapped, tags: ['nothing'] })).toEqual([]);
  });

  it('refuses a search without any criterion, before any request', async () => {
    const scope = reamaze().get(/.*/).reply(200, conversationsPage([]));
    expect(await failure(find({ ...unmapped, status_group: 'open' }))).toEqual({
      name: 'HaltedError',
      message:
        'Fill in at least one of Conversation, Customer Email, Tags, Channel or Custom Data to search by.',
    });
    expect(scope.isDone()).toBe(false);
    nock.cleanAll();
  });

  it('refuses a customer email that is not one, before any request', async () => {
    const scope = reamaze().get(/.*/).reply(200, conversationsPage([]));
    expect(await failure(find({ ...unmapped, customer_email: 'maya' }))).toEqual({
      name: 'HaltedError',
      message: 'Customer Email "maya" is not an email address. Use the form name@example.com.',
    });
    expect(scope.isDone()).toBe(false);
  });

  it('refuses a list body of the wrong shape', async () => {
    reamaze().get('/api/v1/conversations').query(true).reply(200, { conversations: 'none' });
    expect(await failure(find({ ...unmapped, channel: 'support' }))).toMatchObject({
      code: 'UnexpectedResponse',
    });
  });
});

describe('find_conversation: definition', () => {
  it('pairs with Create Conversation as "Find or Create Conversation"', () => {
    const pairing = App.searchOrCreates?.find_conversation;
    expect(pairing).toEqual({
      key: 'find_conversation',
      display: {
        label: 'Find or Create Conversation',
        description: 'Finds a conversation, and creates one if none is found.',
      },
      search: 'find_conversation',
      create: 'create_conversation',
    });
    expect(App.searches?.find_conversation).toBeDefined();
    expect(App.creates?.create_conversation).toBeDefined();
  });

  it('powers the Conversation field of Add Message and Update Conversation', () => {
    for (const key of ['create_message', 'update_conversation'] as const) {
      const fields = App.creates?.[key]?.operation.inputFields as { key: string }[];
      expect(fields.find((field) => field.key === 'conversation')).toMatchObject({
        key: 'conversation',
        required: true,
        dynamic: 'conversation_list.id.name',
        search: 'find_conversation.id',
      });
    }
  });
});
