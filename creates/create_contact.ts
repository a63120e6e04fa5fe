import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { writtenRecord } from '../lib/http/client';
import {
  contactOutputFields,
  contactSample,
  flattenContact,
  type ContactItem,
} from '../lib/records/contact';
import { CONTACT_RECORD, E164_EXAMPLE, mobileNumber } from '../lib/input/contact';
import { compact, dict, email, invalid, list, text } from '../lib/input/read';
import { publicUrl } from '../lib/input/public-url';

const EITHER = 'Email or Mobile is required: give at least one, or both.';

export const inputFields = defineInputFields([
  {
    key: 'email',
    label: 'Email',
    required: false,
    helpText: `${EITHER} Re:amaze identifies the contact by it.`,
  },
  {
    key: 'mobile',
    label: 'Mobile',
    required: false,
    helpText: `${EITHER} In E.164 form: + and the country code, then the number, digits only (for example \`${E164_EXAMPLE}\`).`,
  },
  { key: 'name', label: 'Name', required: false },
  {
    key: 'external_id',
    label: "Your System's ID",
    required: false,
    helpText:
      'The ID of this person in your own app, CRM or sign-up system, so Re:amaze can match them later. Stored exactly as given.',
  },
  {
    key: 'avatar_url',
    label: 'Avatar URL',
    required: false,
    helpText: 'A full web address of a picture of the contact, starting with `https://`.',
  },
  {
    key: 'notes',
    label: 'Notes',
    required: false,
    list: true,
    helpText: 'Each note is added to the contact separately.',
  },
  {
    key: 'data',
    label: 'Custom Data',
    required: false,
    dict: true,
    helpText:
      'Shown as Customer Data Attributes in Re:amaze. One level deep: each value is plain text, sent exactly as entered.',
  },
]);

/**
 * `POST /contacts` with `{"contact": {…}}` (https://www.reamaze.com/api/post_contacts). Every check that Re:amaze would make
 * anyway (either identifier, E.164, absolute avatar URL, flat data) is made first, so a bad value
 * gets a clear error and no request.
 */
export const perform = (async (z, bundle) => {
  const input = bundle.inputData;
  const contactEmail = email(input.email, 'Email');
  const contactMobile = mobileNumber(input.mobile, 'Mobile');
  if (contactEmail === undefined && contactMobile === undefined) {
    throw invalid(`${EITHER} Map one of them.`);
  }
  const contact = compact({
    email: contactEmail,
    mobile: contactMobile,
    name: text(input.name, 'Name'),
    id: text(input.external_id, "Your System's ID"),
    external_avatar_url: publicUrl(input.avatar_url, 'Avatar URL'),
    notes: list(input.notes, 'Notes'),
    data: dict(input.data, 'Custom Data'),
  });
  const created = await writtenRecord(
    z,
    bundle,
    { method: 'POST', path: '/contacts', body: { contact } },
    { ...CONTACT_RECORD, what: 'the new contact' },
  );
  return flattenContact(created, bundle.authData.brand);
}) satisfies CreatePerform<typeof inputFields, ContactItem>;

export default defineCreate({
  key: 'create_contact',
  noun: 'Contact',
  display: {
    label: 'Create Contact',
    description: 'Creates a new contact with an email address or mobile number.',
  },
  operation: {
    inputFields,
    perform,
    sample: contactSample,
    outputFields: contactOutputFields,
  },
});
