import type { Bundle, ZObject } from 'zapier-platform-core';
import { reamazeRequest } from '../../lib/http/client';
import { appTester, authData, reamaze, resetNock } from '../helpers';
import { LONG } from '../runs';
import { lowerRequestTimeout } from './matrix';
import { captureRun, expectNoSecret, operationSecrets, TOKEN } from './secrets';

/** The token never leaks, from the shared client and from every operation (see secrets.ts). */

jest.setTimeout(20_000);

describe('the capture sees what would leak', () => {
  it('z.console output and the runner’s request log are both captured', async () => {
    reamaze().get('/api/v1/channels').reply(200, { channels: [] });
    const { output } = await captureRun(() =>
      appTester(
        async (z: ZObject, bundle: Bundle) => {
          z.console.log('console marker');
          return reamazeRequest(z, bundle, { path: '/channels' });
        },
        { authData },
      ),
    );
    expect(output).toContain('console marker');
    expect(output).toContain('GET https://acme.reamaze.io/api/v1/channels');
    resetNock();
  });
});

describe('the shared client, whatever Re:amaze answers', () => {
  afterEach(() => {
    resetNock();
    jest.restoreAllMocks();
  });

  const send = () =>
    appTester((z: ZObject, bundle: Bundle) => reamazeRequest(z, bundle, { path: '/channels' }), {
      authData,
    });

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
          .reply(422, { error: `bad token ${TOKEN}` }),
    ],
    ['a server error', () => reamaze().get('/api/v1/channels').reply(500, '<html>oops</html>')],
    [
      'a reset connection',
      () => reamaze().get('/api/v1/channels').replyWithError({ code: 'ECONNRESET' }),
    ],
    ['a timeout', () => reamaze().get('/api/v1/channels').delay(500).reply(200, {})],
  ])('%s', async (name, arrange) => {
    arrange();
    if (name === 'a timeout') lowerRequestTimeout(100); // a loaded machine may take longer otherwise
    const { output, failed } = await captureRun(send);
    // The runner logs URL, status and bodies (headers it refuses to print); a reset or a timeout
    // has no response to log.
    if (name.includes('reset') || name.includes('timeout')) expect(failed).toBe(true);
    else expect(output).toContain('GET https://acme.reamaze.io/api/v1/channels');
    expectNoSecret(output);
  });
});

operationSecrets({ full: LONG });
