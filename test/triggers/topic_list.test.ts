import type { Bundle, ZObject } from 'zapier-platform-core';
import { perform as operationPerform } from '../../triggers/topic_list';
import { appTester, authData, reamaze, resetNock } from '../helpers';

const perform = operationPerform as unknown as (z: ZObject, bundle: Bundle) => Promise<unknown>;
const run = (page = 0) => appTester(perform, { authData, meta: { page } });

afterEach(resetNock);

describe('List Topics (GET /topics is not documented: every plausible answer is read)', () => {
  it('reads the paged envelope, named by slug, a topic without a name by its slug', async () => {
    reamaze()
      .get('/api/v1/topics')
      .query({ page: '1' })
      .reply(200, {
        page_count: 1,
        topics: [{ slug: 'returns', name: 'Returns' }, { slug: 'faq' }, { name: 'No slug' }],
      });
    expect(await run()).toEqual([
      { id: 'returns', name: 'Returns' },
      { id: 'faq', name: 'faq' },
    ]);
  });

  it('reads a bare array, and gives no second page of it', async () => {
    reamaze()
      .get('/api/v1/topics')
      .query(true)
      .twice()
      .reply(200, [{ slug: 'shipping', title: 'Shipping' }]);
    expect(await run()).toEqual([{ id: 'shipping', name: 'Shipping' }]);
    expect(await run(1)).toEqual([]);
  });

  it('a 404 (the brand’s API does not list topics) is an empty dropdown, not an error', async () => {
    reamaze().get('/api/v1/topics').query(true).reply(404, { error: 'Not Found' });
    expect(await run()).toEqual([]);
  });
});
