import {
  asRecord,
  created,
  invalid,
  isBlank,
  notFound,
  ok,
  paged,
  param,
  wrapped,
  type Reply,
  type Route,
  type RouteContext,
} from '../http';
import { formatInstant } from '../shapes';
import type { Article } from '../help-center';
import type { Store } from '../store';

/**
 * The help center: GET /articles and GET /topics/{slug}/articles (`status` = published | draft | internal, or the integer; `q`;
 * newest first), GET/PUT /articles/{slug}, POST /articles and POST /topics/{slug}/articles with
 * `{"article": {title, body, status}}`, answered with the bare article as a client built from real
 * answers reads it. GET /topics is not on Re:amaze's published pages; the sandbox serves it in the
 * paged envelope the other lists use, so the Topic dropdown can be tried.
 */

const STATUS_WORDS: Record<string, number> = { published: 0, draft: 1, internal: 4 };

function articleShape(store: Store, article: Article): Record<string, unknown> {
  const topic = article.topicSlug ? store.helpCenter.topic(article.topicSlug) : undefined;
  const author = store.staffByEmail(article.authorEmail);
  const address = `https://${store.brand}.reamaze.com/kb/${topic?.slug ?? 'articles'}/${article.slug}`;
  return {
    title: article.title,
    body: article.body,
    slug: article.slug,
    status: article.status,
    created_at: formatInstant(article.createdAt),
    updated_at: formatInstant(article.updatedAt),
    url: address,
    author: { name: author?.name ?? article.authorEmail, email: article.authorEmail },
    embedded_url: `${address}?embedded=1`,
    topic: topic ? { name: topic.name, slug: topic.slug } : null,
  };
}

/** A list of articles (of one topic, or all), filtered by `status` and `q`, newest first. */
function listArticles({ store, query }: RouteContext, topicSlug: string | null): Reply {
  const word = param(query, 'status')?.toLowerCase();
  const status = word === undefined ? undefined : (STATUS_WORDS[word] ?? Number(word));
  const q = param(query, 'q')?.toLowerCase();
  const articles = store.helpCenter.articles
    .filter((a) => topicSlug === null || a.topicSlug === topicSlug)
    .filter((a) => status === undefined || a.status === status)
    .filter((a) => q === undefined || `${a.title} ${a.body}`.toLowerCase().includes(q))
    .sort((a, b) => b.createdAt - a.createdAt);
  return paged(query, 'articles', articles, (a) => articleShape(store, a));
}

function createArticle({ store, body, user }: RouteContext, topicSlug: string | null): Reply {
  const input = wrapped(body, 'article');
  if (!input) return invalid({ article: ['is missing'] });
  const errors: Record<string, string[]> = {};
  if (isBlank(input.title)) errors.title = ["can't be blank"];
  if (isBlank(input.body)) errors.body = ["can't be blank"];
  const status = input.status === undefined ? 0 : input.status;
  if (typeof status !== 'number' || ![0, 1, 2, 4].includes(status)) errors.status = ['is invalid'];
  if (Object.keys(errors).length > 0) return invalid(errors);
  const article = store.helpCenter.addArticle({
    title: String(input.title),
    body: String(input.body),
    status: status as number,
    topicSlug,
    authorEmail: user.email,
  });
  return created(articleShape(store, article));
}

const routes: Route[] = [
  { method: 'GET', path: '/articles', handle: (context) => listArticles(context, null) },
  {
    method: 'GET',
    path: '/topics/:slug/articles',
    handle: (context) =>
      context.store.helpCenter.topic(context.params.slug ?? '')
        ? listArticles(context, context.params.slug ?? '')
        : notFound(),
  },
  {
    method: 'GET',
    path: '/articles/:slug',
    handle: ({ store, params }) => {
      const article = store.helpCenter.article(params.slug ?? '');
      return article ? ok(articleShape(store, article)) : notFound();
    },
  },
  { method: 'POST', path: '/articles', handle: (context) => createArticle(context, null) },
  {
    method: 'POST',
    path: '/topics/:slug/articles',
    handle: (context) => {
      const topic = context.store.helpCenter.topic(context.params.slug ?? '');
      return topic ? createArticle(context, topic.slug) : notFound();
    },
  },
  {
    method: 'PUT',
    path: '/articles/:slug',
    handle: ({ store, params, body }) => {
      const article = store.helpCenter.article(params.slug ?? '');
      if (!article) return notFound();
      const input = wrapped(body, 'article') ?? {};
      const changes = asRecord(input) ?? {};
      if (changes.title !== undefined && isBlank(changes.title))
        return invalid({ title: ["can't be blank"] });
      store.helpCenter.updateArticle(article.slug, {
        ...(typeof changes.title === 'string' ? { title: changes.title } : {}),
        ...(typeof changes.body === 'string' ? { body: changes.body } : {}),
      });
      return ok(articleShape(store, article));
    },
  },
  {
    method: 'GET',
    path: '/topics',
    handle: ({ store, query }) =>
      paged(query, 'topics', store.helpCenter.topics, (topic) => ({ ...topic })),
  },
];

export default routes;
