import {
  API_ARTICLE_SAMPLE,
  articleSample,
  articleStatus,
  flattenArticle,
} from '../../../lib/records/article';

describe('flattenArticle', () => {
  it('turns the documented article into the labelled fields, the slug as its ID', () => {
    expect(articleSample).toEqual({
      id: 'how-do-i-return-an-item',
      title: 'How do I return an item?',
      status: 'Published',
      topic_name: 'Returns',
      topic_id: 'returns',
      author_name: 'Priya Raman',
      url: 'https://acme.reamaze.com/kb/returns/how-do-i-return-an-item',
      body_text:
        'Start a return from your orders page (https://acme.example/returns) within 30 days. We email a prepaid label.',
      body: API_ARTICLE_SAMPLE.body,
      created_at: '2026-03-09T09:12:44.210-07:00',
      updated_at: '2026-03-09T09:40:02.655-07:00',
    });
  });

  it.each([
    [0, 'Published'],
    [1, 'Draft'],
    [2, 'Internal'],
    [4, 'Internal'],
    ['published', 'Published'],
    ['1', 'Draft'],
    [7, 'Unknown (code 7)'],
    [null, ''],
  ])('reads status %p as %p (both internal codes the sources give)', (status, label) => {
    expect(articleStatus({ status })).toBe(label);
  });

  it('never throws on an odd body: wrong types become empty values', () => {
    expect(
      flattenArticle({
        title: 42,
        slug: ['x'],
        topic: 'Returns',
        author: [],
        body: {},
        status: {},
      }),
    ).toEqual({
      id: '',
      title: '42',
      status: '',
      topic_name: '',
      topic_id: '',
      author_name: '',
      url: '',
      body_text: '',
      body: '',
      created_at: null,
      updated_at: null,
    });
  });
});
