import type { Sandbox } from '../../../tools/sandbox/server';
import {
  call,
  get,
  getAll,
  instant,
  testSandbox,
  type ApiMessage,
  type MessagesPage,
} from './helpers';

let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await testSandbox();
});

afterEach(async () => {
  await sandbox.stop();
});

const SEEDED_MESSAGES = 42;
const isNewestFirst = (messages: ApiMessage[]): boolean =>
  messages.every(
    (m, i) => i === 0 || instant(messages[i - 1]!.created_at) >= instant(m.created_at),
  );

describe('GET /messages', () => {
  it('wraps pages of 30 in the documented envelope', async () => {
    const first = await get<MessagesPage>(sandbox, '/messages');
    expect(first).toMatchObject({ page_size: 30, page_count: 2, total_count: SEEDED_MESSAGES });
    expect(first.messages).toHaveLength(30);
    const second = await get<MessagesPage>(sandbox, '/messages?page=2');
    expect(second).toMatchObject({ page_size: 30, page_count: 2, total_count: SEEDED_MESSAGES });
    expect(second.messages).toHaveLength(SEEDED_MESSAGES - 30);
    const beyond = await get<MessagesPage>(sandbox, '/messages?page=3');
    expect(beyond).toEqual({
      page_size: 30,
      page_count: 2,
      total_count: SEEDED_MESSAGES,
      messages: [],
    });
  });

  it('reads a page that is not a positive integer as the first page', async () => {
    const first = await get<MessagesPage>(sandbox, '/messages');
    for (const page of ['0', '-2', 'abc', '']) {
      expect(await get<MessagesPage>(sandbox, `/messages?page=${page}`)).toEqual(first);
    }
  });

  it('lists newest first by created_at across pages, in the brand offset', async () => {
    const all = await getAll<ApiMessage>(sandbox, '/messages', 'messages');
    expect(all).toHaveLength(SEEDED_MESSAGES);
    expect(isNewestFirst(all)).toBe(true);
    for (const message of all) {
      expect(message.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}-07:00$/);
    }
    const newest = Date.now() - instant(all[0]!.created_at);
    expect(newest).toBeGreaterThanOrEqual(5 * 60_000 - 1_000);
    expect(newest).toBeLessThan(6 * 60_000);
  });

  it('seeds every origin and visibility, HTML and plain bodies, and attachments', async () => {
    const all = await getAll<ApiMessage>(sandbox, '/messages', 'messages');
    expect([...new Set(all.map((m) => m.origin))].sort((a, b) => a - b)).toEqual([
      0, 1, 2, 3, 6, 7, 8, 9, 10, 11, 15, 16, 17, 19,
    ]);
    expect([...new Set(all.map((m) => m.visibility))].sort()).toEqual([0, 1, 2]);
    expect(all.some((m) => /<p>/.test(m.body))).toBe(true);
    expect(all.some((m) => /&#39;|&nbsp;|&eacute;/.test(m.body))).toBe(true);
    expect(all.some((m) => m.body.includes('\n') && !m.body.includes('<'))).toBe(true);
    const images = all.flatMap((m) => m.attachments).filter((a) => a['image?']);
    expect(images.length).toBeGreaterThanOrEqual(3);
    expect(
      all.flatMap((m) => m.attachments).some((a) => a.file_content_type === 'application/pdf'),
    ).toBe(true);
    expect(all.some((m) => m.user.email === null && m.user.mobile === '+14155550134')).toBe(true);
    expect(all.some((m) => m.origin_id === 'rma-2291')).toBe(true);
  });

  it('sends one message in the documented shape', async () => {
    const all = await getAll<ApiMessage>(sandbox, '/messages', 'messages');
    const reply = all.find((m) => m.body.includes('opened a trace'));
    expect(reply).toEqual({
      body: expect.stringContaining('<p>Hi Dana,</p>'),
      visibility: 0,
      origin: 1,
      origin_id: null,
      created_at: expect.any(String),
      user: { name: 'Priya Shah', email: 'priya@acme.example', 'staff?': true },
      recipients: [{ name: 'Dana Whitfield', email: 'dana.whitfield@example.com' }],
      attachments: [],
      conversation: {
        subject: 'Where is my order #10482?',
        slug: 'where-is-my-order-10482',
        created_at: expect.any(String),
        category: { name: 'Support', slug: 'support', email: 'support@acme.example', channel: 1 },
      },
    });
    const photo = all.find((m) => m.attachments.length === 1 && m.attachments[0]?.['image?']);
    expect(photo?.attachments[0]).toEqual({
      file_file_name: 'box-damage.jpg',
      file_content_type: 'image/jpeg',
      file_file_size: 284113,
      thumb_url: expect.stringMatching(/^https:\/\/.+box-damage_thumb\.jpg$/),
      url: expect.stringMatching(/^https:\/\/.+box-damage\.jpg$/),
      'image?': true,
    });
  });

  it('adds original_body only with include=original_body', async () => {
    const plain = await get<MessagesPage>(sandbox, '/messages');
    expect(plain.messages.every((m) => !('original_body' in m))).toBe(true);
    const all = await getAll<ApiMessage>(sandbox, '/messages?include=original_body', 'messages');
    expect(all.every((m) => 'original_body' in m)).toBe(true);
    const dana = all.find((m) => m.body.startsWith('It arrived today'));
    expect(dana?.original_body).toContain('<i>badly</i>');
    expect(all.find((m) => m.body.startsWith('perfect'))?.original_body).toBeNull();
  });
});

describe('GET /messages filters', () => {
  const everything = (): Promise<ApiMessage[]> =>
    getAll<ApiMessage>(sandbox, '/messages', 'messages');

  it('filter=staff and filter=customer split the messages by who wrote them', async () => {
    const staff = await getAll<ApiMessage>(sandbox, '/messages?filter=staff', 'messages');
    const customers = await getAll<ApiMessage>(sandbox, '/messages?filter=customer', 'messages');
    expect(staff.length + customers.length).toBe(SEEDED_MESSAGES);
    expect(staff.every((m) => m.user['staff?'])).toBe(true);
    expect(customers.every((m) => !m.user['staff?'])).toBe(true);
    expect(staff.some((m) => m.visibility === 1)).toBe(true);
    expect(isNewestFirst(staff) && isNewestFirst(customers)).toBe(true);
    const page = await get<MessagesPage>(sandbox, '/messages?filter=customer');
    expect(page.total_count).toBe(customers.length);
    expect(page.page_count).toBe(Math.ceil(customers.length / 30));
  });

  it('ignores a filter value it does not know', async () => {
    expect((await get<MessagesPage>(sandbox, '/messages?filter=robots')).total_count).toBe(
      SEEDED_MESSAGES,
    );
  });

  it('sent_by keeps the messages of one user, staff or customer, any case', async () => {
    const priya = await getAll<ApiMessage>(
      sandbox,
      '/messages?sent_by=PRIYA@acme.example',
      'messages',
    );
    expect(priya.length).toBe(
      (await everything()).filter((m) => m.user.email === 'priya@acme.example').length,
    );
    expect(priya.length).toBeGreaterThan(2);
    const dana = await getAll<ApiMessage>(
      sandbox,
      '/messages?sent_by=dana.whitfield%40example.com',
      'messages',
    );
    expect(dana.map((m) => m.user.name)).toEqual(['Dana Whitfield', 'Dana Whitfield']);
    expect(
      (await get<MessagesPage>(sandbox, '/messages?sent_by=nobody@example.com')).total_count,
    ).toBe(0);
  });

  it('category keeps one channel, tag the conversations with any of the tags', async () => {
    const sales = await getAll<ApiMessage>(sandbox, '/messages?category=sales', 'messages');
    expect(sales.length).toBe(6);
    expect(sales.every((m) => m.conversation.category.slug === 'sales')).toBe(true);
    const warranty = await getAll<ApiMessage>(sandbox, '/messages?tag=warranty', 'messages');
    expect(new Set(warranty.map((m) => m.conversation.slug))).toEqual(
      new Set(['tent-pole-snapped-on-first-trip', 'warranty-replacement-for-stove-x2']),
    );
    const either = await getAll<ApiMessage>(sandbox, '/messages?tag=warranty,billing', 'messages');
    expect(either.length).toBe(warranty.length + 3);
  });

  it('origin keeps one origin code', async () => {
    const sms = await getAll<ApiMessage>(sandbox, '/messages?origin=9', 'messages');
    expect(sms.map((m) => m.origin)).toEqual([9, 9, 9]);
  });

  it('start_date and end_date bound the creation time', async () => {
    const all = await everything();
    const pivot = all[10]!.created_at;
    const after = await getAll<ApiMessage>(
      sandbox,
      `/messages?start_date=${encodeURIComponent(pivot)}`,
      'messages',
    );
    expect(after).toEqual(all.slice(0, 11));
    const before = await getAll<ApiMessage>(
      sandbox,
      `/messages?end_date=${encodeURIComponent(pivot)}`,
      'messages',
    );
    expect(before).toEqual(all.slice(10));
  });

  it('combines filters', async () => {
    const result = await getAll<ApiMessage>(
      sandbox,
      '/messages?filter=customer&category=support&tag=shipping',
      'messages',
    );
    expect(result.map((m) => m.user.name)).toEqual(['Dana Whitfield', 'Dana Whitfield']);
  });
});

describe('GET /conversations/{slug}/messages', () => {
  it('lists one conversation newest first in the envelope, with the same filters', async () => {
    const page = await get<MessagesPage>(
      sandbox,
      '/conversations/where-is-my-order-10482/messages',
    );
    expect(page).toMatchObject({ page_size: 30, page_count: 1, total_count: 4 });
    expect(page.messages.map((m) => m.user.name)).toEqual([
      'Dana Whitfield',
      'Priya Shah',
      'Marco Rossi',
      'Dana Whitfield',
    ]);
    expect(page.messages.map((m) => m.visibility)).toEqual([0, 0, 1, 0]);
    const staff = await get<MessagesPage>(
      sandbox,
      '/conversations/where-is-my-order-10482/messages?filter=staff',
    );
    expect(staff.messages.map((m) => m.user.name)).toEqual(['Priya Shah', 'Marco Rossi']);
  });
});

describe('POST /conversations/{slug}/messages', () => {
  const slug = 'tent-pole-snapped-on-first-trip';
  const post = (body: unknown) =>
    call(sandbox, `/conversations/${slug}/messages`, { method: 'POST', body });

  it('adds a reply from the token owner that GET /messages lists first', async () => {
    const result = await post({ message: { body: 'Replacement pole set shipped today.' } });
    expect(result.status).toBe(201);
    expect(result.json).toMatchObject({
      body: 'Replacement pole set shipped today.',
      visibility: 0,
      origin: 7,
      origin_id: null,
      user: { name: 'Alex Morgan', email: 'agent@acme.example', 'staff?': true },
      conversation: { slug, subject: 'Tent pole snapped on first trip' },
    });
    const newest = (await get<MessagesPage>(sandbox, '/messages')).messages[0];
    expect(newest).toEqual(result.json);
    expect((await get<MessagesPage>(sandbox, '/messages')).total_count).toBe(SEEDED_MESSAGES + 1);
    // A staff reply resolves the conversation unless suppress_autoresolve is set.
    expect((await get<{ status: number }>(sandbox, `/conversations/${slug}`)).status).toBe(2);
    await post({ message: { body: 'One more thing.', suppress_autoresolve: true } });
    expect((await get<{ status: number }>(sandbox, `/conversations/${slug}`)).status).toBe(1);
  });

  it('posts on behalf of a customer, as an internal note, with origin_id, attachments and recipients', async () => {
    const result = await post({
      message: {
        body: 'Sent from the portal',
        user: { name: 'Luis Ortega', email: 'luis.ortega@example.net' },
        origin_id: 'portal-991',
        attachment: 'https://files.example/receipt.png',
        attachments: ['https://files.example/manual.pdf'],
        recipients: ['priya@acme.example'],
      },
    });
    expect(result.status).toBe(201);
    expect(result.json).toMatchObject({
      user: { name: 'Luis Ortega', email: 'luis.ortega@example.net', 'staff?': false },
      origin_id: 'portal-991',
      recipients: [{ name: 'Priya Shah', email: 'priya@acme.example' }],
      attachments: [
        {
          file_file_name: 'receipt.png',
          file_content_type: 'image/png',
          'image?': true,
          url: 'https://files.example/receipt.png',
        },
        { file_file_name: 'manual.pdf', file_content_type: 'application/pdf', 'image?': false },
      ],
    });
    expect((await get<{ status: number }>(sandbox, `/conversations/${slug}`)).status).toBe(0);
    const note = await post({ message: { body: 'Internal: check stock', visibility: 1 } });
    expect(note.json).toMatchObject({ visibility: 1, user: { 'staff?': true } });
  });

  it.each([
    ['no message', {}, { message: ["can't be blank"] }],
    ['a blank body', { message: { body: '  ' } }, { body: ["can't be blank"] }],
    [
      'visibility 2',
      { message: { body: 'x', visibility: 2 } },
      { visibility: ['is not included in the list'] },
    ],
    [
      'an empty user',
      { message: { body: 'x', user: { name: '', email: '' } } },
      { user: { email: ['is invalid'] } },
    ],
    [
      'an attachment that is not a URL',
      { message: { body: 'x', attachment: 'receipt.png' } },
      { attachment: ['receipt.png is not a valid URL'] },
    ],
    [
      'recipients that are not emails',
      { message: { body: 'x', recipients: ['bob'] } },
      { recipients: ['must be a list of email addresses'] },
    ],
  ])('refuses %s with 422 and an explanation', async (_case, body, errors) => {
    const result = await post(body);
    expect(result.status).toBe(422);
    expect(result.json).toEqual({ errors });
    expect((await get<MessagesPage>(sandbox, '/messages')).total_count).toBe(SEEDED_MESSAGES);
  });

  it('refuses a second message with the same origin_id in the conversation', async () => {
    expect((await post({ message: { body: 'a', origin_id: 'dup-1' } })).status).toBe(201);
    const again = await post({ message: { body: 'a', origin_id: 'dup-1' } });
    expect(again.status).toBe(422);
    expect(again.json).toEqual({ errors: { origin_id: ['has already been taken'] } });
  });
});
