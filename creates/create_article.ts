import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { apiPath, writtenRecord } from '../lib/http/client';
import {
  ARTICLE_RECORD,
  ARTICLE_STATUS_CODES,
  SETTABLE_ARTICLE_STATUSES,
  articleOutputFields,
  articleSample,
  flattenArticle,
  type ArticleItem,
} from '../lib/records/article';
import { topicSlug } from '../lib/input/article';
import { choicesOf, requiredChoice, requiredText } from '../lib/input/read';

export const inputFields = defineInputFields([
  {
    key: 'title',
    label: 'Title',
    required: true,
    helpText: 'The question or headline readers see.',
  },
  {
    key: 'body',
    label: 'Article Text',
    required: true,
    type: 'text',
    helpText: 'The article itself. HTML or Markdown formatting is kept as written.',
  },
  {
    key: 'topic',
    label: 'Topic',
    required: false,
    dynamic: 'topic_list.id.name',
    helpText:
      'The help-center topic to file it under. Leave empty for none. If the list is empty, type the topic’s slug (the part after /kb/ in its address).',
  },
  {
    key: 'status',
    label: 'Status',
    required: true,
    default: 'draft',
    choices: choicesOf(SETTABLE_ARTICLE_STATUSES),
    helpText: 'Published articles are visible in your help center at once; drafts only to staff.',
  },
]);

/**
 * `POST /topics/{slug}/articles` when a topic is chosen, else `POST /articles`, with
 * `{"article": {title, body, status}}` (status 0 published, 1 draft: the codes every source
 * agrees on). The answer is read bare or under `article`.
 */
export const perform = (async (z, bundle) => {
  const input = bundle.inputData;
  const topic = topicSlug(input.topic);
  const status = requiredChoice(input.status, 'Status', SETTABLE_ARTICLE_STATUSES);
  const article = {
    title: requiredText(input.title, 'Title'),
    body: requiredText(input.body, 'Article Text'),
    status: ARTICLE_STATUS_CODES[status],
  };
  const created = await writtenRecord(
    z,
    bundle,
    {
      method: 'POST',
      path: topic === undefined ? '/articles' : `${apiPath('topics', topic)}/articles`,
      body: { article },
      ...(topic === undefined ? {} : { notFoundMessage: `No topic "${topic}" was found` }),
    },
    { ...ARTICLE_RECORD, what: 'the new article' },
  );
  return flattenArticle(created);
}) satisfies CreatePerform<typeof inputFields, ArticleItem>;

export default defineCreate({
  key: 'create_article',
  noun: 'Article',
  display: {
    label: 'Create Article',
    description: 'Creates a help-center (FAQ) article, published or as a draft.',
  },
  operation: {
    inputFields,
    perform,
    sample: articleSample,
    outputFields: articleOutputFields,
  },
});
