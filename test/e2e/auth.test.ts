import type { Sandbox } from '../../tools/sandbox/server';
import { authData, failure } from '../helpers';
import { authTest, requestLines, run, startE2eSandbox, stopE2eSandbox } from './helpers';

let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await startE2eSandbox();
});

afterEach(async () => {
  await stopE2eSandbox(sandbox);
});

describe('the auth test against the sandbox', () => {
  it('connects with one request and returns what the connection label shows', async () => {
    expect(await run(authTest())).toEqual({
      login_email: 'agent@acme.example',
      brand_host: 'acme.reamaze.io',
      channel_count: 9,
    });
    expect(requestLines(sandbox)).toEqual(['GET /channels']);
    expect(sandbox.requests[0]?.status).toBe(200);
  });

  it('turns a wrong API token into a request to reconnect', async () => {
    const error = await failure(
      run(authTest(), {}, {}, { ...authData, password: 'tok_old_revoked' }),
    );
    expect(error).toEqual({
      name: 'ExpiredAuthError',
      message:
        'Re:amaze did not accept the login email or API token for acme.reamaze.io (HTTP 403 Forbidden). Reconnect your Re:amaze account in Zapier with your login email and a current API token (Re:amaze → Settings → API Token).',
    });
    expect(sandbox.requests.map((entry) => entry.status)).toEqual([403]);
  });

  it('refuses a bad brand before any request', async () => {
    const error = await failure(run(authTest(), {}, {}, { ...authData, brand: 'acme.evil.com' }));
    expect(error).toMatchObject({ name: 'AppError', code: 'InvalidBrand', status: 400 });
    expect(sandbox.requests).toEqual([]);
  });
});
