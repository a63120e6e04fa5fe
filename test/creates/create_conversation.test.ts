import createConversation from '../../creates/create_conversation';
import { flattenConversation } from '../../lib/records/conversation';
import { failure, runWithInput, reamaze, resetNock } from '../helpers';

const run = (inputData: Record<string, unknown>) =>
  runWithInput(createConversation.operation.perform, inputData);

const PATH = '/api/v1/conversations';

/** The four required fields, as a Zap maps them. */
const required = {
  channel: 'support',
  subject: 'Where is my order #4471?',
  message: 'Hi, my order has not arrived yet.',
  customer_email: 'maya.lindqvist@example.com',
};

/** The body those four give: nothing else. */
const requiredBody = {
  conversation: {
    subject: 'Where is my order #4471?',
    category: 'support',
    message: { body: 'Hi, my order has not arrived yet.' },
    user: { email: 'maya.lindqvist@example.com' },
  },
};

/** Every optional field left unmapped: Zapier sends empty strings (and empty lists and dicts). */
const unmapped = {
  customer_name: '',
  customer_first_name: '',
  customer_last_name: '',
  tags: '',
  status: '',
  recipients: '',
  attachments: [],
  suppress_notifications: '',
  customer_data: '',
  conversation_data: '',
};

/** What Re:amaze answers: the new conversation's JSON, as GET /conversations/{slug} shows it. */
const created = {
  subject: 'Where is my order #4471?',
  slug: 'where-is-my-order-4471',
  status: 0,
  created_at: '2026-03-09T14:22:05.118-05:00',
  tag_list: [],
  data: {},
  message: { body: 'Hi, my order has not arrived yet.' },
  last_customer_message: {
    body: 'Hi, my order has not arrived yet.',
    created_at: '2026-03-09T14:22:05.118-05:00',
  },
  last_staff_message: null,
  author: { name: 'maya.lindqvist', email: 'maya.lindqvist@example.com' },
  assignee: null,
  category: { name: 'Support', slug: 'support', email: 'support@acme.reamaze.io', channel: 1 },
  followers: [{ name: 'maya.lindqvist', email: 'maya.lindqvist@example.com' }],
};

afterEach(resetNock);

