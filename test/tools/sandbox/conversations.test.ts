import type { Sandbox } from '../../../tools/sandbox/server';
import {
  call,
  get,
  getAll,
  instant,
  testSandbox,
  type ApiConversation,
  type ConversationsPage,
  type MessagesPage,
} from './helpers';

let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await testSandbox();
});

afterEach(async () => {
  await sandbox.stop();
});

const slugs = async (query: string): Promise<string[]> =>
  (await getAll<ApiConversation>(sandbox, `/conversations${query}`, 'conversations')).map(
    (c) => c.slug,
  );

describe('GET /conversations', () => {
  it('lists every conversation except archived ones, newest created first, in the envelope', async () => {
    const page = await get<ConversationsPage>(sandbox, '/conversations');
    expect(page).toMatchObject({ page_size: 30, page_count: 1, total_count: 17 });
    expect(page.conversations.map((c) => c.status)).not.toContain(4);
    const created = page.conversations.map((c) => instant(c.created_at));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(page.conversations[0]?.slug).toBe('bulk-order-for-our-scout-troop');
  });

  it('sends a conversation in the documented shape', async () => {
    const conversation = await get<ApiConversation>(
      sandbox,
      '/conversations/where-is-my-order-10482',
    );
    expect(conversation).toEqual({
      subject: 'Where is my order #10482?',
      display_subject: 'Where is my order #10482?',
      slug: 'where-is-my-order-10482',
      status: 1,
      origin: 1,
      created_at: expect.stringMatching(/-07:00$/),
      updated_at: expect.stringMatching(/-07:00$/),
      hold_until: null,
      tag_list: ['shipping', 'order'],
      data: { order_id: '10482' },
      perma_url: 'https://acme.reamaze.com/admin/conversations/where-is-my-order-10482',
      message: { body: expect.stringContaining('Summit 2 tent'), origin_id: null },
      message_count: 4,
      last_customer_message: {
        body: expect.stringContaining('It arrived today'),
        created_at: expect.any(String),
      },
      last_staff_message: {
        body: expect.stringContaining('opened a trace'),
        created_at: expect.any(String),
      },
      author: expect.objectContaining({
        id: expect.any(Number),
        name: 'Dana Whitfield',
        email: 'dana.whitfield@example.com',
      }),
      assignee: { name: 'Priya Shah', email: 'priya@acme.example' },
      category: { name: 'Support', slug: 'support', email: 'support@acme.example', channel: 1 },
      followers: [
        expect.objectContaining({
          name: 'Dana Whitfield',
          email: 'dana.whitfield@example.com',
          'staff?': false,
          'customer?': true,
        }),
        { name: 'Marco Rossi', email: 'marco@acme.example', 'staff?': true, 'customer?': false },
      ],
    });
  });

  it('lists conversations as the documented list sample: without last_staff_message or data', async () => {
    const { conversations } = await get<{ conversations: ApiConversation[] }>(
      sandbox,
      '/conversations',
    );
    const listed = conversations.find((c) => c.slug === 'where-is-my-order-10482');
    expect(listed).toBeDefined();
    expect(listed).not.toHaveProperty('last_staff_message');
    expect(listed).not.toHaveProperty('data');
    expect(listed).toHaveProperty('last_customer_message');
  });

  it('resolves a conversation by the database id a satisfaction rating names', async () => {
    const { satisfaction_ratings: ratings } = await get<{
      satisfaction_ratings: { conversation_id: string }[];
    }>(sandbox, '/satisfaction_ratings');
    const byId = await get<ApiConversation>(
      sandbox,
      `/conversations/${ratings[0]?.conversation_id ?? ''}`,
    );
    expect(byId.slug).toBe('where-is-my-order-10482');
  });

  it('filter: open, unassigned, archived, all', async () => {
    const open = await getAll<ApiConversation>(
      sandbox,
      '/conversations?filter=open',
      'conversations',
    );
    expect(open.map((c) => c.slug)).toEqual([
      'bulk-order-for-our-scout-troop',
      'whatsapp-with-jonas-weber',
      'voicemail-from-1-206-555-0199',
      'sms-with-1-415-555-0134',
      'tent-pole-snapped-on-first-trip',
    ]);
    expect(open.every((c) => c.status === 0)).toBe(true);
    const unassigned = await getAll<ApiConversation>(
      sandbox,
      '/conversations?filter=unassigned',
      'conversations',
    );
    expect(unassigned.every((c) => c.assignee === null && c.status !== 4)).toBe(true);
    expect(unassigned.map((c) => c.slug)).toContain('voicemail-from-1-206-555-0199');
    expect(await slugs('?filter=archived')).toEqual(['catalog-request']);
    expect((await slugs('?filter=all')).length).toBe(18);
  });

  it('category, tag (any of several) and for', async () => {
    expect(await slugs('?category=sales')).toEqual([
      'bulk-order-for-our-scout-troop',
      'your-quote-for-12-summit-2-tents',
    ]);
    expect(await slugs('?tag=b2b,billing')).toEqual([
      'bulk-order-for-our-scout-troop',
      'your-quote-for-12-summit-2-tents',
      'facebook-message-from-tom-becker',
    ]);
    expect(await slugs('?for=AMELIE.DUBOIS@example.fr')).toEqual([
      'return-request-rma-2291',
      'feedback-on-order-10511',
    ]);
    expect(await slugs('?for=marco@acme.example')).toEqual([
      'warranty-replacement-for-stove-x2',
      'where-is-my-order-10482',
    ]);
    expect(await slugs('?for_id=cust_88213')).toEqual([
      'return-request-rma-2291',
      'feedback-on-order-10511',
    ]);
  });

  it('data[key]=value matches custom data', async () => {
    expect(await slugs('?data[order_id]=10482')).toEqual(['where-is-my-order-10482']);
    expect(await slugs(`?${encodeURIComponent('data[troop]')}=4412&data[budget]=2000`)).toEqual([
      'bulk-order-for-our-scout-troop',
    ]);
    expect(await slugs('?data[troop]=9999')).toEqual([]);
  });

  it('origin keeps one kind of conversation', async () => {
    expect(await slugs('?origin=sms')).toEqual(['sms-with-1-415-555-0134']);
  });

  it('sort=updated orders by the latest customer message, sort=changed by any change', async () => {
    const updated = await getAll<ApiConversation>(
      sandbox,
      '/conversations?sort=updated',
      'conversations',
    );
    const lastCustomer = updated.map((c) =>
      instant(c.last_customer_message?.created_at ?? c.created_at),
    );
    expect(lastCustomer).toEqual([...lastCustomer].sort((a, b) => b - a));
    expect(updated[0]?.slug).toBe('whatsapp-with-jonas-weber');
    const changed = await getAll<ApiConversation>(
      sandbox,
      '/conversations?sort=changed',
      'conversations',
    );
    expect(changed[0]?.slug).toBe('your-quote-for-12-summit-2-tents');
    expect(changed.map((c) => instant(c.updated_at))).toEqual(
      changed.map((c) => instant(c.updated_at)).sort((a, b) => b - a),
    );
  });

  it('an empty result has zero pages', async () => {
    expect(await get(sandbox, '/conversations?category=nowhere')).toEqual({
      page_size: 30,
      page_count: 0,
      total_count: 0,
      conversations: [],
    });
  });
});

