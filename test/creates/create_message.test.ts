import nock from 'nock';
import createMessage, { perform, visibilityCode } from '../../creates/create_message';
import { appTester, authData, failure, reamaze, resetNock } from '../helpers';

afterEach(resetNock);

const SLUG = 'where-is-my-order-4471';
const PATH = `/api/v1/conversations/${SLUG}/messages`;

const add = (inputData: Record<string, unknown>) => appTester(perform, { authData, inputData });

/** Zapier hands every unmapped optional field over as an empty string. */
const unmapped = {
  sender_email: '',
  sender_name: '',
  recipients: [],
  attachments: [],
  response_template: '',
  suppress_notifications: '',
  keep_open: '',
  origin_id: '',
};

/** The documented answer of POST …/messages: the bare new message. */
function postedMessage(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    body: 'Your parcel left our warehouse today.',
    visibility: 0,
    created_at: '2026-03-09T15:02:11.734-05:00',
    origin_id: 'zap-run-8c41f2',
    user: { name: 'Sam Ortega', email: 'sam@acme.example' },
    conversation: {
      subject: 'Where is my order #4471?',
      slug: SLUG,
      created_at: '2026-03-09T14:22:05.118-05:00',
      category: { name: 'Support', slug: 'support', email: 'support@acme.reamaze.io', channel: 1 },
    },
    ...overrides,
  };
}

function noRequest(): nock.Scope {
  return reamaze().post(/.*/).reply(200, {});
}

describe('create_message: the reply/note choice', () => {
  it('comes first, says what it chooses, and has no default: the user picks reply or note', () => {
    const [first] = createMessage.operation.inputFields as Record<string, unknown>[];
    expect(first).toMatchObject({
      key: 'visibility',
      label: 'Reply or Internal Note',
      required: true,
    });
    expect(first).not.toHaveProperty('default');
    expect(first?.choices).toEqual([
      { value: '0', label: 'Reply (the Customer Sees It)', sample: '0' },
      { value: '1', label: 'Internal Note (Only Your Team Sees It)', sample: '1' },
    ]);
  });

  it.each([
    ['0', 0],
    ['1', 1],
    [' Reply ', 0],
    ['note', 1],
    ['Visible to Customer', 0], // New Message's words, mapped from a trigger
    ['internal note', 1],
    ['Reply (the Customer Sees It)', 0],
  ])('reads %j as %d', (given, code) => {
    expect(visibilityCode(given)).toBe(code);
  });
});

