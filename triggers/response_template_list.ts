import { distinctChoiceLabels } from '../lib/records/choice-labels';
import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { getPage } from '../lib/http/client';
import { flattenResponseTemplate } from '../lib/records/response-template';

/** A template as the Response Template dropdown shows it: the ID is what Add Message reads. */
export type ResponseTemplateChoice = {
  id: string;
  name: string;
  group_name: string;
};

export const responseTemplateChoiceSample: ResponseTemplateChoice = {
  id: '3102',
  name: 'Delivery delayed',
  group_name: 'Shipping',
};

/** Re:amaze's page size (30 in every documented list): a page this full may have a next one. */
export const TEMPLATE_PAGE_SIZE = 30;

/** Pages read for one dropdown: 300 templates, well inside the dropdown's time. */
export const MAX_TEMPLATE_PAGES = 10;

/** No options: the list is the same for every Zap. */
export const inputFields = defineInputFields([]);

/**
 * `GET /response_templates`: the brand's templates and the user's personal ones. Its documented
 * answer carries no page counters (https://www.reamaze.com/api/get_response_templates), so the
 * next page is read while a page is full, and reading stops at a page that adds no template
 * (a server ignoring `page` repeats the first). The whole list comes on Zapier's first dropdown
 * page; later ones are empty. Templates without an ID cannot be chosen and are left out.
 */
export const perform = (async (z, bundle) => {
  if ((bundle.meta?.page ?? 0) > 0) return [];
  const choices = new Map<string, ResponseTemplateChoice>();
  for (let page = 1; page <= MAX_TEMPLATE_PAGES; page += 1) {
    const { items } = await getPage(z, bundle, '/response_templates', 'response_templates', {
      page,
    });
    const before = choices.size;
    for (const { id, name, group_name } of items.map(flattenResponseTemplate)) {
      if (id === '' || choices.has(id)) continue;
      choices.set(id, { id, name: name || `Template ${id}`, group_name });
    }
    if (items.length < TEMPLATE_PAGE_SIZE || choices.size === before) break;
  }
  return distinctChoiceLabels([...choices.values()], (choice) => choice.group_name);
}) satisfies PollingTriggerPerform<typeof inputFields, ResponseTemplateChoice>;

export default defineTrigger({
  key: 'response_template_list',
  noun: 'Response Template',
  display: {
    label: 'List Response Templates',
    description:
      'Triggers when a response template is added; lists response templates for dropdowns.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    inputFields,
    perform,
    sample: responseTemplateChoiceSample,
    outputFields: [
      { key: 'id', label: 'Template ID' },
      { key: 'name', label: 'Template Name' },
      { key: 'group_name', label: 'Template Group' },
    ],
  },
});
