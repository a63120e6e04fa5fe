import type { Sandbox } from '../../tools/sandbox/server';
import { failure } from '../helpers';
import {
  createConversation,
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

const poll = (): Promise<Item[]> => run<Item[]>(newMessage());
const input = {
  channel: 'support',
  subject: 'Stove recall question',
  message: 'Is my **X2 stove** (bought in March) part of the recall?',
  customer_email: 'nina.alvarez@example.com',
  customer_name: 'Nina Alvarez',
  tags: ['recall', 'stoves'],
  customer_data: { loyalty_id: '007' },
};

describe('Create Conversation against the sandbox', () => {
  it('creates the conversation with one request carrying every value as given', async () => {
    const created = await run(createConversation(), input);
    expect(requestLines(sandbox)).toEqual(['POST /conversations']);
    expect(sandbox.requests[0]?.status).toBe(201);
    expect(sandbox.requests[0]?.body).toEqual({
      conversation: {
        subject: 'Stove recall question',
        category: 'support',
        tag_list: ['recall', 'stoves'],
        message: { body: 'Is my **X2 stove** (bought in March) part of the recall?' },
        user: {
          name: 'Nina Alvarez',
          email: 'nina.alvarez@example.com',
          data: { loyalty_id: '007' },
        },
      },
    });
    expect(created).toMatchObject({
      id: 'stove-recall-question',
      subject: 'Stove recall question',
      channel_id: 'support',
      customer_email: 'nina.alvarez@example.com',
      tags: ['recall', 'stoves'],
    });
    expect(sandbox.store.contactByEmail('nina.alvarez@example.com')?.data).toEqual({
      loyalty_id: '007',
    });
  });

  it('its first message appears in New Message exactly once, and only once across polls', async () => {
    const before = await poll();
    await run(createConversation(), input);
    const after = await poll();
    const seen = new Set(before.map((item) => item.id));
    const fresh = after.filter((item) => !seen.has(item.id));
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).toMatchObject({
      body_text: 'Is my X2 stove (bought in March) part of the recall?',
      author_name: 'Nina Alvarez',
      author_email: 'nina.alvarez@example.com',
      conversation_id: 'stove-recall-question',
      channel_id: 'support',
      sent_via: 'API',
    });
    expect(after[0]?.id).toBe(fresh[0]?.id);
    expect(after.filter((item) => item.id === fresh[0]?.id)).toHaveLength(1);
    const again = await poll();
    expect(again.filter((item) => !new Set(after.map((i) => i.id)).has(item.id))).toEqual([]);
  });

  it("shows Re:amaze's explanation when it refuses the conversation (422)", async () => {
    const error = await failure(run(createConversation(), { ...input, channel: 'returns' }));
    expect(error).toEqual({
      name: 'AppError',
      code: 'InvalidInput',
      status: 422,
      message:
        'Re:amaze refused the request (HTTP 422 Unprocessable Entity): category is not a channel of this brand.',
    });
    expect(sandbox.store.conversation('stove-recall-question')).toBeUndefined();
  });

  it('attaches files from earlier steps: Re:amaze receives each address', async () => {
    const files = [
      'https://zapier.com/engine/hydrate/77/.eJwtjE/receipt.pdf',
      'https://files.example.com/photos/stove.jpg',
    ];
    await run(createConversation(), { ...input, attachments: files });
    expect(sandbox.requests[0]?.body).toMatchObject({
      conversation: { message: { attachment: files[0], attachments: files } },
    });
    // Checked in the sandbox's store: New Message's attachment outputs are described elsewhere.
    const [first] = sandbox.store.messagesOf('stove-recall-question');
    expect(first?.attachments.map((file) => [file.url, file.fileName])).toEqual([
      [files[0], 'receipt.pdf'],
      [files[1], 'stove.jpg'],
    ]);
  });
});
