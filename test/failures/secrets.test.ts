import type { Bundle, ZObject } from 'zapier-platform-core';
import { reamazeRequest } from '../../lib/http/client';
import type { Sandbox } from '../../tools/sandbox/server';
import type { Fault } from '../../tools/sandbox/switches';
import { startE2eSandbox, stopE2eSandbox } from '../e2e/helpers';
import { appTester, authData, BASIC_AUTH, describeError, reamaze, resetNock } from '../helpers';
import { operationCases, type ExpectedRequest } from './operations';
import { lowerRequestTimeout, runOperation } from './matrix';

/**
 * The API token never appears in an error message, in z.console output or in anything Zapier's
 * runner logs, for every operation, whether it succeeds or fails, even when Re:amaze echoes the
 * token back. The runner prints its request logs (URL, status, bodies) only when LOG_TO_STDOUT
 * and DETAILED_LOG_TO_STDOUT are set; z.console writes to the console too: both are captured.
 */

jest.setTimeout(20_000);

const TOKEN = authData.password;
const ENCODED = BASIC_AUTH.replace('Basic ', '');
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

interface Capture {
  /** Everything the run printed, its result, or the error it ended with (message, decoded, stack). */
  output: string;
  /** The error alone: message, decoded and stack (what the Zap user and Zap history show). */
  errorText: string;
  failed: boolean;
}

async function captureRun(run: () => Promise<unknown>): Promise<Capture> {
  const lines: string[] = [];
  let errorText = '';
  let failed = false;
  const spies = CONSOLE_METHODS.map((method) =>
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    }),
  );
  process.env.LOG_TO_STDOUT = 'true';
  process.env.DETAILED_LOG_TO_STDOUT = 'true';
  try {
    lines.push(JSON.stringify(await run()));
  } catch (error) {
    failed = true;
    errorText = [
      JSON.stringify(describeError(error)),
      String((error as Error).message),
      String((error as Error).stack),
    ].join('\n');
    lines.push(errorText);
  } finally {
    delete process.env.LOG_TO_STDOUT;
    delete process.env.DETAILED_LOG_TO_STDOUT;
    for (const spy of spies) spy.mockRestore();
  }
  return { output: lines.join('\n'), errorText, failed };
}

const PAIR = `${authData.username}:${TOKEN}`;

function expectNoSecret(output: string): void {
  expect(output).not.toContain(TOKEN);
  expect(output).not.toContain(ENCODED);
}

/** No form of the credential: the token in any letter case, the email:token pair, its base64. */
function expectNoCredentialForm(text: string): void {
  expect(text.toLowerCase()).not.toContain(TOKEN.toLowerCase());
  expect(text.toLowerCase()).not.toContain(PAIR.toLowerCase());
  expect(text).not.toContain(ENCODED);
}

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
    lowerRequestTimeout(100);
    const { output, failed } = await captureRun(send);
    // The runner logs URL, status and bodies (headers it refuses to print); a reset or a timeout
    // has no response to log.
    if (name.includes('reset') || name.includes('timeout')) expect(failed).toBe(true);
    else expect(output).toContain('GET https://acme.reamaze.io/api/v1/channels');
    expectNoSecret(output);
  });
});

describe('every operation, succeeding and failing, over HTTP against the sandbox', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startE2eSandbox();
  });

  afterEach(() => {
    sandbox.clearFaults();
    jest.restoreAllMocks();
  });

  afterAll(async () => {
    await stopE2eSandbox(sandbox);
  });

  /** Failures whose answers repeat the token, as a careless server or proxy might. */
  const failures: [string, (request: ExpectedRequest) => Fault][] = [
    ['403 echoing the token', () => ({ status: 403, body: { error: `Bad token ${TOKEN}` } })],
    ['404 echoing the token', () => ({ status: 404, body: { error: `Not found: ${TOKEN}` } })],
    [
      '422 echoing the token',
      () => ({ status: 422, body: { errors: { token: [`${TOKEN} is not valid`] } } }),
    ],
    [
      '429 echoing the token',
      () => ({
        status: 429,
        body: { error: `Slow down, ${TOKEN}` },
        headers: { 'Retry-After': '5' },
      }),
    ],
    ['500 HTML page echoing the token', () => ({ status: 500, body: `<html>${TOKEN}</html>` })],
    [
      'a wrong shape echoing the token',
      (request) => ({
        status: 200,
        body: { ['list' in request.answer ? request.answer.list : request.answer.object]: TOKEN },
      }),
    ],
    ['truncated JSON echoing the token', () => ({ status: 200, body: `{"token": "${TOKEN}` })],
    ['a reset connection', () => ({ reset: true })],
  ];

  /**
   * Answers repeating the credential in other forms. Every text of ours (message, stack) redacts
   * them, and core's own HTTP log of the answer censors them through the forms the client adds to
   * authData (lib/http/client.ts).
   */
  const otherForms: [string, (request: ExpectedRequest) => Fault][] = [
    [
      '422 echoing the Basic credential',
      () => ({ status: 422, body: { error: `Header Basic ${ENCODED} refused` } }),
    ],
    [
      '422 echoing the token in capitals and the email:token pair',
      () => ({
        status: 422,
        body: { error: `${TOKEN.toUpperCase()} / ${PAIR} / ${PAIR.toLowerCase()}` },
      }),
    ],
    [
      '200 {"error"} echoing the token in other letter case',
      () => ({ status: 200, body: { error: `token ${TOKEN.toLowerCase()} refused` } }),
    ],
    [
      '403 HTML block page echoing the credential',
      () => ({
        status: 403,
        body: `<html>blocked ${ENCODED} ${TOKEN.toUpperCase()}</html>`,
        headers: { 'Content-Type': 'text/html' },
      }),
    ],
  ];

  for (const { operation, case: entry } of operationCases()) {
    const first = entry.requests[0] as ExpectedRequest;

    it(`${operation.kind} ${operation.key} (${entry.name}) succeeds without logging the token`, async () => {
      const { output, failed } = await captureRun(() =>
        runOperation(operation, entry.input, entry.meta),
      );
      expect(failed).toBe(false);
      expect(output).toContain(`${first.method} ${sandbox.baseUrl}`);
      expectNoSecret(output);
    });

    it.each(failures)(
      `${operation.kind} ${operation.key} (${entry.name}) fails on %s without the token`,
      async (name, fault) => {
        sandbox.failNext(1, fault(first));
        const { output, failed } = await captureRun(() =>
          runOperation(operation, entry.input, entry.meta),
        );
        // A search reports a 404 as no result; API Request returns any JSON; the rest fails.
        const succeeds =
          (name.startsWith('404') && 'empty' in first.notFound) ||
          (name.startsWith('a wrong shape') && 'answered' in first.wrongShape);
        expect(failed).toBe(!succeeds);
        expectNoSecret(output);
      },
    );

    it.each(otherForms)(
      `${operation.kind} ${operation.key} (${entry.name}) fails on %s without any form of the credential`,
      async (_name, fault) => {
        sandbox.failNext(1, fault(first));
        const { output, errorText, failed } = await captureRun(() =>
          runOperation(operation, entry.input, entry.meta),
        );
        expect(failed).toBe(true);
        expectNoCredentialForm(errorText);
        expectNoCredentialForm(output);
      },
    );
  }
});
