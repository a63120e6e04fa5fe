import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { apiPath, writtenRecord } from '../lib/http/client';
import {
  contactOutputFields,
  contactSample,
  flattenContact,
  type ContactItem,
} from '../lib/records/contact';
import {
  CONTACT_RECORD,
  contactField,
  contactIdentifier,
  contactNotFound,
  identifierParams,
} from '../lib/input/contact';
import { compact, dict, invalid, list, text } from '../lib/input/read';
import { publicUrl } from '../lib/input/public-url';

export const inputFields = defineInputFields([
  {
    ...contactField,
    helpText: `${contactField.helpText} A contact's email address and mobile number cannot be changed.`,
  },
  { key: 'name', label: 'Name', required: false },
  {
    key: 'friendly_name',
    label: 'Friendly Name',
    required: false,
    helpText: 'The name your team greets the contact by, e.g. "Maya" for Maya Lindqvist.',
  },
  {
    key: 'avatar_url',
    label: 'Avatar URL',
    required: false,
    helpText: 'A full web address of a picture of the contact, starting with `https://`.',
  },
  {
    key: 'data',
    label: 'Custom Data',
    required: false,
    dict: true,
    helpText:
      'Customer Data Attributes to set. Keys left out keep their current values. One level deep: each value is plain text, sent exactly as entered.',
  },
  {
    key: 'notes',
    label: 'Notes to Add',
    required: false,
    list: true,
    helpText: 'Each note is added to the contact; existing notes are kept.',
  },
]);

/**
 * `PUT /contacts/{identifier}` with `{"contact": {…}}` (https://www.reamaze.com/api/put_contacts); a mobile number also needs
 * `?identifier_type=mobile`. Only fields the user set are sent, so empty fields never wipe values.
 */
export const perform = (async (z, bundle) => {
  const input = bundle.inputData;
  const contact = contactIdentifier(input.contact);
  const changes = compact({
    name: text(input.name, 'Name'),
    friendly_name: text(input.friendly_name, 'Friendly Name'),
    external_avatar_url: publicUrl(input.avatar_url, 'Avatar URL'),
    data: dict(input.data, 'Custom Data'),
    notes: list(input.notes, 'Notes to Add'),
  });
  if (Object.keys(changes).length === 0) {
    throw invalid(
      'Nothing to update: set at least one of Name, Friendly Name, Avatar URL, Custom Data or Notes to Add.',
    );
  }
  const updated = await writtenRecord(
    z,
    bundle,
    {
      method: 'PUT',
      path: apiPath('contacts', contact.identifier),
      params: identifierParams(contact),
      body: { contact: changes },
      notFoundMessage: contactNotFound(contact),
    },
    { ...CONTACT_RECORD, what: 'the updated contact' },
  );
  return flattenContact(updated, bundle.authData.brand);
}) satisfies CreatePerform<typeof inputFields, ContactItem>;

export default defineCreate({
  key: 'update_contact',
  noun: 'Contact',
  display: {
    label: 'Update Contact',
    description: "Updates a contact's name, friendly name, avatar or custom data, and adds notes.",
  },
  operation: {
    inputFields,
    perform,
    sample: contactSample,
    outputFields: contactOutputFields,
  },
});