describe('Create Conversation: the request', () => {
  it('sends only the required fields, in the documented nested body, as JSON', async () => {
    const scope = reamaze()
      .matchHeader('content-type', 'application/json')
      .post(PATH, requiredBody)
      .reply(200, created);
    const result = await run(required);
    expect(scope.isDone()).toBe(true);
    expect(result).toEqual(flattenConversation(created, 'acme'));
    expect(result).toMatchObject({
      id: 'where-is-my-order-4471',
      subject: 'Where is my order #4471?',
      status: 'Open',
      channel_name: 'Support',
      channel_id: 'support',
      customer_email: 'maya.lindqvist@example.com',
      first_message_text: 'Hi, my order has not arrived yet.',
      created_at: '2026-03-09T14:22:05.118-05:00',
      conversation_url: 'https://acme.reamaze.io/admin/conversations/where-is-my-order-4471',
    });
  });

  it('leaves out every unmapped field: empty strings, whitespace, empty lists and dicts', async () => {
    const scope = reamaze().post(PATH, requiredBody).times(3).reply(200, created);
    await run({ ...required, ...unmapped });
    await run({
      ...required,
      customer_name: '   ',
      customer_first_name: '',
      customer_last_name: '',
      tags: ['', '  '],
      status: ' ',
      recipients: [''],
      attachments: ['\n', ''],
      suppress_notifications: '',
      customer_data: { '': '', plan: '', tier: '  ' },
      conversation_data: {},
    });
    await run({
      ...required,
      customer_name: null,
      tags: [],
      status: null,
      recipients: null,
      attachments: undefined,
      suppress_notifications: null,
      customer_data: null,
      conversation_data: null,
    });
    expect(scope.isDone()).toBe(true);
  });

  it('sends every field, in its documented place', async () => {
    const scope = reamaze()
      .post(PATH, {
        conversation: {
          subject: 'Where is my order #4471?',
          category: 'support',
          tag_list: ['shipping', 'order status'],
          status: 2,
          data: { order_number: '4471', gift: 'true' },
          message: {
            body: 'Hi, my order has not arrived yet.',
            recipients: ['alex@example.com', 'sam@example.org'],
            suppress_notification: true,
            attachment: 'https://files.example.com/receipts/4471.pdf',
            attachments: ['https://files.example.com/receipts/4471.pdf'],
          },
          user: {
            name: 'Maya Lindqvist',
            email: 'maya.lindqvist@example.com',
            data: { plan: 'Wholesale', orders: '12' },
          },
        },
      })
      .reply(200, { ...created, status: 2, tag_list: ['shipping', 'order status'] });
    const result = await run({
      ...required,
      customer_name: 'Maya Lindqvist',
      customer_first_name: 'Maya',
      customer_last_name: 'Lindqvist',
      tags: ['shipping', 'order status'],
      status: '2',
      recipients: ['alex@example.com', ' sam@example.org '],
      attachments: ['https://files.example.com/receipts/4471.pdf'],
      suppress_notifications: true,
      customer_data: { plan: 'Wholesale', orders: '12' },
      conversation_data: { order_number: '4471', gift: 'true' },
    });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ status: 'Done', tags: ['shipping', 'order status'] });
  });

  it.each([
    ['a mapped status label', 'Done', 2],
    ['a label in other case with spaces', ' archived ', 4],
    ['the code of Open', '0', 0],
    ['the number 3', 3, 3],
  ])('takes %s as the status', async (_what, status, code) => {
    const scope = reamaze()
      .post(PATH, { conversation: { ...requiredBody.conversation, status: code } })
      .reply(200, created);
    await run({ ...required, status });
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    [false, false],
    ['false', false],
    ['no', false],
    ['yes', true],
    ['true', true],
  ])('sends Suppress Notifications %p as %p', async (given, sent) => {
    const scope = reamaze()
      .post(PATH, {
        conversation: {
          ...requiredBody.conversation,
          message: { body: required.message, suppress_notification: sent },
        },
      })
      .reply(200, created);
    await run({ ...required, suppress_notifications: given });
    expect(scope.isDone()).toBe(true);
  });

  it('sends list and dict fields item by item, values that look like numbers or booleans as text', async () => {
    const scope = reamaze()
      .post(PATH, {
        conversation: {
          ...requiredBody.conversation,
          tag_list: ['VIP customer', 'needs follow up', '  padded  ', 'a,b'],
          data: {
            order_number: '004471',
            total: '129.90',
            paid: 'true',
            refunded: 'false',
            coupon: 'null',
            big_id: '12345678901234567890',
          },
          message: { body: required.message, recipients: ['alex@example.com'] },
          user: { email: required.customer_email, data: { 'Loyalty Tier': 'Gold', visits: '7' } },
        },
      })
      .reply(200, created);
    await run({
      ...required,
      tags: ['VIP customer', '', 'needs follow up', '  padded  ', 'a,b'],
      recipients: 'alex@example.com',
      customer_data: { 'Loyalty Tier': 'Gold', visits: '7', '': 'dropped', empty: '' },
      conversation_data: {
        order_number: '004471',
        total: '129.90',
        paid: 'true',
        refunded: 'false',
        coupon: 'null',
        big_id: '12345678901234567890',
      },
    });
    expect(scope.isDone()).toBe(true);
  });

  it('sends unicode, emoji, right-to-left text, newlines and Markdown exactly as given, without control characters', async () => {
    const subject = '  Заказ №4471 не пришёл 📦 — שלום  ';
    const message =
      '# Hallo 👋🏽\r\n\r\nMein **Paket** ist _nicht_ angekommen.\n\n- Größe: 42\n- مرحبا بالعالم\n\n```\ncode <b>&amp;</b>\n```\n\t\u200fעברית\u200e ok\u0000';
    const scope = reamaze()
      .post(PATH, {
        conversation: {
          subject,
          category: 'support',
          tag_list: ['日本語 タグ', '🔥 hot'],
          data: { Ключ: 'Значение ✓', note: 'line 1\nline 2' },
          // The NUL is removed (docs/errors.md); tabs, line breaks and direction marks stay.
          message: { body: message.replace('\u0000', '') },
          user: {
            name: 'José Ñúñez 🌷 محمد',
            email: 'maya.lindqvist@example.com',
            data: { city: 'Zürich' },
          },
        },
      })
      .reply(200, created);
    await run({
      ...required,
      subject,
      message,
      customer_name: 'José Ñúñez 🌷 محمد',
      customer_first_name: 'José Ñúñez 🌷',
      customer_last_name: 'محمد',
      tags: ['日本語 タグ', '🔥 hot'],
      customer_data: { city: 'Zürich' },
      conversation_data: { Ключ: 'Значение ✓', note: 'line 1\nline 2' },
    });
    expect(scope.isDone()).toBe(true);
  });

  it('sends a 1 MB message body intact', async () => {
    const line = 'Ünïcödé 🚚 line with Markdown **bold** and an RTL word שלום.\n';
    const message = line.repeat(Math.ceil(1_048_576 / Buffer.byteLength(line)));
    expect(Buffer.byteLength(message)).toBeGreaterThanOrEqual(1_048_576);
    let sent: unknown;
    const scope = reamaze()
      .post(PATH, (body: unknown) => {
        sent = body;
        return true;
      })
      .reply(200, created);
    await run({ ...required, message });
    expect(scope.isDone()).toBe(true);
    expect(sent).toEqual({
      conversation: { ...requiredBody.conversation, message: { body: message } },
    });
  });

  it('trims the channel slug and email addresses, which are identifiers, and nothing else', async () => {
    const scope = reamaze()
      .post(PATH, {
        conversation: {
          subject: ' Subject with spaces ',
          category: 'support',
          message: { body: '\n  indented body\n' },
          user: { name: ' Maya ', email: 'maya.lindqvist@example.com' },
        },
      })
      .reply(200, created);
    await run({
      channel: ' support\n',
      subject: ' Subject with spaces ',
      message: '\n  indented body\n',
      customer_email: ' maya.lindqvist@example.com ',
      customer_name: ' Maya ',
      customer_first_name: ' Maya ',
      customer_last_name: '',
    });
    expect(scope.isDone()).toBe(true);
  });
});

