import {
  asRecord,
  created,
  dataParams,
  invalid,
  isBlank,
  isEmail,
  noContent,
  notFound,
  ok,
  paged,
  param,
  wrapped,
  type Reply,
  type Route,
} from '../http';
import { contactShape, formatInstant } from '../shapes';
import type { Contact, ContactNote, Store } from '../store';

/**
 * Contacts (account-wide in Re:amaze): GET/POST /contacts, PUT /contacts/{identifier},
 * GET/POST /contacts/{identifier}/notes. Rules follow the official pages (https://www.reamaze.com/api/get_contacts and the
 * pages it links); where
 * sources disagree the sandbox takes the official reading (notes: top-level `{"body"}`).
 */

/** E.164 as the docs ask for it: +, country code, digits only, no spaces. */
const E164 = /^\+[1-9]\d{6,14}$/;

const IDENTIFIER_TYPES = ['email', 'mobile', 'instagram', 'facebook', 'twitter'] as const;
type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** `PUT /contacts/{identifier}[?identifier_type=…]`: the email by default. */
function contactBy(
  store: Store,
  identifier: string,
  type: string | undefined,
): Contact | undefined {
  const kind = (type ?? 'email') as IdentifierType;
  if (!IDENTIFIER_TYPES.includes(kind)) return undefined;
  const wanted = identifier.trim().toLowerCase();
  return store.contacts.find((contact) => (contact[kind] ?? '').toLowerCase() === wanted);
}

/** Custom data must be one level deep: no objects or arrays as values. */
function flatData(value: unknown): Record<string, unknown> | 'invalid' | undefined {
  if (value === undefined || value === null) return undefined;
  const record = asRecord(value);
  if (!record) return 'invalid';
  return Object.values(record).some((inner) => inner !== null && typeof inner === 'object')
    ? 'invalid'
    : record;
}

function noteList(value: unknown): string[] | 'invalid' | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((note) => typeof note === 'string')) return 'invalid';
  return value.filter((note) => note.trim() !== '');
}

function isAbsoluteUrl(value: unknown): boolean {
  try {
    return /^https?:$/.test(new URL(text(value)).protocol);
  } catch {
    return false;
  }
}

function noteShape(store: Store, note: ContactNote): Record<string, unknown> {
  const creator = note.creatorEmail ? store.staffByEmail(note.creatorEmail) : undefined;
  return {
    id: note.id,
    note: note.body,
    created_at: formatInstant(note.createdAt),
    updated_at: formatInstant(note.updatedAt),
    creator: creator ? { email: creator.email, name: creator.name } : null,
  };
}

/** `q` over name and email (the docs), and mobile (a phone-system client searches by number). */
function matchesQuery(contact: Contact, q: string): boolean {
  const wanted = q.toLowerCase();
  return [contact.name, contact.email, contact.mobile].some((value) =>
    (value ?? '').toLowerCase().includes(wanted),
  );
}

