import { perform as createArticle } from '../../creates/create_article';
import { perform as updateArticle } from '../../creates/update_article';
import type { Sandbox } from '../../tools/sandbox/server';
import { perform as listArticles } from '../../triggers/article_list';
import { perform as newArticle } from '../../triggers/new_article';
import { perform as listTopics } from '../../triggers/topic_list';
import { failure } from '../helpers';
import { requestLines, run, startE2eSandbox, stopE2eSandbox, type Item } from './helpers';

type Perform = Parameters<typeof run>[0];
const loose = (perform: unknown): Perform => perform as Perform;

let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await startE2eSandbox();
});

afterEach(async () => {
  await stopE2eSandbox(sandbox);
});

describe('Knowledge base against the sandbox', () => {
  it('New Article lists only published articles, newest first, with one request', async () => {
    const items = await run<Item[]>(loose(newArticle));
    expect(requestLines(sandbox)).toEqual(['GET /articles?status=published&page=1']);
    expect(items.map((item) => [item.id, item.status, item.topic_name])).toEqual([
      ['how-do-i-return-an-item', 'Published', 'Returns'],
      ['do-you-ship-to-canada', 'Published', 'Shipping'],
      ['how-long-does-shipping-take', 'Published', 'Shipping'],
    ]);
    expect(items[2]).toMatchObject({
      body_text: 'Orders ship within 2 working days; delivery takes 3–5 more.',
      url: 'https://acme.reamaze.com/kb/shipping/how-long-does-shipping-take',
    });
  });

  it('New Article with a topic reads only that topic’s articles', async () => {
    const items = await run<Item[]>(loose(newArticle), { topic: 'shipping' });
    expect(requestLines(sandbox)).toEqual([
      'GET /topics/shipping/articles?status=published&page=1',
    ]);
    expect(items.map((item) => item.id)).toEqual([
      'do-you-ship-to-canada',
      'how-long-does-shipping-take',
    ]);
    expect(await failure(run(loose(newArticle), { topic: 'nope' }))).toMatchObject({
      code: 'NotFound',
      message: 'No topic "nope" was found on acme.reamaze.io.',
    });
  });

  it('the dropdowns list topics and every article, by slug', async () => {
    const topics = await run<Item[]>(loose(listTopics));
    expect(topics).toEqual([
      { id: 'shipping', name: 'Shipping' },
      { id: 'returns', name: 'Returns' },
      { id: 'warranty', name: 'Warranty' },
    ]);
    const articles = await run<Item[]>(loose(listArticles));
    expect(articles.map((article) => [article.id, article.status])).toEqual([
      ['refund-timing-for-the-team', 'Internal'],
      ['warranty-claims-draft', 'Draft'],
      ['how-do-i-return-an-item', 'Published'],
      ['do-you-ship-to-canada', 'Published'],
      ['how-long-does-shipping-take', 'Published'],
    ]);
  });

  it('Create Article under a topic, published: New Article fires it once on the next poll', async () => {
    const before = new Set((await run<Item[]>(loose(newArticle))).map((item) => item.id));
    sandbox.clearLog();
    const created = await run<Item>(loose(createArticle), {
      title: 'Can I change my order?',
      body: 'Yes, **within an hour** of ordering.',
      topic: 'shipping',
      status: 'published',
    });
    expect(requestLines(sandbox)).toEqual(['POST /topics/shipping/articles']);
    expect(sandbox.requests[0]?.body).toEqual({
      article: {
        title: 'Can I change my order?',
        body: 'Yes, **within an hour** of ordering.',
        status: 0,
      },
    });
    expect(created).toMatchObject({
      id: 'can-i-change-my-order',
      status: 'Published',
      topic_id: 'shipping',
      body_text: 'Yes, within an hour of ordering.',
    });
    const fresh = (await run<Item[]>(loose(newArticle))).filter((item) => !before.has(item.id));
    expect(fresh.map((item) => item.id)).toEqual(['can-i-change-my-order']);
  });

  it('a draft does not fire New Article', async () => {
    await run<Item>(loose(createArticle), { title: 'Gift cards', body: 'Soon.', status: 'draft' });
    expect(sandbox.requests[0]?.path).toBe('/articles');
    const items = await run<Item[]>(loose(newArticle));
    expect(items.map((item) => item.id)).not.toContain('gift-cards');
  });

  it('Update Article changes only the title; the text stays', async () => {
    const slug = 'how-long-does-shipping-take';
    const updated = await run<Item>(loose(updateArticle), {
      article: slug,
      title: 'How long does delivery take?',
      body: '',
    });
    expect(requestLines(sandbox)).toEqual([`PUT /articles/${slug}`]);
    expect(sandbox.requests[0]?.body).toEqual({
      article: { title: 'How long does delivery take?' },
    });
    expect(updated).toMatchObject({ id: slug, title: 'How long does delivery take?' });
    expect(sandbox.store.helpCenter.article(slug)?.body).toContain('2 working days');
  });

  it('an unknown topic or article is named in the error', async () => {
    expect(
      await failure(
        run(loose(createArticle), { title: 'x', body: 'y', topic: 'nope', status: 'draft' }),
      ),
    ).toEqual({
      name: 'AppError',
      code: 'NotFound',
      status: 404,
      message: 'No topic "nope" was found on acme.reamaze.io.',
    });
    expect(await failure(run(loose(updateArticle), { article: 'gone', title: 'x' }))).toMatchObject(
      { message: 'No article "gone" was found on acme.reamaze.io.' },
    );
  });
});
