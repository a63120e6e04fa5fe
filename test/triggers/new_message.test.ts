import App from '../../index';
import { MESSAGE_SAMPLE, isInternalNote, messageIdentity } from '../../lib/records/message';
import { API_MESSAGE_SAMPLE } from '../../lib/records/message.sample';
import newMessage, { MESSAGE_HORIZON_MS, inputFields, perform } from '../../triggers/new_message';
import { appTester, authData, failure, reamaze, resetNock } from '../helpers';
import {
  INBOX,
  emojiChat,
  inboxTraffic,
  internalNote,
  messagesPage,
  renderInstant,
  sameInstantCollision,
  type ApiMessageFixture,
} from '../fixtures/messages';
import { serveMessages } from '../fixtures/messages-api';

const MINUTE = 60_000;
/** Five minutes after the newest message of the INBOX fixture page. */
const NOW = Date.parse('2026-03-09T16:10:41.207-05:00');

type Item = Record<string, unknown> & { id: string };

const poll = (inputData: Record<string, unknown> = {}, meta: Record<string, unknown> = {}) =>
  appTester(perform, { authData, inputData, meta }) as Promise<Item[]>;

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
});

afterEach(() => {
  jest.restoreAllMocks();
  resetNock();
});

/** `count` messages ending `newestAgeMs` before NOW, one every `spacingMs`, newest first. */
const traffic = (count: number, spacingMs: number, newestAgeMs = 0) =>
  inboxTraffic(count, NOW - newestAgeMs, spacingMs);

describe('new_message definition', () => {
  it('is a polling trigger named for Zapier users, registered with its staff dropdown', () => {
    expect(newMessage.key).toBe('new_message');
    expect(newMessage.noun).toBe('Message');
    expect(newMessage.display.label).toBe('New Message');
    expect(newMessage.display.description).toMatch(/^Triggers when .+\.$/);
    expect(App.triggers?.new_message?.key).toBe('new_message');
    expect(App.triggers?.staff_list?.key).toBe('staff_list');
    expect(newMessage.operation.sample).toBe(MESSAGE_SAMPLE);
    expect(newMessage.operation.sample).toHaveProperty('id');
  });

  it('offers optional filters, IDs chosen from dropdowns', () => {
    expect(
      inputFields.map((field) => [
        field.key,
        field.required,
        'dynamic' in field ? field.dynamic : undefined,
        'default' in field ? field.default : undefined,
      ]),
    ).toEqual([
      ['sender_type', false, undefined, 'everyone'],
      ['channel', false, 'channel_list.id.name', undefined],
      ['staff_member', false, 'staff_list.id.name', undefined],
      ['include_internal_notes', false, undefined, 'true'],
    ]);
    const senderType = inputFields[0];
    expect(senderType.choices).toEqual([
      { value: 'everyone', label: 'Everyone', sample: 'everyone' },
      { value: 'customer', label: 'Customers Only', sample: 'customer' },
      { value: 'staff', label: 'Staff Only', sample: 'staff' },
    ]);
  });
});

