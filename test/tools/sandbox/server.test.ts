import type { Sandbox } from '../../../tools/sandbox/server';
import { BASIC, call, credentials as authData, testSandbox } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await testSandbox();
});

afterAll(async () => {
  await sandbox.stop();
});

afterEach(() => {
  sandbox.clearFaults();
  sandbox.setRateLimit(undefined);
  sandbox.setLatency(0);
  sandbox.clock.reset();
  sandbox.clearLog();
});

const basic = (username: string, password: string): string =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

describe('start and stop', () => {
  it('listens on a free loopback port under /api/v1 and stops cleanly', async () => {
    const other = await testSandbox({ seed: false });
    expect(other.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    expect(other.baseUrl).not.toBe(sandbox.baseUrl);
    const url = other.baseUrl;
    await other.stop();
    await expect(fetch(`${url}/channels`)).rejects.toThrow();
  });

  it('accepts a random token and the seeded admin by default, and adds an unknown login as staff', async () => {
    const byDefault = await testSandbox({ credentials: undefined, seed: true });
    expect(byDefault.credentials.username).toBe('agent@acme.example');
    expect(byDefault.credentials.password).toMatch(/^sandbox_[0-9a-f]{24}$/);
    await byDefault.stop();
    const stranger = await testSandbox({
      credentials: { username: 'api@elsewhere.example', password: 'x-token' },
    });
    expect(stranger.store.staffByEmail('api@elsewhere.example')?.admin).toBe(true);
    await stranger.stop();
  });
});

describe('HTTP Basic auth', () => {
  it.each([
    ['no Authorization header', undefined],
    ['a wrong API token', basic(authData.username, 'tok_wrong')],
    ['a wrong login email', basic('someone@acme.example', authData.password)],
    ['a Bearer token', `Bearer ${authData.password}`],
    ['garbage', 'Basic !!!'],
  ])('answers 403 with a JSON error for %s', async (_case, authorization) => {
    const result = await call(sandbox, '/messages', {
      headers: {
        Accept: 'application/json',
        ...(authorization ? { Authorization: authorization } : {}),
      },
    });
    expect(result.status).toBe(403);
    expect(result.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(result.json).toEqual({ error: 'Invalid login email or API token' });
  });

  it('accepts the login email in any case, the token exactly', async () => {
    const upper = basic(authData.username.toUpperCase(), authData.password);
    expect(
      (
        await call(sandbox, '/channels', {
          headers: { Authorization: upper, Accept: 'application/json' },
        })
      ).status,
    ).toBe(200);
    const upperToken = basic(authData.username, authData.password.toUpperCase());
    expect(
      (
        await call(sandbox, '/channels', {
          headers: { Authorization: upperToken, Accept: 'application/json' },
        })
      ).status,
    ).toBe(403);
  });
});

describe('the Accept rule', () => {
  it('refuses a request that neither accepts JSON nor ends in .json (406)', async () => {
    for (const accept of [undefined, 'text/html', '*/*']) {
      const result = await call(sandbox, '/channels', {
        headers: { Authorization: BASIC, ...(accept ? { Accept: accept } : {}) },
      });
      expect(result.status).toBe(406);
      expect(result.text).toContain('Accept: application/json');
    }
  });

  it('serves JSON for Accept: application/json (also in a list) or a .json path', async () => {
    const listed = await call(sandbox, '/channels', {
      headers: { Authorization: BASIC, Accept: 'text/html, application/json;q=0.9' },
    });
    expect(listed.status).toBe(200);
    const suffixed = await call(sandbox, '/conversations/do-you-ship-to-canada.json', {
      headers: { Authorization: BASIC },
    });
    expect(suffixed.status).toBe(200);
    expect((suffixed.json as { slug: string }).slug).toBe('do-you-ship-to-canada');
    const listSuffixed = await call(sandbox, '/messages.json?filter=staff', {
      headers: { Authorization: BASIC },
    });
    expect(listSuffixed.status).toBe(200);
  });
});

describe('unknown addresses', () => {
  it.each([
    ['GET', '/nothing-here'],
    ['GET', '/conversations/no-such-conversation'],
    ['GET', '/conversations/no-such-conversation/messages'],
    ['POST', '/conversations/no-such-conversation/messages'],
    ['PUT', '/conversations/no-such-conversation'],
    ['GET', '/channels/no-such-channel'],
    ['DELETE', '/conversations/do-you-ship-to-canada'],
  ])('%s %s → 404 with a JSON error', async (method, path) => {
    const result = await call(sandbox, path, {
      method,
      body: method === 'GET' || method === 'DELETE' ? undefined : { message: { body: 'x' } },
    });
    expect(result.status).toBe(404);
    expect(result.json).toEqual({ error: 'Not Found' });
  });

  it('answers 404 outside /api/v1', async () => {
    const response = await fetch(sandbox.baseUrl.replace('/api/v1', '/api/v2/messages'), {
      headers: { Authorization: BASIC, Accept: 'application/json' },
    });
    expect(response.status).toBe(404);
  });

  it('decodes encoded slugs', async () => {
    const result = await call(
      sandbox,
      `/conversations/${encodeURIComponent('do-you-ship-to-canada')}`,
    );
    expect(result.status).toBe(200);
    expect((await call(sandbox, '/conversations/a%2Fb')).status).toBe(404);
  });
});

describe('request bodies', () => {
  it('answers 400 for a body that is not JSON', async () => {
    const result = await call(sandbox, '/conversations', {
      method: 'POST',
      body: '{"conversation": ',
    });
    expect(result.status).toBe(400);
    expect(result.json).toEqual({ error: 'The request body is not valid JSON' });
  });
});

describe('the request log', () => {
  it('records method, path, query, body and status, never the credentials', async () => {
    await call(sandbox, '/messages?filter=customer&page=2');
    await call(sandbox, '/conversations/do-you-ship-to-canada/messages', {
      method: 'POST',
      body: { message: { body: 'Logged reply' } },
    });
    await call(sandbox, '/messages', { headers: { Accept: 'application/json' } });
    expect(
      sandbox.requests.map(({ method, path, query, status, fault }) => ({
        method,
        path,
        query,
        status,
        fault,
      })),
    ).toEqual([
      {
        method: 'GET',
        path: '/messages',
        query: { filter: 'customer', page: '2' },
        status: 200,
        fault: false,
      },
      {
        method: 'POST',
        path: '/conversations/do-you-ship-to-canada/messages',
        query: {},
        status: 201,
        fault: false,
      },
      { method: 'GET', path: '/messages', query: {}, status: 403, fault: false },
    ]);
    expect(sandbox.requests[1]?.body).toEqual({ message: { body: 'Logged reply' } });
    expect(sandbox.requests.map((entry) => entry.seq)).toEqual(
      [0, 1, 2].map((i) => (sandbox.requests[0]?.seq ?? 0) + i),
    );
    const logged = JSON.stringify(sandbox.requests);
    expect(logged).not.toContain(authData.password);
    expect(logged).not.toContain(BASIC.slice(6));
  });
});

describe('switches', () => {
  it('delays every answer by the latency', async () => {
    sandbox.setLatency(120);
    const started = performance.now();
    expect((await call(sandbox, '/channels')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    expect(sandbox.requests[0]?.durationMs).toBeGreaterThanOrEqual(115);
  });

  it('rate-limits per token with 429 and Retry-After in seconds until the window passes', async () => {
    sandbox.clock.freeze(Date.parse('2026-03-01T12:00:00Z'));
    sandbox.setRateLimit({ requests: 2, windowMs: 60_000 });
    expect((await call(sandbox, '/channels')).status).toBe(200);
    sandbox.clock.advance(15_000);
    expect((await call(sandbox, '/channels')).status).toBe(200);
    const limited = await call(sandbox, '/channels');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('45');
    expect(limited.json).toEqual({ error: 'Too Many Requests' });
    sandbox.clock.advance(45_000);
    expect((await call(sandbox, '/channels')).status).toBe(200);
  });

  it('does not count requests with wrong credentials against the token', async () => {
    sandbox.setRateLimit({ requests: 1 });
    const wrong = { Authorization: basic(authData.username, 'nope'), Accept: 'application/json' };
    expect((await call(sandbox, '/channels', { headers: wrong })).status).toBe(403);
    expect((await call(sandbox, '/channels')).status).toBe(200);
    expect((await call(sandbox, '/channels')).status).toBe(429);
  });

  it('can say Retry-After as an HTTP date, or not at all', async () => {
    sandbox.setRateLimit({ requests: 0, retryAfter: 'http-date' });
    const dated = await call(sandbox, '/channels');
    const at = Date.parse(dated.headers.get('retry-after') ?? '');
    expect(at - Date.now()).toBeGreaterThan(55_000);
    expect(at - Date.now()).toBeLessThanOrEqual(61_000);
    sandbox.setRateLimit({ requests: 0, retryAfter: 'none' });
    const bare = await call(sandbox, '/channels');
    expect(bare.status).toBe(429);
    expect(bare.headers.get('retry-after')).toBeNull();
  });

  it('fails exactly the next N matching requests, then answers normally', async () => {
    sandbox.failNext(2, { status: 503, headers: { 'Retry-After': '7' } }, { path: '/messages' });
    expect((await call(sandbox, '/channels')).status).toBe(200);
    const first = await call(sandbox, '/messages');
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('7');
    expect(first.json).toEqual({ error: 'Injected fault 503' });
    expect((await call(sandbox, '/messages')).status).toBe(503);
    expect(sandbox.faults.pending()).toBe(0);
    expect((await call(sandbox, '/messages')).status).toBe(200);
    expect(sandbox.requests.map((entry) => entry.fault)).toEqual([false, true, true, false]);
  });

  it('injects faults before auth, like a proxy in front of the API', async () => {
    sandbox.failNext(1, { status: 502 });
    const result = await call(sandbox, '/messages', { headers: { Accept: 'application/json' } });
    expect(result.status).toBe(502);
  });

  it('sends string bodies as they are: an HTML page, truncated JSON, nothing', async () => {
    sandbox.failNext(1, { status: 200, body: '<html><body>Down for maintenance</body></html>' });
    sandbox.failNext(1, { status: 200, body: '{"messages": [' });
    sandbox.failNext(1, { status: 200, body: '' });
    sandbox.failNext(1, { status: 200, body: { messages: null } });
    const html = await call(sandbox, '/messages');
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.text).toBe('<html><body>Down for maintenance</body></html>');
    expect((await call(sandbox, '/messages')).text).toBe('{"messages": [');
    expect((await call(sandbox, '/messages')).text).toBe('');
    expect((await call(sandbox, '/messages')).json).toEqual({ messages: null });
  });

  it('drops the connection on a reset fault', async () => {
    sandbox.failNext(1, { reset: true });
    await expect(call(sandbox, '/messages')).rejects.toThrow();
    expect(sandbox.requests[0]?.status).toBe(0);
    expect((await call(sandbox, '/messages')).status).toBe(200);
  });

  it('delays one answer with a delay fault and then answers normally', async () => {
    sandbox.failNext(1, { delayMs: 150 }, { method: 'GET', path: /^\/messages$/ });
    const started = performance.now();
    const result = await call(sandbox, '/messages');
    expect(result.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    expect(sandbox.requests[0]?.fault).toBe(false);
  });

  it('asks a fault rule about every request', async () => {
    const seen: string[] = [];
    sandbox.setFaultRule((request) => {
      seen.push(`${request.method} ${request.path} page=${request.query.get('page') ?? ''}`);
      return request.query.get('page') === '2' ? { status: 500 } : undefined;
    });
    expect((await call(sandbox, '/messages?page=1')).status).toBe(200);
    expect((await call(sandbox, '/messages?page=2')).status).toBe(500);
    expect(seen).toEqual(['GET /messages page=1', 'GET /messages page=2']);
  });
});
