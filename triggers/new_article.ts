import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { apiPath, getPage } from '../lib/http/client';
import { topicSlug } from '../lib/input/article';
import {
  articleCreatedAt,
  articleKey,
  articleOutputFields,
  articleSample,
  articleStatus,
  flattenArticle,
  type ArticleItem,
} from '../lib/records/article';
import { newestFirst, requireNewestFirst } from '../lib/records/conversation-order';
import { pollNewestFirst } from '../lib/polling/paging';
import { fitResult } from '../lib/records/result-size';
import { zapWatermarks } from '../lib/polling/zap-state';

export const inputFields = defineInputFields([
  {
    key: 'topic',
    label: 'Only in Topic',
    required: false,
    dynamic: 'topic_list.id.name',
    helpText: 'Fires only for articles in this help-center topic. Leave empty for every topic.',
  },
]);

/**
 * Polls `GET /articles?status=published` (`GET /topics/{slug}/articles` for one topic) under the shared burst rule of lib/polling/paging.ts with
 * this Zap's watermarks (docs/polling.md); Zapier deduplicates on the slug. The list's order is
 * not documented: each page is put newest first by `created_at` here, and a first page listed
 * oldest first is refused. Only published articles are returned, whatever the filter did.
 */
export const perform = (async (z, bundle) => {
  const topic = topicSlug(bundle.inputData.topic, 'Only in Topic');
  const path = topic === undefined ? '/articles' : `${apiPath('topics', topic)}/articles`;
  const articles = await pollNewestFirst({
    fetchPage: async (page, timeoutMs) => {
      const result = await getPage(
        z,
        bundle,
        path,
        'articles',
        { status: 'published', page },
        {
          timeoutMs,
          ...(topic === undefined ? {} : { notFoundMessage: `No topic "${topic}" was found` }),
        },
      );
      requireNewestFirst(page, result.pageCount, result.items, 'articles');
      return { ...result, items: newestFirst(result.items) };
    },
    createdAt: articleCreatedAt,
    identity: articleKey,
    meta: bundle.meta,
    watermarks: zapWatermarks(z, bundle, 'new_article'),
    log: (line) => z.console.log(`New Article: ${line}`),
  });
  const items = articles
    .filter((article) => ['Published', ''].includes(articleStatus(article)))
    .map(flattenArticle);
  return fitResult(items, ['body', 'body_text']);
}) satisfies PollingTriggerPerform<typeof inputFields, ArticleItem>;

export default defineTrigger({
  key: 'new_article',
  noun: 'Article',
  display: {
    label: 'New Article',
    description: 'Triggers when an article is published in your help center (FAQ).',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: articleSample,
    outputFields: articleOutputFields,
  },
});
