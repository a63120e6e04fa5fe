import { distinctChoiceLabels } from '../lib/records/choice-labels';
import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { getPage } from '../lib/http/client';
import { stringField } from '../lib/http/api-values';

/** A contact as the Contact dropdowns show it: the email (else mobile) is the value Re:amaze takes. */
export type ContactChoice = {
  id: string;
  name: string;
};

export const contactChoiceSample: ContactChoice = {
  id: 'maya.lindqvist@example.com',
  name: 'Maya Lindqvist',
};

/** No options: the list is the same for every Zap. */
export const inputFields = defineInputFields([]);

/**
 * `GET /contacts` (Re:amaze lists them by name). Dropdown pages are 0-based in Zapier and 1-based
 * in Re:amaze; a page past the last one is empty rather than a repeat of the last. Contacts with
 * neither an email nor a mobile number are left out: Update Contact and Add Contact Note cannot
 * name them.
 */
export const perform = (async (z, bundle) => {
  const page = (bundle.meta?.page ?? 0) + 1;
  const result = await getPage(z, bundle, '/contacts', 'contacts', { page });
  if (page > 1 && page > result.pageCount) return [];
  const seen = new Set<string>();
  const choices: ContactChoice[] = [];
  for (const contact of result.items) {
    const identifier = stringField(contact.email).trim() || stringField(contact.mobile).trim();
    if (identifier === '' || seen.has(identifier.toLowerCase())) continue;
    seen.add(identifier.toLowerCase());
    const name =
      stringField(contact.name).trim() || stringField(contact.friendly_name).trim() || identifier;
    choices.push({ id: identifier, name });
  }
  return distinctChoiceLabels(choices, (choice) => choice.id);
}) satisfies PollingTriggerPerform<typeof inputFields, ContactChoice>;

export default defineTrigger({
  key: 'contact_list',
  noun: 'Contact',
  display: {
    label: 'List Contacts',
    description: 'Triggers when a contact is added; lists contacts for dropdowns.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    inputFields,
    perform,
    sample: contactChoiceSample,
    outputFields: [
      { key: 'id', label: 'Contact Email or Mobile' },
      { key: 'name', label: 'Contact Name' },
    ],
  },
});