describe('POST /conversations', () => {
  const valid = {
    conversation: {
      subject: 'Broken zipper on my backpack',
      category: 'support',
      tag_list: ['repairs'],
      data: { order_id: '10600' },
      message: {
        body: 'The main zipper broke after a week.',
        attachment: 'https://files.example/zip.jpg',
      },
      user: { name: 'Nina Alvarez', email: 'nina.alvarez@example.com', data: { vip: 'yes' } },
    },
  };

  it('creates the conversation and its first message, which GET /messages then lists first', async () => {
    const result = await call(sandbox, '/conversations', { method: 'POST', body: valid });
    expect(result.status).toBe(201);
    const conversation = result.json as ApiConversation;
    expect(conversation).toMatchObject({
      subject: 'Broken zipper on my backpack',
      slug: 'broken-zipper-on-my-backpack',
      status: 0,
      origin: 7,
      tag_list: ['repairs'],
      data: { order_id: '10600' },
      message: { body: 'The main zipper broke after a week.' },
      message_count: 1,
      author: { name: 'Nina Alvarez', email: 'nina.alvarez@example.com', data: { vip: 'yes' } },
      assignee: null,
      category: { slug: 'support' },
    });
    expect(await get<ApiConversation>(sandbox, `/conversations/${conversation.slug}`)).toEqual(
      conversation,
    );
    const newest = (await get<MessagesPage>(sandbox, '/messages')).messages[0];
    expect(newest).toMatchObject({
      body: 'The main zipper broke after a week.',
      origin: 7,
      visibility: 0,
      user: { name: 'Nina Alvarez', email: 'nina.alvarez@example.com', 'staff?': false },
      attachments: [{ file_file_name: 'zip.jpg', 'image?': true }],
      conversation: { slug: 'broken-zipper-on-my-backpack' },
    });
    expect(newest?.created_at).toBe(conversation.created_at);
    expect((await slugs(''))[0]).toBe('broken-zipper-on-my-backpack');
  });

  it('makes slugs unique and needs no subject', async () => {
    await call(sandbox, '/conversations', { method: 'POST', body: valid });
    const again = await call(sandbox, '/conversations', { method: 'POST', body: valid });
    expect((again.json as ApiConversation).slug).toBe('broken-zipper-on-my-backpack-2');
    const bare = await call(sandbox, '/conversations', {
      method: 'POST',
      body: { conversation: { ...valid.conversation, subject: undefined } },
    });
    expect(bare.status).toBe(201);
    expect(bare.json).toMatchObject({
      subject: '',
      slug: 'conversation',
      display_subject: 'The main zipper broke after a week.',
    });
  });

  it('reuses a known customer', async () => {
    const result = await call(sandbox, '/conversations', {
      method: 'POST',
      body: {
        conversation: { ...valid.conversation, user: { email: 'Dana.Whitfield@example.com' } },
      },
    });
    expect((result.json as ApiConversation).author.name).toBe('Dana Whitfield');
  });

  it.each([
    ['no conversation', {}, { conversation: ["can't be blank"] }],
    ['no category', { ...valid.conversation, category: ' ' }, { category: ["can't be blank"] }],
    [
      'an unknown category',
      { ...valid.conversation, category: 'returns' },
      { category: ['is not a channel of this brand'] },
    ],
    [
      'a category object',
      { ...valid.conversation, category: { slug: 'support' } },
      { category: ['is not a channel of this brand'] },
    ],
    [
      'no message body',
      { ...valid.conversation, message: { body: '' } },
      { message: { body: ["can't be blank"] } },
    ],
    [
      'the customer under contact',
      { ...valid.conversation, user: undefined, contact: valid.conversation.user },
      { user: { email: ["can't be blank"] } },
    ],
    [
      'an invalid email',
      { ...valid.conversation, user: { email: 'nina at example' } },
      { user: { email: ['is invalid'] } },
    ],
    [
      'status 12',
      { ...valid.conversation, status: 12 },
      { status: ['is not included in the list'] },
    ],
    [
      'tags that are not strings',
      { ...valid.conversation, tag_list: [1, 2] },
      { tag_list: ['is invalid'] },
    ],
    ['data that is not an object', { ...valid.conversation, data: 'x' }, { data: ['is invalid'] }],
  ])('refuses %s with 422 and every explanation', async (_case, conversation, errors) => {
    const body =
      'conversation' in errors && Object.keys(conversation).length === 0 ? {} : { conversation };
    const result = await call(sandbox, '/conversations', { method: 'POST', body });
    expect(result.status).toBe(422);
    expect(result.json).toEqual({ errors });
    expect((await get<ConversationsPage>(sandbox, '/conversations?filter=all')).total_count).toBe(
      18,
    );
  });

  it('lists all the problems of one request together', async () => {
    const result = await call(sandbox, '/conversations', {
      method: 'POST',
      body: { conversation: { subject: 'x', message: {}, user: {} } },
    });
    expect(result.json).toEqual({
      errors: {
        category: ["can't be blank"],
        message: { body: ["can't be blank"] },
        user: { email: ["can't be blank"] },
      },
    });
  });
});

