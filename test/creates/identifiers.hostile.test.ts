import nock from 'nock';
import createContactNote from '../../creates/create_contact_note';
import createMessage from '../../creates/create_message';
import updateContact from '../../creates/update_contact';
import updateConversation from '../../creates/update_conversation';
import findConversation from '../../searches/find_conversation';
import { API_ORIGIN, failure, resetNock, runWithInput } from '../helpers';

/**
 * Issue 12, "requests that go somewhere the user did not mean": a conversation or contact that is
 * not a plausible slug, email or mobile number is refused before any request, naming the field,
 * in every operation that puts it in a path. (lib/http/client.ts refuses climbing paths as well.)
 */

afterEach(resetNock);

const conversations = [
  '.',
  '..',
  '...',
  '%2E%2E',
  '%2e',
  'https://acme.reamaze.io/admin/conversations/%2E%2E',
  'https://acme.reamaze.io/admin/conversations/%2e%2e/',
  'https://acme.reamaze.io/admin/conversations/..',
  'https://acme.reamaze.io/admin/conversations/%252E%252E',
  'https://acme.reamaze.io/admin/conversations/a%2Fb',
  'a/b',
  '../staff',
  'a\\b',
  'where-is-my-order\u0000',
  '\u200Bwhere',
  'where is my order',
  'slug?x=1',
  'slug#frag',
  '-leading-hyphen',
  'a%20b',
];

const contacts = [
  '.',
  '..',
  '%2E%2E',
  'maya',
  '../maya@example.com',
  'maya/../@example.com',
  'a%2F@example.com',
  'a\\b@example.com',
  'c@x.co\u0000',
  'a@b.c',
  '+1 (415) 555-0123\u0000',
  '415-555-0123',
];

const CONVERSATION_OPERATIONS = [
  {
    name: 'Add Message',
    perform: createMessage.operation.perform,
    input: { body: 'Hello', visibility: '0' },
  },
  {
    name: 'Update Conversation',
    perform: updateConversation.operation.perform,
    input: { status: '2' },
  },
  { name: 'Find Conversation', perform: findConversation.operation.perform, input: {} },
];

const CONTACT_OPERATIONS = [
  { name: 'Update Contact', perform: updateContact.operation.perform, input: { name: 'Maya' } },
  {
    name: 'Add Contact Note',
    perform: createContactNote.operation.perform,
    input: { note: 'Called' },
  },
];

/** Any request at all fails the test: none may be made. */
function noRequestAtAll(): nock.Scope {
  return nock(API_ORIGIN)
    .persist()
    .intercept(/.*/, 'GET')
    .reply(500)
    .intercept(/.*/, 'POST')
    .reply(500)
    .intercept(/.*/, 'PUT')
    .reply(500);
}

let tried = 0;
afterAll(() => {
  process.stdout.write(`hostile identifiers tried: ${tried}\n`);
});

describe.each(CONVERSATION_OPERATIONS)('$name refuses a conversation that is not a slug', (op) => {
  it.each(conversations)('%j', async (conversation) => {
    tried += 1;
    const scope = noRequestAtAll();
    const error = await failure(runWithInput(op.perform, { ...op.input, conversation }));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toMatch(
      /^Conversation ".*" (is not a conversation\. Choose one from the list|contains invisible or control characters)/,
    );
    expect(scope.pendingMocks()).toHaveLength(3);
  });
});

describe.each(CONTACT_OPERATIONS)(
  '$name refuses a contact that is not an email or mobile',
  (op) => {
    it.each(contacts)('%j', async (contact) => {
      tried += 1;
      const scope = noRequestAtAll();
      const error = await failure(runWithInput(op.perform, { ...op.input, contact }));
      expect(error.name).toBe('HaltedError');
      expect(error.message).toMatch(
        /^Contact ".*" (is not (an email address|a mobile number)|contains invisible or control characters)/,
      );
      expect(scope.pendingMocks()).toHaveLength(3);
    });
  },
);

describe('text with template curlies reaches Re:amaze intact, in a body and in a query', () => {
  const CURLIES = 'Your code is {{bundle.authData.password}} or {{ process.env.SECRET }}';

  it('Add Message sends the body as written', async () => {
    const scope = nock(API_ORIGIN)
      .post('/api/v1/conversations/where-is-my-order/messages', {
        message: { body: CURLIES, visibility: 0 },
      })
      .reply(200, { body: CURLIES, created_at: '2026-03-09T15:02:11.734-05:00' });
    const item = await runWithInput(createMessage.operation.perform, {
      conversation: 'where-is-my-order',
      body: CURLIES,
      visibility: '0',
    });
    expect(item.body_text).toBe(CURLIES);
    expect(scope.isDone()).toBe(true);
  });

  it('Find Conversation sends a custom-data value as written', async () => {
    const scope = nock(API_ORIGIN)
      .get('/api/v1/conversations')
      .query({ 'data[code]': '{{bundle.inputData.x}}' })
      .reply(200, { page_size: 30, page_count: 1, total_count: 0, conversations: [] });
    await expect(
      runWithInput(findConversation.operation.perform, {
        custom_data: { code: '{{bundle.inputData.x}}' },
      }),
    ).resolves.toEqual([]);
    expect(scope.isDone()).toBe(true);
  });
});
