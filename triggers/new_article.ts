import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { getPage } from '../lib/http/client';
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
import { zapWatermarks } from '../lib/polling/zap-state';

/**
 * Polls `GET /articles?status=published` under the shared burst rule of lib/polling/paging.ts with
 * this Zap's watermarks (docs/polling.md); Zapier deduplicates on the slug. The list's order is
 * not documented: each page is put newest first by `created_at` here, and a first page listed
 * oldest first is refused. Only published articles are returned, whatever the filter did.
 */
export const perform = (async (z, bundle) => {
  const articles = await pollNewestFirst({
    fetchPage: async (page, timeoutMs) => {
      const result = await getPage(
        z,
        bundle,
        '/articles',
        'articles',
        { status: 'published', page },
        { timeoutMs },
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
  return articles
    .filter((article) => ['Published', ''].includes(articleStatus(article)))
    .map(flattenArticle);
}) satisfies PollingTriggerPerform<Record<string, never>, ArticleItem>;

export default defineTrigger({
  key: 'new_article',
  noun: 'Article',
  display: {
    label: 'New Article',
    description: 'Triggers when an article is published in your help center (FAQ).',
  },
  operation: {
    type: 'polling',
    perform,
    sample: articleSample,
    outputFields: articleOutputFields,
  },
});
