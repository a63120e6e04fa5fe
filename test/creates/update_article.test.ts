import { perform } from '../../creates/update_article';
import { failure, reamaze, resetNock, runWithInput } from '../helpers';

afterEach(resetNock);

describe('Update Article', () => {
  it('sends only the fields given, to the article’s slug', async () => {
    const scope = reamaze()
      .put('/api/v1/articles/gift-cards', { article: { body: 'New text.' } })
      .reply(200, { slug: 'gift-cards', title: 'Gift cards', body: 'New text.', status: 0 });
    const item = await runWithInput(perform, {
      article: 'gift-cards',
      title: ' ',
      body: 'New text.',
    });
    expect(scope.isDone()).toBe(true);
    expect(item).toMatchObject({ id: 'gift-cards', body_text: 'New text.' });
  });

  it('refuses nothing to change, and a value that is not a slug, before any request', async () => {
    expect(await failure(runWithInput(perform, { article: 'gift-cards' }))).toEqual({
      name: 'HaltedError',
      message: 'Nothing to update: set New Title, New Article Text, or both.',
    });
    expect(await failure(runWithInput(perform, { article: 'a/b', title: 'x' }))).toEqual({
      name: 'HaltedError',
      message:
        'Article "a/b" is not an article. Choose one from the list, or map the Article ID (Slug), for example "how-do-i-return-an-item".',
    });
  });
});
