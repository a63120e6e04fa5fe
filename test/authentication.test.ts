import nock from 'nock';
import App from '../index';
import { testAuth } from '../authentication';
import { appTester, authData, failure, reamaze, resetNock } from './helpers';

afterEach(resetNock);

const channels = {
  page_size: 30,
  page_count: 1,
  total_count: 2,
  channels: [
    { name: 'Support', slug: 'support', email: 'support@acme.reamaze.io', channel: 1 },
    { name: 'Website Chat', slug: 'website-chat', email: '', channel: 6 },
  ],
};

describe('authentication: a Brand that cannot be reached', () => {
  it.each(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET'])(
    'a %s in the connection test says to check the Brand, as typed, and never the token',
    async (code) => {
      nock('https://acmee.reamaze.io')
        .get('/api/v1/channels')
        .replyWithError({ code, message: `getaddrinfo ${code} acmee.reamaze.io` });
      expect(
        await failure(appTester(testAuth, { authData: { ...authData, brand: ' acmee ' } })),
      ).toEqual({
        name: 'AppError',
        code: 'UnknownBrand',
        status: 404,
        message: `Could not connect to acmee.reamaze.io (${code}): check the Brand. You entered "acmee"; it must be the part before .reamaze.io in the address you use for Re:amaze (for https://acme.reamaze.io enter acme). If the Brand is right, Re:amaze may be unreachable for a moment: try again in a minute.`,
      });
    },
  );

  it('a pasted address is named as typed, cut to 60 characters', async () => {
    const typed = `https://acme-outdoor-gear-and-supplies-international.reamaze.io/admin/conversations`;
    nock('https://acme-outdoor-gear-and-supplies-international.reamaze.io')
      .get('/api/v1/channels')
      .replyWithError({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND' });
    const error = await failure(appTester(testAuth, { authData: { ...authData, brand: typed } }));
    expect(error.message).toContain(`You entered "${typed.slice(0, 60)}…";`);
    expect(error.message).not.toContain(authData.password);
  });
});

describe('authentication', () => {
  it('tests the connection with one GET /channels on the brand host and returns the label data', async () => {
    const scope = reamaze().get('/api/v1/channels').reply(200, channels);
    const account = await appTester(testAuth, {
      authData: { ...authData, brand: ' https://ACME.reamaze.com/admin ' },
    });
    expect(account).toEqual({
      login_email: 'agent@acme.example',
      brand_host: 'acme.reamaze.io',
      channel_count: 2,
    });
    expect(scope.isDone()).toBe(true);
  });

  it('labels the connection with the login email and brand host, never the token', () => {
    const label = App.authentication?.connectionLabel;
    expect(label).toBe('{{login_email}} ({{brand_host}})');
    expect(String(label)).not.toMatch(/password|token/i);
  });

  it('refuses a brand on another domain before any request', async () => {
    const error = await failure(
      appTester(testAuth, { authData: { ...authData, brand: 'acme.reamaze.io.evil.com' } }),
    );
    expect(error.name).toBe('AppError');
    expect(error.message).toBe(
      '"acme.reamaze.io.evil.com" is not a Re:amaze brand. Enter your brand as it appears in your Re:amaze address: for https://acme.reamaze.io enter "acme". You find it under Settings → Brands in Re:amaze.',
    );
    expect(nock.pendingMocks()).toEqual([]);
  });
});
