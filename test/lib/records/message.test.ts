import fc from 'fast-check';
import {
  MESSAGE_OUTPUT_FIELDS,
  MESSAGE_SAMPLE,
  contentType,
  flattenMessage,
  isInternalNote,
  messageIdentity,
  type ApiMessage,
} from '../../../lib/records/message';
import { parseInstant } from '../../../lib/http/api-values';
import { API_MESSAGE_SAMPLE } from '../../../lib/records/message.sample';
import {
  INBOX,
  ODD_MESSAGES,
  bulkReplyA,
  bulkReplyB,
  customerEmailOnly,
  customerMobileOnly,
  customerNeither,
  emojiChat,
  internalNote,
  renderInstant,
  rtlWhatsApp,
  sameInstantCollision,
  sameInstantReply,
  staffHtmlReply,
  staffMarkdownReply,
  withAttachments,
} from '../../fixtures/messages';
import { runs } from '../../runs';

const acme = { authData: { brand: 'acme' } };
const flat = (message: ApiMessage) => flattenMessage(message, acme);
const SAMPLE_MS = Date.UTC(2026, 2, 9, 19, 22, 5, 118); // 14:22:05.118-05:00

describe('parseInstant', () => {
  it('reads the same instant whatever offset Re:amaze renders it with', () => {
    for (const rendered of [
      '2026-03-09T14:22:05.118-05:00',
      '2026-03-09T13:22:05.118-06:00',
      '2026-03-09T15:22:05.118-04:00',
      '2026-03-09T19:22:05.118Z',
      '2026-03-09T19:22:05.118z',
      '2026-03-10T00:52:05.118+05:30',
      '2026-03-09T14:22:05.118-0500',
      '2026-03-09T14:22:05.118-05',
      '2026-03-09T14:22:05.118123-05:00', // digits past the millisecond are dropped
    ]) {
      expect([rendered, parseInstant(rendered)]).toEqual([rendered, SAMPLE_MS]);
    }
    expect(parseInstant('2026-03-09T14:22-05:00')).toBe(Date.UTC(2026, 2, 9, 19, 22));
    expect(parseInstant('2026-03-09T14:22:05-05:00')).toBe(Date.UTC(2026, 2, 9, 19, 22, 5));
    expect(parseInstant('2026-03-09T14:22:05.1-05:00')).toBe(SAMPLE_MS - 18);
  });

  it('refuses what is not a date-time with a zone, instead of guessing', () => {
    for (const bad of [
      '2026-03-09T14:22:05.118', // no zone: the instant is unknown
      '2026-03-09',
      '2026-02-30T10:00:00Z',
      '2026-13-01T10:00:00Z',
      '2026-03-09T24:00:00Z',
      '2026-03-09T10:60:00Z',
      '2026-03-09T10:00:00+25:00',
      ' 2026-03-09T10:00:00Z',
      'yesterday',
      '',
      1773084125118,
      null,
      undefined,
      {},
    ]) {
      expect([bad, parseInstant(bad)]).toEqual([bad, undefined]);
    }
  });

  it('agrees with the instant for any time and offset (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (ms, offset) => parseInstant(renderInstant(ms, offset)) === ms,
      ),
      { numRuns: runs(500), seed: 3 },
    );
  });
});

