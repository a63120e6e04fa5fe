import type { PlainOutputField } from 'zapier-platform-core';
import { brandHost } from './brand';
import { dataText, isRecord, parseInstant, stringField } from './fields';

/**
 * A Re:amaze contact as every contact operation outputs it: the API's own fields (unknown ones
 * kept as sent), the documented ones always present, plus flat fields a no-code user can map
 * straight into a sheet or a CRM. Contacts are account-wide, not brand-scoped (https://www.reamaze.com/api/get_contacts).
 */

export interface ContactNote {
  id?: unknown;
  note?: unknown;
  created_at?: unknown;
  updated_at?: unknown;
  creator?: unknown;
}

export type ContactItem = {
  [key: string]: unknown;
  /** What Zapier deduplicates New Contact on; see {@link contactKey}. */
  contact_key: string;
  /** Re:amaze's internal id, when the API gives it. */
  _id: number | string | null;
  /** The contact's ID in the user's own system, as stored in Re:amaze; empty when none. */
  id: string;
  name: string;
  friendly_name: string;
  display_name: string;
  email: string;
  mobile: string;
  twitter: string;
  facebook: string;
  instagram: string;
  /** The value Update Contact and Add Contact Note take: the email, else the mobile number. */
  identifier: string;
  identifier_type: 'email' | 'mobile' | '';
  data: Record<string, unknown>;
  data_text: string;
  notes: ContactNote[];
  notes_text: string;
  note_count: number;
  created_at: string;
  updated_at: string;
  inbox_url: string;
};

/** `_id` as the API sends it (an integer), or a numeric string; anything else counts as absent. */
function internalId(value: unknown): number | string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return value;
  return null;
}

/**
 * The contact's identity for Zapier's dedupe. Order and reasons:
 * - `_id`, Re:amaze's internal id: assigned once, never reused, never edited;
 * - else the email, else the mobile number: Re:amaze cannot change a contact's identifiers
 *   (PUT /contacts says so) and an identifier belongs to one contact at a time, so each is
 *   stable and unique; lower-cased/space-free so a change of rendering never re-fires;
 * - else a social handle, the only identifiers a contact made by a social channel may have.
 * Not the API's `id`: it is the user's own system's ID, optional and not unique in Re:amaze.
 * Not the name or dates: names are edited. Fallback keys carry a prefix so they can never
 * collide with an `_id`. Undefined when the contact has none of these.
 */
export function contactKey(contact: Record<string, unknown>): string | undefined {
  const internal = internalId(contact._id);
  if (internal !== null) return String(internal);
  const email = stringField(contact.email).trim().toLowerCase();
  if (email) return `email:${email}`;
  const mobile = stringField(contact.mobile).replace(/\s+/g, '');
  if (mobile) return `mobile:${mobile}`;
  for (const network of ['instagram', 'facebook', 'twitter']) {
    const handle = stringField(contact[network]).trim().toLowerCase();
    if (handle) return `${network}:${handle}`;
  }
  return undefined;
}

/** When the contact was created, for the New Contact horizon; undefined when not given. */
export function contactCreatedAt(contact: Record<string, unknown>): number | undefined {
  return parseInstant(contact.created_at);
}

/** The contact in the brand's Re:amaze inbox; empty when the API gives no `_id`. */
export function inboxContactUrl(brand: unknown, id: number | string | null): string {
  return id === null
    ? ''
    : `https://${brandHost(brand)}/admin/users/${encodeURIComponent(String(id))}`;
}

/** Notes are `{id, note, …}` when listed; `body` is accepted too, the name used when writing one. */
export function noteText(note: ContactNote & { body?: unknown }): string {
  return stringField(note.note) || stringField(note.body);
}

