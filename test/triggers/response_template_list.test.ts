import type { Bundle, ZObject } from 'zapier-platform-core';
import { perform as operationPerform } from '../../triggers/response_template_list';
import { appTester, authData, reamaze, resetNock } from '../helpers';

const perform = operationPerform as unknown as (z: ZObject, bundle: Bundle) => Promise<unknown[]>;
const list = (page?: number) =>
  appTester(perform, { authData, inputData: {}, meta: page === undefined ? {} : { page } });

const PATH = '/api/v1/response_templates';

afterEach(resetNock);

describe('Response Template dropdown', () => {
  it("lists each page's templates by ID and name; Zapier's page 0 is Re:amaze's page 1", async () => {
    const scope = reamaze()
      .get(PATH)
      .query({ page: '1' })
      .reply(200, {
        page_size: 30,
        page_count: 2,
        total_count: 31,
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
      })
      .get(PATH)
      .query({ page: '3' })
      .reply(200, { page_size: 30, page_count: 2, total_count: 31, response_templates: [] });
    expect(await list(0)).toEqual([
      { id: '3102', name: 'Delivery delayed', group_name: 'Shipping' },
      { id: '3106', name: 'Template 3106', group_name: '' },
    ]);
    expect(await list(2)).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });
});
