import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
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

/**
 * `GET /response_templates`: the brand's templates and the user's personal ones. Dropdown pages
 * are 0-based in Zapier and 1-based in Re:amaze; a page past the last one is empty rather than a
 * repeat of the last. Templates without an ID cannot be chosen and are left out.
 */
export const perform = (async (z, bundle) => {
  const page = (bundle.meta?.page ?? 0) + 1;
  const result = await getPage(z, bundle, '/response_templates', 'response_templates', { page });
  if (page > 1 && page > result.pageCount) return [];
  return result.items
    .map(flattenResponseTemplate)
    .filter((template) => template.id !== '')
    .map(({ id, name, group_name }) => ({ id, name: name || `Template ${id}`, group_name }));
}) satisfies PollingTriggerPerform<Record<string, never>, ResponseTemplateChoice>;

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
    perform,
    sample: responseTemplateChoiceSample,
    outputFields: [
      { key: 'id', label: 'Template ID' },
      { key: 'name', label: 'Template Name' },
      { key: 'group_name', label: 'Template Group' },
    ],
  },
});
