import { createAppTester, type Bundle, type ZObject } from 'zapier-platform-core';
import App from '../../index';
import { LOCAL_BASE_URL_ENV } from '../../lib/http/brand';
import type { Clock } from '../sandbox/clock';
import { startSandbox, type Sandbox } from '../sandbox/server';
import newMessage from '../../triggers/new_message';

/**
 * The app against the local sandbox, run through Zapier's own runner (createAppTester) over real
 * HTTP on 127.0.0.1: a New Message poll, and the baseline every poll is compared with, one bare
 * `z.request` to the same endpoint (same runner, same auth middleware, no paging, no mapping).
 */

const BRAND = 'acme';

type Perform = (z: ZObject, bundle: Bundle) => Promise<unknown>;

/** The trigger's perform (core types `operation` as a union, of which only some have `perform`). */
function performOf(operation: object): Perform {
  const perform = (operation as { perform?: unknown }).perform;
  if (typeof perform !== 'function') throw new Error('New Message has no perform function');
  return perform as Perform;
}

/** What a bare request reads: the page size, checked so a failed request cannot pass as fast. */
async function bareRequest(z: ZObject, bundle: Bundle): Promise<{ id: string }[]> {
  const response = await z.request({
    url: `${String(bundle.inputData.base_url)}/messages`,
    params: { page: 1 },
    headers: { Accept: 'application/json' },
  });
  const body = response.data as { messages?: unknown[] } | undefined;
  if (response.status !== 200 || !Array.isArray(body?.messages)) {
    throw new Error(`the bare request got HTTP ${response.status} without a message list`);
  }
  return [{ id: String(body.messages.length) }];
}

/**
 * The app with the bare request registered as one more hidden trigger, so both run through the
 * runner the same way (an ad-hoc function passed to the tester takes a slower path).
 */
const benchApp = {
  ...App,
  triggers: {
    ...App.triggers,
    bench_bare_request: {
      key: 'bench_bare_request',
      noun: 'Message',
      display: {
        label: 'Bench Bare Request',
        description: 'Triggers when the bench asks.',
        hidden: true,
      },
      operation: { perform: bareRequest },
    },
  },
};
const appTester = createAppTester(benchApp);
const pollMessages = performOf(newMessage.operation);

/** Core logs one memory line per invocation outside test runners; the bench table needs none. */
function withoutMemoryLines<T>(action: () => Promise<T>): Promise<T> {
  const log = console.log;
  console.log = (...args: unknown[]) => {
    if (args[0] !== 'ZID:') log(...args);
  };
  return action().finally(() => {
    console.log = log;
  });
}

export interface PolledItem {
  id: string;
  body?: unknown;
}

export interface PollSession {
  sandbox: Sandbox;
  /** One live poll of New Message with no filters (`meta`: e.g. the Zap's id); returns its items. */
  poll: (meta?: Record<string, unknown>) => Promise<PolledItem[]>;
  /** One bare `GET /messages` (page 1) through z.request; returns how many messages it listed. */
  bareRequest: () => Promise<number>;
  /** Requests the sandbox received while `action` ran. */
  countRequests: (action: () => Promise<unknown>) => Promise<number>;
  stop: () => Promise<void>;
}

/** `clock`: the sandbox's time, frozen and moved by the caller (see tools/bench/api-cost.ts). */
export async function startPollSession(clock?: Clock): Promise<PollSession> {
  const sandbox = await startSandbox(clock ? { clock } : {});
  const previousBaseUrl = process.env[LOCAL_BASE_URL_ENV];
  process.env[LOCAL_BASE_URL_ENV] = sandbox.baseUrl;
  const authData = { brand: BRAND, ...sandbox.credentials };
  const bundle = { authData, inputData: {}, meta: {} };

  return {
    sandbox,
    poll: async (meta = {}) =>
      (await withoutMemoryLines(() =>
        appTester(pollMessages, { ...bundle, meta: { ...bundle.meta, ...meta } }),
      )) as PolledItem[],
    bareRequest: async () => {
      const [result] = (await withoutMemoryLines(() =>
        appTester(bareRequest, { ...bundle, inputData: { base_url: sandbox.baseUrl } }),
      )) as { id: string }[];
      return Number(result?.id);
    },
    countRequests: async (action) => {
      sandbox.clearLog();
      await action();
      return sandbox.requests.length;
    },
    stop: async () => {
      if (previousBaseUrl === undefined) delete process.env[LOCAL_BASE_URL_ENV];
      else process.env[LOCAL_BASE_URL_ENV] = previousBaseUrl;
      await sandbox.stop();
    },
  };
}
