import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { getPage } from '../lib/http/client';
import { requiredText } from '../lib/input/read';
import { exactFirst } from '../lib/records/exact-first';
import {
  flattenResponseTemplate,
  responseTemplateOutputFields,
  responseTemplateSample,
  type ResponseTemplateItem,
} from '../lib/records/response-template';

const inputFields = defineInputFields([
  {
    key: 'query',
    label: 'Name or Text',
    required: true,
    helpText:
      "Re:amaze's template search: finds templates whose name or text contains this. A template with exactly this name comes first.",
  },
]);

/**
 * `GET /response_templates?q=` (first page: the search is meant to pick one template). Zapier uses
 * the first result, so a template named exactly as searched goes first; otherwise Re:amaze's
 * order is kept. No match is `[]`.
 */
export const perform = (async (z, bundle) => {
  const query = requiredText(bundle.inputData.query, 'Name or Text').trim();
  const result = await getPage(z, bundle, '/response_templates', 'response_templates', {
    q: query,
    page: 1,
  });
  const templates = result.items.map(flattenResponseTemplate).filter((t) => t.id !== '');
  return exactFirst(templates, query, (template) => [template.name]);
}) satisfies SearchPerform<typeof inputFields, ResponseTemplateItem>;

export default defineSearch({
  key: 'find_response_template',
  noun: 'Response Template',
  display: {
    label: 'Find Response Template',
    description: 'Finds a response template (saved reply) by its name or text.',
  },
  operation: {
    inputFields,
    perform,
    sample: responseTemplateSample,
    outputFields: responseTemplateOutputFields,
  },
});