describe('Create Conversation: checks before any request', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['no channel', { channel: '' }, 'Channel is required'],
    ['a whitespace channel', { channel: '  ' }, 'Channel is required'],
    [
      'a channel email instead of its slug',
      { channel: 'support@acme.reamaze.io' },
      'Channel "support@acme.reamaze.io" is not a channel slug. Choose a channel from the list, or map its slug',
    ],
    [
      'a channel name with spaces',
      { channel: 'Customer Support' },
      'Channel "Customer Support" is not a channel slug.',
    ],
    ['no subject', { subject: '' }, 'Subject is required'],
    ['a whitespace subject', { subject: ' \n\t' }, 'Subject is required'],
    ['no message', { message: undefined }, 'Message is required'],
    ['a whitespace message', { message: '\n\n' }, 'Message is required'],
    ['no customer email', { customer_email: '' }, 'Customer Email is required'],
    [
      'a customer email that is not one',
      { customer_email: 'maya at example.com' },
      'Customer Email "maya at example.com" is not an email address. Use the form name@example.com.',
    ],
    [
      'a recipient that is not an email',
      { recipients: ['alex@example.com', 'Alex'] },
      'Additional Recipients "Alex" is not an email address.',
    ],
    [
      'an attachment that is not absolute',
      { attachments: ['files/4471.pdf'] },
      'Attachments "files/4471.pdf" is not a web address. Use a full address starting with https://, or a file from an earlier step.',
    ],
    [
      'an attachment that is not http(s)',
      { attachments: 'ftp://files.example.com/4471.pdf' },
      'Attachments "ftp://files.example.com/4471.pdf" is not a web address.',
    ],
    [
      'an attachment on a link-local address (cloud metadata)',
      { attachments: ['http://169.254.169.254/latest/meta-data/iam/'] },
      'Attachments http://169.254.169.254/latest/meta-data/iam/ points at a private or local network address (169.254.169.254).',
    ],
    [
      'an attachment with a login in it, without repeating the password',
      { attachments: ['https://files.example.com/a.pdf', 'https://u:p@x.co/a'] },
      'Attachments (file 2) https://x.co/a has a user name or password written into it (before the @)',
    ],
    [
      'an unknown status',
      { status: 'Urgent' },
      'Status "Urgent" is not one of the choices: use Open, Responded, Done, Spam, Archived, or leave it empty.',
    ],
    ['On Hold, which needs a date', { status: '5' }, 'Status "5" is not one of the choices'],
    [
      'customer data that is not key/value pairs',
      { customer_data: 'plan=Wholesale' },
      'Customer Data must be a set of keys and values.',
    ],
    [
      'nested conversation data',
      { conversation_data: { order: { id: '1' } } },
      'Conversation Data "order" must be a single value; Re:amaze keeps custom data one level deep.',
    ],
  ];

  it.each(cases)('refuses %s, naming the field', async (_what, change, message) => {
    const scope = reamaze().post(PATH).reply(200, created);
    const error = await failure(run({ ...required, ...change }));
    expect(error.name).toBe('HaltedError');
    expect(error.message.startsWith(message)).toBe(true);
    expect(scope.isDone()).toBe(false);
  });

  it('checks the required fields in the order they are shown', async () => {
    const scope = reamaze().post(PATH).reply(200, created);
    expect(await failure(run({}))).toMatchObject({
      name: 'HaltedError',
      message: 'Channel is required: map a value to it or type one in.',
    });
    expect(await failure(run({ channel: 'support', message: 'x' }))).toMatchObject({
      message: 'Subject is required: map a value to it or type one in.',
    });
    expect(scope.isDone()).toBe(false);
  });
});

describe('Create Conversation: answers', () => {
  it('unwraps an answer given as {"conversation": {…}}', async () => {
    reamaze().post(PATH).reply(200, { conversation: created });
    expect(await run(required)).toEqual(flattenConversation(created, 'acme'));
  });

  it('returns what it can from an answer with odd or missing fields, without failing', async () => {
    reamaze()
      .post(PATH)
      .reply(200, { slug: 'odd-one', status: 'open', tag_list: null, author: [], category: 7 });
    expect(await run(required)).toMatchObject({
      id: 'odd-one',
      subject: '',
      status: '',
      tags: [],
      customer_email: '',
      channel_name: '',
      conversation_url: 'https://acme.reamaze.io/admin/conversations/odd-one',
    });
  });

  it.each([
    ['an array', []],
    ['a string', 'created'],
    ['null', null],
    ['a number', 201],
  ])('says to check the inbox before a replay when the answer is %s', async (_what, body) => {
    reamaze().post(PATH).reply(200, JSON.stringify(body));
    expect(await failure(run(required))).toEqual({
      name: 'AppError',
      code: 'UnexpectedResponse',
      status: 502,
      message:
        'Re:amaze accepted the request but sent the new conversation in a form this integration does not recognise. Check Re:amaze before you replay this step, so it is not done twice.',
    });
  });
});
