import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { dropdownPage } from '../lib/http/client';
import { articleKey, articleStatus } from '../lib/records/article';
import { stringField } from '../lib/http/api-values';

/** An article as the Article dropdown shows it: the slug is what `PUT /articles/{slug}` takes. */
export type ArticleChoice = { id: string; name: string; status: string };

export const articleChoiceSample: ArticleChoice = {
  id: 'how-do-i-return-an-item',
  name: 'How do I return an item?',
  status: 'Published',
};

/** No options: the list is the same for every Zap. */
export const inputFields = defineInputFields([]);

/** `GET /articles`, every status the user may see; articles without a slug cannot be named and are left out. */
export const perform = (async (z, bundle) => {
  const choices: ArticleChoice[] = [];
  for (const article of await dropdownPage(z, bundle, '/articles', 'articles')) {
    const slug = articleKey(article);
    if (slug === undefined) continue;
    choices.push({
      id: slug,
      name: stringField(article.title).trim() || slug,
      status: articleStatus(article),
    });
  }
  return choices;
}) satisfies PollingTriggerPerform<typeof inputFields, ArticleChoice>;

export default defineTrigger({
  key: 'article_list',
  noun: 'Article',
  display: {
    label: 'List Articles',
    description: 'Triggers when an article is added; lists articles for dropdowns.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    inputFields,
    perform,
    sample: articleChoiceSample,
    outputFields: [
      { key: 'id', label: 'Article ID (Slug)' },
      { key: 'name', label: 'Title' },
      { key: 'status', label: 'Status' },
    ],
  },
});
