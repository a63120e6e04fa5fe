import type { PlainOutputField } from 'zapier-platform-core';
import { dateTimeField, parseInstant, record, stringField } from '../http/api-values';
import { toPlainText } from '../text/plain-text';
import { lazySample } from './lazy-sample';

/**
 * A help-center (FAQ) article as every article operation outputs it. Documented list item keys
 * (https://www.reamaze.com/api/get_articles, and clients built from real answers): `title`, `body`,
 * `slug`, `status` (integer), `created_at`, `updated_at`, `url`, `author{name, email}`,
 * `topic{name, slug}`. No `id` is shown anywhere: the slug names an article, in the list and in
 * `PUT /articles/{slug}`.
 */

/**
 * Article `status`. Sources agree on 0 Published and 1 Draft; internal articles are 2 in one client
 * and 4 in two others, so both read as Internal. The words (`published`, …) are the list filter's
 * and are read too, in case an answer carries them instead of the integer.
 */
export const ARTICLE_STATUSES: Readonly<Record<string, string>> = {
  '0': 'Published',
  '1': 'Draft',
  '2': 'Internal',
  '4': 'Internal',
  published: 'Published',
  draft: 'Draft',
  internal: 'Internal',
};

/** The status a create may set, as Re:amaze's integer (0 and 1 are the codes every source agrees on). */
export const SETTABLE_ARTICLE_STATUSES = { published: 'Published', draft: 'Draft' } as const;
export const ARTICLE_STATUS_CODES: Readonly<
  Record<keyof typeof SETTABLE_ARTICLE_STATUSES, number>
> = { published: 0, draft: 1 };

export type ArticleItem = {
  [key: string]: unknown;
  /** The slug: what Zapier deduplicates on and what Update Article takes. */
  id: string;
  title: string;
  status: string;
  topic_name: string;
  topic_id: string;
  author_name: string;
  url: string;
  body_text: string;
  body: string;
  created_at: string | null;
  updated_at: string | null;
};

/** The status's word, `Unknown (code N)` for a code added later, empty when none is sent. */
export function articleStatus(article: Record<string, unknown>): string {
  const code = stringField(article.status).trim().toLowerCase();
  if (code === '') return '';
  return ARTICLE_STATUSES[code] ?? `Unknown (code ${code})`;
}

/** The article's identity: its slug, trimmed; undefined without one (it could not be named). */
export function articleKey(article: Record<string, unknown>): string | undefined {
  return stringField(article.slug).trim() || undefined;
}

export function articleCreatedAt(article: Record<string, unknown>): number | undefined {
  return parseInstant(article.created_at);
}

/** Flattens one article from any article endpoint. Never throws on an odd body. */
export function flattenArticle(article: Record<string, unknown>): ArticleItem {
  const topic = record(article.topic);
  const author = record(article.author);
  return {
    id: articleKey(article) ?? '',
    title: stringField(article.title),
    status: articleStatus(article),
    topic_name: stringField(topic.name) || stringField(topic.title),
    topic_id: stringField(topic.slug),
    author_name: stringField(author.name) || stringField(author.display_name),
    url: stringField(article.url),
    body_text: toPlainText(article.body),
    body: stringField(article.body),
    created_at: dateTimeField(article.created_at),
    updated_at: dateTimeField(article.updated_at),
  };
}

export const articleOutputFields: PlainOutputField[] = [
  { key: 'id', label: 'Article ID (Slug)', required: true },
  { key: 'title', label: 'Title' },
  { key: 'status', label: 'Status' },
  { key: 'topic_name', label: 'Topic' },
  { key: 'topic_id', label: 'Topic ID (Slug)' },
  { key: 'author_name', label: 'Author Name' },
  { key: 'url', label: 'Article Link' },
  { key: 'body_text', label: 'Article Text (Plain)' },
  { key: 'body', label: 'Article Body (HTML or Markdown)' },
  { key: 'created_at', label: 'Date Created', type: 'datetime' },
  { key: 'updated_at', label: 'Date Updated', type: 'datetime' },
];

/** What `promisedRecord` expects of an article answer, bare or under `article`. */
export const ARTICLE_RECORD = { key: 'article', ids: ['slug'], noun: 'article' };

/** One article as `GET /articles` lists it (the documented keys). */
export const API_ARTICLE_SAMPLE = {
  title: 'How do I return an item?',
  body: '<p>Start a return from <a href="https://acme.example/returns">your orders page</a> within 30 days. We email a prepaid label.</p>',
  slug: 'how-do-i-return-an-item',
  status: 0,
  created_at: '2026-03-09T09:12:44.210-07:00',
  updated_at: '2026-03-09T09:40:02.655-07:00',
  url: 'https://acme.reamaze.com/kb/returns/how-do-i-return-an-item',
  author: { name: 'Priya Raman', email: 'priya@acme.example' },
  embedded_url: 'https://acme.reamaze.com/kb/returns/how-do-i-return-an-item?embedded=1',
  topic: { name: 'Returns', slug: 'returns' },
};

export const articleSample: ArticleItem = lazySample(() => flattenArticle(API_ARTICLE_SAMPLE));
