import type { Sandbox } from '../../tools/sandbox/server';
import {
  newMessage,
  requestLines,
  run,
  startE2eSandbox,
  stopE2eSandbox,
  type Item,
} from './helpers';

let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await startE2eSandbox();
});

afterEach(async () => {
  await stopE2eSandbox(sandbox);
});

const poll = (inputData: Item = {}, meta: Item = {}): Promise<Item[]> =>
  run<Item[]>(newMessage(), inputData, meta);
const ids = (items: Item[]): string[] => items.map((item) => item.id as string);
/** Seeded messages created in the trigger's 60-minute look-back (5, 8, 15, 25, 30 and 45 minutes ago). */
const SEEDED_IN_LAST_HOUR = 6;

describe('New Message against the sandbox', () => {
  it('a quiet poll costs one request and returns the newest page, newest first', async () => {
    const items = await poll();
    expect(requestLines(sandbox)).toEqual(['GET /messages?page=1']);
    expect(items).toHaveLength(30);
    expect(new Set(ids(items)).size).toBe(30);
    const times = items.map((item) => Date.parse(item.created_at as string));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(items[0]).toEqual({
      id: expect.stringMatching(/^your-quote-for-12-summit-2-tents:\d+:1:[0-9a-f]{12}$/),
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[-+]\d\d:\d\d$/),
      body_text: 'Checking warehouse stock before confirming the 20th.',
      author_name: 'Alex Morgan',
      author_first_name: 'Alex',
      author_last_name: 'Morgan',
      author_email: 'agent@acme.example',
      author_mobile: '',
      author_is_staff: true,
      visibility: 'Internal Note',
      sent_via: 'Email',
      conversation_subject: 'Your quote for 12 Summit 2 tents',
      conversation_id: 'your-quote-for-12-summit-2-tents',
      conversation_url:
        'https://acme.reamaze.io/admin/conversations/your-quote-for-12-summit-2-tents',
      channel_name: 'Sales',
      channel_id: 'sales',
      recipient_emails: [],
      attachments: [],
      body: 'Checking warehouse stock before confirming the 20th.',
      origin_id: '',
    });
  });

  it('turns HTML bodies into text and lists attachments', async () => {
    const items = await poll();
    const photo = items.find((item) => (item.body_text as string).startsWith('It arrived today'));
    expect(photo).toMatchObject({
      author_name: 'Dana Whitfield',
      sent_via: 'Email',
      attachments: [
        {
          name: 'box-damage.jpg',
          url: expect.stringMatching(/^https:\/\/.+\/box-damage\.jpg$/),
          content_type: 'image/jpeg',
        },
      ],
    });
    const quote = items.find(
      (item) =>
        item.conversation_id === 'your-quote-for-12-summit-2-tents' &&
        item.sent_via === 'Staff Outbound',
    );
    expect(quote?.body_text).not.toMatch(/<[a-z]/);
    expect(quote?.body_text).toContain('12 × Summit 2');
  });

  it('pages through a burst of 100 new messages: every one exactly once, in 4 requests', async () => {
    const burst = sandbox.addBurst(100);
    sandbox.clearLog();
    const items = await poll();
    expect(requestLines(sandbox)).toEqual([
      'GET /messages?page=1',
      'GET /messages?page=2',
      'GET /messages?page=3',
      'GET /messages?page=4',
    ]);
    expect(items).toHaveLength(100 + SEEDED_IN_LAST_HOUR);
    expect(new Set(ids(items)).size).toBe(items.length);
    const bodies = items.map((item) => item.body_text);
    for (const message of burst) {
      expect(bodies.filter((body) => body === message.body)).toHaveLength(1);
    }
    // Nothing older than the look-back horizon comes along from the later pages.
    expect(
      items.every((item) => Date.now() - Date.parse(item.created_at as string) <= 60 * 60_000),
    ).toBe(true);
  });

  it('identities are stable from one poll to the next: a repeated poll fires nothing', async () => {
    const first = await poll();
    const second = await poll();
    expect(ids(second)).toEqual(ids(first));
  });
});

describe('New Message filters against the sandbox', () => {
  it('Sent By: Customers Only sends filter=customer and gets only customer messages', async () => {
    const items = await poll({ sender_type: 'customer' });
    expect(requestLines(sandbox)).toEqual(['GET /messages?filter=customer&page=1']);
    expect(items.length).toBeGreaterThan(10);
    expect(items.every((item) => item.author_is_staff === false)).toBe(true);
  });

  it('Sent By: Staff Only sends filter=staff and gets replies, notes and collisions', async () => {
    const items = await poll({ sender_type: 'staff' });
    expect(requestLines(sandbox)).toEqual(['GET /messages?filter=staff&page=1']);
    expect(items.every((item) => item.author_is_staff === true)).toBe(true);
    expect(new Set(items.map((item) => item.visibility))).toEqual(
      new Set(['Visible to Customer', 'Internal Note', 'Collision Detected Message']),
    );
  });

  it('Channel sends category= and keeps that channel', async () => {
    const items = await poll({ channel: 'sms' });
    expect(requestLines(sandbox)).toEqual(['GET /messages?category=sms&page=1']);
    expect(items.map((item) => item.body_text)).toEqual([
      'perfect, see you then',
      'Yes, 10am–5pm on Sundays.',
      'Hey is the Boulder store open on Sunday?',
    ]);
    expect(items.every((item) => item.channel_id === 'sms')).toBe(true);
  });

  it('Staff Member sends sent_by= and keeps that person', async () => {
    const items = await poll({ staff_member: 'priya@acme.example' });
    expect(requestLines(sandbox)).toEqual(['GET /messages?sent_by=priya%40acme.example&page=1']);
    const priya = sandbox.store.messages.filter(
      (m) => m.sender.kind === 'staff' && m.sender.email === 'priya@acme.example',
    );
    expect(items.length).toBe(priya.length);
    expect(items.map((item) => item.author_email)).toEqual(priya.map(() => 'priya@acme.example'));
  });

  it('Include Internal Notes: no leaves the notes out', async () => {
    const all = await poll();
    const items = await poll({ include_internal_notes: 'false' });
    expect(all.some((item) => item.visibility === 'Internal Note')).toBe(true);
    expect(items.some((item) => item.visibility === 'Internal Note')).toBe(false);
    expect(items).toEqual(all.filter((item) => item.visibility !== 'Internal Note'));
  });

  it('filters combine', async () => {
    const items = await poll({ sender_type: 'customer', channel: 'support' });
    expect(requestLines(sandbox)).toEqual([
      'GET /messages?filter=customer&category=support&page=1',
    ]);
    expect(
      items.every((item) => item.channel_id === 'support' && item.author_is_staff === false),
    ).toBe(true);
    const expected = sandbox.store.messages.filter(
      (m) =>
        m.sender.kind === 'customer' &&
        sandbox.store.conversation(m.conversationSlug)?.channelSlug === 'support',
    );
    expect(items.length).toBe(expected.length);
  });
});
