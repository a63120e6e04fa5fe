import { conversationChoiceSample, perform } from '../../triggers/conversation_list';
import { appTester, authData, failure, reamaze, resetNock } from '../helpers';

afterEach(resetNock);

const list = (page?: number) =>
  appTester(perform, {
    authData,
    inputData: {},
    meta: page === undefined ? {} : { page },
  });

const conversation = (slug: string, subject: string, extra: Record<string, unknown> = {}) => ({
  subject,
  slug,
  status: 0,
  created_at: '2026-03-09T14:22:05.118-05:00',
  tag_list: [],
  author: { name: 'Maya Lindqvist', email: 'maya.lindqvist@example.com' },
  assignee: null,
  category: { name: 'Support', slug: 'support', email: 'support@acme.reamaze.io', channel: 1 },
  ...extra,
});

describe('conversation_list (hidden dropdown of recent conversations)', () => {
  it('shows the subject and uses the slug as the value, in the order Re:amaze lists them', async () => {
    const scope = reamaze()
      .get('/api/v1/conversations')
      .query({ page: '1' })
      .reply(200, {
        page_size: 30,
        page_count: 2,
        total_count: 31,
        conversations: [
          conversation('where-is-my-order-4471', 'Where is my order #4471?'),
          conversation('refund', 'Refund ↩️ طلب', {
            author: { name: 'Omar', mobile: '+15551234567' },
            created_at: '2026-03-09T10:00:00.000Z',
          }),
        ],
      });
    const choices = await list(0);
    expect(choices).toEqual([
      conversationChoiceSample,
      {
        id: 'refund',
        name: 'Refund ↩️ طلب · Omar · 2026-03-09 10:00',
        subject: 'Refund ↩️ طلب',
        customer_name: 'Omar',
        customer_email: '',
        created_at: '2026-03-09T10:00:00.000Z',
      },
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('names subject, customer and date, so two "Refund request" conversations read differently', async () => {
    reamaze()
      .get('/api/v1/conversations')
      .query({ page: '1' })
      .reply(200, {
        page_size: 30,
        page_count: 1,
        total_count: 4,
        conversations: [
          conversation('refund-request-2', 'Refund request', {
            author: { name: 'Ana Silva', email: 'ana@example.com' },
            created_at: '2026-03-10T09:12:00.000-05:00',
          }),
          conversation('refund-request', 'Refund request', {
            author: { name: 'Bo Chen', email: 'bo@example.com' },
          }),
          conversation('same-a', 'Same', { author: { name: 'Kim', email: 'kim@a.example' } }),
          conversation('same-b', 'Same', { author: { name: 'Kim', email: 'kim@b.example' } }),
        ],
      });
    expect((await list()).map((choice) => choice.name)).toEqual([
      'Refund request · Ana Silva · 2026-03-10 09:12',
      'Refund request · Bo Chen · 2026-03-09 14:22',
      'Same · Kim · 2026-03-09 14:22 (kim@a.example)',
      'Same · Kim · 2026-03-09 14:22 (kim@b.example)',
    ]);
  });

  it('asks Re:amaze for the next page on "load more" (Zapier pages from 0, Re:amaze from 1)', async () => {
    const scope = reamaze()
      .get('/api/v1/conversations')
      .query({ page: '2' })
      .reply(200, {
        page_size: 30,
        page_count: 2,
        total_count: 31,
        conversations: [conversation('older', 'Older one')],
      });
    expect((await list(1)).map((c) => c.id)).toEqual(['older']);
    expect(scope.isDone()).toBe(true);
  });

  it('returns nothing past the last page instead of repeating it', async () => {
    reamaze()
      .get('/api/v1/conversations')
      .query({ page: '3' })
      .reply(200, { page_size: 30, page_count: 2, total_count: 31, conversations: [] });
    expect(await list(2)).toEqual([]);
  });

  it('labels a conversation without a subject by its slug, and skips items without a slug or repeated', async () => {
    reamaze()
      .get('/api/v1/conversations')
      .query({ page: '1' })
      .reply(200, {
        page_size: 30,
        page_count: 1,
        total_count: 4,
        conversations: [
          { slug: 'no-subject', subject: null, author: null },
          { subject: 'No slug' },
          conversation('no-subject', 'Repeated'),
          { slug: 'blank', subject: '   ' },
        ],
      });
    expect(await list()).toEqual([
      {
        id: 'no-subject',
        name: '(no subject) #no-subject',
        subject: '',
        customer_name: '',
        customer_email: '',
        created_at: null,
      },
      {
        id: 'blank',
        name: '(no subject) #blank',
        subject: '   ',
        customer_name: '',
        customer_email: '',
        created_at: null,
      },
    ]);
  });

  it('handles an empty brand (page_count 0)', async () => {
    reamaze()
      .get('/api/v1/conversations')
      .query({ page: '1' })
      .reply(200, { page_size: 30, page_count: 0, total_count: 0, conversations: [] });
    expect(await list()).toEqual([]);
  });

  it('refuses a body without the conversations list with a clear error', async () => {
    reamaze().get('/api/v1/conversations').query({ page: '1' }).reply(200, { messages: [] });
    expect(await failure(list())).toMatchObject({
      name: 'AppError',
      code: 'UnexpectedResponse',
      message: expect.stringContaining('the list of conversations'),
    });
  });
});
