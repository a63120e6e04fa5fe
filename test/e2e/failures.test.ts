import type { Sandbox } from '../../tools/sandbox/server';
import { failure } from '../helpers';
import { authTest, newMessage, run, startE2eSandbox, stopE2eSandbox, type Item } from './helpers';

let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await startE2eSandbox();
});

afterEach(async () => {
  await stopE2eSandbox(sandbox);
});

const RATE_LIMITED =
  "Re:amaze's rate limit for this API token was reached (HTTP 429 Too Many Requests). Zapier will try again later.";

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
