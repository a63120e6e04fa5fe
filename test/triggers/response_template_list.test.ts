import type { Bundle, ZObject } from 'zapier-platform-core';
import { perform as operationPerform } from '../../triggers/response_template_list';
import { appTester, authData, reamaze, resetNock } from '../helpers';

const perform = operationPerform as unknown as (z: ZObject, bundle: Bundle) => Promise<unknown[]>;
const list = (page?: number) =>
  appTester(perform, { authData, inputData: {}, meta: page === undefined ? {} : { page } });

const PATH = '/api/v1/response_templates';

afterEach(resetNock);

describe('Response Template dropdown', () => {
  const templates = (from: number, count: number, group = 'Shipping') =>
    Array.from({ length: count }, (_, i) => ({
      id: from + i,
      name: `Template ${from + i}`,
      body: 'x',
      response_template_group: { id: 71, name: group },
    }));

  it('reads the next page while a page is full (the documented answer has no counters), all on Zapier’s first page', async () => {
    const scope = reamaze()
      .get(PATH)
      .query({ page: '1' })
      .reply(200, { response_templates: templates(1000, 30) })
      .get(PATH)
      .query({ page: '2' })
      .reply(200, {
        response_templates: [
          {
            id: 3102,
            name: 'Delivery delayed',
            body: 'x',
            response_template_group: { name: 'Shipping' },
          },
          { id: 3106, name: '', body: 'Happy trails' },
          { name: 'No id' },
        ],
      });
    const choices = (await list(0)) as { id: string; name: string; group_name: string }[];
    expect(choices).toHaveLength(32);
    expect(choices.slice(30)).toEqual([
      { id: '3102', name: 'Delivery delayed', group_name: 'Shipping' },
      { id: '3106', name: 'Template 3106', group_name: '' },
    ]);
    expect(scope.isDone()).toBe(true);
    expect(await list(1)).toEqual([]); // "load more" has nothing left: no request
  });

  it('stops when a page adds no template (a server that ignores `page` repeats the first)', async () => {
    const scope = reamaze()
      .get(PATH)
      .query({ page: '1' })
      .reply(200, { response_templates: templates(1000, 30) })
      .get(PATH)
      .query({ page: '2' })
      .reply(200, { response_templates: templates(1000, 30) });
    expect(await list(0)).toHaveLength(30);
    expect(scope.isDone()).toBe(true);
  });

  it('tells apart templates of the same name by their group, then their ID', async () => {
    reamaze()
      .get(PATH)
      .query({ page: '1' })
      .reply(200, {
        response_templates: [
          { id: 1, name: 'Refund', body: 'x', response_template_group: { name: 'Shop' } },
          { id: 2, name: 'Refund', body: 'y', response_template_group: { name: 'Wholesale' } },
          { id: 3, name: 'Thanks', body: 'z' },
          { id: 4, name: 'Thanks', body: 'w' },
        ],
      });
    expect(((await list(0)) as { name: string }[]).map((choice) => choice.name)).toEqual([
      'Refund (Shop)',
      'Refund (Wholesale)',
      'Thanks #3',
      'Thanks #4',
    ]);
  });
});
