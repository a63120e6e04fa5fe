import type { Bundle, ZObject } from 'zapier-platform-core';
import { reamazeRequest } from '../../lib/client';
import { appTester, authData, BASIC_AUTH, describeError, reamaze, resetNock } from '../helpers';

/** Everything the runner logs (core prints its request logs when these are set) plus every error. */
async function captureRun(run: () => Promise<unknown>): Promise<string> {
  const lines: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(' '));
  });
  process.env.LOG_TO_STDOUT = 'true';
  process.env.DETAILED_LOG_TO_STDOUT = 'true';
  try {
    await run();
  } catch (error) {
    lines.push(
      JSON.stringify(describeError(error)),
      String((error as Error).message),
      String((error as Error).stack),
    );
  } finally {
    delete process.env.LOG_TO_STDOUT;
    delete process.env.DETAILED_LOG_TO_STDOUT;
    log.mockRestore();
  }
  return lines.join('\n');
}

const send = () =>
  appTester((z: ZObject, bundle: Bundle) => reamazeRequest(z, bundle, { path: '/channels' }), {
    authData,
  });

afterEach(resetNock);

describe('the API token never appears in logs or errors', () => {
  const encoded = BASIC_AUTH.replace('Basic ', '');

  it.each<[string, () => void]>([
    ['a success', () => reamaze().get('/api/v1/channels').reply(200, { channels: [] })],
    [
      'a credentials failure',
      () => reamaze().get('/api/v1/channels').reply(403, { error: 'Unauthorized' }),
    ],
    [
      'a 422 that echoes the token',
      () =>
        reamaze()
          .get('/api/v1/channels')
          .reply(422, { error: `bad token ${authData.password}` }),
    ],
    ['a server error', () => reamaze().get('/api/v1/channels').reply(500, '<html>oops</html>')],
    [
      'a reset connection',
      () => reamaze().get('/api/v1/channels').replyWithError({ code: 'ECONNRESET' }),
    ],
  ])('%s', async (name, arrange) => {
    arrange();
    const output = await captureRun(send);
    // The runner logs URL, status and bodies (headers it refuses to print); a reset has no response to log.
    if (!name.includes('reset'))
      expect(output).toContain('GET https://acme.reamaze.io/api/v1/channels');
    expect(output).not.toContain(authData.password);
    expect(output).not.toContain(encoded);
  });
});
