import App from '../../index';
import findMessages, { MAX_MESSAGES } from '../../searches/find_messages';
import { flattenMessage } from '../../lib/records/message';
import { authData, failure, reamaze, resetNock, runWithInput } from '../helpers';

afterEach(resetNock);

const SLUG = 'where-is-my-order-4471';
const PATH = `/api/v1/conversations/${SLUG}/messages`;

/** Message `n` of the conversation (1 = the first written); notes where `note(n)`. */
function message(n: number, visibility = 0): Record<string, unknown> {
  return {
    body: `<p>Message ${n}</p>`,
    visibility,
    origin: visibility === 0 ? 1 : 7,
    created_at: new Date(Date.UTC(2026, 2, 9, 12, 0, n)).toISOString(),
    user: { name: n % 2 ? 'Maya Lindqvist' : 'Jonas Weber', email: 'maya@example.com' },
    conversation: {
      subject: 'Where is my order?',
      slug: SLUG,
      category: { name: 'Support', slug: 'support' },
    },
  };
}

/** The conversation's `count` messages, newest first, as Re:amaze pages them (30 a page). */
function serve(count: number, visibility: (n: number) => number = () => 0) {
  const all = Array.from({ length: count }, (_, i) => message(count - i, visibility(count - i)));
  const pageCount = Math.ceil(count / 30);
  const pages: number[] = [];
  const scope = reamaze()
    .persist()
    .get(PATH)
    .query(true)
    .reply((uri) => {
      const page = Number(new URL(uri, 'https://x').searchParams.get('page'));
      pages.push(page);
      return [
        200,
        {
          page_size: 30,
          page_count: pageCount,
          total_count: count,
          messages: all.slice((page - 1) * 30, page * 30),
        },
      ];
    });
  return { scope, pages };
}

const run = (input: Record<string, unknown>) =>
  runWithInput(findMessages.operation.perform, {
    conversation: SLUG,
    ...input,
  }) as unknown as Promise<Record<string, unknown>[]>;

const bodies = (result: Record<string, unknown>[]): string[] =>
  ((result[0]?.messages ?? []) as { body_text: string }[]).map((line) => line.body_text);

