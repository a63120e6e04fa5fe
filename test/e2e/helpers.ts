import type { Bundle, ZObject } from 'zapier-platform-core';
import App from '../../index';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../tools/sandbox/server';
import { appTester, authData } from '../helpers';

/**
 * End-to-end: the built app (what Zapier loads) run through Zapier's own runner, over real HTTP,
 * against the local Re:amaze sandbox.
 */

export type Item = Record<string, unknown>;
type Perform = (z: ZObject, bundle: Bundle) => Promise<unknown>;

export function performOf(kind: 'triggers' | 'creates', key: string): Perform {
  const operation = (
    App as unknown as Record<string, Record<string, { operation: { perform: Perform } }>>
  )[kind]?.[key]?.operation;
  if (!operation) throw new Error(`the app has no ${kind} ${key}`);
  return operation.perform;
}

export const newMessage = (): Perform => performOf('triggers', 'new_message');
export const createConversation = (): Perform => performOf('creates', 'create_conversation');
export const authTest = (): Perform =>
  (App as unknown as { authentication: { test: Perform } }).authentication.test;

/**
 * Runs an operation the way Zapier does, connected with the test credentials unless told otherwise.
 * `perform` is any operation's perform, whatever its typed input.
 */
export function run<T = Item>(
  perform: Perform | unknown,
  inputData: Item = {},
  meta: Item = {},
  auth: Record<string, string> = authData,
): Promise<T> {
  return appTester(perform as Perform, { authData: auth, inputData, meta }) as Promise<T>;
}

/** A seeded sandbox accepting the test credentials, with REAMAZE_BASE_URL pointing at it. */
export async function startE2eSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const sandbox = await startSandbox({
    credentials: { username: authData.username, password: authData.password },
    ...options,
  });
  process.env.REAMAZE_BASE_URL = sandbox.baseUrl;
  return sandbox;
}

export async function stopE2eSandbox(sandbox: Sandbox): Promise<void> {
  delete process.env.REAMAZE_BASE_URL;
  await sandbox.stop();
}

/** `METHOD /path?query` of every request the sandbox saw, for exact assertions. */
export function requestLines(sandbox: Sandbox): string[] {
  return sandbox.requests.map((entry) => `${entry.method} ${entry.url.replace(/^\/api\/v1/, '')}`);
}

/** A fresh seeded sandbox for each test of the file: call at the top, read `sandbox()` in tests. */
export function sandboxEachTest(): () => Sandbox {
  let sandbox: Sandbox | undefined;
  beforeEach(async () => {
    sandbox = await startE2eSandbox();
  });
  afterEach(async () => {
    if (sandbox) await stopE2eSandbox(sandbox);
    sandbox = undefined;
  });
  return () => {
    if (!sandbox) throw new Error('the sandbox runs only inside a test');
    return sandbox;
  };
}
