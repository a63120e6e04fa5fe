import { join, resolve } from 'node:path';
import { apiBaseUrl } from '../../lib/http/brand';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { excerpt, messageLine, plural, seconds, type Item } from './describe';
import { readEnvFile } from './env-file';
import { networkProblem } from './network';
import { operationLines } from './operations';
import { chooseTarget } from './target';
import { invoke, type InvokeResult } from './invoke';

/**
 * `npm start`: runs the integration through Zapier's own local runner (`zapier-platform invoke`)
 * and tells what happened at each step: the auth test and connection label, New Message, Create
 * Conversation, then New Message again showing the new message.
 *
 * Without credentials in `.env` it starts the local Re:amaze sandbox and points the integration at
 * it (REAMAZE_BASE_URL). With `authData_brand`, `authData_username` and `authData_password` in
 * `.env` it runs against that real brand, read-only unless `--create` is given.
 */

const ROOT = resolve(__dirname, '..', '..', '..');
const USAGE = `Usage: npm start [-- --create] [-- --channel=<slug>]

  Without credentials in .env: runs every step against a local Re:amaze sandbox.
  With authData_brand, authData_username and authData_password in .env (see .env.example):
  runs against your brand, read-only. --create also creates one test conversation there
  (on behalf of your own login email, with notifications suppressed) in the first email
  channel, or in --channel=<slug>.`;

interface Options {
  create: boolean;
  channel?: string;
  help: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { create: false, help: false };
  for (const arg of argv) {
    if (arg === '--create') options.create = true;
    else if (arg.startsWith('--channel=')) options.channel = arg.slice('--channel='.length).trim();
    else if (arg === '--help' || arg === '-h') options.help = true;
    else throw new Error(`Unknown option ${arg}.\n\n${USAGE}`);
  }
  return options;
}

interface RequestLine {
  method: string;
  path: string;
  status: number;
  body?: unknown;
}

const print = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};
const indent = (label: string, text: string): void => print(`   ${label.padEnd(9)} ${text}`);

/** Runs the steps and reports each one; false as soon as one fails. */
class Run {
  private stepNumber = 0;
  requestCount = 0;
  steps = 0;

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly sandbox: Sandbox | undefined,
    private readonly origin: string,
  ) {}

  async step(
    title: string,
    args: string[],
    input?: Item,
  ): Promise<{ result: InvokeResult; requests: RequestLine[] }> {
    this.stepNumber += 1;
    this.sandbox?.clearLog();
    const inputArgs = input ? ['-i', JSON.stringify(input)] : [];
    const result = await invoke([...args, ...inputArgs], { cwd: ROOT, env: this.env });
    const requests = this.sandbox
      ? this.sandbox.requests.map((entry) => ({
          method: entry.method,
          path: entry.url.replace(/^\/api\/v1/, ''),
          status: entry.status,
          body: entry.body,
        }))
      : result.http.map((line) => ({
          method: line.method,
          path: line.url.startsWith(this.origin) ? line.url.slice(this.origin.length) : line.url,
          status: line.status,
        }));
    this.requestCount += requests.length;
    this.steps += 1;
    print();
    print(
      `${this.stepNumber}. ${title}  ·  zapier-platform invoke ${args.join(' ')}  ·  ${result.ok ? 'OK' : 'FAILED'} in ${seconds(result.durationMs)}`,
    );
    if (input) indent('Input:', JSON.stringify(input));
    return { result, requests };
  }

  requests(lines: RequestLine[]): void {
    const text = lines.map((line) => `${line.method} ${line.path} → ${line.status}`);
    indent('Requests:', `${lines.length}${text.length ? ` — ${text.join(', ')}` : ''}`);
  }

  failed(step: { result: InvokeResult; requests: RequestLine[] }): false {
    indent('Error:', step.result.error ?? 'unknown error');
    this.requests(step.requests);
    return false;
  }
}

function messages(output: unknown): Item[] {
  return Array.isArray(output) ? (output as Item[]) : [];
}

function listMessages(items: Item[], max: number): void {
  items.slice(0, max).forEach((item) => print(`             • ${messageLine(item)}`));
  if (items.length > max) print(`             … and ${items.length - max} more`);
}