describe('messageIdentity', () => {
  it('has the documented format: slug, UTC epoch ms, visibility, 12 hex of the body’s sha256', () => {
    // Pinned: a change here re-fires every recent message for every user.
    expect(messageIdentity(API_MESSAGE_SAMPLE)).toBe(
      `where-is-my-order-4471:${SAMPLE_MS}:0:26a205df3f5b`,
    );
    expect(messageIdentity({ ...API_MESSAGE_SAMPLE, body: '' })).toBe(
      `where-is-my-order-4471:${SAMPLE_MS}:0:e3b0c44298fc`,
    );
  });

  it('is the same whatever offset the instant is rendered with', () => {
    const ids = [-360, -300, -240, 0, 330].map((offset) =>
      messageIdentity({ ...customerEmailOnly, created_at: renderInstant(SAMPLE_MS, offset) }),
    );
    expect(new Set(ids).size).toBe(1);
  });

  it('ignores everything that may change or appear later: sender, origin_id, recipients, subject, channel, key order', () => {
    const id = messageIdentity(customerEmailOnly);
    const later: ApiMessage[] = [
      { ...customerEmailOnly, user: { name: 'Maya L.', email: 'maya@new.example', mobile: '+1' } },
      { ...customerEmailOnly, user: null },
      { ...customerEmailOnly, origin_id: 'form-entry-991' },
      { ...customerEmailOnly, origin: 7, recipients: [], attachments: [] },
      {
        ...customerEmailOnly,
        conversation: {
          slug: 'where-is-my-order-4471',
          subject: 'Renamed',
          category: { name: 'Orders', slug: 'orders' },
        },
      },
      Object.fromEntries(Object.entries(customerEmailOnly).reverse()),
      { ...customerEmailOnly, visibility: '0' },
    ];
    for (const message of later) expect(messageIdentity(message)).toBe(id);
  });

  it('tells apart messages that share the millisecond, the body or the conversation', () => {
    const ids = INBOX.map(messageIdentity);
    expect(new Set(ids).size).toBe(INBOX.length);
    // A reply and the collision notice beside it, in the same millisecond:
    expect(sameInstantReply.created_at).toBe(sameInstantCollision.created_at);
    expect(messageIdentity(sameInstantReply)).not.toBe(messageIdentity(sameInstantCollision));
    // The same body at the same instant in two conversations (a bulk reply):
    expect(messageIdentity(bulkReplyA)).not.toBe(messageIdentity(bulkReplyB));
    // Same conversation, instant and visibility, different body (a message and an auto-reply):
    expect(messageIdentity({ ...customerEmailOnly, body: 'Thanks, we got your email.' })).not.toBe(
      messageIdentity(customerEmailOnly),
    );
  });

  it('treats a null, missing or empty body alike, and never throws on an odd message', () => {
    const empty = messageIdentity({ ...customerEmailOnly, body: '' });
    expect(messageIdentity({ ...customerEmailOnly, body: null })).toBe(empty);
    expect(messageIdentity({ ...customerEmailOnly, body: undefined })).toBe(empty);
    for (const [name, message] of Object.entries(ODD_MESSAGES)) {
      expect([name, messageIdentity(message)]).toEqual([
        name,
        expect.stringMatching(/^[^\n]*:(?:-?\d+|x[0-9a-f]{8}):(?:\d+|-):[0-9a-f]{12}$/),
      ]);
    }
    expect(messageIdentity(ODD_MESSAGES['everything missing'] as ApiMessage)).toBe(
      ':x74234e98:-:e3b0c44298fc',
    );
  });

  it('is stable and one-to-one over generated messages (property)', () => {
    const message = fc.record({
      slug: fc.string({ unit: fc.constantFrom('a', 'b', '-', ':', '1') }),
      ms: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
      visibility: fc.constantFrom(0, 1, 2),
      body: fc.oneof(fc.constant(''), fc.string(), fc.constantFrom('Thanks!', 'Thanks! ')),
    });
    const api = (
      m: { slug: string; ms: number; visibility: number; body: string },
      offset = 0,
    ) => ({
      body: m.body,
      visibility: m.visibility,
      created_at: renderInstant(m.ms, offset),
      conversation: { slug: m.slug },
    });
    fc.assert(
      fc.property(message, message, fc.integer({ min: -720, max: 840 }), (a, b, offset) => {
        expect(messageIdentity(api(a, offset))).toBe(messageIdentity(api(a)));
        const same =
          a.slug === b.slug && a.ms === b.ms && a.visibility === b.visibility && a.body === b.body;
        expect(messageIdentity(api(a)) === messageIdentity(api(b))).toBe(same);
      }),
      { numRuns: runs(1000), seed: 7 },
    );
  });
});

