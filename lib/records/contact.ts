import type { PlainOutputField } from 'zapier-platform-core';
import { brandHost } from '../http/brand';
import { API_CONTACT_SAMPLE } from './contact.sample';
import { dateTimeField, isRecord, parseInstant, stringField } from '../http/api-values';
import { lazySample } from './lazy-sample';
import { splitName } from './person-name';

/**
 * A Re:amaze contact as every contact operation outputs it: one flat set of fields a no-code user
 * maps straight into a sheet or a CRM. Contacts are account-wide, not brand-scoped
 * (https://www.reamaze.com/api/get_contacts).
 */

export interface ContactNote {
  id?: unknown;
  note?: unknown;
  created_at?: unknown;
  updated_at?: unknown;
  creator?: unknown;
}

/** One note as the contact's labelled list shows it. */
export interface ContactNoteLine {
  note: string;
  created_at: string | null;
  author_name: string;
}

export type ContactItem = {
  [key: string]: unknown;
  /** Re:amaze's unique key for the contact ({@link contactKey}): what Zapier deduplicates on. */
  id: string;
  name: string;
  first_name: string;
  last_name: string;
  friendly_name: string;
  email: string;
  mobile: string;
  /** The value the Contact fields of Update Contact and Add Contact Note take. */
  identifier: string;
  /** The contact's ID in the user's own system, as stored in Re:amaze; empty when none. */
  external_id: string;
  twitter: string;
  facebook: string;
  instagram: string;
  data: Record<string, unknown>;
  notes: ContactNoteLine[];
  created_at: string | null;
  updated_at: string | null;
  contact_url: string;
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
  const notes = Array.isArray(contact.notes)
    ? (contact.notes.filter(isRecord) as ContactNote[])
    : [];
  return {
    id: contactKey(contact) ?? '',
    name: stringField(contact.name),
    ...splitName(stringField(contact.name)),
    friendly_name: stringField(contact.friendly_name),
    email,
    mobile,
    identifier: email || mobile,
    // The API's `id` is the user's own system's ID, not Re:amaze's.
    external_id: stringField(contact.id),
    twitter: stringField(contact.twitter),
    facebook: stringField(contact.facebook),
    instagram: stringField(contact.instagram),
    data: isRecord(contact.data) ? contact.data : {},
    notes: notes.map((note) => ({
      note: noteText(note),
      created_at: dateTimeField(note.created_at),
      author_name: stringField(isRecord(note.creator) ? note.creator.name : undefined),
    })),
    created_at: dateTimeField(contact.created_at),
    updated_at: dateTimeField(contact.updated_at),
    contact_url: inboxContactUrl(brand, internalId(contact._id)),
  };
}

/** The output-field labels shared by every contact operation, most mapped first. */
export const contactOutputFields: PlainOutputField[] = [
  { key: 'id', label: 'Contact ID (Re:amaze)', required: true },
  { key: 'name', label: 'Name' },
  { key: 'first_name', label: 'First Name' },
  { key: 'last_name', label: 'Last Name' },
  { key: 'friendly_name', label: 'Friendly Name' },
  { key: 'email', label: 'Email' },
  { key: 'mobile', label: 'Mobile' },
  { key: 'identifier', label: 'Email or Mobile' },
  { key: 'external_id', label: "Your System's ID" },
  { key: 'twitter', label: 'Twitter' },
  { key: 'facebook', label: 'Facebook' },
  { key: 'instagram', label: 'Instagram' },
  { key: 'data', label: 'Custom Data', dict: true },
  { key: 'notes[]note', label: 'Notes (Most Contacts Have None)' },
  { key: 'notes[]created_at', label: 'Notes: Date Written' },
  { key: 'notes[]author_name', label: 'Notes: Author Name' },
  { key: 'created_at', label: 'Date Created', type: 'datetime' },
  { key: 'updated_at', label: 'Date Updated', type: 'datetime' },
  { key: 'contact_url', label: 'Contact Link' },
];

/** What every contact operation returns for {@link API_CONTACT_SAMPLE} on `acme`. */
export const contactSample: ContactItem = lazySample(() =>
  flattenContact(API_CONTACT_SAMPLE, 'acme'),
);

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
