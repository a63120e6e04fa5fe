import App from '../../index';
import apiRequest from '../../creates/api_request';
import { authData, failure, reamaze, resetNock, runWithInput } from '../helpers';

afterEach(resetNock);

const run = (input: Record<string, unknown>) => runWithInput(apiRequest.operation.perform, input);

describe('API Request', () => {
  it('is registered as an action', () => {
    expect(App.creates?.api_request?.key).toBe('api_request');
    expect(apiRequest.display.label).toBe('API Request');
  });

  it('sends GET with the query as typed and returns the answer as flat fields', async () => {
    const scope = reamaze()
      .get('/api/v1/conversations')
      .query({ 'data[plan]': 'pro', page: '2' })
      .reply(200, {
        page_count: 3,
        conversations: [
          { slug: 'a-1', category: { name: 'Support' }, tag_list: ['vip'] },
          { slug: 'a-2', category: { name: 'Sales' }, tag_list: [] },
        ],
      });
    expect(
      await run({
        method: 'GET',
        path: '/conversations',
        query: { 'data[plan]': 'pro', page: '2' },
      }),
    ).toEqual({
      status_code: 200,
      page_count: 3,
      conversations: [
        { slug: 'a-1', category__name: 'Support', tag_list: ['vip'] },
        { slug: 'a-2', category__name: 'Sales', tag_list: [] },
      ],
      response_json:
        '{"page_count":3,"conversations":[{"slug":"a-1","category":{"name":"Support"},"tag_list":["vip"]},{"slug":"a-2","category":{"name":"Sales"},"tag_list":[]}]}',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('sends the JSON body exactly as typed with POST, PUT, PATCH and DELETE', async () => {
    const body = { message: { body: 'Thanks! {{not a template}}', visibility: 1 } };
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const scope = reamaze()
        .matchHeader('content-type', 'application/json')
        .intercept('/api/v1/conversations/where-is-my-order/messages', method, body)
        .reply(201, { body: 'Thanks!', user: { name: 'Jonas' } });
      expect(
        await run({
          method,
          path: 'conversations/where-is-my-order/messages',
          body: JSON.stringify(body, null, 2),
        }),
      ).toEqual({
        status_code: 201,
        body: 'Thanks!',
        user__name: 'Jonas',
        response_json: '{"body":"Thanks!","user":{"name":"Jonas"}}',
      });
      expect(scope.isDone()).toBe(true);
    }
  });

  it('reads an answer without a body (204) as the status alone', async () => {
    reamaze().delete('/api/v1/contacts/maya%40example.com/notes/7781').reply(204);
    expect(
      await run({ method: 'DELETE', path: '/contacts/maya%40example.com/notes/7781' }),
    ).toEqual({ status_code: 204, response_json: '' });
  });

  it.each([
    ['{"message": ', 'Body (JSON) is not valid JSON'],
    ["{'message': 1}", 'Body (JSON) is not valid JSON'],
  ])('refuses the body %j before any request', async (body, start) => {
    const error = await failure(run({ method: 'POST', path: '/conversations', body }));
    expect(error.name).toBe('HaltedError');
    expect(error.message.startsWith(`${start} (`)).toBe(true);
    expect(error.message).toMatch(
      /\)\. Check the quotes, commas and brackets, e\.g\. \{"message": \{"body": "Thanks!"\}\}\.$/,
    );
  });

  it('refuses a body on GET, an unknown method and a missing path, before any request', async () => {
    expect(await failure(run({ method: 'GET', path: '/staff', body: '{}' }))).toEqual({
      name: 'HaltedError',
      message: 'A GET request sends no body: clear Body (JSON), or choose POST, PUT or PATCH.',
    });
    expect(await failure(run({ method: 'TRACE', path: '/staff' }))).toEqual({
      name: 'HaltedError',
      message:
        'Method "TRACE" is not one of the choices: use GET (read), POST (create), PUT (update), PATCH (update part), DELETE (remove).',
    });
    expect(await failure(run({ method: 'GET', path: '' }))).toEqual({
      name: 'HaltedError',
      message: 'Path is required: map a value to it or type one in.',
    });
    expect(await failure(run({ method: 'GET', path: '/api/v1' }))).toEqual({
      name: 'HaltedError',
      message: 'Path "/api/v1" names no resource: for example /conversations.',
    });
  });

  it('says what a 404 means here, and keeps the token out of a refusal that echoes it', async () => {
    reamaze().get('/api/v1/widgets').reply(404, { error: 'Not Found' });
    expect(await failure(run({ method: 'GET', path: '/widgets' }))).toEqual({
      name: 'AppError',
      code: 'NotFound',
      status: 404,
      message:
        "Re:amaze's API has nothing at GET /api/v1/widgets (check the path and any ID in it) on acme.reamaze.io.",
    });
    reamaze()
      .post('/api/v1/conversations')
      .reply(422, { error: `token ${authData.password} cannot create this` });
    expect(await failure(run({ method: 'POST', path: '/conversations', body: '{}' }))).toEqual({
      name: 'AppError',
      code: 'InvalidInput',
      status: 422,
      message:
        'Re:amaze refused the request (HTTP 422 Unprocessable Entity): token [redacted] cannot create this.',
    });
  });

  it('removes the API token from an answer that echoes it', async () => {
    reamaze()
      .get('/api/v1/me')
      .reply(200, { note: `your token is ${authData.password}`, [authData.password]: 1 });
    expect(await run({ method: 'GET', path: '/me' })).toEqual({
      status_code: 200,
      note: 'your token is [redacted]',
      '[redacted]': 1,
      response_json: '{"note":"your token is [redacted]","[redacted]":1}',
    });
  });

  it('a rate limit on a read is retried later; a failed write says to check first', async () => {
    reamaze().get('/api/v1/staff').reply(429, '', { 'Retry-After': '30' });
    expect(await failure(run({ method: 'GET', path: '/staff' }))).toMatchObject({
      name: 'ThrottledError',
      delay: 30,
    });
    reamaze().patch('/api/v1/conversations/x').reply(500, {});
    expect(await failure(run({ method: 'PATCH', path: '/conversations/x', body: '{}' }))).toEqual({
      name: 'AppError',
      code: 'ReamazeUnavailable',
      status: 503,
      message:
        'Re:amaze had a problem answering (HTTP 500 Internal Server Error). Re:amaze may or may not have saved the change: check Re:amaze before you replay this step.',
    });
  });
});
