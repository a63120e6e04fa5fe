import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type PlainOutputField,
} from 'zapier-platform-core';
import { apiPath, missingResource, reamazeRequest, unexpectedShape } from '../lib/http/client';
import { noteText, type ContactNote } from '../lib/records/contact';
import {
  contactField,
  contactIdentifier,
  contactNotFound,
  identifierParams,
} from '../lib/input/contact';
import { compact, dateTime, email, requiredText } from '../lib/input/read';
import { dateTimeField, isRecord, parseInstant, stringField } from '../lib/http/api-values';

export type ContactNoteItem = {
  id: string;
  note: string;
  created_at: string | null;
  creator_name: string;
  creator_email: string;
  contact: string;
  contact_note_count: number;
};

const inputFields = defineInputFields([
  contactField,
  { key: 'note', label: 'Note', required: true, type: 'text' },
  {
    key: 'creator_email',
    label: 'Author',
    required: false,
    dynamic: 'staff_list.id.name',
    helpText:
      'The staff member shown as the note’s author, by login email. Leave empty for the connected user.',
  },
  {
    key: 'created_at',
    label: 'Date Written',
    type: 'datetime',
    required: false,
    helpText:
      'When the note was written, e.g. when copying notes from another system. Leave empty for now.',
  },
]);

/**
 * The note just written, from the answer: Re:amaze returns all the contact's notes
 * (https://www.reamaze.com/api/post_notes).
 * It is the newest note with the text sent; else the newest note; else undefined.
 */
export function newNote(notes: ContactNote[], body: string): ContactNote | undefined {
  const newestFirst = [...notes].sort(
    (a, b) => (parseInstant(b.created_at) ?? -Infinity) - (parseInstant(a.created_at) ?? -Infinity),
  );
  return newestFirst.find((note) => noteText(note) === body) ?? newestFirst[0];
}

/**
 * `POST /contacts/{identifier}/notes` with the body at the top level, `{"body", "creator_email"?,
 * "created_at"?}`, as Re:amaze's page for this endpoint shows it (link above). A mobile number
 * also sends `?identifier_type=mobile`, as Re:amaze's other contact paths take it.
 */
export const perform = (async (z, bundle) => {
  const input = bundle.inputData;
  const contact = contactIdentifier(input.contact);
  const note = requiredText(input.note, 'Note');
  const body = await reamazeRequest(z, bundle, {
    method: 'POST',
    path: apiPath('contacts', contact.identifier, 'notes'),
    params: identifierParams(contact),
    body: compact({
      body: note,
      creator_email: email(input.creator_email, 'Author'),
      created_at: dateTime(input.created_at, 'Date Written'),
    }),
    notFoundMessage: contactNotFound(contact),
  });
  // An array per the docs; `{"notes": [...]}` or the single note are accepted too.
  const list = Array.isArray(body)
    ? body
    : isRecord(body) && Array.isArray(body.notes)
      ? body.notes
      : isRecord(body) && ('note' in body || 'id' in body)
        ? [body]
        : undefined;
  // A list of anything but notes (strings, say) is as unrecognisable as no list.
  if (!list || !list.every(isRecord)) throw unexpectedShape(z, 'the contact’s notes', true);
  // No note at all after writing one: it may or may not be saved.
  if (list.length === 0) throw missingResource(z, 'note', true);
  const notes = list as ContactNote[];
  const written = newNote(notes, note) ?? {};
  const creator = isRecord(written.creator) ? written.creator : {};
  return {
    id: stringField(written.id),
    note: noteText(written) || note,
    created_at: dateTimeField(written.created_at),
    creator_name: stringField(creator.name),
    creator_email: stringField(creator.email),
    contact: contact.identifier,
    contact_note_count: notes.length,
  };
}) satisfies CreatePerform<typeof inputFields, ContactNoteItem>;

export const contactNoteSample: ContactNoteItem = {
  id: '7782',
  note: 'Asked for a wholesale price list; sent on 9 March.',
  created_at: '2026-03-09T15:02:11.204-05:00',
  creator_name: 'Sam Ortiz',
  creator_email: 'sam.ortiz@acme.example',
  contact: 'maya.lindqvist@example.com',
  contact_note_count: 2,
};

const outputFields: PlainOutputField[] = [
  { key: 'id', label: 'Note ID' },
  { key: 'note', label: 'Note' },
  { key: 'created_at', label: 'Date Written', type: 'datetime' },
  { key: 'creator_name', label: 'Author Name' },
  { key: 'creator_email', label: 'Author Email' },
  { key: 'contact', label: 'Contact Email or Mobile' },
  { key: 'contact_note_count', label: 'Number of Notes on the Contact', type: 'integer' },
];

export default defineCreate({
  key: 'create_contact_note',
  noun: 'Note',
  display: {
    label: 'Add Contact Note',
    description: 'Adds an internal note to a contact.',
  },
  operation: {
    inputFields,
    perform,
    sample: contactNoteSample,
    outputFields,
  },
});