describe('PUT /conversations/{slug}', () => {
  const slug = 'sms-with-1-415-555-0134';
  const put = (conversation: unknown) =>
    call(sandbox, `/conversations/${slug}`, { method: 'PUT', body: { conversation } });

  it('assigns (object or bare email), retags, changes status and merges data', async () => {
    const result = await put({
      assignee: { email: 'jo@acme.example' },
      tag_list: ['store', 'hours'],
      status: 1,
      data: { store: 'Boulder' },
    });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({
      assignee: { name: 'Jo Kim', email: 'jo@acme.example' },
      tag_list: ['store', 'hours'],
      status: 1,
      data: { store: 'Boulder' },
    });
    expect(
      (await put({ assignee: 'priya@acme.example', data: { visit: 'Sunday' } })).json,
    ).toMatchObject({
      assignee: { email: 'priya@acme.example' },
      data: { store: 'Boulder', visit: 'Sunday' },
    });
    expect(await get<ApiConversation>(sandbox, `/conversations/${slug}`)).toMatchObject({
      status: 1,
    });
  });

  it('puts a conversation on hold until a date and moves it to an email channel', async () => {
    const result = await put({ status: 5, hold_until: '2030-01-02T03:04:05Z', category: 'sales' });
    expect(result.json).toMatchObject({
      status: 5,
      hold_until: '2030-01-01T20:04:05.000-07:00',
      category: { slug: 'sales' },
    });
  });

  it.each([
    [
      'an unknown assignee',
      { assignee: { email: 'dana.whitfield@example.com' } },
      { assignee: ['is not a staff user of this brand'] },
    ],
    [
      'On Hold without a date',
      { status: 5 },
      { hold_until: ["can't be blank when the status is On Hold"] },
    ],
    ['a date that is not one', { hold_until: 'next week' }, { hold_until: ['is invalid'] }],
    ['a move to a chat channel', { category: 'chat' }, { category: ['must be an email channel'] }],
    [
      'a brand without a channel',
      { brand: 'other.reamaze.com' },
      { brand: ['can only be changed together with category'] },
    ],
  ])('refuses %s with 422 and changes nothing', async (_case, conversation, errors) => {
    const before = await get<ApiConversation>(sandbox, `/conversations/${slug}`);
    const result = await put(conversation);
    expect(result.status).toBe(422);
    expect(result.json).toEqual({ errors });
    expect(await get<ApiConversation>(sandbox, `/conversations/${slug}`)).toEqual(before);
  });
});

