import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import {
  perform as operationPerform,
  REPORTS_PERMISSION,
} from '../../triggers/new_satisfaction_rating';
import { readRatedConversations } from '../../lib/records/satisfaction-rating';
import { liveConversation } from '../fixtures/conversation-samples';
import { appTester, authData, failure, reamaze, resetNock } from '../helpers';

const perform = operationPerform as unknown as (z: ZObject, bundle: Bundle) => Promise<Item[]>;
type Item = Record<string, unknown>;
const run = (inputData: Record<string, unknown> = {}, meta: Record<string, unknown> = {}) =>
  appTester(perform, { authData, inputData, meta });

const PATH = '/api/v1/satisfaction_ratings';
const NOW = Date.parse('2026-03-09T16:00:00.000Z');
const MINUTE = 60_000;

/** A rating as the API lists it (documented keys), given `minutesAgo` before NOW. */
function rating(
  id: number,
  value: number,
  minutesAgo: number,
  comment: string | null = null,
  conversation = '880014',
) {
  return {
    id: String(id),
    rating: value,
    comment,
    user_id: '7310002',
    assignee_id: '40002',
    conversation_id: conversation,
    created_at: new Date(NOW - minutesAgo * MINUTE).toISOString(),
    updated_at: new Date(NOW - minutesAgo * MINUTE).toISOString(),
  };
}

/** The documented `updated_after` window every live poll sends: the last hour. */
const WINDOW = { updated_after: '2026-03-09T15:00:00.000Z' };

