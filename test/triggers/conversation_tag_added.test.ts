import conversationTagAdded, { perform, sample } from '../../triggers/conversation_tag_added';
import { conversationsPage } from '../fixtures/conversation-samples';
import { failure, reamaze } from '../helpers';
import { conversationSample } from '../../lib/records/conversation';
import * as changes from './conversation-changes-helpers';

changes.atFixedNow();

const poll = changes.poller(perform);

const taggedAgo = (slug: string, minutesAgo: number, tags: string[]) =>
  changes.changedAgo(slug, minutesAgo, { tag_list: tags });

describe('conversation_tag_added', () => {
  it('asks only for conversations carrying the tag, newest-changed first; the ID is conversation and tag', async () => {
    const scope = reamaze()
      .get('/api/v1/conversations')
      .query({ sort: 'changed', filter: 'all', tag: 'Late Order', category: 'support', page: '1' })
      .reply(
        200,
        conversationsPage([
          taggedAgo('a', 1, ['late order', 'vip']),
          // Re:amaze answered it although it lacks the tag: not reported.
          taggedAgo('b', 2, ['vip']),
        ]),
      );
    expect(await poll({ tag: ' Late Order ', channel: 'support' })).toEqual([
      changes.changeItemOf({
        conversation_id: 'a',
        conversation_url: 'https://acme.reamaze.io/admin/conversations/a',
        tags: ['late order', 'vip'],
        created_at: changes.isoAgo(1 + 24 * 60),
        updated_at: changes.isoAgo(1),
        tag_added: 'late order',
        id: 'a:conversation_tag_added:late order',
      }),
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('the ID does not change with later edits, so each conversation fires once for the tag', async () => {
    for (const minutes of [5, 1]) {
      reamaze()
        .get('/api/v1/conversations')
        .query(true)
        .reply(200, conversationsPage([taggedAgo('a', minutes, ['vip'])]));
    }
    const first = await poll({ tag: 'vip' });
    const second = await poll({ tag: 'VIP' });
    expect([...first, ...second].map((i) => i.id)).toEqual([
      'a:conversation_tag_added:vip',
      'a:conversation_tag_added:vip',
    ]);
  });

  it.each([
    ['no tag', '  ', 'Tag is required: map a value to it or type one in.'],
    [
      'a comma',
      'vip,late',
      'Tag "vip,late" holds a comma: choose one tag (a Zap per tag watches several).',
    ],
  ])('refuses %s before any request', async (_case, tag, message) => {
    const scope = reamaze().get(/.*/).reply(200, conversationsPage([]));
    expect(await failure(poll({ tag }))).toEqual({ name: 'HaltedError', message });
    expect(scope.isDone()).toBe(false);
  });

  it('has a sample in the live shape: the same keys as a live item, in the labelled order', async () => {
    await changes.expectLiveShape(conversationTagAdded, poll, taggedAgo('a', 1, ['shipping']), {
      tag: 'shipping',
    });
  });

  it('the sample is the conversations’ sample with its Shipping tag', () => {
    expect(sample).toEqual(
      changes.changeItemOf(
        {
          tag_added: 'shipping',
          id: 'where-is-my-order-4471:conversation_tag_added:shipping',
        },
        conversationSample,
      ),
    );
    expect(conversationTagAdded.operation.outputFields).toContainEqual({
      key: 'tag_added',
      label: 'Tag Added',
    });
  });
});
