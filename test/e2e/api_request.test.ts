import { failure } from '../helpers';
import { performOf, requestLines, run, sandboxEachTest, type Item } from './helpers';

const apiRequest = performOf('creates', 'api_request');

const request = (input: Item) => run(apiRequest, input);

const sandbox = sandboxEachTest();

const SLUG = 'where-is-my-order-10482';
const DANA = 'dana.whitfield%40example.com';

describe('API Request against the sandbox', () => {
  it('GET with a query: the answer as fields, lists of objects as line items', async () => {
    const answer = await request({
      method: 'GET',
      path: '/conversations',
      query: { 'data[order_id]': '10482' },
    });
    expect(requestLines(sandbox())).toEqual(['GET /conversations?data%5Border_id%5D=10482']);
    expect(answer).toMatchObject({ status_code: 200, total_count: 1, page_count: 1 });
    expect(answer.conversations).toEqual([
      // A listed conversation carries no `data` (the documented list sample has none).
      expect.objectContaining({ slug: SLUG, category__name: 'Support' }),
    ]);
    expect(JSON.parse(answer.response_json as string).conversations[0].slug).toBe(SLUG);
  });

  it('POST a note, PATCH the status, DELETE a contact note (204)', async () => {
    const posted = await request({
      method: 'POST',
      path: `conversations/${SLUG}/messages`,
      body: '{"message": {"body": "Checked with the carrier.", "visibility": 1}}',
    });
    expect(posted).toMatchObject({
      status_code: 201,
      body: 'Checked with the carrier.',
      visibility: 1,
    });

    const patched = await request({
      method: 'PATCH',
      path: `/conversations/${SLUG}`,
      body: '{"conversation": {"status": 2}}',
    });
    expect(patched).toMatchObject({ status_code: 200, status: 2 });

    // Re:amaze answers a new contact note with all the contact's notes: a list, so `items`.
    const notes = await request({
      method: 'POST',
      path: `/contacts/${DANA}/notes`,
      body: '{"body": "Prefers email."}',
    });
    const first = (notes.items as Item[]).find((note) => note.note === 'Prefers email.');
    expect(first).toEqual(expect.objectContaining({ id: expect.any(Number) }));
    const deleted = await request({
      method: 'DELETE',
      path: `/contacts/${DANA}/notes/${String(first?.id)}`,
    });
    expect(deleted).toEqual({ status_code: 204, response_json: '' });
    expect(requestLines(sandbox()).map((line) => line.split(' ')[0])).toEqual([
      'POST',
      'PATCH',
      'POST',
      'DELETE',
    ]);
  });

  it('a hostile path never reaches the sandbox; a wrong path is Re:amaze’s 404, said plainly', async () => {
    for (const path of ['/..%2fstaff', '//127.0.0.1/api/v1/staff', '/%2e%2E/api/v1/staff']) {
      expect((await failure(request({ method: 'GET', path }))).name).toBe('HaltedError');
    }
    expect(sandbox().requests).toEqual([]);
    expect(await failure(request({ method: 'GET', path: '/widgets' }))).toEqual({
      name: 'AppError',
      code: 'NotFound',
      status: 404,
      message:
        "Re:amaze's API has nothing at GET /api/v1/widgets (check the path and any ID in it) on acme.reamaze.io.",
    });
  });
});
