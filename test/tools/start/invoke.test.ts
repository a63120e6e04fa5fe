import { httpLines, runnerError } from '../../../tools/start/invoke';

describe('runnerError', () => {
  it('keeps the message of the runner\'s error block, up to "What happened:"', () => {
    const stderr = [
      'The .env file does not exist or is empty.',
      '- Invoking authentication.test',
      ' ›   Error: Re:amaze did not accept the login email or API token for ',
      ' ›   acme.reamaze.io (HTTP 403 Forbidden). Reconnect your account.',
      ' ›   What happened:',
      ' ›     Executing authentication.test with bundle',
      ' ›     {"meta":{}}',
    ].join('\n');
    expect(runnerError(stderr)).toBe(
      'Re:amaze did not accept the login email or API token for acme.reamaze.io (HTTP 403 Forbidden). Reconnect your account.',
    );
  });

  it('drops the colour codes the CLI writes into a pipe', () => {
    const stderr =
      ' \u001b[31m›\u001b[39m   Error: Could not find acme.reamaze.io.\u001b[2K\n ›   What happened:';
    expect(runnerError(stderr)).toBe('Could not find acme.reamaze.io.');
    expect(runnerError('\u001b[1mboom\u001b[22m')).toBe('boom');
  });

  it('falls back to the last lines of output', () => {
    expect(runnerError('boom\nsomething broke')).toBe('boom something broke');
    expect(runnerError('')).toBe('the runner failed');
  });
});

describe('httpLines', () => {
  it('reads the request lines of the runner debug log and nothing else', () => {
    const stderr = [
      '2026-11-23T12:48:44.928Z zapier:invoke 200 GET https://acme.reamaze.io/api/v1/channels',
      '2026-11-23T12:48:44.931Z zapier:invoke {',
      "  request_url: 'https://acme.reamaze.io/api/v1/channels',",
      '2026-11-23T12:48:45.100Z zapier:invoke 201 POST https://acme.reamaze.io/api/v1/conversations',
    ].join('\n');
    expect(httpLines(stderr)).toEqual([
      { status: 200, method: 'GET', url: 'https://acme.reamaze.io/api/v1/channels' },
      { status: 201, method: 'POST', url: 'https://acme.reamaze.io/api/v1/conversations' },
    ]);
  });
});
