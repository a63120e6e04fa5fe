import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Clock } from './clock';
import type { Reply, Route } from './http';
import * as resources from './routes';
import { seedBrand, SEED_LOGIN_EMAIL } from './seed';
import { Store, type BurstOptions, type Message } from './store';
import {
  Faults,
  RateLimiter,
  type Fault,
  type FaultMatch,
  type FaultRule,
  type RateLimit,
} from './switches';

/**
 * A local, in-memory Re:amaze API on a loopback address, for development, tests and benchmarks.
 * It checks what Re:amaze checks (Basic auth → 403, `Accept: application/json` or a `.json` path,
 * 404 for unknown slugs, 422 for invalid writes) and answers in the documented shapes.
 *
 *   const sandbox = await startSandbox({ credentials: { username, password } });
 *   process.env.REAMAZE_BASE_URL = sandbox.baseUrl;   // http://127.0.0.1:<port>/api/v1
 *   sandbox.addBurst(150);                            // 150 new customer messages, 1 s apart
 *   sandbox.setLatency(50);                           // every answer 50 ms late
 *   sandbox.setRateLimit({ requests: 5 });            // 6th request in a minute → 429 + Retry-After
 *   sandbox.failNext(2, { status: 503 }, { path: '/messages' });
 *   sandbox.requests                                  // what was asked, what was answered
 *   await sandbox.stop();
 */

export interface SandboxOptions {
  /** The login email (a staff user of the brand) and API token the sandbox accepts; default a seeded admin and a random token. */
  credentials?: { username: string; password: string };
  /** The brand's short name, used in addresses and links; default `acme`. */
  brand?: string;
  /** Fill the brand with channels, staff, conversations and messages; default true. */
  seed?: boolean;
  /** Default 0: a free port. */
  port?: number;
  latencyMs?: number;
  rateLimit?: RateLimit;
  clock?: Clock;
}

/** One request as the sandbox saw it. The Authorization header is never kept. */
export interface LoggedRequest {
  seq: number;
  /** Arrival, on the sandbox clock (ms since the epoch). */
  at: number;
  method: string;
  /** Below `/api/v1`, without `.json` and query, e.g. `/conversations/abc/messages`. */
  path: string;
  /** The path and query as sent. */
  url: string;
  query: Record<string, string>;
  body: unknown;
  /** 0 when the connection was dropped on purpose. */
  status: number;
  durationMs: number;
  /** The answer came from an injected fault, not from the API. */
  fault: boolean;
}

const API_PREFIX = '/api/v1';
const MAX_BODY_BYTES = 1_000_000;

interface CompiledRoute {
  route: Route;
  segments: string[];
}

const ROUTES: CompiledRoute[] = Object.values(resources)
  .flat()
  .map((route) => ({ route, segments: route.path.split('/').filter(Boolean) }));

function matchRoute(
  method: string,
  segments: string[],
): { route: Route; params: Record<string, string> } | undefined {
  for (const candidate of ROUTES) {
    if (candidate.route.method !== method || candidate.segments.length !== segments.length)
      continue;
    const params: Record<string, string> = {};
    const fits = candidate.segments.every((pattern, i) => {
      const segment = segments[i] as string;
      if (pattern.startsWith(':')) {
        params[pattern.slice(1)] = segment;
        return true;
      }
      return pattern === segment;
    });
    if (fits) return { route: candidate.route, params };
  }
  return undefined;
}

