import nock from 'nock';
import { perform } from '../../creates/create_article';
import { failure, reamaze, resetNock, runWithInput } from '../helpers';

afterEach(resetNock);

const answer = {
  slug: 'gift-cards',
  title: 'Gift cards',
  body: 'They never expire.',
  status: 1,
  topic: { name: 'Billing', slug: 'billing' },
};

describe('Create Article', () => {
  it('posts under the chosen topic, text exactly as written, status as its code', async () => {
    const scope = reamaze()
      .post('/api/v1/topics/billing/articles', {
        article: { title: 'Gift cards', body: '  They never expire.\n\n<b>Really</b>', status: 0 },
      })
      .reply(201, answer);
    const item = await runWithInput(perform, {
      title: 'Gift cards',
      body: '  They never expire.\n\n<b>Really</b>',
      topic: 'billing',
      status: 'Published',
    });
    expect(scope.isDone()).toBe(true);
    expect(item).toMatchObject({ id: 'gift-cards', status: 'Draft', topic_name: 'Billing' });
  });

  it('without a topic posts to /articles, and reads an answer wrapped in "article"', async () => {
    reamaze()
      .post('/api/v1/articles', { article: { title: 'Gift cards', body: 'x', status: 1 } })
      .reply(201, { article: answer });
    const item = await runWithInput(perform, {
      title: 'Gift cards',
      body: 'x',
      topic: '',
      status: 'draft',
    });
    expect(item.id).toBe('gift-cards');
  });

  it.each([
    [{ body: 'x', status: 'draft' }, 'Title is required: map a value to it or type one in.'],
    [
      { title: 'x', body: 'x', status: 'archived' },
      'Status "archived" is not one of the choices: use Published, Draft.',
    ],
    [
      { title: 'x', body: 'x', status: 'draft', topic: '../staff' },
      'Topic "../staff" is not a topic. Choose one from the list, or type the topic\'s slug: the part after /kb/ in its help-center address, for example "returns".',
    ],
  ])('refuses %p before any request', async (input, message) => {
    expect(await failure(runWithInput(perform, input))).toEqual({ name: 'HaltedError', message });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('an answer without a slug is not reported as a created article', async () => {
    reamaze().post('/api/v1/articles').reply(200, { title: 'x' });
    expect(
      await failure(runWithInput(perform, { title: 'x', body: 'y', status: 'draft' })),
    ).toMatchObject({
      code: 'UnexpectedResponse',
      message:
        'Re:amaze accepted the request but returned no article. Check Re:amaze before you replay this step, so it is not done twice.',
    });
  });
});
