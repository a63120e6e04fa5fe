import { perform as addMessage } from '../../creates/create_message';
import { perform as findMessages } from '../../searches/find_messages';
import { requestLines, run, sandboxEachTest, type Item } from './helpers';

const sandbox = sandboxEachTest();

const SLUG = 'where-is-my-order-10482';
type Line = { body_text: string; visibility: string; author_name: string; id: string };
const lines = (result: Item[]): Line[] => (result[0]?.messages ?? []) as Line[];

describe('Find Messages in Conversation against the sandbox', () => {
  it('gives the customer-visible messages newest first, in one item, with one request', async () => {
    const result = await run<Item[]>(findMessages, { conversation: SLUG });
    expect(requestLines(sandbox())).toEqual([`GET /conversations/${SLUG}/messages?page=1`]);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({
      id: SLUG,
      conversation_subject: 'Where is my order #10482?',
      conversation_url: `https://acme.reamaze.io/admin/conversations/${SLUG}`,
      channel_name: 'Support',
      message_count: 3,
      all_messages_included: true,
      left_out: '',
    });
    expect(lines(result).map((line) => line.author_name)).toEqual([
      'Dana Whitfield',
      'Priya Shah',
      'Dana Whitfield',
    ]);
    expect(lines(result)[0]?.body_text).toBe(
      'It arrived today, but the box is badly damaged (photo attached). The tent itself looks fine.',
    );
  });

  it('with notes, oldest first; a message added by Add Message appears last, with the same ID', async () => {
    const added = await run(addMessage, {
      conversation: SLUG,
      body: 'Replacement box on its way.',
      visibility: '1',
    });
    const result = await run<Item[]>(findMessages, {
      conversation: SLUG,
      order: 'oldest_first',
      include_notes: 'yes',
    });
    expect(lines(result).map((line) => line.visibility)).toEqual([
      'Visible to Customer',
      'Internal Note',
      'Visible to Customer',
      'Visible to Customer',
      'Internal Note',
    ]);
    expect(lines(result).at(-1)).toMatchObject({
      body_text: 'Replacement box on its way.',
      id: added.id,
    });
  });

  it('a conversation the brand does not have is no result', async () => {
    expect(await run<Item[]>(findMessages, { conversation: 'no-such-thing' })).toEqual([]);
  });
});
