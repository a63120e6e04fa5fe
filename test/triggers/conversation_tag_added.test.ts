import conversationTagAdded, { perform, sample } from '../../triggers/conversation_tag_added';
import { conversationsPage } from '../fixtures/conversation-samples';
import { failure, reamaze } from '../helpers';
import { atFixedNow, changedAgo, poller, type Item } from './conversation-changes-helpers';

atFixedNow();

const poll = poller(perform);

const taggedAgo = (slug: string, minutesAgo: number, tags: string[]) =>
  changedAgo(slug, minutesAgo, { tag_list: tags });

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
    const items = await poll({ tag: ' Late Order ', channel: 'support' });
    expect(items.map((i) => [i.id, i.tag_added, i.tags_text])).toEqual([
      ['a:conversation_tag_added:late order', 'late order', 'late order, vip'],
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
    ['no tag', '  ', 'MissingField', 'Tag is required: map a value to it or type one in.'],
    [
      'a comma',
      'vip,late',
      'InvalidField',
      'Tag "vip,late" holds a comma: choose one tag (a Zap per tag watches several).',
    ],
  ])('refuses %s before any request', async (_case, tag, code, message) => {
    const scope = reamaze().get(/.*/).reply(200, conversationsPage([]));
    expect(await failure(poll({ tag }))).toEqual({ name: 'AppError', code, status: 400, message });
    expect(scope.isDone()).toBe(false);
  });

  it('has a sample in the live shape and a labelled Tag Added field', async () => {
    reamaze()
      .get('/api/v1/conversations')
      .query(true)
      .reply(200, conversationsPage([taggedAgo('a', 1, ['shipping'])]));
    const [item] = await poll({ tag: 'shipping' });
    expect(Object.keys(item as Item)).toEqual(expect.arrayContaining(Object.keys(sample)));
    expect(conversationTagAdded.operation.outputFields).toContainEqual({
      key: 'tag_added',
      label: 'Tag Added',
    });
  });
});