describe('create_message: the request', () => {
  it('sends only body and visibility for a plain reply (no empty user object)', async () => {
    const scope = reamaze()
      .matchHeader('content-type', 'application/json')
      .post(PATH, { message: { body: 'Your parcel left our warehouse today.', visibility: 0 } })
      .reply(200, postedMessage());
    await add({
      ...unmapped,
      conversation: SLUG,
      body: 'Your parcel left our warehouse today.',
      visibility: '0',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('sends an internal note as visibility 1, also when the label is mapped', async () => {
    const scope = reamaze()
      .post(PATH, { message: { body: 'Called the carrier.', visibility: 1 } })
      .reply(200, postedMessage({ body: 'Called the carrier.', visibility: 1 }))
      .post(PATH, { message: { body: 'Second note.', visibility: 1 } })
      .reply(200, postedMessage({ body: 'Second note.', visibility: 1 }));
    await add({ ...unmapped, conversation: SLUG, body: 'Called the carrier.', visibility: '1' });
    await add({ conversation: SLUG, body: 'Second note.', visibility: 'internal note' });
    expect(scope.isDone()).toBe(true);
  });

  it('sends every field the user set, each value intact', async () => {
    const body = '**Good news** 🎉\n\n- tracking: `1Z999`\n- שלום, مرحبا\n';
    const scope = reamaze()
      .post(PATH, {
        message: {
          body,
          visibility: 0,
          user: { name: 'Sam Ortega', email: 'sam@acme.example' },
          recipients: ['warehouse@acme.example', 'maya.partner@example.com'],
          attachment: 'https://files.acme.example/labels/4471.pdf',
          attachments: ['https://files.acme.example/labels/4471.pdf'],
          suppress_notifications: true,
          suppress_autoresolve: true,
          origin_id: 'zap-run-8c41f2',
        },
      })
      .reply(200, postedMessage());
    await add({
      conversation: SLUG,
      body,
      visibility: '0',
      sender_email: ' sam@acme.example ',
      sender_name: 'Sam Ortega',
      recipients: ['warehouse@acme.example', '', 'maya.partner@example.com'],
      attachments: ['https://files.acme.example/labels/4471.pdf'],
      suppress_notifications: true,
      keep_open: 'yes',
      origin_id: 'zap-run-8c41f2',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('sends the first file as `attachment` (documented) and every file as `attachments`, as Zapier hands them over', async () => {
    const hydrated = 'https://zapier.com/engine/hydrate/1234/.eJwtjMEKgjAQRH/l/packing-slip.pdf';
    const scope = reamaze()
      .post(PATH, {
        message: {
          body: 'Label attached.',
          visibility: 0,
          attachment: hydrated,
          attachments: [hydrated],
        },
      })
      .reply(200, postedMessage())
      .post(PATH, {
        message: {
          body: 'Both photos.',
          visibility: 0,
          attachment: hydrated,
          attachments: [hydrated, 'https://files.acme.example/photos/box%201.jpg'],
        },
      })
      .reply(200, postedMessage());
    await add({
      ...unmapped,
      conversation: SLUG,
      body: 'Label attached.',
      visibility: '0',
      attachments: hydrated,
    });
    await add({
      ...unmapped,
      conversation: SLUG,
      body: 'Both photos.',
      visibility: '0',
      attachments: [hydrated, '', ' https://files.acme.example/photos/box%201.jpg '],
    });
    expect(scope.isDone()).toBe(true);
  });

  it('sends the sender email alone when no name is given', async () => {
    const scope = reamaze()
      .post(PATH, {
        message: { body: 'Hi', visibility: 0, user: { email: 'maya.lindqvist@example.com' } },
      })
      .reply(200, postedMessage());
    await add({
      ...unmapped,
      conversation: SLUG,
      body: 'Hi',
      visibility: '0',
      sender_email: 'maya.lindqvist@example.com',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('sends No answers to the booleans as false', async () => {
    const scope = reamaze()
      .post(PATH, {
        message: {
          body: 'Hi',
          visibility: 0,
          suppress_notifications: false,
          suppress_autoresolve: false,
        },
      })
      .reply(200, postedMessage());
    await add({
      ...unmapped,
      conversation: SLUG,
      body: 'Hi',
      visibility: '0',
      suppress_notifications: false,
      keep_open: 'false',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('keeps a 1 MB body exactly as given, leading and trailing spaces included', async () => {
    const body = `  ${'Lorem ipsum dolor sit amet. '.repeat(37_450)}  `;
    expect(body.length).toBeGreaterThan(1_000_000);
    const scope = reamaze()
      .post(PATH, { message: { body, visibility: 0 } })
      .reply(200, postedMessage());
    await add({ conversation: SLUG, body, visibility: '0' });
    expect(scope.isDone()).toBe(true);
  });

  it('takes the slug from a pasted inbox link and encodes it in the path', async () => {
    const scope = reamaze()
      .post('/api/v1/conversations/caf%C3%A9-order/messages', {
        message: { body: 'Hi', visibility: 0 },
      })
      .reply(200, postedMessage());
    await add({
      conversation: 'https://acme.reamaze.io/admin/conversations/caf%C3%A9-order',
      body: 'Hi',
      visibility: '0',
    });
    expect(scope.isDone()).toBe(true);
  });
});

describe('create_message: refused before any request', () => {
  it.each([
    [
      'no message',
      { body: '  \n ' },
      'Message is required unless you choose a Response Template: write the message, map one from an earlier step, or choose a template.',
    ],
    [
      'no type',
      { visibility: '' },
      'Reply or Internal Note is required: map a value to it or type one in.',
    ],
    [
      'an unknown type',
      { visibility: '2' },
      'Reply or Internal Note "2" is not one of the choices: use Reply (the Customer Sees It), Internal Note (Only Your Team Sees It).',
    ],
    [
      'a sender name without an email',
      { sender_name: 'Sam' },
      'Sender Email is required when Sender Name is set: Re:amaze identifies the sender by email.',
    ],
    [
      'a sender email that is not one',
      { sender_email: 'sam at acme' },
      'Sender Email "sam at acme" is not an email address. Use the form name@example.com.',
    ],
    [
      'a recipient that is not an email',
      { recipients: ['ok@example.com', 'nope'] },
      'Additional Recipients "nope" is not an email address. Use the form name@example.com.',
    ],
    [
      'an attachment that is not a web address',
      { attachments: ['C:\\labels\\4471.pdf'] },
      'Attachments "C:\\labels\\4471.pdf" is not a web address. Use a full address starting with https://, or a file from an earlier step.',
    ],
    [
      'an attachment on a loopback address written as one number',
      { attachments: ['http://2130706433/admin'] },
      'Attachments http://127.0.0.1/admin points at a private or local network address (127.0.0.1). Re:amaze downloads the file from the internet: use a public link, such as a file from an earlier step.',
    ],
    [
      'an attachment on an IPv4-mapped IPv6 link-local address',
      { attachments: ['http://[::ffff:169.254.169.254]/latest'] },
      'Attachments http://[::ffff:a9fe:a9fe]/latest points at a private or local network address ([::ffff:a9fe:a9fe]). Re:amaze downloads the file from the internet: use a public link, such as a file from an earlier step.',
    ],
    [
      'a response template that is not an ID',
      { response_template: 'Delivery delayed' },
      'Response Template "Delivery delayed" is not a template ID. Choose a template from the list, or map the Template ID from Find Response Template.',
    ],
    [
      'no conversation',
      { conversation: ' ' },
      'Conversation is required: map a value to it or type one in.',
    ],
  ])('%s', async (_case, input, message) => {
    const scope = noRequest();
    const inputData = { ...unmapped, conversation: SLUG, body: 'Hi', visibility: '0', ...input };
    expect(await failure(add(inputData))).toEqual({ name: 'HaltedError', message });
    expect(scope.isDone()).toBe(false);
  });
});

describe('create_message: answers', () => {
  it('returns the new message with its flat fields (documented answer, every field)', async () => {
    reamaze().post(PATH).reply(200, postedMessage());
    expect(
      await add({
        conversation: SLUG,
        body: 'Your parcel left our warehouse today.',
        visibility: '0',
      }),
    ).toEqual({
      id: expect.stringMatching(/^where-is-my-order-4471:1773086531734:0:[0-9a-f]{12}$/),
      created_at: '2026-03-09T15:02:11.734-05:00',
      body_text: 'Your parcel left our warehouse today.',
      author_name: 'Sam Ortega',
      author_first_name: 'Sam',
      author_last_name: 'Ortega',
      author_email: 'sam@acme.example',
      author_mobile: '',
      // Posted without a Sender Email: the connected user wrote it, and only staff can connect.
      author_is_staff: true,
      visibility: 'Visible to Customer',
      sent_via: '',
      conversation_subject: 'Where is my order #4471?',
      conversation_id: SLUG,
      conversation_url: `https://acme.reamaze.io/admin/conversations/${SLUG}`,
      channel_name: 'Support',
      channel_id: 'support',
      recipient_emails: [],
      attachments: [],
      origin_id: 'zap-run-8c41f2',
    });
  });

  it('does not guess who wrote a message posted on behalf of a Sender Email', async () => {
    reamaze().post(PATH).reply(200, postedMessage());
    const result = await add({
      conversation: SLUG,
      body: 'Hello',
      visibility: '0',
      sender_email: 'maya.lindqvist@example.com',
    });
    expect((result as Record<string, unknown>).author_is_staff).toBeNull();
  });

  it('accepts the message wrapped in {"message": …}, and fills in the slug it was posted to', async () => {
    reamaze()
      .post(PATH)
      .reply(200, { message: postedMessage({ visibility: 1, conversation: undefined }) });
    const result = (await add({ conversation: SLUG, body: 'Note', visibility: '1' })) as Record<
      string,
      unknown
    >;
    expect(result).toMatchObject({
      visibility: 'Internal Note',
      author_is_staff: true,
      conversation_id: SLUG,
      conversation_url: `https://acme.reamaze.io/admin/conversations/${SLUG}`,
    });
  });

  it('refuses an answer that is not a message', async () => {
    reamaze().post(PATH).reply(200, '"ok"');
    expect(await failure(add({ conversation: SLUG, body: 'Hi', visibility: '0' }))).toMatchObject({
      code: 'UnexpectedResponse',
      message: expect.stringContaining('the new message'),
    });
  });
});

describe('create_message: a response template', () => {
  const TEMPLATE = '/api/v1/response_templates/3102';
  const template = {
    id: 3102,
    name: 'Delivery delayed',
    body: 'Our carrier reports a delay; we will write again within 2 days.',
    response_template_group: { id: 71, name: 'Shipping' },
  };

  it("sends the template's text when no message is written", async () => {
    const scope = reamaze()
      .get(TEMPLATE)
      .reply(200, template)
      .post(PATH, { message: { body: template.body, visibility: 0 } })
      .reply(200, postedMessage({ body: template.body }));
    await add({
      ...unmapped,
      conversation: SLUG,
      body: '',
      visibility: '0',
      response_template: ' 3102 ',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('puts a written message above the template, separated by a blank line', async () => {
    const scope = reamaze()
      .get(TEMPLATE)
      .reply(200, { response_template: template }) // the wrapped form is read too
      .post(PATH, {
        message: { body: `Hi Maya,\n\n${template.body}`, visibility: 1 },
      })
      .reply(200, postedMessage());
    await add({
      ...unmapped,
      conversation: SLUG,
      body: 'Hi Maya,',
      visibility: '1',
      response_template: '3102',
    });
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    [
      'a deleted template',
      404,
      { error: 'Not Found' },
      {
        name: 'AppError',
        code: 'NotFound',
        status: 404,
        message:
          "No response template with ID 3102 was found (it may have been deleted, or be another user's personal template) on acme.reamaze.io.",
      },
    ],
    [
      'an answer that is not a template',
      200,
      { templates: [] },
      {
        name: 'AppError',
        code: 'UnexpectedResponse',
        status: 502,
        message:
          "Re:amaze sent the response template in a form this integration does not recognise. Try again; if it persists, contact the integration's support.",
      },
    ],
  ])('fails clearly on %s, and posts nothing', async (_what, status, answer, expected) => {
    reamaze().get(TEMPLATE).reply(status, answer);
    const post = noRequest();
    expect(
      await failure(
        add({
          ...unmapped,
          conversation: SLUG,
          body: 'Hi',
          visibility: '0',
          response_template: '3102',
        }),
      ),
    ).toEqual(expected);
    expect(post.isDone()).toBe(false);
  });

  it.each([
    ['spaces', '  \n '],
    ['zero-width characters', '\u200b\u200d\ufeff \u2060'],
    ['nothing', ''],
  ])(
    'refuses a template of only %s when no message is written: it would post an invisible reply',
    async (_what, body) => {
      reamaze()
        .get(TEMPLATE)
        .reply(200, { ...template, body });
      const post = noRequest();
      expect(
        await failure(
          add({ ...unmapped, conversation: SLUG, visibility: '0', response_template: '3102' }),
        ),
      ).toEqual({
        name: 'HaltedError',
        message:
          'Response template "Delivery delayed" has no visible text to send. Add text to it in Re:amaze, or write the Message yourself.',
      });
      expect(post.isDone()).toBe(false);
    },
  );

  it('sends the written message alone when the template shows nothing: the user wrote a message', async () => {
    const scope = reamaze()
      .get(TEMPLATE)
      .reply(200, { ...template, body: '\u200b  ' })
      .post(PATH, { message: { body: 'Hi Maya, checking on it now.', visibility: 1 } })
      .reply(200, postedMessage());
    await add({
      ...unmapped,
      conversation: SLUG,
      body: 'Hi Maya, checking on it now.',
      visibility: '1',
      response_template: '3102',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('checks every other field before reading the template', async () => {
    const read = reamaze().get(TEMPLATE).reply(200, template);
    expect(
      await failure(
        add({
          ...unmapped,
          conversation: SLUG,
          visibility: '0',
          sender_email: 'nope',
          response_template: '3102',
        }),
      ),
    ).toEqual({
      name: 'HaltedError',
      message: 'Sender Email "nope" is not an email address. Use the form name@example.com.',
    });
    expect(read.isDone()).toBe(false);
  });
});