describe('Find Messages in Conversation', () => {
  it('is registered, and takes the conversation from the dropdown', () => {
    expect(App.searches?.find_messages?.key).toBe('find_messages');
    expect(findMessages.operation.inputFields?.[0]).toMatchObject({
      key: 'conversation',
      dynamic: 'conversation_list.id.name',
    });
  });

  it('returns one item whose line items are exactly what New Message outputs, notes left out by default', async () => {
    const { pages } = serve(4, (n) => (n === 3 ? 1 : n === 2 ? 2 : 0));
    const result = await run({});
    expect(pages).toEqual([1]);
    expect(result).toEqual([
      {
        id: SLUG,
        conversation_subject: 'Where is my order?',
        conversation_url: `https://acme.reamaze.io/admin/conversations/${SLUG}`,
        channel_name: 'Support',
        message_count: 2,
        all_messages_included: true,
        left_out: '',
        messages: [message(4), message(1)].map((m) => flattenMessage(m, { authData })),
      },
    ]);
  });

  it('gives a message that does not name its conversation the ID New Message gives it', async () => {
    const { conversation, ...bare } = message(1);
    reamaze()
      .get(PATH)
      .query({ page: '1' })
      .reply(200, { page_size: 30, page_count: 1, total_count: 1, messages: [bare] });
    const [item] = await run({});
    expect(conversation).toMatchObject({ slug: SLUG });
    expect((item?.messages as { id: string }[])[0]?.id).toBe(
      flattenMessage(message(1), { authData }).id,
    );
    expect(item).toMatchObject({ id: SLUG, conversation_subject: '', message_count: 1 });
  });

  it('includes notes and collision notices when asked, oldest first', async () => {
    serve(4, (n) => (n === 3 ? 1 : n === 2 ? 2 : 0));
    const result = await run({ include_notes: 'true', order: 'oldest_first' });
    expect(bodies(result)).toEqual(['Message 1', 'Message 2', 'Message 3', 'Message 4']);
    expect(
      ((result[0]?.messages ?? []) as { visibility: string }[]).map((line) => line.visibility),
    ).toEqual([
      'Visible to Customer',
      'Collision Detected Message',
      'Internal Note',
      'Visible to Customer',
    ]);
  });

  it('newest first reads pages from the first and stops at the cap, saying so', async () => {
    const { pages } = serve(250);
    const result = await run({ order: 'Newest first' });
    expect(pages).toEqual([1, 2, 3, 4]);
    expect(result[0]?.message_count).toBe(MAX_MESSAGES);
    expect(bodies(result).slice(0, 2)).toEqual(['Message 250', 'Message 249']);
    expect(bodies(result).at(-1)).toBe('Message 151');
    expect(result[0]?.all_messages_included).toBe(false);
    expect(result[0]?.left_out).toBe(
      'Some messages were not returned: only the 100 newest messages are returned. The conversation has 250 messages in all (notes included).',
    );
  });

  it('oldest first reads the first page, then from the last page back, and starts with the first message', async () => {
    const { pages } = serve(250);
    const result = await run({ order: 'oldest_first' });
    expect(pages).toEqual([1, 9, 8, 7, 6]);
    expect(bodies(result).slice(0, 2)).toEqual(['Message 1', 'Message 2']);
    expect(bodies(result).at(-1)).toBe('Message 100');
    expect(result[0]?.all_messages_included).toBe(false);
  });

  it('oldest first over a short conversation reads every page and includes all', async () => {
    const { pages } = serve(45);
    const result = await run({ order: 'oldest_first' });
    expect(pages).toEqual([1, 2]);
    expect(result[0]?.message_count).toBe(45);
    expect(bodies(result).at(0)).toBe('Message 1');
    expect(bodies(result).at(-1)).toBe('Message 45');
    expect(result[0]).toMatchObject({ all_messages_included: true, left_out: '' });
  });

  it('a later page failing for a while ends the reading early, saying so', async () => {
    reamaze()
      .get(PATH)
      .query({ page: '1' })
      .reply(200, { page_size: 30, page_count: 2, total_count: 31, messages: [message(31)] });
    reamaze().get(PATH).query({ page: '2' }).reply(503, '');
    const result = await run({});
    expect(result[0]).toMatchObject({
      message_count: 1,
      all_messages_included: false,
      left_out:
        'Some messages were not returned: page 2 could not be read just now (Re:amaze was busy or unavailable). The conversation has 31 messages in all (notes included).',
    });
  });

  it('stops paging when Zapier’s time limit nears, saying so', async () => {
    const { pages } = serve(90);
    let clock = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => (clock += 12_000));
    const result = await run({});
    jest.restoreAllMocks();
    expect(pages).toEqual([1, 2]);
    expect(result[0]).toMatchObject({
      message_count: 60,
      left_out:
        'Some messages were not returned: reading every page would take longer than Zapier allows. The conversation has 90 messages in all (notes included).',
    });
  });

  it('a conversation Re:amaze does not know is no result; one without messages is an empty one', async () => {
    reamaze().get(PATH).query({ page: '1' }).reply(404, { error: 'Not Found' });
    expect(await run({})).toEqual([]);
    serve(0);
    expect(await run({})).toEqual([
      expect.objectContaining({
        id: SLUG,
        message_count: 0,
        messages: [],
        all_messages_included: true,
      }),
    ]);
  });

  it('refuses a conversation that is not one, and an unknown order, before any request', async () => {
    expect(await failure(run({ conversation: '../staff' }))).toMatchObject({
      name: 'HaltedError',
      message: expect.stringContaining('Conversation "../staff" is not a conversation.'),
    });
    expect(await failure(run({ order: 'sideways' }))).toEqual({
      name: 'HaltedError',
      message:
        'Order "sideways" is not one of the choices: use Newest first, Oldest first, or leave it empty.',
    });
  });
});