describe('new_message output', () => {
  it('returns every field of a message, written out in full', async () => {
    reamaze()
      .get('/api/v1/messages')
      .query({ page: '1' })
      .reply(200, messagesPage([API_MESSAGE_SAMPLE]));
    expect(await poll()).toEqual([
      {
        id: 'where-is-my-order-4471:1773084125118:0:26a205df3f5b',
        created_at: '2026-03-09T14:22:05.118-05:00',
        body_text:
          'Hi, my order #4471 still hasn’t arrived. The tracking page has said "label created" since March 2.\n\nCould you check what is going on? A photo of the confirmation is attached.\n\nThanks,\nMaya',
        author_name: 'Maya Lindqvist',
        author_first_name: 'Maya',
        author_last_name: 'Lindqvist',
        author_email: 'maya.lindqvist@example.com',
        author_mobile: '',
        author_is_staff: false,
        visibility: 'Visible to Customer',
        sent_via: 'Email',
        conversation_subject: 'Where is my order #4471?',
        conversation_id: 'where-is-my-order-4471',
        conversation_url: 'https://acme.reamaze.io/admin/conversations/where-is-my-order-4471',
        channel_name: 'Support',
        channel_id: 'support',
        recipient_emails: ['support@acme.reamaze.io'],
        attachments: [
          {
            name: 'order-confirmation.png',
            url: 'https://attachments.example.com/acme/4471/order-confirmation.png',
            content_type: 'image/png',
          },
        ],
        body: API_MESSAGE_SAMPLE.body,
        origin_id: '',
      },
    ]);
  });

  it('returns a page with every kind of message newest first, each once, offsets changing inside the page', async () => {
    reamaze().get('/api/v1/messages').query({ page: '1' }).reply(200, messagesPage(INBOX));
    const items = await poll();
    expect(items.map((item) => item.id)).toEqual(INBOX.map(messageIdentity));
    expect(new Set(items.map((item) => item.id)).size).toBe(INBOX.length);
    expect(items.map((item) => (item.created_at as string).slice(-6))).toEqual([
      ...Array(10).fill('-05:00'),
      '-06:00',
      '-06:00',
      '-06:00',
    ]);
    expect(items.map((item) => item.visibility)).toEqual([
      'Visible to Customer',
      'Collision Detected Message',
      'Internal Note',
      ...Array(10).fill('Visible to Customer'),
    ]);
    // The sample is exactly what a live poll returns for that message.
    expect(items.find((item) => item.id === MESSAGE_SAMPLE.id)).toEqual(MESSAGE_SAMPLE);
  });

  it.each([
    ['page_count 0', { page_size: 30, page_count: 0, total_count: 0, messages: [] }],
    ['page_count 1', { page_size: 30, page_count: 1, total_count: 0, messages: [] }],
  ])('returns nothing for an empty brand (%s), in one request', async (_name, body) => {
    const scope = reamaze().get('/api/v1/messages').query({ page: '1' }).reply(200, body);
    expect(await poll()).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('answers "is the author staff?" from the chosen filter when the message does not say', async () => {
    reamaze()
      .get('/api/v1/messages')
      .query({ filter: 'customer', page: '1' })
      .reply(200, messagesPage([emojiChat]));
    expect((await poll({ sender_type: 'customer' }))[0]?.author_is_staff).toBe(false);
    reamaze()
      .get('/api/v1/messages')
      .query({ page: '1' })
      .reply(200, messagesPage([emojiChat]));
    expect((await poll())[0]?.author_is_staff).toBeNull();
  });

  it('refuses a response of the wrong shape with a clear error, not a TypeError', async () => {
    reamaze().get('/api/v1/messages').query({ page: '1' }).reply(200, { messages: null });
    expect(await failure(poll())).toEqual({
      name: 'AppError',
      message:
        "Re:amaze sent the list of messages in a form this integration does not recognise. Try again; if it persists, contact the integration's support.",
      code: 'UnexpectedResponse',
      status: 502,
    });
  });
});

describe('new_message filters', () => {
  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['nothing set', {}, { page: '1' }],
    [
      'empty and whitespace-only fields',
      { sender_type: '', channel: '  ', staff_member: ' ', include_internal_notes: '' },
      { page: '1' },
    ],
    ['Everyone', { sender_type: 'everyone' }, { page: '1' }],
    ['Customers Only', { sender_type: 'customer' }, { filter: 'customer', page: '1' }],
    [
      'Staff Only, mapped by its label',
      { sender_type: 'Staff Only' },
      { filter: 'staff', page: '1' },
    ],
    ['a channel', { channel: 'support' }, { category: 'support', page: '1' }],
    [
      'a staff member',
      { staff_member: 'jonas+zapier@acme.example' },
      { sent_by: 'jonas+zapier@acme.example', page: '1' },
    ],
    [
      'every filter at once',
      {
        sender_type: 'staff',
        channel: 'website-chat',
        staff_member: ' priya@acme.example ',
        include_internal_notes: false,
      },
      { filter: 'staff', category: 'website-chat', sent_by: 'priya@acme.example', page: '1' },
    ],
    [
      'no internal notes (left out here: nothing is sent)',
      { include_internal_notes: 'false' },
      { page: '1' },
    ],
  ])('%s → the exact query', async (_name, inputData, query) => {
    const scope = reamaze().get('/api/v1/messages').query(query).reply(200, messagesPage([]));
    expect(await poll(inputData)).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'an unknown Sender',
      { sender_type: 'vip' },
      'Sender "vip" is not one of the choices: use Everyone, Customers Only, Staff Only, or leave it empty.',
    ],
    [
      'a Staff Member that is not an email',
      { staff_member: 'Jonas' },
      'Staff Member "Jonas" is not an email address. Use the form name@example.com.',
    ],
    [
      'an Include Internal Notes that is not yes or no',
      { include_internal_notes: 'perhaps' },
      'Include Internal Notes "perhaps" must be yes or no (or true or false).',
    ],
  ])('refuses %s before any request', async (_name, inputData, message) => {
    const scope = reamaze().get('/api/v1/messages').query(true).reply(200, messagesPage([]));
    expect(await failure(poll(inputData))).toEqual({ name: 'HaltedError', message });
    expect(scope.isDone()).toBe(false);
  });

  it.each([undefined, '', 'true', true, 'yes'])(
    'includes internal notes by default and when asked (%p)',
    async (include) => {
      reamaze().get('/api/v1/messages').query({ page: '1' }).reply(200, messagesPage(INBOX));
      const items = await poll(include === undefined ? {} : { include_internal_notes: include });
      expect(items.map((item) => item.id)).toContain(messageIdentity(internalNote));
      expect(items).toHaveLength(INBOX.length);
    },
  );

  it.each(['false', false, 'no'])(
    'leaves out internal notes (visibility 1) only, when asked (%p)',
    async (include) => {
      reamaze().get('/api/v1/messages').query({ page: '1' }).reply(200, messagesPage(INBOX));
      const items = await poll({ include_internal_notes: include });
      expect(items.map((item) => item.id)).toEqual(
        INBOX.filter((m) => m !== internalNote).map(messageIdentity),
      );
      expect(items.map((item) => item.id)).toContain(messageIdentity(sameInstantCollision));
    },
  );
});