describe('flattenMessage', () => {
  it('outputs one flat set of fields: exactly the declared output fields, no raw API object', () => {
    const declared = new Set(MESSAGE_OUTPUT_FIELDS.map((field) => field.key.split('[]')[0]));
    for (const message of INBOX) {
      const item = flat(message);
      expect(new Set(Object.keys(item))).toEqual(declared);
      expect(item.id).toBe(messageIdentity(message));
    }
    // An `id` Re:amaze might add one day does not replace the final identity.
    expect(flat({ ...customerEmailOnly, id: 'abc' }).id).toBe(messageIdentity(customerEmailOnly));
  });

  it.each<[string, ApiMessage, Record<string, unknown>]>([
    [
      'a customer with email only',
      customerEmailOnly,
      {
        author_name: 'Maya Lindqvist',
        author_email: 'maya.lindqvist@example.com',
        author_mobile: '',
        author_is_staff: false,
        sent_via: 'Email',
        visibility: 'Visible to Customer',
        channel_name: 'Support',
        channel_id: 'support',
      },
    ],
    [
      'a customer with a mobile only',
      customerMobileOnly,
      {
        author_name: 'Diego Ramírez',
        author_email: '',
        author_mobile: '+15125550147',
        author_is_staff: false,
        sent_via: 'SMS',
        channel_name: 'Text Messages',
        channel_id: 'sms',
        conversation_url:
          'https://acme.reamaze.io/admin/conversations/is-the-store-on-main-st-open-on-sunday',
      },
    ],
    [
      'a customer with neither email nor mobile',
      customerNeither,
      {
        author_name: 'lena.travels',
        author_email: '',
        author_mobile: '',
        author_is_staff: false,
        sent_via: 'Instagram DM',
        created_at: '2026-03-08T01:47:09.090-06:00',
      },
    ],
    [
      'a staff reply in HTML',
      staffHtmlReply,
      {
        author_name: 'Jonas Weber',
        author_email: 'jonas.weber@acme.example',
        author_is_staff: true,
        body_text:
          'Hi Maya,\n\nYour refund for order #4472 is on its way:\n\n- Amount: €49.90\n- Reference: RF\u20112291\n\nBest,\nJonas',
        recipient_emails: ['maya.lindqvist@example.com'],
      },
    ],
    [
      'a staff reply in Markdown (its markers removed, the link kept readable)',
      staffMarkdownReply,
      {
        author_is_staff: true,
        body_text:
          'Tracking: UPS 1Z999AA10123456784 (https://www.ups.com/track?tracknum=1Z999AA10123456784)\n\n- Shipped March 6\n- Expected March 10',
        recipient_emails: ['maya.lindqvist@example.com', 'jonas.weber@acme.example'],
      },
    ],
    [
      'a chat with emoji whose sender has no staff flag',
      emojiChat,
      {
        body_text: 'Thanks so much!! 🎉🙏 Loving the new mug ☕️',
        author_is_staff: null,
        sent_via: 'Chat',
        channel_name: 'Website Chat',
      },
    ],
    [
      'a right-to-left WhatsApp message',
      rtlWhatsApp,
      {
        body_text: 'مرحبا، أين طلبي رقم 4473؟ شكرا',
        author_name: 'ليلى حداد',
        author_mobile: '+12125550199',
        sent_via: 'WhatsApp',
        origin_id: 'wamid.HBgLMTIxMjU1NTAxOTkVAgASGBQzQTdGNEI2',
      },
    ],
    [
      'a message with two attachments',
      withAttachments,
      {
        attachments: [
          {
            name: 'damaged-box.jpg',
            url: 'https://attachments.example.com/acme/4472/damaged-box.jpg',
            content_type: 'image/jpeg',
          },
          {
            name: 'packing-slip.pdf',
            url: 'https://attachments.example.com/acme/4472/packing-slip.pdf',
            content_type: 'application/pdf',
          },
        ],
        recipient_emails: ['support@acme.reamaze.io'],
      },
    ],
    [
      'an internal note',
      internalNote,
      { visibility: 'Internal Note', author_is_staff: true, recipient_emails: [] },
    ],
    [
      'a collision notice',
      sameInstantCollision,
      { visibility: 'Collision Detected Message', author_is_staff: true },
    ],
    [
      'a bulk reply (Staff Outbound)',
      bulkReplyB,
      {
        sent_via: 'Staff Outbound',
        conversation_subject: 'When will my order ship?',
        conversation_id: 'when-will-my-order-ship',
        conversation_url: 'https://acme.reamaze.io/admin/conversations/when-will-my-order-ship',
      },
    ],
  ])('%s', (_name, message, expected) => {
    expect(flat(message)).toMatchObject(expected);
  });

  it('infers a staff author only from what only staff send; the API’s flag wins', () => {
    const customer = { ...(customerEmailOnly.user as Record<string, unknown>) };
    delete customer['staff?'];
    const unflagged = { ...customerEmailOnly, user: customer };
    expect(flat(unflagged).author_is_staff).toBeNull();
    expect(flat({ ...unflagged, visibility: 1 }).author_is_staff).toBe(true);
    expect(flat({ ...unflagged, visibility: 2 }).author_is_staff).toBe(true);
    expect(flat({ ...unflagged, origin: 16 }).author_is_staff).toBe(true);
    expect(flat({ ...customerEmailOnly, origin: 16 }).author_is_staff).toBe(false);
  });

  it.each(Object.entries(ODD_MESSAGES))(
    'still gives a full item for a message with %s',
    (_name, message) => {
      const item = flat(message);
      expect(Object.keys(item).sort()).toEqual(Object.keys(flat({})).sort());
      expect(Array.isArray(item.recipient_emails)).toBe(true);
      expect(item.recipient_emails.every((value) => typeof value === 'string')).toBe(true);
      for (const attachment of item.attachments) {
        expect(Object.values(attachment).every((value) => typeof value === 'string')).toBe(true);
      }
      for (const key of [
        'body_text',
        'body',
        'author_name',
        'author_email',
        'author_mobile',
        'channel_name',
        'channel_id',
        'conversation_url',
        'origin_id',
      ]) {
        expect(typeof item[key]).toBe('string');
      }
    },
  );

  it('fills odd messages sensibly: no user, no category, null body, garbled lists, unknown codes', () => {
    expect(flat(ODD_MESSAGES['no user'] as ApiMessage)).toMatchObject({
      author_name: '',
      author_first_name: '',
      author_last_name: '',
      author_email: '',
      author_is_staff: null,
    });
    expect(flat(ODD_MESSAGES['no category'] as ApiMessage)).toMatchObject({
      channel_name: '',
      channel_id: '',
      conversation_id: 'no-channel',
      conversation_url: 'https://acme.reamaze.io/admin/conversations/no-channel',
    });
    expect(flat(ODD_MESSAGES['no conversation'] as ApiMessage)).toMatchObject({
      conversation_id: '',
      conversation_url: '',
    });
    expect(flat(ODD_MESSAGES['null body'] as ApiMessage)).toMatchObject({
      body: '',
      body_text: '',
    });
    expect(flat(ODD_MESSAGES['garbled lists'] as ApiMessage)).toMatchObject({
      attachments: [{ name: '', url: '', content_type: 'application/octet-stream' }],
      recipient_emails: [],
    });
    expect(flat(ODD_MESSAGES['unknown origin and visibility'] as ApiMessage)).toMatchObject({
      sent_via: 'Unknown (code 42)',
      visibility: 'Unknown (code 7)',
    });
    expect(flat(ODD_MESSAGES['everything missing'] as ApiMessage)).toEqual({
      id: ':x74234e98:-:e3b0c44298fc',
      created_at: null,
      body_text: '',
      author_name: '',
      author_first_name: '',
      author_last_name: '',
      author_email: '',
      author_mobile: '',
      author_is_staff: null,
      visibility: '',
      sent_via: '',
      conversation_subject: '',
      conversation_id: '',
      conversation_url: '',
      channel_name: '',
      channel_id: '',
      recipient_emails: [],
      attachments: [],
      body: '',
      origin_id: '',
    });
  });

  it('gives each attachment a file name and content type: from the API, else the file name or URL', () => {
    const attachments = (list: unknown[]) =>
      flat({ ...customerEmailOnly, attachments: list }).attachments;
    expect(
      attachments([
        { name: 'Invoice 4471.PDF', url: 'https://files.example.com/x/invoice.pdf' },
        { url: 'https://files.example.com/x/photo%201.heic?sig=abc' },
        { file_file_name: 'notes', url: 'https://files.example.com/x/notes' },
        {
          file_file_name: 'a.png',
          file_content_type: 'image/webp',
          url: 'https://f.example/a.png',
        },
      ]),
    ).toEqual([
      {
        name: 'Invoice 4471.PDF',
        url: 'https://files.example.com/x/invoice.pdf',
        content_type: 'application/pdf',
      },
      {
        name: 'photo 1.heic',
        url: 'https://files.example.com/x/photo%201.heic?sig=abc',
        content_type: 'image/heic',
      },
      {
        name: 'notes',
        url: 'https://files.example.com/x/notes',
        content_type: 'application/octet-stream',
      },
      { name: 'a.png', url: 'https://f.example/a.png', content_type: 'image/webp' },
    ]);
  });

  it('builds the inbox link on the normalised brand, encoding the slug', () => {
    const message = { ...customerEmailOnly, conversation: { slug: 'a b/c' } };
    expect(
      flattenMessage(message, { authData: { brand: 'https://ACME.reamaze.io/admin' } })
        .conversation_url,
    ).toBe('https://acme.reamaze.io/admin/conversations/a%20b%2Fc');
  });

  it('recognises internal notes by visibility 1 only', () => {
    expect(INBOX.filter(isInternalNote)).toEqual([internalNote]);
    expect(isInternalNote({ visibility: '1' })).toBe(true);
    expect(isInternalNote({ visibility: 2 })).toBe(false);
    expect(isInternalNote({})).toBe(false);
  });
});

describe('contentType', () => {
  it('a file named like an Object.prototype property gets the generic type', () => {
    for (const name of ['x.constructor', 'x.__proto__', 'x.toString', 'x.hasOwnProperty']) {
      expect(contentType(undefined, name)).toBe('application/octet-stream');
    }
    expect(contentType(undefined, 'x.PDF')).toBe('application/pdf');
  });
});

describe('MESSAGE_SAMPLE', () => {
  it('is what a poll returns for the live-shape sample message, id included', () => {
    expect(MESSAGE_SAMPLE).toEqual(flat(API_MESSAGE_SAMPLE));
    expect(MESSAGE_SAMPLE.id).toBe(`where-is-my-order-4471:${SAMPLE_MS}:0:26a205df3f5b`);
  });
});
