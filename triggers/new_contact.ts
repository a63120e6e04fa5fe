import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { getPage } from '../lib/http/client';
import {
  contactCreatedAt,
  contactKey,
  contactOutputFields,
  contactSample,
  flattenContact,
  type ContactItem,
} from '../lib/records/contact';
import { pollNewestFirst } from '../lib/polling/paging';
import { zapWatermarks } from '../lib/polling/zap-state';
import { choice, choicesOf } from '../lib/input/read';

/** Re:amaze's `type` filter: only contacts that have that kind of identifier. */
export const CONTACT_TYPES = {
  email: 'Has an Email Address',
  mobile: 'Has a Mobile Number',
} as const;

export const inputFields = defineInputFields([
  {
    key: 'contact_type',
    label: 'Contact Type',
    required: false,
    choices: choicesOf(CONTACT_TYPES),
    helpText: 'Only contacts that have this kind of identifier. Leave empty for every new contact.',
  },
]);

/**
 * Polls `GET /contacts?sort=date` (newest created first) under the shared burst rule of
 * lib/polling/paging.ts: the newest page always, later pages only while they lie inside the look-back
 * horizon. Zapier deduplicates on `id`, Re:amaze's unique key for the contact (lib/records/contact.ts
 * `contactKey`); the API's own `id`, the user's system's ID, is output as `external_id`.
 */
export const perform = (async (z, bundle) => {
  const type = choice(bundle.inputData.contact_type, 'Contact Type', CONTACT_TYPES);
  const contacts = await pollNewestFirst({
    fetchPage: (page, timeoutMs) =>
      getPage(z, bundle, '/contacts', 'contacts', { sort: 'date', type, page }, { timeoutMs }),
    createdAt: contactCreatedAt,
    identity: contactKey,
    meta: bundle.meta,
    watermarks: zapWatermarks(z, bundle, 'new_contact'),
    log: (line) => z.console.log(`New Contact: ${line}`),
  });
  return contacts.map((contact) => flattenContact(contact, bundle.authData.brand));
}) satisfies PollingTriggerPerform<typeof inputFields, ContactItem>;

export default defineTrigger({
  key: 'new_contact',
  noun: 'Contact',
  display: {
    label: 'New Contact',
    description: 'Triggers when a new contact is added to your account.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: contactSample,
    outputFields: contactOutputFields,
  },
});