describe('new_message paging (look-back horizon, time and size budget)', () => {
  const note = (message: ApiMessageFixture): ApiMessageFixture => ({ ...message, visibility: 1 });
  const plain = (message: ApiMessageFixture): ApiMessageFixture =>
    isInternalNote(message) ? { ...message, visibility: 0 } : message;

  it('a quiet poll costs exactly one request and returns the newest page whole', async () => {
    const all = traffic(200, 5 * MINUTE); // 13 messages in the last hour
    const served = serveMessages(() => all);
    const items = await poll();
    expect(served.requests).toEqual([{ page: '1' }]);
    expect(items.map((item) => item.id)).toEqual(all.slice(0, 30).map(messageIdentity));
  });

  it('a burst of 150 between two polls is returned whole in 6 requests', async () => {
    const burst = traffic(150, 2_000); // 150 messages in the last 5 minutes
    const older = traffic(300, 10 * MINUTE, 2 * 60 * MINUTE);
    const served = serveMessages(() => [...burst, ...older]);
    const items = await poll();
    expect(served.requests.map((query) => query.page)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(items.map((item) => item.id)).toEqual(burst.map(messageIdentity));
  });

  it('from later pages returns only messages inside the 60-minute horizon', async () => {
    const all = traffic(200, MINUTE); // one a minute: 61 inside the horizon, the 61st on its edge
    const served = serveMessages(() => all);
    const items = await poll();
    expect(served.requests.map((query) => query.page)).toEqual(['1', '2', '3']);
    expect(items.map((item) => item.id)).toEqual(all.slice(0, 61).map(messageIdentity));
    expect(MESSAGE_HORIZON_MS).toBe(60 * MINUTE);
  });

  it('a burst of 1,000 inside the hour is returned whole: paging is bounded by time, not a page count', async () => {
    const all = traffic(1000, 1_000);
    const served = serveMessages(() => all);
    const items = await poll();
    expect(items.map((item) => item.id)).toEqual(all.map(messageIdentity));
    expect(served.requests).toHaveLength(Math.ceil(1000 / 30));
  });

  it('loads a sample in one request; seeds dedupe exactly as a live poll; respects the limit', async () => {
    const all = traffic(400, 3_000);
    const served = serveMessages(() => all);

    expect(await poll({}, { isLoadingSample: true, limit: 3 })).toHaveLength(3);
    expect(served.requests).toHaveLength(1);

    served.requests.length = 0;
    const live = await poll();
    const liveRequests = [...served.requests];
    served.requests.length = 0;
    expect(await poll({}, { isPopulatingDedupe: true })).toEqual(live);
    expect(served.requests).toEqual(liveRequests);

    served.requests.length = 0;
    expect(await poll({}, { limit: 40 })).toHaveLength(40);
    expect(served.requests).toHaveLength(2);
  });

  it('returns a message once when a page boundary shifts between requests (and its offset with it)', async () => {
    const all = traffic(45, 10_000);
    const served = serveMessages(() => {
      if (served.requests.length === 1) return all;
      // A new message arrives after page 1 was read: page 2 starts with page 1's last message,
      // which Re:amaze now renders in UTC.
      const last = all[29] as ApiMessageFixture;
      const shifted = { ...last, created_at: renderInstant(NOW - 29 * 10_000, 0) };
      return [
        traffic(1, 1)[0] as ApiMessageFixture,
        ...all.slice(0, 29),
        shifted,
        ...all.slice(30),
      ];
    });
    const items = await poll();
    expect(served.requests).toHaveLength(2);
    expect(items.map((item) => item.id)).toEqual(all.map(messageIdentity));
  });

  it('leaving notes out does not change which pages are read: each page is judged by every message on it', async () => {
    // Two pages inside the horizon, a third of them notes, then older messages.
    const recent = traffic(60, MINUTE / 2).map((m, i) => (i % 3 === 0 ? note(m) : plain(m)));
    const all = [...recent, ...traffic(30, MINUTE, 2 * 60 * MINUTE).map(plain)];
    const served = serveMessages(() => all);
    const withNotes = await poll();
    const withNotesRequests = [...served.requests];
    served.requests.length = 0;
    const withoutNotes = await poll({ include_internal_notes: false });
    expect(served.requests).toEqual(withNotesRequests);
    expect(served.requests.map((query) => query.page)).toEqual(['1', '2', '3']);
    expect(withNotes.map((item) => item.id)).toEqual(recent.map(messageIdentity));
    expect(withoutNotes.map((item) => item.id)).toEqual(
      recent.filter((_m, i) => i % 3 !== 0).map(messageIdentity),
    );

    // Page 1 reaches past the horizon only with its last message, a note: one request either way.
    resetNock();
    const old = note(traffic(1, 1, 3 * 60 * MINUTE)[0] as ApiMessageFixture);
    const page1 = [...traffic(29, MINUTE).map(plain), old];
    const quiet = serveMessages(() => [...page1, ...traffic(30, MINUTE, 4 * 60 * MINUTE)]);
    expect(await poll({ include_internal_notes: false })).toHaveLength(29);
    expect(quiet.requests).toHaveLength(1);
  });

  it('counts only the messages the user wants towards the limit', async () => {
    const all = traffic(30, MINUTE).map((m, i) => (i < 2 ? note(m) : m));
    serveMessages(() => all);
    const items = await poll({ include_internal_notes: 'no' }, { limit: 3 });
    expect(items.map((item) => item.id)).toEqual(
      all
        .filter((m) => !isInternalNote(m))
        .slice(0, 3)
        .map(messageIdentity),
    );
    expect(items.map((item) => item.visibility)).toEqual(Array(3).fill('Visible to Customer'));
  });

  it('if Re:amaze reorders same-instant messages between two page requests, the ones it hid fire one poll later', async () => {
    // Positions 28–33 share one instant, across the boundary between pages 1 and 2.
    const all = traffic(40, 10_000).map((m, i) =>
      i >= 27 && i <= 32 ? { ...m, created_at: renderInstant(NOW - 5 * MINUTE, -300) } : m,
    );
    const reordered = [...all.slice(0, 27), ...all.slice(27, 33).reverse(), ...all.slice(33)];
    const served = serveMessages(() => (served.requests.length === 2 ? reordered : all));
    const first = (await poll()).map((item) => item.id);
    const hidden = all.slice(30, 33).map(messageIdentity); // on page 2 before, on page 1 after
    expect(first).toEqual(all.filter((_m, i) => i < 30 || i > 32).map(messageIdentity));
    expect(new Set(first).size).toBe(first.length);

    // The next poll sees a stable order: the hidden ones are returned (inside the horizon).
    const second = (await poll()).map((item) => item.id);
    expect(hidden.every((id) => second.includes(id) && !first.includes(id))).toBe(true);
  });

  it('a later page that fails temporarily ends the poll with page 1; the dedupe seed fails whole instead', async () => {
    const page1 = traffic(30, 1_000);
    const serve = () => {
      reamaze()
        .get('/api/v1/messages')
        .query({ page: '1' })
        .reply(200, { ...messagesPage(page1), page_count: 3 });
      reamaze().get('/api/v1/messages').query({ page: '2' }).reply(503, 'Service Unavailable');
    };
    serve();
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    expect((await poll()).map((item) => item.id)).toEqual(page1.map(messageIdentity));
    // What a maintainer sees in `zapier-platform logs`: the poll was cut short, and why.
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(
        /^New Message: Stopped after 1 page\(s\), 30 items .* because page 2 failed/,
      ),
    );
    log.mockRestore();

    serve();
    const error = await failure(poll({}, { isPopulatingDedupe: true }));
    expect(error.name).toBe('ThrottledError');
    expect(error.message).toBe(
      'Re:amaze is temporarily unavailable (HTTP 503 Service Unavailable). This is usually temporary: Zapier will try again shortly.',
    );
  });
});