/** Flattens one contact from any contacts endpoint. Never throws on an odd body. */
export function flattenContact(contact: Record<string, unknown>, brand: unknown): ContactItem {
  const email = stringField(contact.email);
  const mobile = stringField(contact.mobile);
  const name = stringField(contact.name);
  const friendlyName = stringField(contact.friendly_name);
  const data = isRecord(contact.data) ? contact.data : {};
  const notes = Array.isArray(contact.notes)
    ? (contact.notes.filter(isRecord) as ContactNote[])
    : [];
  const internal = internalId(contact._id);
  return {
    ...contact,
    contact_key: contactKey(contact) ?? '',
    _id: internal,
    id: stringField(contact.id),
    name,
    friendly_name: friendlyName,
    display_name: friendlyName || name || email || mobile,
    email,
    mobile,
    twitter: stringField(contact.twitter),
    facebook: stringField(contact.facebook),
    instagram: stringField(contact.instagram),
    identifier: email || mobile,
    identifier_type: email ? 'email' : mobile ? 'mobile' : '',
    data,
    data_text: dataText(data),
    notes,
    notes_text: notes
      .map(noteText)
      .filter((text) => text !== '')
      .join('\n\n'),
    note_count: notes.length,
    created_at: stringField(contact.created_at),
    updated_at: stringField(contact.updated_at),
    inbox_url: inboxContactUrl(brand, internal),
  };
}

/** The output-field labels shared by every contact operation. */
export const contactOutputFields: PlainOutputField[] = [
  { key: 'contact_key', label: 'Contact Key (Re:amaze ID, or Email/Mobile)' },
  { key: '_id', label: 'Re:amaze Contact ID', type: 'integer' },
  { key: 'id', label: "Your System's ID" },
  { key: 'name', label: 'Name' },
  { key: 'friendly_name', label: 'Friendly Name' },
  { key: 'display_name', label: 'Display Name (Friendly Name, Name, Email or Mobile)' },
  { key: 'email', label: 'Email' },
  { key: 'mobile', label: 'Mobile' },
  { key: 'twitter', label: 'Twitter' },
  { key: 'facebook', label: 'Facebook' },
  { key: 'instagram', label: 'Instagram' },
  { key: 'identifier', label: 'Contact Email or Mobile' },
  { key: 'identifier_type', label: 'Contact Identifier Type (email or mobile)' },
  { key: 'data', label: 'Custom Data' },
  { key: 'data_text', label: 'Custom Data as Text (one "key: value" per line)' },
  { key: 'notes', label: 'Notes' },
  { key: 'notes_text', label: 'Notes as Text' },
  { key: 'note_count', label: 'Number of Notes', type: 'integer' },
  { key: 'created_at', label: 'Created At', type: 'datetime' },
  { key: 'updated_at', label: 'Updated At', type: 'datetime' },
  { key: 'inbox_url', label: 'Contact Link in Re:amaze' },
];

/** One realistic contact, in exactly the shape {@link flattenContact} produces. */
export const contactSample: ContactItem = {
  contact_key: '48211907',
  _id: 48211907,
  id: 'crm-10442',
  name: 'Maya Lindqvist',
  friendly_name: 'Maya',
  display_name: 'Maya',
  email: 'maya.lindqvist@example.com',
  mobile: '+14155550123',
  twitter: '',
  facebook: '',
  instagram: '',
  identifier: 'maya.lindqvist@example.com',
  identifier_type: 'email',
  data: {},
  data_text: '',
  notes: [
    {
      id: 7781,
      note: 'Prefers email over phone. Wholesale customer since 2024.',
      created_at: '2026-03-09T14:25:40.512-05:00',
      updated_at: '2026-03-09T14:25:40.512-05:00',
      creator: { email: 'sam.ortiz@acme.example', name: 'Sam Ortiz' },
    },
  ],
  notes_text: 'Prefers email over phone. Wholesale customer since 2024.',
  note_count: 1,
  created_at: '2026-03-09T14:22:05.118-05:00',
  updated_at: '2026-03-09T14:25:40.530-05:00',
  inbox_url: 'https://acme.reamaze.io/admin/users/48211907',
};

/**
 * The contact in a create/update answer. The docs say "the JSON for the contact" without showing
 * it; a `{"contact": {…}}` wrapper, Rails' other habit, is accepted too. Undefined otherwise,
 * including a wrapper that holds no object.
 */
export function contactInBody(body: unknown): Record<string, unknown> | undefined {
  if (!isRecord(body)) return undefined;
  if (isRecord(body.contact)) return body.contact;
  // `{"contact": null}` (or a list there) names the contact and holds none: not a contact.
  return 'contact' in body ? undefined : body;
}
