import type { Bundle, ZObject } from 'zapier-platform-core';
import { perform as operationPerform } from '../../triggers/new_satisfaction_rating';
import { appTester, authData, failure, reamaze, resetNock } from '../helpers';

const perform = operationPerform as unknown as (z: ZObject, bundle: Bundle) => Promise<Item[]>;
type Item = Record<string, unknown>;
const run = (inputData: Record<string, unknown> = {}) =>
  appTester(perform, { authData, inputData, meta: {} });

const PATH = '/api/v1/satisfaction_ratings';
const NOW = Date.parse('2026-03-09T16:00:00.000Z');
const MINUTE = 60_000;

/** A rating as the API lists it (documented keys), created `minutesAgo` before NOW. */
function rating(id: number, value: number, minutesAgo: number, comment: string | null = null) {
  return {
    id: String(id),
    rating: value,
    comment,
    user_id: '7310002',
    assignee_id: '40002',
    conversation_id: '880014',
    created_at: new Date(NOW - minutesAgo * MINUTE).toISOString(),
    updated_at: new Date(NOW - minutesAgo * MINUTE).toISOString(),
  };
}

const page = (items: unknown[], pageCount = 1) => ({
  page_size: 30,
  page_count: pageCount,
  total_count: items.length,
  satisfaction_ratings: items,
});

beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => {
  jest.restoreAllMocks();
  resetNock();
});

describe('New Satisfaction Rating: polling', () => {
  it('outputs each rating flat, with its label and links built from the ids', async () => {
    const scope = reamaze()
      .get(PATH)
      .query({ page: '1' })
      .reply(200, page([rating(457, 2, 3, 'Still waiting for the pole.'), rating(456, 5, 20)]));
    const items = await run();
    expect(scope.isDone()).toBe(true);
    expect(items).toEqual([
      {
        id: '457',
        rating: 2,
        rating_label: 'Dissatisfied',
        comment: 'Still waiting for the pole.',
        customer_id: '7310002',
        customer_url: 'https://acme.reamaze.io/admin/users/7310002',
        staff_id: '40002',
        conversation_id: '880014',
        conversation_url: 'https://acme.reamaze.io/admin/conversations/880014',
        created_at: '2026-03-09T15:57:00.000Z',
      },
      expect.objectContaining({
        id: '456',
        rating: 5,
        rating_label: 'Very Satisfied',
        comment: '',
      }),
    ]);
  });

  it('passes one chosen rating to the API, and still filters what comes back', async () => {
    const scope = reamaze()
      .get(PATH)
      .query({ rating: '1', page: '1' })
      // An API that ignored `rating` must not make the 4 fire.
      .reply(200, page([rating(460, 4, 1), rating(459, 1, 2)]));
    expect((await run({ ratings: ['1'] })).map((item) => item.id)).toEqual(['459']);
    expect(scope.isDone()).toBe(true);
  });

  it('filters several chosen ratings here (the API takes one), labels mapped from a step count too', async () => {
    const scope = reamaze()
      .get(PATH)
      .query({ page: '1' })
      .reply(
        200,
        page([rating(463, 5, 1), rating(462, 2, 2), rating(461, 1, 3), rating(460, 3, 4)]),
      );
    const items = await run({ ratings: ['1', ' dissatisfied ', ''] });
    expect(items.map((item) => [item.id, item.rating])).toEqual([
      ['462', 2],
      ['461', 1],
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('refuses a rating that is not one of the five, before any request', async () => {
    expect(await failure(run({ ratings: ['6'] }))).toEqual({
      name: 'HaltedError',
      message:
        'Only Ratings of "6" is not a rating: choose from 1 (Very Dissatisfied) to 5 (Very Satisfied), or leave it empty.',
    });
  });

  it('pages while the ratings are inside the look-back, and leaves out ratings without an id', async () => {
    const first = Array.from({ length: 30 }, (_, i) => rating(600 - i, 4, i));
    const second = [rating(570, 3, 40), { ...rating(0, 3, 41), id: null }, rating(568, 2, 200)];
    const scope = reamaze()
      .get(PATH)
      .query({ page: '1' })
      .reply(200, page(first, 2))
      .get(PATH)
      .query({ page: '2' })
      .reply(200, page(second, 2));
    const items = await run();
    expect(items).toHaveLength(31);
    expect(items.at(-1)?.id).toBe('570');
    expect(scope.isDone()).toBe(true);
  });

  it('refuses a first page that runs oldest first, where new ratings would never appear', async () => {
    const oldestFirst = Array.from({ length: 30 }, (_, i) => rating(100 + i, 4, 3000 - i));
    reamaze().get(PATH).query({ page: '1' }).reply(200, page(oldestFirst, 3));
    expect(await failure(run())).toEqual({
      name: 'AppError',
      code: 'UnexpectedOrder',
      status: 502,
      message:
        'Re:amaze listed satisfaction ratings oldest first, so new ratings cannot be found on the first page. Contact the integration’s support.',
    });
  });

  it('never throws on odd items: unknown ratings have no label, missing ids no links', async () => {
    reamaze()
      .get(PATH)
      .query(true)
      .reply(200, page([{ id: 9, rating: 'great', user_id: null, conversation_id: {} }]));
    expect(await run()).toEqual([
      {
        id: '9',
        rating: null,
        rating_label: '',
        comment: '',
        customer_id: '',
        customer_url: '',
        staff_id: '',
        conversation_id: '',
        conversation_url: '',
        created_at: '',
      },
    ]);
  });
});
