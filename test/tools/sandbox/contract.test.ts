import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { Sandbox } from '../../../tools/sandbox/server';
import {
  BASIC,
  call,
  credentials,
  get,
  getAll,
  instant,
  testSandbox,
  type ApiConversation,
  type ApiMessage,
  type ConversationsPage,
  type MessagesPage,
} from './helpers';

/**
 * The sandbox's contract: what the e2e tests, the fault matrix and `npm start` rely on it to do as
 * Re:amaze does (docs and seeds of the real API). Everything else of the fake is tested through them.
 */

let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await testSandbox();
});

afterEach(async () => {
  await sandbox.stop();
});

const basic = (username: string, password: string): string =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
const slugs = async (query: string): Promise<string[]> =>
  (await getAll<ApiConversation>(sandbox, `/conversations${query}`, 'conversations')).map(
    (c) => c.slug,
  );
const newestFirst = (times: string[]): boolean =>
  times.every((time, i) => i === 0 || instant(times[i - 1] as string) >= instant(time));

describe('the sandbox, as Re:amaze', () => {
  it('refuses wrong credentials with 403 and the JSON error; the login email in any case', async () => {
    for (const authorization of [basic(credentials.username, 'tok_wrong'), undefined]) {
      const result = await call(sandbox, '/messages', {
        headers: {
          Accept: 'application/json',
          ...(authorization ? { Authorization: authorization } : {}),
        },
      });
      expect([result.status, result.json]).toEqual([
        403,
        { error: 'Invalid login email or API token' },
      ]);
    }
    const upper = basic(credentials.username.toUpperCase(), credentials.password);
    const headers = { Authorization: upper, Accept: 'application/json' };
    expect((await call(sandbox, '/channels', { headers })).status).toBe(200);
  });

  it.each([
    ['GET', '/conversations/no-such-conversation'],
    ['PUT', '/conversations/no-such-conversation'],
    ['POST', '/conversations/no-such-conversation/messages'],
    ['GET', '/response_templates/999999'],
    ['GET', '/nothing-here'],
  ])('answers %s %s with 404 {"error":"Not Found"}', async (method, path) => {
    const body = method === 'GET' ? undefined : { message: { body: 'x' } };
    const result = await call(sandbox, path, { method, body });
    expect([result.status, result.json]).toEqual([404, { error: 'Not Found' }]);
  });

  it('pages by 30 in the envelope, newest first in the brand offset; past the end is empty', async () => {
    const first = await get<MessagesPage>(sandbox, '/messages');
    expect(first).toMatchObject({ page_size: 30, page_count: 2, total_count: 42 });
    expect(first.messages).toHaveLength(30);
    expect((await get<MessagesPage>(sandbox, '/messages?page=3')).messages).toEqual([]);
    const all = await getAll<ApiMessage>(sandbox, '/messages', 'messages');
    expect(all).toHaveLength(42);
    expect(newestFirst(all.map((m) => m.created_at))).toBe(true);
    expect(all.every((m) => /\.\d{3}-07:00$/.test(m.created_at))).toBe(true);
  });

  it('sends a conversation and a message in the documented shapes', async () => {
    expect(await get(sandbox, '/conversations/where-is-my-order-10482')).toEqual({
      subject: 'Where is my order #10482?',
      display_subject: 'Where is my order #10482?',
      slug: 'where-is-my-order-10482',
      status: 1,
      origin: 1,
      created_at: expect.stringMatching(/-07:00$/),
      updated_at: expect.stringMatching(/-07:00$/),
      hold_until: null,
      tag_list: ['shipping', 'order'],
      data: { order_id: '10482' },
      perma_url: 'https://acme.reamaze.com/admin/conversations/where-is-my-order-10482',
      message: { body: expect.stringContaining('Summit 2 tent'), origin_id: null },
      message_count: 4,
      last_customer_message: { body: expect.any(String), created_at: expect.any(String) },
      last_staff_message: { body: expect.any(String), created_at: expect.any(String) },
      author: expect.objectContaining({ id: expect.any(Number), name: 'Dana Whitfield' }),
      assignee: { name: 'Priya Shah', email: 'priya@acme.example' },
      category: { name: 'Support', slug: 'support', email: 'support@acme.example', channel: 1 },
      // Followers include the customer, as real data shows (a Python client's models).
      followers: [
        expect.objectContaining({
          id: 7310001,
          name: 'Dana Whitfield',
          email: 'dana.whitfield@example.com',
          'staff?': false,
          'customer?': true,
        }),
        { name: 'Marco Rossi', email: 'marco@acme.example', 'staff?': true, 'customer?': false },
      ],
    });
    const all = await getAll<ApiMessage>(sandbox, '/messages', 'messages');
    expect(all.find((m) => m.body.includes('opened a trace'))).toEqual({
      body: expect.stringContaining('<p>Hi Dana,</p>'),
      visibility: 0,
      origin: 1,
      origin_id: null,
      created_at: expect.any(String),
      user: { name: 'Priya Shah', email: 'priya@acme.example', 'staff?': true },
      recipients: [{ name: 'Dana Whitfield', email: 'dana.whitfield@example.com' }],
      attachments: [],
      conversation: {
        subject: 'Where is my order #10482?',
        slug: 'where-is-my-order-10482',
        created_at: expect.any(String),
        category: { name: 'Support', slug: 'support', email: 'support@acme.example', channel: 1 },
      },
    });
  });

  it('filters conversations by what the triggers send', async () => {
    expect(await slugs('?filter=archived')).toEqual(['catalog-request']);
    expect(await slugs('?filter=all')).toHaveLength(18);
    expect(await slugs('')).toHaveLength(17);
    expect(await slugs('?category=sales')).toEqual([
      'bulk-order-for-our-scout-troop',
      'your-quote-for-12-summit-2-tents',
    ]);
    expect(await slugs('?tag=b2b,billing')).toHaveLength(3);
    expect(await slugs('?data[order_id]=10482')).toEqual(['where-is-my-order-10482']);
    const changed = await getAll<ApiConversation>(
      sandbox,
      '/conversations?sort=changed',
      'conversations',
    );
    expect(newestFirst(changed.map((c) => c.updated_at))).toBe(true);
  });

  it('moves a conversation to the top of sort=changed on a PUT; a refused PUT changes nothing', async () => {
    const slug = 'sms-with-1-415-555-0134';
    const put = (conversation: unknown) =>
      call(sandbox, `/conversations/${slug}`, { method: 'PUT', body: { conversation } });
    const before = await get<ApiConversation>(sandbox, `/conversations/${slug}`);
    const refused = await put({ status: 5 });
    expect([refused.status, refused.json]).toEqual([
      422,
      { errors: { hold_until: ["can't be blank when the status is On Hold"] } },
    ]);
    expect(await get(sandbox, `/conversations/${slug}`)).toEqual(before);
    const result = await put({ assignee: 'jo@acme.example', data: { store: 'Boulder' } });
    expect(result.json).toMatchObject({
      assignee: { name: 'Jo Kim', email: 'jo@acme.example' },
      data: { store: 'Boulder' },
    });
    const top = await get<ConversationsPage>(sandbox, '/conversations?sort=changed');
    expect(top.conversations[0]?.slug).toBe(slug);
  });

  it('creates a conversation with its first message, listed first; refuses with every problem', async () => {
    const conversation = {
      subject: 'Broken zipper',
      category: 'support',
      message: { body: 'The zipper broke.' },
      user: { name: 'Nina Alvarez', email: 'nina.alvarez@example.com' },
    };
    const made = await call(sandbox, '/conversations', { method: 'POST', body: { conversation } });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ slug: 'broken-zipper', status: 0, message_count: 1 });
    expect((await get<MessagesPage>(sandbox, '/messages')).messages[0]).toMatchObject({
      body: 'The zipper broke.',
      user: { email: 'nina.alvarez@example.com', 'staff?': false },
      conversation: { slug: 'broken-zipper' },
    });
    const refused = await call(sandbox, '/conversations', {
      method: 'POST',
      body: { conversation: { subject: 'x', message: {}, user: {} } },
    });
    expect([refused.status, refused.json]).toEqual([
      422,
      {
        errors: {
          category: ["can't be blank"],
          message: { body: ["can't be blank"] },
          user: { email: ["can't be blank"] },
        },
      },
    ]);
  });

  it('adds a reply listed first; refuses a blank body and a repeated origin_id', async () => {
    const post = (message: unknown) =>
      call(sandbox, '/conversations/tent-pole-snapped-on-first-trip/messages', {
        method: 'POST',
        body: { message },
      });
    const reply = await post({ body: 'Shipped today.', origin_id: 'dup-1' });
    expect(reply.status).toBe(201);
    expect((await get<MessagesPage>(sandbox, '/messages')).messages[0]).toEqual(reply.json);
    const blank = await post({ body: '  ' });
    expect([blank.status, blank.json]).toEqual([422, { errors: { body: ["can't be blank"] } }]);
    const again = await post({ body: 'Shipped today.', origin_id: 'dup-1' });
    expect(again.json).toEqual({ errors: { origin_id: ['has already been taken'] } });
  });

  it('lists ratings newest first and answers 403 to a role without Reports', async () => {
    const body = await get<{ satisfaction_ratings: { rating: number }[] }>(
      sandbox,
      '/satisfaction_ratings',
    );
    expect(body.satisfaction_ratings.map((r) => r.rating)).toEqual([5, 2, 4, 1, 3, 5]);
    const user = sandbox.store.staffByEmail(credentials.username);
    if (!user) throw new Error('no API user');
    user.admin = false;
    const answer = await call(sandbox, '/satisfaction_ratings');
    expect([answer.status, answer.json]).toEqual([
      403,
      { error: 'You are not allowed to access reports' },
    ]);
  });

  it("searches templates by name; another user's personal template is not found", async () => {
    const found = await get<{ response_templates: { name: string }[] }>(
      sandbox,
      '/response_templates?q=RETURN',
    );
    expect(found.response_templates.map((t) => t.name)).toEqual(['Return label']);
    const personal = sandbox.store.responseTemplates[5];
    expect((await call(sandbox, `/response_templates/${personal?.id}`)).status).toBe(404);
  });
});