describe('sort=changed: status, assignee and tag changes', () => {
  const changedSlugs = async (query = ''): Promise<string[]> =>
    (
      await get<ConversationsPage>(sandbox, `/conversations?sort=changed${query}`)
    ).conversations.map((c) => c.slug);

  it('seeds changes made without a message: a resolve 12 minutes ago, a hold 40 minutes ago', async () => {
    const canada = await get<ApiConversation>(sandbox, '/conversations/do-you-ship-to-canada');
    expect(instant(canada.updated_at)).toBeGreaterThan(
      instant(canada.last_staff_message?.created_at ?? ''),
    );
    expect((await changedSlugs()).slice(0, 4)).toEqual([
      'your-quote-for-12-summit-2-tents',
      'whatsapp-with-jonas-weber',
      'do-you-ship-to-canada',
      'bulk-order-for-our-scout-troop',
    ]);
  });

  it('every successful PUT moves the conversation to the top and its updated_at to now', async () => {
    sandbox.clock.freeze();
    const slug = 'catalog-request';
    sandbox.clock.advance(60_000);
    // Archived conversations are only listed with filter=all.
    expect(await changedSlugs()).not.toContain(slug);
    const result = await call(sandbox, `/conversations/${slug}`, {
      method: 'PUT',
      body: { conversation: { status: 2, tag_list: ['catalog'] } },
    });
    expect((result.json as ApiConversation).updated_at).toBe(
      (await get<ApiConversation>(sandbox, `/conversations/${slug}`)).updated_at,
    );
    expect(instant((result.json as ApiConversation).updated_at)).toBe(sandbox.clock.now());
    expect((await changedSlugs())[0]).toBe(slug);

    // An edit that changes nothing still counts as a change, as Re:amaze's "any update" allows.
    sandbox.clock.advance(60_000);
    await call(sandbox, '/conversations/tent-pole-snapped-on-first-trip', {
      method: 'PUT',
      body: { conversation: { assignee: { email: 'agent@acme.example' } } },
    });
    expect((await changedSlugs('&filter=all')).slice(0, 2)).toEqual([
      'tent-pole-snapped-on-first-trip',
      slug,
    ]);
  });

  it('a refused PUT moves nothing', async () => {
    const before = await changedSlugs('&filter=all');
    await call(sandbox, '/conversations/catalog-request', {
      method: 'PUT',
      body: { conversation: { status: 42 } },
    });
    expect(await changedSlugs('&filter=all')).toEqual(before);
  });

  it('filter=all lists archived conversations in the changed order too', async () => {
    const all = await getAll<ApiConversation>(
      sandbox,
      '/conversations?sort=changed&filter=all',
      'conversations',
    );
    expect(all).toHaveLength(18);
    expect(all.map((c) => c.slug)).toContain('catalog-request');
    const times = all.map((c) => instant(c.updated_at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});
