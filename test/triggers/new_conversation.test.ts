import newConversation, { perform } from '../../triggers/new_conversation';
import { DEFAULT_HORIZON_MS } from '../../lib/polling/paging';
import { conversationSample } from '../../lib/records/conversation';
import { API_CONVERSATION_SAMPLE } from '../../lib/records/conversation.sample';
import {
  LIVE_CONVERSATION_ITEM,
  conversationsPage,
  liveConversation,
} from '../fixtures/conversation-samples';
import { appTester, authData, failure, reamaze, resetNock } from '../helpers';

const NOW = Date.parse('2026-03-09T20:00:00.000Z');
const MINUTE = 60_000;

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
});
afterEach(() => {
  jest.restoreAllMocks();
  resetNock();
});

type Item = Record<string, unknown> & { id: string };

const poll = (inputData: Record<string, unknown> = {}, meta: Record<string, unknown> = {}) =>
  appTester(perform, { authData, inputData, meta }) as Promise<Item[]>;

/** A conversation started `minutesAgo` before the poll, rendered with the given UTC offset. */
function startedAgo(slug: string, minutesAgo: number, offset: 'Z' | '-05:00' = 'Z') {
  const at = NOW - minutesAgo * MINUTE;
  const created_at =
    offset === 'Z'
      ? new Date(at).toISOString()
      : `${new Date(at - 5 * 60 * MINUTE).toISOString().slice(0, -1)}-05:00`;
  return liveConversation({ slug, subject: `Subject ${slug}`, created_at });
}

/** `count` conversations, the first `minutesAgo` old and each next one a minute older. */
function run(prefix: string, count: number, minutesAgo: number) {
  return Array.from({ length: count }, (_, i) => startedAgo(`${prefix}-${i}`, minutesAgo + i));
}

