import type { Bundle, ZObject } from 'zapier-platform-core';
import { perform as operationPerform } from '../../searches/find_response_template';
import { appTester, authData, failure, reamaze, resetNock } from '../helpers';

const perform = operationPerform as unknown as (z: ZObject, bundle: Bundle) => Promise<unknown[]>;
const find = (inputData: Record<string, unknown>) => appTester(perform, { authData, inputData });

const PATH = '/api/v1/response_templates';

const listed = (templates: unknown[]) => ({
  page_size: 30,
  page_count: 1,
  total_count: templates.length,
  response_templates: templates,
});

afterEach(resetNock);

describe('Find Response Template', () => {
  it('searches with q and puts the template named exactly as searched first', async () => {
    const scope = reamaze()
      .get(PATH)
      .query({ q: 'Return label', page: '1' })
      .reply(
        200,
        listed([
          {
            id: 3110,
            name: 'Return label (EU)',
            body: 'EU label',
            response_template_group: null,
            is_personal: 1,
          },
          {
            id: 3103,
            name: 'Return label',
            body: 'Here is your prepaid return label.',
            response_template_group: { id: 72, name: 'Returns' },
          },
          { name: 'No id', body: 'cannot be used' },
        ]),
      );
    expect(await find({ query: '  Return label ' })).toEqual([
      {
        id: '3103',
        name: 'Return label',
        body: 'Here is your prepaid return label.',
        group_name: 'Returns',
      },
      { id: '3110', name: 'Return label (EU)', body: 'EU label', group_name: '' },
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('finds nothing as an empty list, so a later step can branch on it', async () => {
    reamaze().get(PATH).query({ q: 'gift card', page: '1' }).reply(200, listed([]));
    expect(await find({ query: 'gift card' })).toEqual([]);
  });

  it('refuses an empty search before any request', async () => {
    expect(await failure(find({ query: ' ' }))).toEqual({
      name: 'HaltedError',
      message: 'Name or Text is required: map a value to it or type one in.',
    });
  });
});
