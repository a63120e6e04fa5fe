import type { Bundle, ZObject } from 'zapier-platform-core';
import { perform as operationPerform } from '../../triggers/article_list';
import { appTester, authData, reamaze, resetNock } from '../helpers';

const perform = operationPerform as unknown as (z: ZObject, bundle: Bundle) => Promise<unknown>;

afterEach(resetNock);

describe('List Articles', () => {
  it('offers every article by slug, with its status in words; one without a slug cannot be chosen', async () => {
    reamaze()
      .get('/api/v1/articles')
      .query({ page: '2' })
      .reply(200, {
        page_count: 3,
        articles: [
          { slug: 'gift-cards', title: 'Gift cards', status: 1 },
          { slug: 'untitled', title: '  ', status: 2 },
          { title: 'Lost', status: 0 },
        ],
      });
    expect(await appTester(perform, { authData, meta: { page: 1 } })).toEqual([
      { id: 'gift-cards', name: 'Gift cards', status: 'Draft' },
      { id: 'untitled', name: 'untitled', status: 'Internal' },
    ]);
  });
});
