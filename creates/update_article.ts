import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { apiPath, writtenRecord } from '../lib/http/client';
import {
  ARTICLE_RECORD,
  articleOutputFields,
  articleSample,
  flattenArticle,
  type ArticleItem,
} from '../lib/records/article';
import { articleField, articleSlug } from '../lib/input/article';
import { compact, invalid, text } from '../lib/input/read';

export const inputFields = defineInputFields([
  articleField,
  {
    key: 'title',
    label: 'New Title',
    required: false,
    helpText: 'Leave empty to keep the current title.',
  },
  {
    key: 'body',
    label: 'New Article Text',
    required: false,
    type: 'text',
    helpText: 'Replaces the whole article text. Leave empty to keep it.',
  },
]);

/**
 * `PUT /articles/{slug}` with `{"article": {title, body}}`, the two fields Re:amaze documents for
 * an update; only the ones given are sent, so an empty field never wipes the article.
 */
export const perform = (async (z, bundle) => {
  const input = bundle.inputData;
  const slug = articleSlug(input.article);
  const changes = compact({
    title: text(input.title, 'New Title'),
    body: text(input.body, 'New Article Text'),
  });
  if (Object.keys(changes).length === 0) {
    throw invalid('Nothing to update: set New Title, New Article Text, or both.');
  }
  const updated = await writtenRecord(
    z,
    bundle,
    {
      method: 'PUT',
      path: apiPath('articles', slug),
      body: { article: changes },
      notFoundMessage: `No article "${slug}" was found`,
    },
    { ...ARTICLE_RECORD, what: 'the updated article' },
  );
  return flattenArticle(updated);
}) satisfies CreatePerform<typeof inputFields, ArticleItem>;

export default defineCreate({
  key: 'update_article',
  noun: 'Article',
  display: {
    label: 'Update Article',
    description: "Updates a help-center article's title or text.",
  },
  operation: {
    inputFields,
    perform,
    sample: articleSample,
    outputFields: articleOutputFields,
  },
});