describe('new_conversation: the request', () => {
  it('asks for Re:amaze’s default list and order: no filter, no sort, page 1', async () => {
    const scope = reamaze()
      .get('/api/v1/conversations')
      .query({ page: '1' })
      .reply(200, conversationsPage([startedAgo('a', 3)]));
    const items = await poll({ channel: '', status_group: '', tags: [] });
    expect(items.map((i) => i.id)).toEqual(['a']);
    expect(scope.isDone()).toBe(true);
  });

  it('keeps only conversations in the chosen statuses (groups too), matched here: the list has no such filter', async () => {
    const scope = reamaze()
      .get('/api/v1/conversations')
      .query({ page: '1' })
      .reply(
        200,
        conversationsPage([
          { ...startedAgo('open', 1), status: 0 },
          { ...startedAgo('bot-closed', 2), status: 8 },
          { ...startedAgo('held', 3), status: 5 },
          { ...startedAgo('no-status', 4), status: null },
        ]),
      );
    const items = await poll({ status: ['not_done'] });
    expect(items.map((i) => i.id)).toEqual(['open', 'held']);
    expect(scope.isDone()).toBe(true);
    expect(await failure(poll({ status: ['Closed'] }))).toMatchObject({
      name: 'HaltedError',
      message: expect.stringMatching(/^Status "Closed" is not one of the choices/),
    });
  });

  it('sends channel as category, status group as filter and tags comma-separated', async () => {
    const scope = reamaze()
      .get('/api/v1/conversations')
      .query({ page: '1', category: 'support', filter: 'all', tag: 'vip,late order' })
      .reply(200, conversationsPage([]));
    expect(
      await poll({ channel: 'support', status_group: 'all', tags: ['vip', 'late order'] }),
    ).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('refuses an unknown status group before any request', async () => {
    const scope = reamaze().get(/.*/).reply(200, conversationsPage([]));
    expect(await failure(poll({ status_group: 'resolved' }))).toEqual({
      name: 'HaltedError',
      message:
        'Status Group "resolved" is not one of the choices: use Open (Unresolved), Unassigned, Archived, All, Including Archived, or leave it empty.',
    });
    expect(scope.isDone()).toBe(false);
  });
});

describe('new_conversation: the items', () => {
  it('returns one flat set of human fields per conversation', async () => {
    reamaze()
      .get('/api/v1/conversations')
      .query({ page: '1' })
      .reply(200, conversationsPage([liveConversation()]));
    expect(await poll()).toEqual([LIVE_CONVERSATION_ITEM]);
  });

  it('returns the newest first, whatever order and offsets the page uses', async () => {
    reamaze()
      .get('/api/v1/conversations')
      .query({ page: '1' })
      .reply(
        200,
        conversationsPage([
          startedAgo('ten', 10, '-05:00'),
          startedAgo('two', 2),
          startedAgo('five', 5, '-05:00'),
        ]),
      );
    expect((await poll()).map((i) => i.id)).toEqual(['two', 'five', 'ten']);
  });

  it('leaves out items without a slug (Zapier could not deduplicate them) and repeats', async () => {
    reamaze()
      .get('/api/v1/conversations')
      .query({ page: '1' })
      .reply(
        200,
        conversationsPage([
          startedAgo('a', 1),
          liveConversation({ slug: '' }),
          liveConversation({ slug: null }),
          startedAgo('a', 1),
        ]),
      );
    expect((await poll()).map((i) => i.id)).toEqual(['a']);
  });

  it('returns nothing for an empty brand (page_count 0 or 1)', async () => {
    reamaze()
      .get('/api/v1/conversations')
      .query({ page: '1' })
      .reply(200, conversationsPage([], 0));
    expect(await poll()).toEqual([]);
    reamaze()
      .get('/api/v1/conversations')
      .query({ page: '1' })
      .reply(200, conversationsPage([], 1));
    expect(await poll()).toEqual([]);
  });

  it('fails loudly if Re:amaze ever lists oldest first (new conversations would never fire)', async () => {
    reamaze()
      .get('/api/v1/conversations')
      .query({ page: '1' })
      .reply(200, conversationsPage([startedAgo('old', 900), startedAgo('newer', 800)], 4));
    expect(await failure(poll())).toEqual({
      name: 'AppError',
      code: 'UnexpectedOrder',
      status: 502,
      message:
        'Re:amaze listed conversations oldest first, so new conversations cannot be found on the first page. Contact the integration’s support.',
    });
  });
});

describe('new_conversation: bursts and the look-back horizon', () => {
  it('costs one request when the newest page reaches back past the horizon', async () => {
    const scope = reamaze()
      .get('/api/v1/conversations')
      .query({ page: '1' })
      .reply(200, conversationsPage([...run('new', 3, 1), ...run('old', 27, 120)], 9));
    expect(await poll()).toHaveLength(30);
    expect(scope.isDone()).toBe(true);
  });

  it('pages on while a page lies inside the horizon, keeping only later items inside it', async () => {
    const horizonMinutes = DEFAULT_HORIZON_MS / MINUTE;
    const scope = reamaze()
      .get('/api/v1/conversations')
      .query({ page: '1' })
      .reply(200, conversationsPage(run('p1', 30, 0), 5))
      .get('/api/v1/conversations')
      .query({ page: '2' })
      .reply(
        200,
        conversationsPage(
          [startedAgo('p2-in', horizonMinutes - 1), ...run('p2-old', 29, horizonMinutes + 1)],
          5,
        ),
      );
    const items = await poll();
    expect(items).toHaveLength(31);
    expect(items[30]?.id).toBe('p2-in');
    expect(scope.isDone()).toBe(true);
  });

  it('fetches one page only when Zapier loads a sample', async () => {
    const scope = reamaze()
      .get('/api/v1/conversations')
      .query({ page: '1' })
      .reply(200, conversationsPage(run('p1', 30, 0), 5));
    expect(await poll({}, { isLoadingSample: true })).toHaveLength(30);
    expect(scope.isDone()).toBe(true);
  });

  it('pages like a live poll when Zapier seeds its dedupe list, and respects the limit', async () => {
    const scope = reamaze()
      .get('/api/v1/conversations')
      .query({ page: '1' })
      .reply(200, conversationsPage(run('p1', 30, 0), 5))
      .get('/api/v1/conversations')
      .query({ page: '2' })
      .reply(200, conversationsPage(run('p2', 30, 200), 5));
    expect(await poll({}, { isPopulatingDedupe: true })).toHaveLength(30);
    expect(scope.isDone()).toBe(true);

    reamaze()
      .get('/api/v1/conversations')
      .query({ page: '1' })
      .reply(200, conversationsPage(run('p1', 30, 0), 5));
    expect((await poll({}, { limit: 5 })).map((i) => i.id)).toEqual([
      'p1-0',
      'p1-1',
      'p1-2',
      'p1-3',
      'p1-4',
    ]);
  });

  it.each(['open', 'unassigned', 'archived'])(
    'with status group %s, returns only conversations started inside the horizon (an old one reopened is not new)',
    async (statusGroup) => {
      reamaze()
        .get('/api/v1/conversations')
        .query({ page: '1', filter: statusGroup })
        .reply(
          200,
          conversationsPage([
            startedAgo('fresh', 4),
            startedAgo('reopened-from-last-week', 7 * 24 * 60),
          ]),
        );
      expect((await poll({ status_group: statusGroup })).map((i) => i.id)).toEqual(['fresh']);
    },
  );

  it('with status group all, returns the newest page whole, as the default list does', async () => {
    reamaze()
      .get('/api/v1/conversations')
      .query({ page: '1', filter: 'all' })
      .reply(200, conversationsPage([startedAgo('fresh', 4), startedAgo('old', 7 * 24 * 60)]));
    expect((await poll({ status_group: 'all' })).map((i) => i.id)).toEqual(['fresh', 'old']);
  });

  it('with a status group, still gives the editor a sample from old conversations', async () => {
    reamaze()
      .get('/api/v1/conversations')
      .query({ page: '1', filter: 'open' })
      .reply(200, conversationsPage([startedAgo('old', 7 * 24 * 60)]));
    expect(
      (await poll({ status_group: 'open' }, { isLoadingSample: true })).map((i) => i.id),
    ).toEqual(['old']);
  });
});

describe('new_conversation: definition', () => {
  it('deduplicates on the slug: the sample is the shared conversation sample, its id the slug', () => {
    expect(newConversation.operation.sample).toBe(conversationSample);
    expect(conversationSample.id).toBe(API_CONVERSATION_SAMPLE.slug);
  });
});