/** GET /conversations/{database id} answers with the conversation (slug, subject, people). */
const CONVERSATION = liveConversation({
  assignee: { name: 'Jonas Weber', email: 'jonas.weber@acme.example' },
});
const lookup = (id = '880014', answer: unknown = CONVERSATION, status = 200) =>
  reamaze()
    .get(`/api/v1/conversations/${id}`)
    .reply(status, answer as Record<string, unknown>);

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
  it('lists the last hour by the documented filter, reads each new rating’s conversation once, and outputs it flat with its context', async () => {
    const scope = reamaze()
      .get(PATH)
      .query({ ...WINDOW, page: '1' })
      .reply(200, page([rating(457, 2, 3, 'Still waiting for the parcel.'), rating(456, 5, 20)]));
    const read = lookup(); // both ratings are on one conversation: one request
    const items = await run();
    expect(scope.isDone() && read.isDone()).toBe(true);
    expect(items).toEqual([
      {
        id: '457',
        rating: 2,
        rating_label: 'Dissatisfied',
        comment: 'Still waiting for the parcel.',
        conversation_id: 'where-is-my-order-4471',
        conversation_subject: 'Where is my order #4471?',
        conversation_url: 'https://acme.reamaze.io/admin/conversations/where-is-my-order-4471',
        customer_name: 'Maya Lindqvist',
        customer_first_name: 'Maya',
        customer_last_name: 'Lindqvist',
        customer_email: 'maya.lindqvist@example.com',
        customer_id: '7310002',
        customer_url: 'https://acme.reamaze.io/admin/users/7310002',
        assignee_name: 'Jonas Weber',
        assignee_email: 'jonas.weber@acme.example',
        created_at: '2026-03-09T15:57:00.000Z',
      },
      expect.objectContaining({
        id: '456',
        rating: 5,
        rating_label: 'Very Satisfied',
        conversation_id: 'where-is-my-order-4471',
      }),
    ]);
  });

  it('passes one chosen rating to the API, and still filters what comes back', async () => {
    const scope = reamaze()
      .get(PATH)
      .query({ ...WINDOW, rating: '1', page: '1' })
      // An API that ignored `rating` must not make the 4 fire (nor cost a lookup).
      .reply(200, page([rating(460, 4, 1, null, '1'), rating(459, 1, 2)]));
    lookup();
    expect((await run({ ratings: ['1'] })).map((item) => item.id)).toEqual(['459']);
    expect(scope.isDone()).toBe(true);
  });

  it('filters several chosen ratings here (the API takes one), labels mapped from a step count too', async () => {
    reamaze()
      .get(PATH)
      .query({ ...WINDOW, page: '1' })
      .reply(
        200,
        page([rating(463, 5, 1), rating(462, 2, 2), rating(461, 1, 3), rating(460, 3, 4)]),
      );
    lookup();
    const items = await run({ ratings: ['1', ' dissatisfied ', ''] });
    expect(items.map((item) => [item.id, item.rating])).toEqual([
      ['462', 2],
      ['461', 1],
    ]);
  });

  it('refuses a rating that is not one of the five, before any request', async () => {
    expect(await failure(run({ ratings: ['6'] }))).toEqual({
      name: 'HaltedError',
      message:
        'Only Ratings of "6" is not a rating: choose from 1 (Very Dissatisfied) to 5 (Very Satisfied), or leave it empty.',
    });
  });

  it('a rating revised into the filter (5 → 1, same id) fires once, with its new value, however old the rating', async () => {
    for (const createdDaysAgo of [0, 1, 30]) {
      const revised = {
        ...rating(470, 1, 2),
        created_at: new Date(NOW - createdDaysAgo * 24 * 60 * MINUTE - 50 * MINUTE).toISOString(),
      };
      reamaze()
        .get(PATH)
        .query({ ...WINDOW, rating: '1', page: '1' })
        .reply(200, page([revised]));
      lookup();
      expect((await run({ ratings: ['1'] })).map((item) => [item.id, item.rating])).toEqual([
        ['470', 1],
      ]);
    }
  });

  it('leaves out what the API should have filtered: ratings last changed before the hour', async () => {
    reamaze()
      .get(PATH)
      .query(true)
      .reply(200, page([rating(480, 3, 5), rating(479, 1, 61)]));
    lookup();
    expect((await run()).map((item) => item.id)).toEqual(['480']);
  });

  it('with the Zap’s watermarks, reads no conversation for ratings an earlier poll returned', async () => {
    const meta = { zap: { id: 'ratings-1' } };
    const list = (items: unknown[]) =>
      reamaze()
        .get(PATH)
        .query({ ...WINDOW, page: '1' })
        .reply(200, page(items));
    list([rating(501, 4, 10, null, '11'), rating(500, 5, 20, null, '10')]);
    const first = [lookup('11'), lookup('10')];
    expect((await run({}, meta)).map((item) => item.conversation_id)).toEqual([
      'where-is-my-order-4471',
      'where-is-my-order-4471',
    ]);
    expect(first.every((scope) => scope.isDone())).toBe(true);

    // A minute later: one new rating; the two returned before are not looked up again.
    list([
      rating(502, 2, 1, null, '12'),
      rating(501, 4, 10, null, '11'),
      rating(500, 5, 20, null, '10'),
    ]);
    const second = lookup('12');
    const items = await run({}, meta);
    expect(second.isDone()).toBe(true);
    expect(items.map((item) => [item.id, item.conversation_id])).toEqual([
      ['502', 'where-is-my-order-4471'],
      ['501', ''], // Zapier has it already and drops it
      ['500', ''],
    ]);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('the dedupe seed reads no conversation: its ratings never fire', async () => {
    reamaze()
      .get(PATH)
      .query({ ...WINDOW, page: '1' })
      .reply(200, page([rating(510, 4, 1)]));
    expect((await run({}, { isPopulatingDedupe: true, zap: { id: 'seed' } }))[0]).toMatchObject({
      id: '510',
      conversation_id: '',
    });
  });

  it('the editor’s test shows the latest ratings, however old (no window)', async () => {
    reamaze()
      .get(PATH)
      .query({ page: '1' })
      .reply(200, page([rating(520, 4, 600)]));
    lookup();
    expect((await run({}, { isLoadingSample: true })).map((item) => item.id)).toEqual(['520']);
  });

  it('a conversation Re:amaze no longer has, or a lookup that fails for now, leaves the rating without context; it still fires', async () => {
    reamaze()
      .get(PATH)
      .query(true)
      .reply(200, page([rating(531, 1, 1, null, '21'), rating(530, 2, 2, null, '20')]));
    lookup('21', { error: 'Not Found' }, 404);
    lookup('20', 'busy', 503);
    const items = await run();
    expect(items.map((item) => [item.id, item.conversation_id, item.conversation_url])).toEqual([
      ['531', '', ''],
      ['530', '', ''],
    ]);
  });

  it('a lookup refused for the login fails the poll, as the list would', async () => {
    reamaze()
      .get(PATH)
      .query(true)
      .reply(200, page([rating(540, 1, 1)]));
    lookup('880014', {}, 401);
    expect((await failure(run())).name).toBe('ExpiredAuthError');
  });

  it('refuses a first page that runs oldest first, where new ratings would never appear', async () => {
    const oldestFirst = Array.from({ length: 30 }, (_, i) => rating(100 + i, 4, 3000 - i));
    reamaze().get(PATH).query(true).reply(200, page(oldestFirst, 3));
    expect(await failure(run())).toEqual({
      name: 'AppError',
      code: 'UnexpectedOrder',
      status: 502,
      message:
        'Re:amaze listed satisfaction ratings oldest first, so new ratings cannot be found on the first page. Contact the integration’s support.',
    });
  });

  it('never throws on odd items: unknown ratings have no label, missing ids no links and no lookup', async () => {
    reamaze()
      .get(PATH)
      .query(true)
      .reply(
        200,
        page([
          {
            id: 9,
            rating: 'great',
            user_id: null,
            conversation_id: {},
            updated_at: '2026-03-09T15:59:00Z',
          },
        ]),
      );
    expect(await run()).toEqual([
      {
        id: '9',
        rating: null,
        rating_label: '',
        comment: '',
        conversation_id: '',
        conversation_subject: '',
        conversation_url: '',
        customer_name: '',
        customer_first_name: '',
        customer_last_name: '',
        customer_email: '',
        customer_id: '',
        customer_url: '',
        assignee_name: '',
        assignee_email: '',
        created_at: '',
      },
    ]);
  });
});