const routes: Route[] = [
  {
    method: 'GET',
    path: '/contacts',
    handle: ({ store, query }) => {
      const q = param(query, 'q');
      const type = param(query, 'type');
      const data = dataParams(query);
      const contacts = store.contacts
        .filter((contact) => q === undefined || matchesQuery(contact, q))
        .filter((contact) => type !== 'email' || contact.email)
        .filter((contact) => type !== 'mobile' || contact.mobile)
        .filter((contact) => data.every(([key, value]) => String(contact.data[key]) === value));
      // sort=date: newest created first; otherwise by name.
      const sorted =
        param(query, 'sort') === 'date'
          ? [...contacts].sort((a, b) => b.createdAt - a.createdAt || b.internalId - a.internalId)
          : [...contacts].sort((a, b) => a.name.localeCompare(b.name));
      return paged(query, 'contacts', sorted, contactShape);
    },
  },
  {
    method: 'POST',
    path: '/contacts',
    handle: ({ store, body, user }): Reply => {
      const input = wrapped(body, 'contact');
      if (!input) return invalid({ contact: ['is missing'] });
      const email = isBlank(input.email) ? undefined : text(input.email).trim();
      const mobile = isBlank(input.mobile) ? undefined : text(input.mobile);
      if (email === undefined && mobile === undefined) {
        return invalid({ base: ['Either email or mobile must be provided'] });
      }
      if (email !== undefined && !isEmail(email)) return invalid({ email: ['is invalid'] });
      if (email !== undefined && store.contactByEmail(email)) {
        return invalid({ email: ['has already been taken'] });
      }
      if (mobile !== undefined && !E164.test(mobile)) {
        return invalid({ mobile: ['must be in E.164 format, e.g. +12223334444'] });
      }
      if (mobile !== undefined && contactBy(store, mobile, 'mobile')) {
        return invalid({ mobile: ['has already been taken'] });
      }
      if (!isBlank(input.external_avatar_url) && !isAbsoluteUrl(input.external_avatar_url)) {
        return invalid({ external_avatar_url: ['must be an absolute URL'] });
      }
      const data = flatData(input.data);
      if (data === 'invalid') return invalid({ data: ['can only be one level deep'] });
      const notes = noteList(input.notes);
      if (notes === 'invalid') return invalid({ notes: ['must be a list of strings'] });
      const contact = store.addContact({
        name: isBlank(input.name) ? undefined : text(input.name),
        email: email ?? null,
        mobile: mobile ?? null,
        externalId: isBlank(input.id) ? null : String(input.id),
        data: data ?? {},
      });
      for (const note of notes ?? []) store.addNote(contact, note, user.email);
      return created(contactShape(contact));
    },
  },
  {
    method: 'PUT',
    path: '/contacts/:identifier',
    handle: ({ store, params, query, body, user }): Reply => {
      const contact = contactBy(store, params.identifier ?? '', param(query, 'identifier_type'));
      if (!contact) return notFound();
      const input = wrapped(body, 'contact');
      if (!input) return invalid({ contact: ['is missing'] });
      if (!isBlank(input.external_avatar_url) && !isAbsoluteUrl(input.external_avatar_url)) {
        return invalid({ external_avatar_url: ['must be an absolute URL'] });
      }
      const data = flatData(input.data);
      if (data === 'invalid') return invalid({ data: ['can only be one level deep'] });
      const notes = noteList(input.notes);
      if (notes === 'invalid') return invalid({ notes: ['must be a list of strings'] });
      // Identifiers (email, mobile, …) cannot be changed through this endpoint: they are ignored.
      if (typeof input.name === 'string') contact.name = input.name;
      if (typeof input.friendly_name === 'string') contact.friendlyName = input.friendly_name;
      if (data) Object.assign(contact.data, data);
      for (const note of notes ?? []) store.addNote(contact, note, user.email);
      contact.updatedAt = store.now();
      return ok(contactShape(contact));
    },
  },
  {
    method: 'GET',
    path: '/contacts/:identifier/notes',
    handle: ({ store, params, query }) => {
      const contact = contactBy(store, params.identifier ?? '', param(query, 'identifier_type'));
      return contact ? ok(contact.notes.map((note) => noteShape(store, note))) : notFound();
    },
  },
  {
    method: 'POST',
    path: '/contacts/:identifier/notes',
    handle: ({ store, params, query, body, user }): Reply => {
      const contact = contactBy(store, params.identifier ?? '', param(query, 'identifier_type'));
      if (!contact) return notFound();
      // The official page's shape: `{"body", "creator_email"?, "created_at"?}` at the top level.
      const input = asRecord(body) ?? {};
      if (isBlank(input.body) || typeof input.body !== 'string') {
        return invalid({ body: ["can't be blank"] });
      }
      let creatorEmail = user.email;
      if (!isBlank(input.creator_email)) {
        const creator = store.staffByEmail(text(input.creator_email));
        if (!creator) return invalid({ creator_email: ['is not a staff user of this account'] });
        creatorEmail = creator.email;
      }
      let at = store.now();
      if (!isBlank(input.created_at)) {
        at = Date.parse(text(input.created_at));
        if (Number.isNaN(at)) return invalid({ created_at: ['is not a date'] });
      }
      store.addNote(contact, input.body, creatorEmail, at);
      return created(contact.notes.map((note) => noteShape(store, note)));
    },
  },
  {
    // Listed by open-source clients (MC, GO); what Re:amaze answers is not documented: 204 here.
    method: 'DELETE',
    path: '/contacts/:identifier/notes/:id',
    handle: ({ store, params, query }): Reply => {
      const contact = contactBy(store, params.identifier ?? '', param(query, 'identifier_type'));
      const index = contact?.notes.findIndex((note) => String(note.id) === params.id) ?? -1;
      if (!contact || index < 0) return notFound();
      contact.notes.splice(index, 1);
      contact.updatedAt = store.now();
      return noContent();
    },
  },
];

export default routes;