function sleep(ms: number): Promise<void> {
  // Unref'd: a pending delay must not keep a finished test process alive.
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms).unref()) : Promise.resolve();
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Decodes the Basic credentials; undefined when the header is missing or not Basic. */
function basicCredentials(
  header: string | undefined,
): { username: string; password: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0
    ? undefined
    : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export class Sandbox {
  readonly store: Store;
  readonly clock: Clock;
  readonly credentials: { username: string; password: string };
  readonly faults = new Faults();
  readonly rateLimiter = new RateLimiter();
  /** Every request since the start or the last {@link clearLog}, oldest first. */
  readonly requests: LoggedRequest[] = [];
  latencyMs: number;
  private server: Server | undefined;
  private seq = 0;
  private url = '';

  constructor(options: SandboxOptions = {}) {
    this.clock = options.clock ?? new Clock();
    this.store = new Store({ brand: options.brand, clock: this.clock });
    if (options.seed ?? true) seedBrand(this.store);
    this.credentials = options.credentials ?? {
      username: SEED_LOGIN_EMAIL,
      password: `sandbox_${randomBytes(12).toString('hex')}`,
    };
    // The API acts as the token's owner, so the login must be a staff user of the brand.
    if (!this.store.staffByEmail(this.credentials.username)) {
      this.store.addStaff({ name: 'API User', email: this.credentials.username, admin: true });
    }
    this.latencyMs = options.latencyMs ?? 0;
    this.rateLimiter.set(options.rateLimit);
  }

  /** `http://127.0.0.1:<port>/api/v1`: the value for REAMAZE_BASE_URL. */
  get baseUrl(): string {
    if (!this.url) throw new Error('the sandbox is not started');
    return this.url;
  }

  async start(port = 0): Promise<string> {
    const server = createServer((request, response) => {
      void this.handle(request, response);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${API_PREFIX}`;
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** Every answer waits this long first (0 = none). */
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  /** A per-token limit answering 429 with Retry-After; undefined turns it off. */
  setRateLimit(limit: RateLimit | undefined): void {
    this.rateLimiter.set(limit);
  }

  /** The next `count` matching requests fail with `fault` (a status, a body, a delay, a reset). */
  failNext(count: number, fault: Fault, match?: FaultMatch): void {
    this.faults.next(count, fault, match);
  }

  /** A fault decided per request (e.g. at random); undefined turns it off. */
  setFaultRule(rule: FaultRule | undefined): void {
    this.faults.setRule(rule);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Adds `count` customer messages ending now (or `options.at`); see {@link Store.addBurst}. */
  addBurst(count: number, options?: BurstOptions): Message[] {
    return this.store.addBurst(count, options);
  }

  clearLog(): void {
    this.requests.length = 0;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const seq = ++this.seq;
    const at = this.clock.now();
    const rawUrl = request.url ?? '/';
    const url = new URL(rawUrl, 'http://127.0.0.1');
    const method = request.method ?? 'GET';
    const jsonSuffix = url.pathname.endsWith('.json');
    const pathname = jsonSuffix ? url.pathname.slice(0, -'.json'.length) : url.pathname;
    const path = pathname.startsWith(`${API_PREFIX}/`)
      ? pathname.slice(API_PREFIX.length)
      : pathname;
    const entry: LoggedRequest = {
      seq,
      at,
      method,
      path,
      url: rawUrl,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      status: 0,
      durationMs: 0,
      fault: false,
    };
    const finish = (
      reply: Reply | undefined,
      contentType = 'application/json; charset=utf-8',
    ): void => {
      entry.durationMs = Math.round((performance.now() - started) * 10) / 10;
      this.requests.push(entry);
      if (response.destroyed) return; // the client gave up (e.g. its timeout)
      if (!reply) {
        request.socket.destroy();
        return;
      }
      entry.status = reply.status;
      const body =
        typeof reply.body === 'string'
          ? reply.body
          : reply.body === undefined
            ? ''
            : JSON.stringify(reply.body);
      response.writeHead(reply.status, {
        'Content-Type': contentType,
        'Content-Length': Buffer.byteLength(body),
        ...reply.headers,
      });
      response.end(body);
    };

    const raw = await readBody(request).catch(() => undefined);
    if (raw === undefined) {
      finish({ status: 413, body: { error: 'Request body too large' } });
      return;
    }
    const contentType = request.headers['content-type'] ?? '';
    let body: unknown;
    if (raw.trim() !== '' && /json/i.test(contentType)) {
      try {
        body = JSON.parse(raw);
      } catch {
        await sleep(this.latencyMs);
        finish({ status: 400, body: { error: 'The request body is not valid JSON' } });
        return;
      }
    }
    entry.body = body ?? (raw === '' ? undefined : raw);

    const fault = this.faults.take({ method, path, query: url.searchParams, seq });
    await sleep(this.latencyMs + (fault?.delayMs ?? 0));
    if (fault && (fault.reset || fault.status !== undefined)) {
      entry.fault = true;
      if (fault.reset) {
        finish(undefined);
        return;
      }
      const faultBody =
        fault.body === undefined ? { error: `Injected fault ${fault.status}` } : fault.body;
      const looksHtml = typeof faultBody === 'string' && /^\s*</.test(faultBody);
      finish(
        { status: fault.status as number, body: faultBody, headers: fault.headers },
        fault.contentType ??
          (looksHtml ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8'),
      );
      return;
    }
    let reply: Reply;
    try {
      reply = this.answer(request, method, pathname, path, jsonSuffix, url.searchParams, body);
    } catch {
      // A bug in a route answers like a real server would, instead of crashing the sandbox.
      reply = { status: 500, body: { error: 'Internal Server Error' } };
    }
    finish(reply);
  }

  /** The API's own answer: route, Accept rule, auth, rate limit, then the resource's handler. */
  private answer(
    request: IncomingMessage,
    method: string,
    pathname: string,
    path: string,
    jsonSuffix: boolean,
    query: URLSearchParams,
    body: unknown,
  ): Reply {
    if (!pathname.startsWith(`${API_PREFIX}/`))
      return { status: 404, body: { error: 'Not Found' } };
    let segments: string[];
    try {
      segments = path.split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      return { status: 404, body: { error: 'Not Found' } };
    }
    const matched = matchRoute(method, segments);
    if (!matched) return { status: 404, body: { error: 'Not Found' } };

    const accepts = /application\/json/i.test(request.headers.accept ?? '');
    if (!accepts && !jsonSuffix) {
      return {
        status: 406,
        body: 'Not Acceptable: send "Accept: application/json" or add .json to the path.',
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      };
    }

    const given = basicCredentials(request.headers.authorization);
    const expected = this.credentials;
    if (
      !given ||
      given.username.toLowerCase() !== expected.username.toLowerCase() ||
      given.password !== expected.password
    ) {
      return { status: 403, body: { error: 'Invalid login email or API token' } };
    }
    const throttled = this.rateLimiter.check(given.password, this.clock.now());
    if (throttled) {
      return { status: 429, body: { error: 'Too Many Requests' }, headers: throttled.headers };
    }

    const user = this.store.staffByEmail(given.username);
    if (!user) return { status: 403, body: { error: 'Invalid login email or API token' } };
    return matched.route.handle({
      store: this.store,
      params: matched.params,
      query,
      body,
      user,
    });
  }
}

/** Starts a sandbox on a free loopback port (or `options.port`). */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const sandbox = new Sandbox(options);
  await sandbox.start(options.port ?? 0);
  return sandbox;
}
