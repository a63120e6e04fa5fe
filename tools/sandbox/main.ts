import { SEED_LOGIN_EMAIL } from './seed';
import { startSandbox } from './server';

/**
 * `npm run sandbox`: the local Re:amaze that `npm start` and the end-to-end tests use, on its own,
 * until Ctrl-C. It prints its address and the credentials it accepts, ready for `.env` or the shell.
 */

const USAGE = `Usage: npm run sandbox [-- --port=<port>]

  Starts an in-memory Re:amaze (brand "acme", seeded with channels, staff, conversations, messages
  and contacts) on 127.0.0.1, default port 4010, and runs until stopped with Ctrl-C.`;

const DEFAULT_SANDBOX_PORT = 4010;
/** Fixed, so the README's invoke example works as written; the sandbox only listens on loopback. */
const SANDBOX_TOKEN = 'sandbox-token';

function parsePort(argv: string[]): number | 'help' {
  let port = DEFAULT_SANDBOX_PORT;
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') return 'help';
    const value = /^--port=(\d{1,5})$/.exec(arg)?.[1];
    if (value === undefined || Number(value) > 65535) {
      throw new Error(`Unknown option ${arg}.\n\n${USAGE}`);
    }
    port = Number(value);
  }
  return port;
}

async function main(): Promise<void> {
  const port = parsePort(process.argv.slice(2));
  if (port === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const sandbox = await startSandbox({
    port,
    credentials: { username: SEED_LOGIN_EMAIL, password: SANDBOX_TOKEN },
  });
  const { username, password } = sandbox.credentials;
  process.stdout.write(
    [
      `Re:amaze sandbox listening at ${sandbox.baseUrl} (brand "acme"); Ctrl-C stops it.`,
      '',
      'Credentials it accepts (put these lines in .env, or export them, for zapier-platform invoke):',
      `  REAMAZE_BASE_URL=${sandbox.baseUrl}`,
      '  authData_brand=acme',
      `  authData_username=${username}`,
      `  authData_password=${password}`,
      '',
      'Then, in another terminal:',
      '  npm run build && npx zapier-platform invoke trigger new_message --non-interactive',
      '',
    ].join('\n'),
  );
  const stop = (): void => {
    void sandbox.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
