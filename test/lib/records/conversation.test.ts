import fc from 'fast-check';
import {
  conversationCreatedAt,
  conversationSample,
  flattenConversation,
} from '../../../lib/records/conversation';
import { API_CONVERSATION_SAMPLE } from '../../../lib/records/conversation.sample';
import { runs } from '../../runs';

/** The official GET /conversations/{slug} sample keys, with the extras real-data clients see. */
const fetched = {
  subject: 'Knock, knock?',
  slug: 'knock-knock',
  status: 2,
  created_at: '2000-01-01T00:00:01.001-01:00',
  updated_at: '2000-01-01T02:00:01.001-01:00',
  tag_list: ['joke', 'follow up'],
  message: { body: "Who's there?" },
  last_customer_message: {
    body: '<p>Insert <b>joke</b> here</p>',
    created_at: '2000-01-01T01:00:01.001-01:00',
  },
  last_staff_message: { body: 'Lettuce.', created_at: '2000-01-01T01:30:01.001-01:00' },
  author: { name: 'bob', email: 'bob@example.com', mobile: '+14155550123' },
  assignee: { name: 'Sam Ortiz', email: 'sam.ortiz@acme.example' },
  category: { name: 'Support', slug: 'support', email: 'support@example.com', channel: 1 },
  followers: [{ name: 'bob', email: 'bob@example.com' }],
  data: { order: '4471', priority: 2 },
  origin: 7,
  message_count: 3,
};

/** Every field with its "nothing known" value. */
const EMPTY = {
  id: '',
  subject: '',
  status: '',
  customer_name: '',
  customer_first_name: '',
  customer_last_name: '',
  customer_email: '',
  customer_mobile: '',
  assignee_name: '',
  assignee_email: '',
  channel_name: '',
  channel_id: '',
  channel_email: '',
  channel_type: '',
  tags: [],
  first_message_text: '',
  last_customer_message_text: '',
  last_customer_message_at: null,
  last_staff_message_text: '',
  last_staff_message_at: null,
  created_at: null,
  updated_at: null,
  conversation_url: '',
  data: {},
  first_message_body: '',
};

