import {
  contactCreatedAt,
  contactInBody,
  contactKey,
  contactSample,
  flattenContact,
  inboxContactUrl,
} from '../../../lib/records/contact';
import { API_CONTACT_SAMPLE } from '../../../lib/records/contact.sample';

/** A contact as GET /contacts lists it (official keys plus those the Go client models). */
const listed = {
  name: 'Maya Lindqvist',
  email: 'maya.lindqvist@example.com',
  friendly_name: 'Maya',
  mobile: '+14155550123',
  twitter: null,
  facebook: null,
  instagram: null,
  id: 'crm-10442',
  _id: 48211907,
  data: { plan: 'Wholesale', orders: 12 },
  notes: [
    {
      id: 7781,
      note: 'Prefers email over phone.',
      created_at: '2026-03-09T14:25:40.512-05:00',
      updated_at: '2026-03-09T14:25:40.512-05:00',
      creator: { email: 'sam.ortiz@acme.example', name: 'Sam Ortiz' },
    },
    { id: 7790, note: 'Asked for the price list.', created_at: '2026-03-10T09:00:00.000Z' },
  ],
  created_at: '2026-03-09T14:22:05.118-05:00',
  updated_at: '2026-03-10T09:00:00.020Z',
};

describe('flattenContact', () => {
  it('gives one flat set of fields, written out in full: id is Re:amaze’s key, the user’s own ID is external_id', () => {
    expect(flattenContact(listed, 'acme')).toEqual({
      id: '48211907',
      name: 'Maya Lindqvist',
      first_name: 'Maya',
      last_name: 'Lindqvist',
      friendly_name: 'Maya',
      email: 'maya.lindqvist@example.com',
      mobile: '+14155550123',
      identifier: 'maya.lindqvist@example.com',
      external_id: 'crm-10442',
      twitter: '',
      facebook: '',
      instagram: '',
      data: { plan: 'Wholesale', orders: 12 },
      notes: [
        {
          note: 'Prefers email over phone.',
          created_at: '2026-03-09T14:25:40.512-05:00',
          author_name: 'Sam Ortiz',
        },
        {
          note: 'Asked for the price list.',
          created_at: '2026-03-10T09:00:00.000Z',
          author_name: '',
        },
      ],
      created_at: '2026-03-09T14:22:05.118-05:00',
      updated_at: '2026-03-10T09:00:00.020Z',
      contact_url: 'https://acme.reamaze.io/admin/users/48211907',
    });
  });

  it('leaves out fields it does not know: the item is only its labelled fields', () => {
    const item = flattenContact({ ...listed, locale: 'sv', tags: ['vip'] }, 'acme');
    expect(item).toEqual(flattenContact(listed, 'acme'));
  });

  it('a mobile-only contact is identified by its mobile number', () => {
    const item = flattenContact({ name: '', mobile: '+447700900123', _id: 5 }, 'acme');
    expect(item).toMatchObject({ id: '5', identifier: '+447700900123', email: '' });
  });

  it('the documented minimum (name, email, friendly name, notes) gives a full item without a link', () => {
    const item = flattenContact(
      { name: 'John Doe', email: 'bob@example.com', friendly_name: 'Johnny', notes: [] },
      'acme',
    );
    expect(item).toEqual({
      id: 'email:bob@example.com',
      name: 'John Doe',
      first_name: 'John',
      last_name: 'Doe',
      friendly_name: 'Johnny',
      email: 'bob@example.com',
      mobile: '',
      identifier: 'bob@example.com',
      external_id: '',
      twitter: '',
      facebook: '',
      instagram: '',
      data: {},
      notes: [],
      created_at: null,
      updated_at: null,
      contact_url: '',
    });
  });

  it('never throws on odd bodies: wrong types become empty values', () => {
    const item = flattenContact(
      {
        name: 42,
        email: { address: 'x' },
        data: ['not', 'a', 'hash'],
        notes: 'a note',
        _id: 'abc',
        id: 1234,
        created_at: null,
      },
      'acme',
    );
    expect(item).toMatchObject({
      id: '',
      name: '42',
      email: '',
      data: {},
      notes: [],
      external_id: '1234',
      created_at: null,
      contact_url: '',
    });
    expect(flattenContact({ notes: [null, 3, { note: 'kept' }] }, 'acme').notes).toEqual([
      { note: 'kept', created_at: null, author_name: '' },
    ]);
  });
});

describe('contactKey (what Zapier deduplicates New Contact on)', () => {
  it('is the internal _id when present, whatever else changes', () => {
    expect(contactKey({ _id: 7, email: 'a@example.com' })).toBe('7');
    expect(contactKey({ _id: 7, email: 'b@example.com', name: 'Renamed' })).toBe('7');
    expect(contactKey({ _id: '7' })).toBe('7');
  });

  it('falls back to the email (case and spaces ignored), then the mobile, then a social handle', () => {
    expect(contactKey({ email: ' Maya@Example.com ' })).toBe('email:maya@example.com');
    expect(contactKey({ email: '', mobile: '+1 415 555 0123' })).toBe('mobile:+14155550123');
    expect(contactKey({ instagram: 'MayaL' })).toBe('instagram:mayal');
    expect(contactKey({ facebook: '1000123' })).toBe('facebook:1000123');
    expect(contactKey({ twitter: '@maya' })).toBe('twitter:@maya');
  });

  it('never uses the name or the user-set id, and is undefined when nothing identifies the contact', () => {
    expect(contactKey({ name: 'Maya', id: 'crm-1' })).toBeUndefined();
    expect(contactKey({ _id: -1 })).toBeUndefined();
    expect(contactKey({ _id: 1.5, email: '' })).toBeUndefined();
  });

  it('fallback keys cannot collide with an _id', () => {
    expect(contactKey({ email: '12@example.com' })).not.toBe(contactKey({ _id: 12 }));
  });
});

describe('helpers', () => {
  it('builds the inbox link on the validated brand host', () => {
    expect(inboxContactUrl('Acme', 12)).toBe('https://acme.reamaze.io/admin/users/12');
    expect(inboxContactUrl('https://acme.reamaze.io/admin', '12')).toBe(
      'https://acme.reamaze.io/admin/users/12',
    );
    expect(inboxContactUrl('acme', null)).toBe('');
    expect(() => inboxContactUrl('evil.com/', 12)).toThrow(/not a Re:amaze brand/);
  });

  it('reads created_at with any offset as the same instant', () => {
    expect(contactCreatedAt({ created_at: '2026-03-09T14:22:05.118-05:00' })).toBe(
      contactCreatedAt({ created_at: '2026-03-09T19:22:05.118Z' }),
    );
    expect(contactCreatedAt({ created_at: 'yesterday' })).toBeUndefined();
    expect(contactCreatedAt({})).toBeUndefined();
  });

  it('finds the contact in a create/update answer, bare or wrapped', () => {
    expect(contactInBody({ email: 'a@example.com' })).toEqual({ email: 'a@example.com' });
    expect(contactInBody({ contact: { email: 'a@example.com' } })).toEqual({
      email: 'a@example.com',
    });
    expect(contactInBody([{ email: 'a@example.com' }])).toBeUndefined();
    expect(contactInBody('ok')).toBeUndefined();
    expect(contactInBody(null)).toBeUndefined();
  });

  it('the sample is exactly what flattenContact makes of the sample API contact', () => {
    expect(contactSample).toEqual(flattenContact(API_CONTACT_SAMPLE, 'acme'));
  });
});