async function steps(
  run: Run,
  options: { create: boolean; channel?: string; real: boolean },
): Promise<boolean> {
  // 1. The auth test: proves brand and credentials with one cheap read.
  const auth = await run.step('Auth test', ['auth', 'test']);
  if (!auth.result.ok) return run.failed(auth);
  const account = auth.result.output as Item;
  indent(
    'Returned:',
    `login ${String(account.login_email)} on ${String(account.brand_host)}, ${plural(Number(account.channel_count), 'channel')}`,
  );
  run.requests(auth.requests);

  // 2. The connection label Zapier shows for the account.
  const label = await run.step('Connection label', ['auth', 'label']);
  if (!label.result.ok) return run.failed(label);
  indent('Returned:', `"${String(label.result.output)}"`);
  run.requests(label.requests);

  // 3. New Message: what the first poll of a new Zap sees.
  const first = await run.step('New Message (first poll)', ['trigger', 'new_message']);
  if (!first.result.ok) return run.failed(first);
  const seen = messages(first.result.output);
  indent('Returned:', `${plural(seen.length, 'message')}, newest first:`);
  listMessages(seen, 5);
  indent('', 'Zapier keeps these message IDs; later polls fire only messages with new IDs.');
  run.requests(first.requests);

  if (!options.create) {
    print();
    print('Read-only run: add `-- --create` to also create a test conversation in this brand.');
    return true;
  }

  // 4. Create Conversation, on behalf of a customer.
  let channel = options.channel;
  if (!channel && options.real) {
    const channels = await run.step('Channel list (for the Channel dropdown)', [
      'trigger',
      'channel_list',
    ]);
    if (!channels.result.ok) return run.failed(channels);
    const list = messages(channels.result.output);
    channel = String((list.find((c) => c.channel_type === 'Email') ?? list[0])?.id ?? '');
    indent('Returned:', `${plural(list.length, 'channel')}; using "${channel}"`);
    run.requests(channels.requests);
    if (!channel) {
      indent('Error:', 'the brand has no channel to create a conversation in');
      return false;
    }
  }
  const input: Item = options.real
    ? {
        channel,
        subject: 'Test conversation from the Re:amaze Zapier integration (npm start)',
        message:
          'Created by `npm start -- --create` to check Create Conversation end to end. You can archive it.',
        customer_email: String(account.login_email),
        customer_name: 'Zapier integration test',
        suppress_notifications: 'true',
      }
    : {
        channel: channel ?? 'support',
        subject: 'Trail shoes arrived in the wrong size',
        message: 'Hi! I ordered the Ridge trail shoes in size 42 but got 44. Can I swap them?',
        customer_email: 'nina.alvarez@example.com',
        customer_name: 'Nina Alvarez',
        tags: ['exchange'],
      };
  const create = await run.step('Create Conversation', ['create', 'create_conversation'], input);
  if (!create.result.ok) return run.failed(create);
  const sent = create.requests.find((line) => line.method === 'POST')?.body;
  if (sent !== undefined)
    indent('Sent:', `POST /conversations ${excerpt(JSON.stringify(sent), 400)}`);
  const conversation = create.result.output as Item;
  indent(
    'Returned:',
    `conversation "${String(conversation.id)}" (${String(conversation.status)}) in ${String(conversation.channel_name)}`,
  );
  indent('', String(conversation.conversation_url ?? ''));
  run.requests(create.requests);

  // 5. New Message again: the new conversation's first message is the one new ID.
  const next = await run.step('New Message (next poll)', ['trigger', 'new_message']);
  if (!next.result.ok) return run.failed(next);
  const ids = new Set(seen.map((item) => item.id));
  const fresh = messages(next.result.output).filter((item) => !ids.has(item.id));
  indent(
    'Returned:',
    `${plural(messages(next.result.output).length, 'message')}; new since the first poll: ${fresh.length}`,
  );
  listMessages(fresh, 5);
  run.requests(next.requests);
  if (!options.real && fresh.length !== 1) {
    indent(
      'Error:',
      `expected exactly the created conversation's message to be new, found ${fresh.length}`,
    );
    return false;
  }
  return true;
}

async function main(): Promise<number> {
  const started = performance.now();
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    print(USAGE);
    print();
    print(
      'Operations (run any one with npm run build && npx zapier-platform invoke <kind> <key>):',
    );
    operationLines().forEach((line) => print(line));
    return 0;
  }
  const envFile = readEnvFile(join(ROOT, '.env'));
  const target = chooseTarget(envFile);
  if (target.kind === 'refused') {
    print(target.reason);
    return 1;
  }
  const real = target.kind === 'brand';

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DISABLE_ZAPIER_ANALYTICS: '1',
    NO_UPDATE_NOTIFIER: '1',
  };
  let sandbox: Sandbox | undefined;
  let origin: string;
  print(
    "Re:amaze for Zapier: the integration run through Zapier's own local runner (zapier-platform invoke)",
  );
  if (real && envFile) {
    const base = apiBaseUrl(envFile.authData_brand, { ...process.env, ...envFile });
    origin = base;
    env.DEBUG = 'zapier:invoke'; // the runner then logs each request it makes: the request count
    print(
      `Target:  your brand, ${base}${options.create ? '' : ', read-only'}, because ${target.reason}`,
    );
    const offline = await networkProblem(new URL(base).hostname);
    if (offline) {
      print(`Network: ${offline}`);
      return 1;
    }
  } else {
    sandbox = await startSandbox();
    origin = sandbox.baseUrl;
    Object.assign(env, {
      REAMAZE_BASE_URL: sandbox.baseUrl,
      authData_brand: 'acme',
      authData_username: sandbox.credentials.username,
      authData_password: sandbox.credentials.password,
    });
    const store = sandbox.store;
    print(
      `Target:  local Re:amaze sandbox at ${sandbox.baseUrl}, brand "acme": ${plural(store.channels.length, 'channel')}, ` +
        `${store.staff.length} staff, ${plural(store.conversations.size, 'conversation')}, ${plural(store.messages.length, 'message')}`,
    );
    print(
      `         because ${target.reason}; fill in .env (see .env.example) to use your own brand`,
    );
  }

  const run = new Run(env, sandbox, origin);
  const passed = await steps(run, {
    create: options.create || !real,
    channel: options.channel,
    real,
  }).finally(() => sandbox?.stop());
  print();
  print(
    `${passed ? 'Done' : 'FAILED'}: ${plural(run.steps, 'step')} through the runner, ${plural(run.requestCount, 'request')} to Re:amaze, ${seconds(performance.now() - started)}.`,
  );
  return passed ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    print(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
