import type { Sandbox } from '../../tools/sandbox/server';
import { failure } from '../helpers';
import {
  authTest,
  createConversation,
  newMessage,
  run,
  startE2eSandbox,
  stopE2eSandbox,
  type Item,
} from './helpers';

let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await startE2eSandbox();
});

afterEach(async () => {
  await stopE2eSandbox(sandbox);
});

const RATE_LIMITED =
  "Re:amaze's rate limit for this API token was reached (HTTP 429 Too Many Requests). Zapier will try again later.";
const conversation = {
  channel: 'support',
  subject: 'Rate limited?',
  message: 'Hello',
  customer_email: 'nina.alvarez@example.com',
};

describe('the rate limit', () => {
  it('makes a poll a ThrottledError with the Retry-After delay, then polls again once the window passes', async () => {
    sandbox.clock.freeze();
    sandbox.setRateLimit({ requests: 2, windowMs: 60_000 });
    await run(authTest());
    sandbox.clock.advance(20_000);
    await run<Item[]>(newMessage());
    const error = await failure(run<Item[]>(newMessage()));
    expect(error).toEqual({ name: 'ThrottledError', message: RATE_LIMITED, delay: 40 });
    expect(sandbox.requests.map((entry) => entry.status)).toEqual([200, 200, 429]);
    sandbox.clock.advance(40_000);
    expect(await run<Item[]>(newMessage())).toHaveLength(30);
  });

  it('reads Retry-After as an HTTP date, and waits 60 s when there is none', async () => {
    sandbox.setRateLimit({ requests: 0, retryAfter: 'http-date' });
    const dated = await failure(run<Item[]>(newMessage()));
    expect(dated.name).toBe('ThrottledError');
    expect(dated.delay).toBeGreaterThanOrEqual(58);
    expect(dated.delay).toBeLessThanOrEqual(61);
    sandbox.setRateLimit({ requests: 0, retryAfter: 'none' });
    expect(await failure(run<Item[]>(newMessage()))).toEqual({
      name: 'ThrottledError',
      message: RATE_LIMITED,
      delay: 60,
    });
  });

  it('makes a create a ThrottledError too, and nothing is created', async () => {
    sandbox.setRateLimit({ requests: 0 });
    const error = await failure(run(createConversation(), conversation));
    expect(error).toEqual({ name: 'ThrottledError', message: RATE_LIMITED, delay: 60 });
    expect(sandbox.store.conversation('rate-limited')).toBeUndefined();
  });

  it('stops a burst poll at the page that hit the limit and returns the pages before it (the next poll reads the rest)', async () => {
    sandbox.addBurst(90);
    sandbox.setRateLimit({ requests: 2 });
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const items = await run<Item[]>(newMessage());
    expect(items).toHaveLength(60);
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(
        /^New Message: Stopped after 2 page\(s\), 60 items .* because page 3 failed/,
      ),
    );
    log.mockRestore();
    expect(sandbox.requests.map((entry) => `${entry.query.page} ${entry.status}`)).toEqual([
      '1 200',
      '2 200',
      '3 429',
    ]);
  });
});

describe('server failures', () => {
  it('a 503 on a poll is retried later; a 500 on a create is reported without a retry', async () => {
    sandbox.failNext(1, { status: 503, headers: { 'Retry-After': '30' } }, { path: '/messages' });
    expect(await failure(run<Item[]>(newMessage()))).toEqual({
      name: 'ThrottledError',
      message:
        'Re:amaze is temporarily unavailable (HTTP 503 Service Unavailable). This is usually temporary: Zapier will try again shortly.',
      delay: 30,
    });
    sandbox.failNext(1, { status: 500 }, { method: 'POST' });
    expect(await failure(run(createConversation(), conversation))).toEqual({
      name: 'AppError',
      code: 'ReamazeUnavailable',
      status: 503,
      message:
        'Re:amaze had a problem answering (HTTP 500 Internal Server Error). Re:amaze may or may not have saved the change: check Re:amaze before you replay this step.',
    });
  });

  it('a dropped connection on a poll is retried later', async () => {
    sandbox.failNext(1, { reset: true });
    const error = await failure(run<Item[]>(newMessage()));
    expect(error.name).toBe('ThrottledError');
    expect(error.message).toMatch(/^The connection to Re:amaze failed \(ECONNRESET\)\./);
  });
});
