import type { Bundle, ZObject } from 'zapier-platform-core';
import newArticle, { perform as operationPerform } from '../../triggers/new_article';
import { articleSample } from '../../lib/records/article';
import { appTester, authData, failure, reamaze, resetNock } from '../helpers';

type Item = Record<string, unknown>;
const perform = operationPerform as unknown as (z: ZObject, bundle: Bundle) => Promise<Item[]>;
const run = (inputData: Item = {}) => appTester(perform, { authData, inputData, meta: {} });

const article = (slug: string, createdAt: string, status: unknown = 0) => ({
  slug,
  title: slug,
  status,
  created_at: createdAt,
});
const page = (articles: unknown[], pageCount = 1) => ({
  page_size: 30,
  page_count: pageCount,
  total_count: articles.length,
  articles,
});

afterEach(resetNock);

describe('New Article', () => {
  it('is a polling trigger on the slug, with the flattener’s sample', () => {
    expect(newArticle.display.description).toBe(
      'Triggers when an article is published in your help center (FAQ).',
    );
    expect(newArticle.operation.sample).toBe(articleSample);
  });

  it('asks for published articles and puts the page newest first, offsets normalised', async () => {
    reamaze()
      .get('/api/v1/articles')
      .query({ status: 'published', page: '1' })
      .reply(
        200,
        page([
          article('older', '2026-03-09T10:00:00.000-07:00'),
          article('newer', '2026-03-09T18:30:00.000+01:00'),
        ]),
      );
    expect((await run()).map((item) => item.id)).toEqual(['newer', 'older']);
  });

  it('leaves out drafts and internal articles even if the filter was ignored', async () => {
    reamaze()
      .get('/api/v1/articles')
      .query(true)
      .reply(
        200,
        page([
          article('a', '2026-03-09T10:03:00Z', 0),
          article('b', '2026-03-09T10:02:00Z', 1),
          article('c', '2026-03-09T10:01:00Z', 4),
          article('d', '2026-03-09T10:00:00Z', 'published'),
          article('e', '2026-03-09T09:59:00Z', null),
        ]),
      );
    expect((await run()).map((item) => item.id)).toEqual(['a', 'd', 'e']);
  });

  it('refuses a topic that could not be one before any request, naming the filter', async () => {
    expect(await failure(run({ topic: 'a/../b' }))).toEqual({
      name: 'HaltedError',
      message:
        'Only in Topic "a/../b" is not a topic. Choose one from the list, or type the topic\'s slug: the part after /kb/ in its help-center address, for example "returns".',
    });
  });

  it('refuses a first page listed oldest first when there are more pages (new articles would be on the last)', async () => {
    reamaze()
      .get('/api/v1/articles')
      .query(true)
      .reply(
        200,
        page(
          [article('first', '2024-01-01T00:00:00Z'), article('second', '2024-02-01T00:00:00Z')],
          5,
        ),
      );
    expect(await failure(run())).toEqual({
      name: 'AppError',
      code: 'UnexpectedOrder',
      status: 502,
      message:
        'Re:amaze listed articles oldest first, so new articles cannot be found on the first page. Contact the integration’s support.',
    });
  });
});
