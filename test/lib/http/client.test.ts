import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import {
  apiExplanation,
  apiPath,
  getPage,
  promisedRecord,
  reamazeRequest,
  redact,
  retryAfterSeconds,
  type Promised,
  type ReamazeRequest,
} from '../../../lib/http/client';
import {
  appTester,
  authData,
  BASIC_AUTH,
  failure,
  reamaze,
  resetNock,
  thrownBy,
} from '../../helpers';

afterEach(resetNock);

const send = (request: ReamazeRequest) =>
  appTester((z: ZObject, bundle: Bundle) => reamazeRequest(z, bundle, request), { authData });

const temporaryRead = ' This is usually temporary: Zapier will try again shortly.';
const temporaryWrite =
  ' Re:amaze may or may not have saved the change: check Re:amaze before you replay this step.';

describe('requests', () => {
  it('sends a GET with Accept, Basic auth and only the non-empty query parameters', async () => {
    const scope = reamaze()
      .get('/api/v1/messages')
      .query({ filter: 'customer', page: '2', flag: 'false' })
      .reply(200, { ok: true });
    const body = await send({
      path: '/messages',
      params: { filter: 'customer', page: 2, category: '', sent_by: undefined, flag: false },
    });
    expect(body).toEqual({ ok: true });
    expect(scope.isDone()).toBe(true);
  });

  it('sends a JSON body with Content-Type on writes', async () => {
    const payload = { conversation: { subject: 'Ünïcödé 🎉', message: { body: 'שלום\nworld' } } };
    const scope = reamaze()
      .matchHeader('content-type', 'application/json')
      .post('/api/v1/conversations', payload)
      .reply(200, { slug: 'x' });
    await expect(send({ method: 'POST', path: '/conversations', body: payload })).resolves.toEqual({
      slug: 'x',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('encodes every path segment, so a slug cannot change the path', () => {
    expect(apiPath('conversations', 'staff?x=1#y', 'messages')).toBe(
      '/conversations/staff%3Fx%3D1%23y/messages',
    );
  });

  it('does not follow redirects: the credentials never travel to another address', async () => {
    const elsewhere = nock('https://evil.example').get(/.*/).reply(200, {});
    reamaze().get('/api/v1/channels').reply(302, '', { Location: 'https://evil.example/steal' });
    const error = await failure(send({ path: '/channels' }));
    expect(error).toEqual({
      name: 'AppError',
      code: 'UnexpectedRedirect',
      status: 302,
      message:
        'Re:amaze answered with a redirect (HTTP 302) instead of data. Check that the brand is right.',
    });
    expect(elsewhere.isDone()).toBe(false);
  });
});

describe('failures become errors a no-code user can act on', () => {
  const cases: [
    string,
    number,
    string | object,
    Record<string, string>,
    ReamazeRequest['method'],
    object,
  ][] = [
    [
      '401 → reconnect',
      401,
      '',
      {},
      'GET',
      {
        name: 'ExpiredAuthError',
        message:
          'Re:amaze did not accept the login email or API token for acme.reamaze.io (HTTP 401 Unauthorized). Reconnect your Re:amaze account in Zapier with your login email and a current API token (Re:amaze → Settings → API Token).',
      },
    ],
    [
      '403 that mentions permission → not a credentials problem',
      403,
      { error: 'You do not have permission to access reports' },
      {},
      'GET',
      {
        name: 'AppError',
        code: 'PermissionDenied',
        status: 403,
        message:
          'Your Re:amaze user is not allowed to do this on acme.reamaze.io: You do not have permission to access reports. Ask a Re:amaze admin to grant the permission, or connect as another user.',
      },
    ],
    [
      '422 {"errors": {field: [...]}}',
      422,
      { errors: { category: ["can't be blank"], 'user.email': ['is invalid', 'is too short'] } },
      {},
      'POST',
      {
        name: 'AppError',
        code: 'InvalidInput',
        status: 422,
        message:
          "Re:amaze refused the request (HTTP 422 Unprocessable Entity): category can't be blank; user.email is invalid; user.email is too short.",
      },
    ],
    [
      '422 {"error": "..."}',
      422,
      { error: 'Subject is required' },
      {},
      'POST',
      {
        name: 'AppError',
        code: 'InvalidInput',
        status: 422,
        message:
          'Re:amaze refused the request (HTTP 422 Unprocessable Entity): Subject is required.',
      },
    ],
    [
      '400 without explanation',
      400,
      '<html>bad</html>',
      {},
      'GET',
      {
        name: 'AppError',
        code: 'BadRequest',
        status: 400,
        message: 'Re:amaze refused the request (HTTP 400 Bad Request).',
      },
    ],
    [
      '409 with errors array',
      409,
      { errors: ['Slug already taken'] },
      {},
      'PUT',
      {
        name: 'AppError',
        code: 'BadRequest',
        status: 409,
        message: 'Re:amaze refused the request (HTTP 409 Conflict): Slug already taken.',
      },
    ],
    [
      '429 with Retry-After seconds',
      429,
      '',
      { 'Retry-After': '17' },
      'GET',
      {
        name: 'ThrottledError',
        delay: 17,
        message:
          "Re:amaze's rate limit for this API token was reached (HTTP 429 Too Many Requests). Zapier will try again later.",
      },
    ],
    [
      '429 without Retry-After → 60 s',
      429,
      { error: 'Too many' },
      {},
      'POST',
      {
        name: 'ThrottledError',
        delay: 60,
        message:
          "Re:amaze's rate limit for this API token was reached (HTTP 429 Too Many Requests). Zapier will try again later.",
      },
    ],
    [
      '500 on a read → retry later',
      500,
      '',
      {},
      'GET',
      {
        name: 'ThrottledError',
        delay: 60,
        message: `Re:amaze had a problem answering (HTTP 500 Internal Server Error).${temporaryRead}`,
      },
    ],
    [
      '502 on a write → error that says to check before replaying',
      502,
      '<html>Bad gateway</html>',
      {},
      'POST',
      {
        name: 'AppError',
        code: 'ReamazeUnavailable',
        status: 503,
        message: `Re:amaze had a problem answering (HTTP 502 Bad Gateway).${temporaryWrite}`,
      },
    ],
    [
      '503 with Retry-After on a read',
      503,
      '',
      { 'Retry-After': '120' },
      'GET',
      {
        name: 'ThrottledError',
        delay: 120,
        message: `Re:amaze is temporarily unavailable (HTTP 503 Service Unavailable).${temporaryRead}`,
      },
    ],
    [
      '200 with an HTML page',
      200,
      '<!DOCTYPE html><html><body>Maintenance</body></html>',
      { 'Content-Type': 'text/html' },
      'GET',
      {
        name: 'ThrottledError',
        delay: 60,
        message: `Re:amaze sent a web page instead of data (often a maintenance page).${temporaryRead}`,
      },
    ],
    [
      '200 with an empty body',
      200,
      '',
      {},
      'GET',
      {
        name: 'ThrottledError',
        delay: 60,
        message: `Re:amaze sent an empty answer (HTTP 200).${temporaryRead}`,
      },
    ],
    [
      '200 with truncated JSON on a write: accepted, so check before replaying',
      200,
      '{"conversation": {"slug": "ab',
      {},
      'POST',
      {
        name: 'AppError',
        code: 'UnexpectedResponse',
        status: 502,
        message:
          'Re:amaze accepted the request but sent an answer that is not valid JSON. Check Re:amaze before you replay this step, so it is not done twice.',
      },
    ],
  ];

  it.each(cases)('%s', async (_name, status, body, headers, method, expected) => {
    const scope = reamaze()
      .intercept('/api/v1/thing', method ?? 'GET')
      .reply(status, typeof body === 'string' ? body : JSON.stringify(body), headers);
    const error = await failure(
      send({ method, path: '/thing', body: method === 'GET' ? undefined : {} }),
    );
    expect(error).toEqual(expected);
    expect(scope.isDone()).toBe(true);
  });

  it('404 names the brand host by default, or what was not found when the caller says', async () => {
    reamaze().get('/api/v1/conversations/nope').reply(404, { error: 'Not found' });
    expect(
      await failure(
        send({ path: '/conversations/nope', notFoundMessage: 'No conversation "nope" was found' }),
      ),
    ).toEqual({
      name: 'AppError',
      code: 'NotFound',
      status: 404,
      message: 'No conversation "nope" was found on acme.reamaze.io.',
    });
  });

  it('a 403 says what the caller needs, unless it is about the login or is a web page', async () => {
    const forbiddenMessage = 'this needs the Reports permission.';
    const path = '/api/v1/satisfaction_ratings';
    reamaze().get(path).reply(403, { error: 'Forbidden' });
    expect(await failure(send({ path: '/satisfaction_ratings', forbiddenMessage }))).toEqual({
      name: 'AppError',
      code: 'PermissionDenied',
      status: 403,
      message:
        'Re:amaze refused this on acme.reamaze.io (HTTP 403 Forbidden): this needs the Reports permission.',
    });
    reamaze().get(path).reply(403, '');
    expect(await failure(send({ path: '/satisfaction_ratings', forbiddenMessage }))).toMatchObject({
      code: 'PermissionDenied',
    });
    // Wrong credentials still ask to reconnect; an HTML page is not Re:amaze's answer.
    reamaze().get(path).reply(403, { error: 'Invalid login email or API token' });
    expect((await failure(send({ path: '/satisfaction_ratings', forbiddenMessage }))).name).toBe(
      'ExpiredAuthError',
    );
    reamaze().get(path).reply(403, '<html><body>Blocked</body></html>');
    expect(
      (await failure(send({ path: '/satisfaction_ratings', forbiddenMessage }))).message,
    ).not.toContain('Reports');
  });

  it('a response slower than the timeout is a temporary failure', async () => {
    reamaze().get('/api/v1/slow').delay(500).reply(200, {});
    expect(await failure(send({ path: '/slow', timeoutMs: 50 }))).toEqual({
      name: 'ThrottledError',
      delay: 60,
      message: `Re:amaze did not answer within 0.1 seconds.${temporaryRead}`,
    });
  });

  it('a reset connection is a temporary failure', async () => {
    reamaze()
      .get('/api/v1/reset')
      .replyWithError({ code: 'ECONNRESET', message: 'socket hang up' });
    expect(await failure(send({ path: '/reset' }))).toEqual({
      name: 'ThrottledError',
      delay: 60,
      message: `The connection to Re:amaze failed (ECONNRESET).${temporaryRead}`,
    });
  });

  it('an unknown host names the brand', async () => {
    reamaze()
      .get('/api/v1/x')
      .replyWithError({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND' });
    expect(await failure(send({ path: '/x' }))).toEqual({
      name: 'AppError',
      code: 'UnknownBrand',
      status: 404,
      message:
        'Could not find acme.reamaze.io. Check that the brand is right: it is the part before .reamaze.io in your Re:amaze address.',
    });
  });

  it('never repeats the API token, even if Re:amaze echoes it in an explanation', async () => {
    reamaze()
      .post('/api/v1/thing')
      .reply(422, { error: `Token ${authData.password} is not valid for this` });
    const error = await failure(send({ method: 'POST', path: '/thing', body: {} }));
    expect(error.message).toBe(
      'Re:amaze refused the request (HTTP 422 Unprocessable Entity): Token [redacted] is not valid for this.',
    );
    expect(JSON.stringify(error)).not.toContain(authData.password);
  });
});

describe('getPage', () => {
  it('returns items and counts', async () => {
    reamaze()
      .get('/api/v1/channels')
      .query({ page: '1' })
      .reply(200, { page_size: 30, page_count: 3, total_count: 70, channels: [{ slug: 'a' }] });
    const page = await appTester(
      (z: ZObject, bundle: Bundle) => getPage(z, bundle, '/channels', 'channels', { page: 1 }),
      {
        authData,
      },
    );
    expect(page).toEqual({ items: [{ slug: 'a' }], pageCount: 3, totalCount: 70 });
  });

  it.each([
    ['a null list', { channels: null }],
    ['an object where the list belongs', { channels: { slug: 'a' } }],
    ['a list of strings', { channels: ['a', 'b'] }],
    ['a bare array', [{ slug: 'a' }]],
    ['a JSON string', 'just text'],
  ])('refuses %s with a clear error, not a TypeError', async (_name, body) => {
    reamaze().get('/api/v1/channels').reply(200, JSON.stringify(body));
    const error = await failure(
      appTester((z: ZObject, bundle: Bundle) => getPage(z, bundle, '/channels', 'channels'), {
        authData,
      }),
    );
    expect(error).toEqual({
      name: 'AppError',
      code: 'UnexpectedResponse',
      status: 502,
      message:
        "Re:amaze sent the list of channels in a form this integration does not recognise. Try again; if it persists, contact the integration's support.",
    });
  });
});

describe('getPage for lists documented bare, or not documented at all', () => {
  const read = (options: Parameters<typeof getPage>[5]) =>
    appTester(
      (z: ZObject, bundle: Bundle) => getPage(z, bundle, '/incidents', 'incidents', {}, options),
      { authData },
    );

  it('with `bare`, reads a bare array as the one page, and the paged envelope too', async () => {
    reamaze()
      .get('/api/v1/incidents')
      .reply(200, [{ id: '1' }, { id: '2' }]);
    expect(await read({ bare: true })).toEqual({
      items: [{ id: '1' }, { id: '2' }],
      pageCount: 1,
      totalCount: 2,
    });
    reamaze()
      .get('/api/v1/incidents')
      .reply(200, { page_size: 30, page_count: 2, total_count: 31, incidents: [{ id: '3' }] });
    expect(await read({ bare: true })).toEqual({
      items: [{ id: '3' }],
      pageCount: 2,
      totalCount: 31,
    });
  });

  it.each([
    ['a bare array of strings', ['a']],
    ['an object without the list', { page_count: 1 }],
  ])('with `bare`, still refuses %s', async (_name, body) => {
    reamaze().get('/api/v1/incidents').reply(200, JSON.stringify(body));
    expect(await failure(read({ bare: true }))).toMatchObject({ code: 'UnexpectedResponse' });
  });

  it('with `notFoundIsAbsent`, a 404 is an empty list; without it, an error', async () => {
    reamaze().get('/api/v1/incidents').reply(404, { error: 'Not Found' });
    expect(await read({ notFoundIsAbsent: true })).toEqual({
      items: [],
      pageCount: 0,
      totalCount: 0,
    });
    reamaze().get('/api/v1/incidents').reply(404, { error: 'Not Found' });
    expect(await failure(read({}))).toMatchObject({ code: 'NotFound', status: 404 });
  });
});

describe('helpers', () => {
  it('retryAfterSeconds reads seconds and HTTP dates, else 60', () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    expect(retryAfterSeconds('30', now)).toBe(30);
    expect(retryAfterSeconds('0', now)).toBe(1);
    expect(retryAfterSeconds('Mon, 23 Nov 2026 12:02:00 GMT', now)).toBe(120);
    expect(retryAfterSeconds('Mon, 23 Nov 2026 11:00:00 GMT', now)).toBe(1);
    expect(retryAfterSeconds('soon', now)).toBe(60);
    expect(retryAfterSeconds(undefined, now)).toBe(60);
  });

  it('apiExplanation reads every documented error shape', () => {
    expect(apiExplanation({ errors: { base: ['Channel is disabled'] } })).toBe(
      'Channel is disabled',
    );
    expect(apiExplanation({ errors: 'Not Found' })).toBe('Not Found');
    expect(apiExplanation({ message: 'Nope' })).toBe('Nope');
    expect(apiExplanation({ message: 'Nope' }, false)).toBeUndefined();
    expect(apiExplanation({ errors: {} })).toBeUndefined();
    expect(apiExplanation([1, 2])).toBeUndefined();
    expect(apiExplanation(undefined)).toBeUndefined();
  });
});

// Hostile or odd paths and answers (issue 12).

describe('paths cannot climb', () => {
  const climbing = [
    '.',
    '..',
    '%2E%2E',
    '%2e',
    '%252E%252E',
    '',
    ' ',
    'a/b',
    'a%2Fb',
    '..%2F..',
    'a\\b',
    '%5C',
  ];

  it.each(climbing)('apiPath refuses the segment %j before any request', (segment) => {
    expect(thrownBy(() => apiPath('conversations', segment, 'messages'))).toEqual({
      name: 'AppError',
      code: 'InvalidPath',
      status: 400,
      message: `"${segment}" cannot be used in a Re:amaze address: it is empty, "." or "..", or contains a slash.`,
    });
  });

  it('keeps ordinary segments, encoded', () => {
    expect(apiPath('contacts', 'maya+vip@example.com', 'notes')).toBe(
      '/contacts/maya%2Bvip%40example.com/notes',
    );
    expect(apiPath('conversations', 'café-order')).toBe('/conversations/caf%C3%A9-order');
    expect(apiPath('conversations', 'v1.2-release')).toBe('/conversations/v1.2-release');
  });

  it.each(['/conversations/..', '/conversations/%2e%2e/x', '/a//b', 'conversations', '/a\\..'])(
    'reamazeRequest refuses a hand-built path %j without sending it',
    async (path) => {
      expect(await failure(send({ path }))).toMatchObject({
        name: 'AppError',
        code: 'InvalidPath',
      });
    },
  );
});

describe('403 is told apart', () => {
  const forbidden = async (body: string, headers: Record<string, string>, method = 'GET') => {
    reamaze().intercept('/api/v1/thing', method).reply(403, body, headers);
    return failure(
      send({ method: method as 'GET', path: '/thing', body: method === 'GET' ? undefined : {} }),
    );
  };
  const proxyPage =
    '<html><head><title>403 Forbidden</title></head><body><h1>Access denied</h1><p>Request blocked by the firewall.</p></body></html>';

  it('an HTML block page from a proxy is temporary on a read, not "reconnect"', async () => {
    expect(await forbidden(proxyPage, { 'Content-Type': 'text/html' })).toEqual({
      name: 'ThrottledError',
      delay: 60,
      message: `Something between Zapier and Re:amaze blocked the request with a page instead of data (HTTP 403 Forbidden).${temporaryRead}`,
    });
  });

  it('an HTML block page on a write may or may not have saved the change', async () => {
    expect(await forbidden(proxyPage, { 'Content-Type': 'text/html' }, 'POST')).toEqual({
      name: 'AppError',
      code: 'ReamazeUnavailable',
      status: 503,
      message: `Something between Zapier and Re:amaze blocked the request with a page instead of data (HTTP 403 Forbidden).${temporaryWrite}`,
    });
  });

  it('a plain-text 403 from a CDN is not about the account either', async () => {
    expect((await forbidden('Forbidden', { 'Content-Type': 'text/plain' })).name).toBe(
      'ThrottledError',
    );
  });

  it('a JSON rate-limit 403 is throttling, with its Retry-After', async () => {
    expect(
      await forbidden(
        '{"error":"Rate limit exceeded"}',
        {
          'Content-Type': 'application/json',
          'Retry-After': '30',
        },
        'POST',
      ),
    ).toEqual({
      name: 'ThrottledError',
      delay: 30,
      message:
        "Re:amaze's rate limit for this API token was reached (HTTP 403 Forbidden). Zapier will try again later.",
    });
  });

  it('a JSON 403 about the credentials, or an empty one, asks to reconnect', async () => {
    for (const body of ['{"error":"Invalid login email or API token"}', '']) {
      expect((await forbidden(body, { 'Content-Type': 'application/json' })).name).toBe(
        'ExpiredAuthError',
      );
    }
  });
});

describe('Retry-After is kept between 1 s and 1 h', () => {
  const now = Date.parse('2026-03-09T15:00:00Z');
  it.each([
    ['99999999999999999999', 3600],
    ['3601', 3600],
    ['3600', 3600],
    ['0', 1],
    ['Mon, 09 Mar 2026 15:00:30 GMT', 30],
    ['Sat, 01 Jan 2300 00:00:00 GMT', 3600],
    ['Thu, 01 Jan 1970 00:00:00 GMT', 1],
    ['-5', 60],
    ['1.5', 60],
    ['2026', 2026],
    ['soon', 60],
    ['', 60],
  ])('%j → %i s', (header, seconds) => {
    expect(retryAfterSeconds(header, now)).toBe(seconds);
  });

  it('a 429 with an absurd Retry-After waits one hour', async () => {
    reamaze().get('/api/v1/x').reply(429, '', { 'Retry-After': '99999999999999999999' });
    expect((await failure(send({ path: '/x' }))).delay).toBe(3600);
  });
});

describe('an error inside a 2xx answer is an error', () => {
  it.each([
    ['POST', { error: 'Could not create conversation' }, 'Could not create conversation.'],
    ['POST', { errors: { email: ['is taken'] } }, 'email is taken.'],
    ['PUT', { errors: ['Conversation is locked'] }, 'Conversation is locked.'],
  ])('%s answering 200 %j', async (method, body, explanation) => {
    reamaze().intercept('/api/v1/thing', method).reply(200, body);
    expect(await failure(send({ method: method as 'POST', path: '/thing', body: {} }))).toEqual({
      name: 'AppError',
      code: 'ErrorInAnswer',
      status: 502,
      message: `Re:amaze answered with an error although the request went through: ${explanation} Check Re:amaze before you replay this step, so it is not done twice.`,
    });
  });

  it('a read says to try again', async () => {
    reamaze().get('/api/v1/thing').reply(200, { error: 'Something broke' });
    expect((await failure(send({ path: '/thing' }))).message).toBe(
      "Re:amaze answered with an error although the request went through: Something broke. Try again; if it persists, contact the integration's support.",
    );
  });

  it('empty error fields are not an error', async () => {
    reamaze().get('/api/v1/thing').reply(200, { errors: null, error: '', slug: 'a' });
    await expect(send({ path: '/thing' })).resolves.toEqual({ errors: null, error: '', slug: 'a' });
  });
});

describe('text with template curlies reaches Re:amaze as written', () => {
  it('a body and a query parameter holding {{bundle.…}} and {{process.…}}', async () => {
    const text = 'Hi {{bundle.authData.password}} and {{ process.env.SECRET }} }}{{';
    const scope = reamaze()
      .post('/api/v1/things', { message: { body: text } })
      .query({ q: '{{bundle.inputData.x}}' })
      .reply(200, { ok: true });
    await expect(
      send({
        method: 'POST',
        path: '/things',
        params: { q: '{{bundle.inputData.x}}' },
        body: { message: { body: text } },
      }),
    ).resolves.toEqual({ ok: true });
    expect(scope.isDone()).toBe(true);
  });
});

describe('a 404 can mean "there is none"', () => {
  it('resolves to undefined when the caller says so', async () => {
    reamaze().get('/api/v1/conversations/gone').reply(404, { error: 'Not found' });
    await expect(
      send({ path: '/conversations/gone', notFoundIsAbsent: true }),
    ).resolves.toBeUndefined();
  });
});

describe('the token never comes back, in any form', () => {
  const pair = `${authData.username}:${authData.password}`;
  const encoded = BASIC_AUTH.replace('Basic ', '');
  const forms = [
    authData.password,
    authData.password.toUpperCase(),
    authData.password.toLowerCase(),
    pair,
    pair.toUpperCase(),
    encoded,
    BASIC_AUTH,
  ];

  it.each(forms)('redact removes %j', (form) => {
    const shown = redact(`before ${form} after`, { authData });
    expect(shown.toLowerCase()).not.toContain(authData.password.toLowerCase());
    expect(shown).not.toContain(encoded);
    expect(shown).toContain('[redacted]');
  });

  it('a 422 echoing the Basic credential and the token in capitals shows neither', async () => {
    reamaze()
      .post('/api/v1/thing')
      .reply(422, {
        error: `Bad header ${BASIC_AUTH} for ${authData.password.toUpperCase()} (${pair})`,
      });
    const error = await failure(send({ method: 'POST', path: '/thing', body: {} }));
    expect(error.message).toBe(
      'Re:amaze refused the request (HTTP 422 Unprocessable Entity): Bad header Basic [redacted] for [redacted] ([redacted]).',
    );
  });
});

describe('promisedRecord: a 2xx answer must hold what it promised', () => {
  const conversation: Promised = {
    key: 'conversation',
    ids: ['slug'],
    noun: 'conversation',
    what: 'the new conversation',
    afterWrite: true,
  };
  const check = (body: unknown, promised: Promised = conversation) =>
    appTester(async (z: ZObject) => promisedRecord(z, body, promised), { authData });

  it('takes the wrapped or the bare record when it is identified', async () => {
    await expect(check({ conversation: { slug: 'a' } })).resolves.toEqual({ slug: 'a' });
    await expect(check({ slug: 'b', subject: 'x' })).resolves.toEqual({ slug: 'b', subject: 'x' });
  });

  it.each([{}, { conversation: {} }, { slug: '' }, { slug: null, subject: 'x' }])(
    '%j after a write: accepted, but no conversation',
    async (body) => {
      expect(await failure(check(body))).toEqual({
        name: 'AppError',
        code: 'UnexpectedResponse',
        status: 502,
        message:
          'Re:amaze accepted the request but returned no conversation. Check Re:amaze before you replay this step, so it is not done twice.',
      });
    },
  );

  it('{} on a read is an error, not an empty item', async () => {
    expect((await failure(check({}, { ...conversation, afterWrite: false }))).message).toBe(
      "Re:amaze answered without the conversation. Try again; if it persists, contact the integration's support.",
    );
  });
});