describe('flattenConversation', () => {
  it('gives one flat set of fields, written out in full, and nothing of the raw object', () => {
    expect(flattenConversation(fetched, 'acme')).toEqual({
      id: 'knock-knock',
      subject: 'Knock, knock?',
      status: 'Done',
      customer_name: 'bob',
      customer_first_name: 'bob',
      customer_last_name: '',
      customer_email: 'bob@example.com',
      customer_mobile: '+14155550123',
      assignee_name: 'Sam Ortiz',
      assignee_email: 'sam.ortiz@acme.example',
      channel_name: 'Support',
      channel_id: 'support',
      channel_email: 'support@example.com',
      channel_type: 'Email',
      tags: ['joke', 'follow up'],
      first_message_text: "Who's there?",
      last_customer_message_text: 'Insert joke here',
      last_customer_message_at: '2000-01-01T01:00:01.001-01:00',
      last_staff_message_text: 'Lettuce.',
      last_staff_message_at: '2000-01-01T01:30:01.001-01:00',
      created_at: '2000-01-01T00:00:01.001-01:00',
      updated_at: '2000-01-01T02:00:01.001-01:00',
      conversation_url: 'https://acme.reamaze.io/admin/conversations/knock-knock',
      data: { order: '4471', priority: 2 },
      first_message_body: "Who's there?",
    });
  });

  it('keeps dates exactly as the API wrote them (ISO 8601 with the offset)', () => {
    const item = flattenConversation(
      {
        slug: 'a',
        created_at: '2014-02-25T21:58:53.204-07:00',
        updated_at: '2024-01-15T10:30:00.000Z',
      },
      'acme',
    );
    expect([item.created_at, item.updated_at]).toEqual([
      '2014-02-25T21:58:53.204-07:00',
      '2024-01-15T10:30:00.000Z',
    ]);
  });

  it.each([null, undefined, 'conversation', 42, true, [], [fetched]])(
    'gives every documented field, empty, for a body that is not an object (%p)',
    (body) => {
      expect(flattenConversation(body, 'acme')).toEqual(EMPTY);
    },
  );

  it('gives empty flat fields for an empty object and for nulls everywhere', () => {
    expect(flattenConversation({}, 'acme')).toEqual(EMPTY);
    const nulls = Object.fromEntries(Object.keys(fetched).map((key) => [key, null]));
    expect(flattenConversation(nulls, 'acme')).toEqual(EMPTY);
  });

  it('copes with fields of the wrong type without inventing values', () => {
    const item = flattenConversation(
      {
        slug: 17,
        subject: ['not', 'a', 'string'],
        status: 'Done',
        created_at: 1700000000,
        tag_list: { vip: true },
        category: ['support'],
        author: 'bob@example.com',
        assignee: 'sam',
        message: 'Hello',
        last_customer_message: [],
        data: ['a', 'b'],
      },
      'acme',
    );
    expect(item).toMatchObject({
      id: '17',
      subject: '',
      status: '',
      created_at: null,
      tags: [],
      channel_id: '',
      customer_email: '',
      assignee_name: '',
      first_message_text: '',
      last_customer_message_text: '',
      data: {},
      conversation_url: 'https://acme.reamaze.io/admin/conversations/17',
    });
  });

  it('reads a numeric-string status, labels codes added later, and refuses fractions', () => {
    expect(flattenConversation({ status: '5' }, 'acme').status).toBe('On Hold');
    expect(flattenConversation({ status: 12 }, 'acme').status).toBe('Unknown (code 12)');
    expect(flattenConversation({ status: 1.5 }, 'acme').status).toBe('');
  });

  it('splits a comma-separated tag_list and drops empty or non-text tags', () => {
    expect(flattenConversation({ tag_list: 'vip, order status,, ' }, 'acme').tags).toEqual([
      'vip',
      'order status',
    ]);
    expect(flattenConversation({ tag_list: ['a b', '', null, 3, {}, ' '] }, 'acme').tags).toEqual([
      'a b',
      '3',
    ]);
  });

  it('accepts the channel as a bare slug and labels unknown channel types', () => {
    expect(flattenConversation({ category: 'sales' }, 'acme')).toMatchObject({
      channel_id: 'sales',
      channel_name: '',
      channel_type: '',
    });
    expect(flattenConversation({ category: { slug: 'x', channel: 99 } }, 'acme')).toMatchObject({
      channel_type: 'Unknown (code 99)',
    });
  });

  it('takes the customer from `user` when there is no `author`', () => {
    expect(
      flattenConversation({ user: { name: 'Ana', email: 'ana@example.com' } }, 'acme'),
    ).toMatchObject({ customer_name: 'Ana', customer_email: 'ana@example.com' });
    expect(
      flattenConversation(
        { author: { name: 'Bob' }, user: { name: 'Ana', email: 'ana@example.com' } },
        'acme',
      ),
    ).toMatchObject({ customer_name: 'Bob', customer_email: '' });
  });

  it('encodes the slug in the link and leaves the link empty when the brand is unusable', () => {
    expect(flattenConversation({ slug: 'ça va?' }, 'acme').conversation_url).toBe(
      'https://acme.reamaze.io/admin/conversations/%C3%A7a%20va%3F',
    );
    expect(flattenConversation({ slug: 'knock-knock' }, 'not a brand').conversation_url).toBe('');
    expect(flattenConversation({ slug: 'knock-knock' }, undefined).conversation_url).toBe('');
  });

  it('never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (body, nested) => {
        const item = flattenConversation(body, 'acme');
        expect(typeof item.id).toBe('string');
        const withNested = flattenConversation(
          Object.fromEntries(Object.keys(fetched).map((key) => [key, nested])),
          'acme',
        );
        expect(Array.isArray(withNested.tags)).toBe(true);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('conversationCreatedAt', () => {
  it('parses the creation time with its offset', () => {
    expect(conversationCreatedAt(fetched)).toBe(Date.parse('2000-01-01T01:00:01.001Z'));
  });

  it.each([{}, { created_at: 'yesterday' }, { created_at: 5 }, null, 'x'])(
    'is undefined for %p',
    (body) => {
      expect(conversationCreatedAt(body)).toBeUndefined();
    },
  );
});

describe('conversationSample', () => {
  it('is exactly what flattenConversation makes of the sample API answer', () => {
    expect(conversationSample).toEqual(flattenConversation(API_CONVERSATION_SAMPLE, 'acme'));
  });
});
