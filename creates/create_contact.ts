import { defineCreate, defineInputFields, errors, type CreatePerform } from 'zapier-platform-core';
import { reamazeRequest, unexpectedShape } from '../lib/client';
import {
  contactInBody,
  contactOutputFields,
  contactSample,
  flattenContact,
  type ContactItem,
} from '../lib/contact';
import { E164_EXAMPLE, mobileNumber } from '../lib/contact-input';
import { absoluteUrl, compact, dict, email, list, text } from '../lib/input';

const EITHER = 'Email or Mobile is required: give at least one, or both.';

const inputFields = defineInputFields([
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
 * `POST /contacts` with `{"contact": {…}}` (D-postcontacts). Every check that Re:amaze would make
 * anyway (either identifier, E.164, absolute avatar URL, flat data) is made first, so a bad value
 * gets a clear error and no request.
 */
export const perform = (async (z, bundle) => {
  const input = bundle.inputData;
  const contactEmail = email(input.email, 'Email');
  const contactMobile = mobileNumber(input.mobile, 'Mobile');
  if (contactEmail === undefined && contactMobile === undefined) {
    throw new errors.Error(`${EITHER} Map one of them.`, 'MissingField', 400);
  }
  const contact = compact({
    email: contactEmail,
    mobile: contactMobile,
    name: text(input.name),
    id: text(input.external_id),
    external_avatar_url: absoluteUrl(input.avatar_url, 'Avatar URL'),
    notes: list(input.notes),
    data: dict(input.data, 'Custom Data'),
  });
  const body = await reamazeRequest(z, bundle, {
    method: 'POST',
    path: '/contacts',
    body: { contact },
  });
  const created = contactInBody(body);
  if (!created) throw unexpectedShape(z, 'the new contact', true);
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