describe('New Satisfaction Rating: conversation lookups', () => {
  it('start nothing once the poll’s time is used, and say how many were left', async () => {
    const z = {} as ZObject; // never reached: no time is left
    const result = await readRatedConversations(
      z,
      { authData } as unknown as Bundle,
      ['1', '2', '1'],
      5_000,
      () => 4_000,
    );
    expect([...result.found.keys(), result.skipped]).toEqual([2]);
  });
});

describe('New Satisfaction Rating: errors', () => {
  it('a 403 naming reports asks for the Reports permission and who grants it, not "reconnect"', async () => {
    reamaze().get(PATH).query(true).reply(403, { error: 'You are not allowed to access reports' });
    expect(await failure(run())).toEqual({
      name: 'AppError',
      code: 'PermissionDenied',
      status: 403,
      message: `Re:amaze refused this on acme.reamaze.io (HTTP 403 Forbidden): ${REPORTS_PERMISSION}`,
    });
    expect(REPORTS_PERMISSION).toContain('account owner or admin');
  });

  it('an empty 403, which a wrong token gets too, names both causes', async () => {
    reamaze().get(PATH).query(true).reply(403, '');
    expect(await failure(run())).toEqual({
      name: 'AppError',
      code: 'PermissionDenied',
      status: 403,
      message: `Re:amaze refused this on acme.reamaze.io (HTTP 403 Forbidden) without saying why. Either ${REPORTS_PERMISSION} Or the login email or API token is not accepted: then reconnect your Re:amaze account in Zapier with your login email and a current API token (Re:amaze → Settings → API Token).`,
    });
  });

  it('a 403 about the login still asks to reconnect', async () => {
    reamaze().get(PATH).query(true).reply(403, { error: 'Invalid login email or API token' });
    expect((await failure(run())).name).toBe('ExpiredAuthError');
  });
});