describe('the sandbox, as a test bench', () => {
  it('logs method, path, query, body and status, never the credentials', async () => {
    await call(sandbox, '/messages?filter=customer&page=2');
    await call(sandbox, '/conversations/do-you-ship-to-canada/messages', {
      method: 'POST',
      body: { message: { body: 'Logged reply' } },
    });
    expect(
      sandbox.requests.map(({ method, path, query, status, body }) => ({
        method,
        path,
        query,
        status,
        body,
      })),
    ).toEqual([
      {
        method: 'GET',
        path: '/messages',
        query: { filter: 'customer', page: '2' },
        status: 200,
        body: undefined,
      },
      {
        method: 'POST',
        path: '/conversations/do-you-ship-to-canada/messages',
        query: {},
        status: 201,
        body: { message: { body: 'Logged reply' } },
      },
    ]);
    const logged = JSON.stringify(sandbox.requests);
    expect(logged).not.toContain(credentials.password);
    expect(logged).not.toContain(BASIC.slice(6));
  });

  it('injects faults before auth: a rule per request, exactly N failures, raw bodies, a reset', async () => {
    const seen: string[] = [];
    sandbox.setFaultRule((request) => {
      seen.push(`${request.method} ${request.path}`);
      return request.query.get('page') === '2' ? { status: 500 } : undefined;
    });
    expect((await call(sandbox, '/messages?page=2', { headers: {} })).status).toBe(500);
    expect(seen).toEqual(['GET /messages']);
    sandbox.clearFaults();
    sandbox.failNext(2, { status: 200, body: '{"messages": [' }, { path: '/messages' });
    expect((await call(sandbox, '/channels')).status).toBe(200);
    expect((await call(sandbox, '/messages')).text).toBe('{"messages": [');
    expect((await call(sandbox, '/messages')).text).toBe('{"messages": [');
    expect((await call(sandbox, '/messages')).status).toBe(200);
    sandbox.failNext(1, { reset: true });
    await expect(call(sandbox, '/messages')).rejects.toThrow();
  });

  it('rate-limits with 429 and Retry-After in seconds until the window passes', async () => {
    sandbox.clock.freeze(Date.parse('2026-03-01T12:00:00Z'));
    sandbox.setRateLimit({ requests: 1, windowMs: 60_000 });
    expect((await call(sandbox, '/channels')).status).toBe(200);
    sandbox.clock.advance(15_000);
    const limited = await call(sandbox, '/channels');
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '45']);
    sandbox.clock.advance(45_000);
    expect((await call(sandbox, '/channels')).status).toBe(200);
  });

  it('`npm run sandbox` prints a working address and credentials, and stops on SIGTERM', async () => {
    // The script as `npm run sandbox` runs it, bundled here so `npm test` needs no build first.
    const script = join(mkdtempSync(join(tmpdir(), 'sandbox-')), 'main.js');
    buildSync({
      entryPoints: [join(__dirname, '../../../tools/sandbox/main.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: script,
      external: ['zapier-platform-core'],
      logLevel: 'silent',
    });
    const child = spawn(process.execPath, [script, '--port=0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        if (out.includes('authData_password=')) resolve();
      });
      child.on('exit', () => reject(new Error(`exited early: ${out}`)));
    });
    const value = (key: string) => new RegExp(`${key}=(\\S+)`).exec(out)?.[1] ?? '';
    const auth = basic(value('authData_username'), value('authData_password'));
    const response = await fetch(`${value('REAMAZE_BASE_URL')}/channels`, {
      headers: { Accept: 'application/json', Authorization: auth },
    });
    expect(response.status).toBe(200);
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
