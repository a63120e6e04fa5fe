import statusChanged, { perform, sample } from '../../triggers/conversation_status_changed';
import { conversationSample } from '../../lib/records/conversation';
import { conversationsPage } from '../fixtures/conversation-samples';
import { failure, reamaze } from '../helpers';
import {
  MINUTE,
  NOW,
  atFixedNow,
  changeItemOf,
  changedAgo,
  isoAgo,
  expectLiveShape,
  poller,
} from './conversation-changes-helpers';

atFixedNow();

const poll = poller(perform);

const statusAgo = (slug: string, minutesAgo: number, status = 2) =>
  changedAgo(slug, minutesAgo, { status });

const LIST = { sort: 'changed', filter: 'all' };

describe('conversation_status_changed: the request', () => {
  it('lists every conversation, archived ones too, newest-changed first', async () => {
    const scope = reamaze()
      .get('/api/v1/conversations')
      .query({ ...LIST, page: '1' })
      .reply(200, conversationsPage([statusAgo('a', 3)]));
    expect((await poll({ status: '', channel: '' })).map((i) => i.id)).toEqual([
      `a:conversation_status_changed:2@${NOW - 3 * MINUTE}`,
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('sends the channel as category; the status is matched here (the API has no such filter)', async () => {
    reamaze()
      .get('/api/v1/conversations')
      .query({ ...LIST, category: 'support', page: '1' })
      .reply(200, conversationsPage([statusAgo('done', 1, 2), statusAgo('open', 2, 0)]));
    expect(
      (await poll({ status: '2', channel: ' support ' })).map((i) => i.conversation_id),
    ).toEqual(['done']);
  });

  it.each([
    ['the code', '6'],
    ['the name', 'auto-done'],
  ])('takes the status by %s', async (_how, status) => {
    reamaze()
      .get('/api/v1/conversations')
      .query(true)
      .reply(200, conversationsPage([statusAgo('auto', 1, 6), statusAgo('done', 2, 2)]));
    expect((await poll({ status })).map((i) => i.conversation_id)).toEqual(['auto']);
  });

  it.each<[string, unknown, string[]]>([
    ['a group: "Done, Any Kind"', ['any_done'], ['auto', 'done', 'ai']],
    [
      'its label, mapped from a step',
      'Done, Any Kind (Done, Auto-Done, AI Agent Done)',
      ['auto', 'done', 'ai'],
    ],
    ['several statuses', ['0', 'On Hold'], ['open', 'hold']],
    ['a group and a status', ['any_spam', '1'], ['spam', 'responded']],
  ])('takes %s, and fires for each status in it', async (_what, status, fired) => {
    reamaze()
      .get('/api/v1/conversations')
      .query(true)
      .reply(
        200,
        conversationsPage([
          statusAgo('auto', 1, 6),
          statusAgo('done', 2, 2),
          statusAgo('open', 3, 0),
          statusAgo('ai', 4, 8),
          statusAgo('hold', 5, 5),
          statusAgo('spam', 6, 9),
          statusAgo('responded', 7, 1),
        ]),
      );
    expect((await poll({ status })).map((i) => i.conversation_id)).toEqual(fired);
  });

  it('offers the groups first, then every status, several at once, and says replies move the status', () => {
    const [field] = statusChanged.operation.inputFields as {
      list?: boolean;
      choices: { label: string }[];
      helpText: string;
    }[];
    expect(field?.list).toBe(true);
    expect(field?.choices.map((choice) => choice.label).slice(0, 4)).toEqual([
      'Done, Any Kind (Done, Auto-Done, AI Agent Done)',
      'Not Done Yet (Open, Responded, On Hold, AI Agent Assigned)',
      'Spam, Any Kind (Spam, Spam (AI))',
      'Open',
    ]);
    expect(field?.helpText).toContain('a staff reply turns Open into Responded');
    expect(field?.helpText).toContain("Previous Status is empty in the editor's test");
  });

  it('refuses a status Re:amaze does not have, before any request', async () => {
    const scope = reamaze().get(/.*/).reply(200, conversationsPage([]));
    expect(await failure(poll({ status: 'Resolved' }))).toEqual({
      name: 'HaltedError',
      message:
        'New Status "Resolved" is not one of the choices: use Open, Responded, Done, Spam, Archived, On Hold, Auto-Done, AI Agent Assigned, AI Agent Done, Spam (AI), Done, Any Kind (Done, Auto-Done, AI Agent Done), Not Done Yet (Open, Responded, On Hold, AI Agent Assigned), Spam, Any Kind (Spam, Spam (AI)), or leave it empty.',
    });
    expect(scope.isDone()).toBe(false);
  });
});

describe('conversation_status_changed: the items', () => {
  it('outputs the conversation’s flat fields, its ID as conversation_id, the change’s ID and the status before, when known', async () => {
    const zap = { zap: { id: 'status-items' } };
    const polls = [
      { minutesAgo: 30, status: 1, label: 'Responded', before: '' },
      { minutesAgo: 2, status: 2, label: 'Done', before: 'Responded' },
    ];
    for (const [i, { minutesAgo, status, label, before }] of polls.entries()) {
      reamaze()
        .get('/api/v1/conversations')
        .query(true)
        .reply(200, conversationsPage([statusAgo('where-is-my-order-4471', minutesAgo, status)]));
      const items = await poll({}, { ...zap, isPopulatingDedupe: i === 0 });
      // Switching on records what is true then: nothing fires.
      expect(items).toEqual(
        i === 0
          ? []
          : [
              changeItemOf({
                status: label,
                created_at: isoAgo(minutesAgo + 24 * 60),
                updated_at: isoAgo(minutesAgo),
                previous_status: before,
                id: `where-is-my-order-4471:conversation_status_changed:${status}@${NOW - minutesAgo * MINUTE}`,
              }),
            ],
      );
    }
  });

  it('fires a change once over two polls of the same Zap, however often the list repeats it', async () => {
    const zap = { zap: { id: 'status-twice' } };
    reamaze()
      .get('/api/v1/conversations')
      .query(true)
      .reply(200, conversationsPage([statusAgo('a', 20, 0)]));
    expect(await poll({}, { ...zap, isPopulatingDedupe: true })).toEqual([]);
    for (let i = 0; i < 2; i += 1) {
      reamaze()
        .get('/api/v1/conversations')
        .query(true)
        .reply(200, conversationsPage([statusAgo('a', 5), statusAgo('a', 5)]));
    }
    const ids = [...(await poll({}, zap)), ...(await poll({}, zap))].map((i) => i.id);
    expect(new Set(ids)).toEqual(new Set([`a:conversation_status_changed:2@${NOW - 5 * MINUTE}`]));
  });

  it('has a sample in the live shape: the same keys as a live item, in the labelled order', async () => {
    await expectLiveShape(statusChanged, poll, statusAgo('a', 5));
  });

  it('the sample is the conversations’ sample marked Done, seen Open before', () => {
    expect(sample).toEqual(
      changeItemOf(
        {
          previous_status: 'Open',
          status: 'Done',
          updated_at: '2026-03-10T08:14:26.530-05:00',
          id: `where-is-my-order-4471:conversation_status_changed:2@${Date.parse('2026-03-10T13:14:26.530Z')}`,
        },
        conversationSample,
      ),
    );
    expect(statusChanged.operation.outputFields).toEqual(
      expect.arrayContaining([
        {
          key: 'conversation_id',
          label: 'Conversation ID',
          required: true,
        },
        { key: 'previous_status', label: 'Previous Status' },
        { key: 'id', label: 'Change ID', required: true },
      ]),
    );
  });
});

describe('conversation_status_changed: paging', () => {
  const burst = Array.from({ length: 30 }, (_, i) => statusAgo(`n${i}`, 1 + i));
  /** Page 1 changed entirely in the last hour, so page 2 is asked for; it answers `status`, `body`. */
  const burstThen = (status: number, body: Record<string, unknown> | string) =>
    reamaze()
      .get('/api/v1/conversations')
      .query({ ...LIST, page: '1' })
      .reply(200, conversationsPage(burst, 2))
      .get('/api/v1/conversations')
      .query({ ...LIST, page: '2' })
      .reply(status, body);

  it('a quiet poll costs one request; a page inside the look-back horizon leads to the next', async () => {
    const scope = burstThen(
      200,
      conversationsPage([statusAgo('n30', 40), statusAgo('old', 90)], 2),
    );
    const slugs = (await poll()).map((i) => i.conversation_id);
    expect(slugs).toHaveLength(31);
    expect(slugs).not.toContain('old');
    expect(scope.isDone()).toBe(true);
  });

  it('a later page that fails for a while ends the poll with the changes of the pages before it', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const scope = burstThen(503, 'Service Unavailable');
    expect((await poll()).map((i) => i.conversation_id)).toEqual(burst.map((c) => c.slug));
    expect(scope.isDone()).toBe(true);
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Conversation changes: Stopped after 1 page\(s\), 30 items and [\d.]+ s because page 2 failed \(.*HTTP 503/,
      ),
    );
  });

  it('when the Zap is switched on, reads every page whatever its age (up to 1,000 conversations)', async () => {
    const scope = reamaze();
    for (let page = 1; page <= 3; page += 1) {
      scope
        .get('/api/v1/conversations')
        .query({ ...LIST, page: String(page) })
        .reply(200, conversationsPage([statusAgo(`p${page}`, page * 24 * 60)], 3));
    }
    const items = await poll({}, { isPopulatingDedupe: true, zap: { id: 'baseline' } });
    expect(items).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('the baseline stops at the last page', async () => {
    const scope = reamaze()
      .get('/api/v1/conversations')
      .query({ ...LIST, page: '1' })
      .reply(200, conversationsPage([statusAgo('only', 600)], 1));
    expect(await poll({}, { isPopulatingDedupe: true })).toHaveLength(1);
    expect(scope.isDone()).toBe(true);
  });
});