describe('new_message with the Zap’s watermarks (z.cache)', () => {
  it('a busy brand: once two polls are stored a poll costs one request; per filter set; the seed reads the whole hour', async () => {
    const all = traffic(150, 20_000); // 150 messages in the last 50 minutes
    const served = serveMessages(() => all);
    const meta = { zap: { id: '42' } };
    const first = await poll({}, meta);
    expect(first.map((item) => item.id)).toEqual(all.map(messageIdentity));
    expect(served.requests).toHaveLength(5);

    // The second still pages the hour: the first poll's result may not have been recorded.
    served.requests.length = 0;
    await poll({}, meta);
    expect(served.requests).toHaveLength(5);
    served.requests.length = 0;
    const third = await poll({}, meta);
    expect(served.requests).toEqual([{ page: '1' }]);
    expect(third.map((item) => item.id)).toEqual(all.slice(0, 30).map(messageIdentity));

    // Another filter set of the same Zap keeps its own watermarks.
    served.requests.length = 0;
    await poll({ sender_type: 'customer' }, meta);
    expect(served.requests.length).toBeGreaterThan(1);

    served.requests.length = 0;
    await poll({}, { ...meta, isPopulatingDedupe: true });
    expect(served.requests).toHaveLength(5); // the seed reads the whole hour
  });
});
