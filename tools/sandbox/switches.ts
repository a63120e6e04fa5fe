import type { Method } from './http';

/**
 * What tests and benchmarks turn on to make the sandbox misbehave the way Re:amaze and networks do:
 * injected faults for the next N requests (or by rule), and a per-token rate limit.
 */

/** How one request goes wrong. Fields combine: `delayMs` first, then `reset` or the `status` reply. */
export interface Fault {
  /** Answer this status instead of running the route. */
  status?: number;
  /** Sent as is when a string (an HTML page, truncated JSON, ""), as JSON otherwise. Default: a JSON error. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Default `application/json`, or `text/html` when the body starts with `<`. */
  contentType?: string;
  /** Wait this long before answering (beyond the client's timeout, this is a timeout). */
  delayMs?: number;
  /** Drop the connection without an answer. */
  reset?: boolean;
}

/** Which requests a fault applies to; all of them when empty. `path` is below `/api/v1`, e.g. `/messages`. */
export interface FaultMatch {
  method?: Method;
  path?: string | RegExp;
}

export interface IncomingSummary {
  method: string;
  path: string;
  query: URLSearchParams;
  /** 1-based number of this request since the sandbox started. */
  seq: number;
}

/** Decides a fault per request, e.g. at random for a poll simulation; undefined = no fault. */
export type FaultRule = (request: IncomingSummary) => Fault | undefined;

function matches(match: FaultMatch | undefined, request: IncomingSummary): boolean {
  if (!match) return true;
  if (match.method && match.method !== request.method) return false;
  if (typeof match.path === 'string' && match.path !== request.path) return false;
  if (match.path instanceof RegExp && !match.path.test(request.path)) return false;
  return true;
}

export class Faults {
  private queue: { fault: Fault; remaining: number; match?: FaultMatch }[] = [];
  private rule: FaultRule | undefined;

  /** The next `count` requests that match get `fault`. Queued faults apply in the order added. */
  next(count: number, fault: Fault, match?: FaultMatch): void {
    if (count > 0) this.queue.push({ fault, remaining: count, match });
  }

  setRule(rule: FaultRule | undefined): void {
    this.rule = rule;
  }

  /** The fault for this request, if any; consumes one use of a queued fault. */
  take(request: IncomingSummary): Fault | undefined {
    const queued = this.queue.find((entry) => matches(entry.match, request));
    if (queued) {
      queued.remaining -= 1;
      if (queued.remaining === 0) this.queue.splice(this.queue.indexOf(queued), 1);
      return queued.fault;
    }
    return this.rule?.(request);
  }

  /** How many queued fault uses are left. */
  pending(): number {
    return this.queue.reduce((sum, entry) => sum + entry.remaining, 0);
  }

  clear(): void {
    this.queue = [];
    this.rule = undefined;
  }
}

export interface RateLimit {
  /** Requests allowed per window and API token. */
  requests: number;
  /** Default one minute ("a certain number per minute per API token"). */
  windowMs?: number;
  /** How the 429 says when to come back; default seconds. */
  retryAfter?: 'seconds' | 'http-date' | 'none';
}

/** Fixed windows per API token, timed by the sandbox clock (advance the clock to open the next one). */
export class RateLimiter {
  private limit: RateLimit | undefined;
  private windows = new Map<string, { start: number; used: number }>();

  set(limit: RateLimit | undefined): void {
    this.limit = limit;
    this.windows.clear();
  }

  /** Counts one request; returns the 429 headers when the token is over the limit. */
  check(token: string, now: number): { headers: Record<string, string> } | undefined {
    if (!this.limit) return undefined;
    const windowMs = this.limit.windowMs ?? 60_000;
    let window = this.windows.get(token);
    if (!window || now - window.start >= windowMs) {
      window = { start: now, used: 0 };
      this.windows.set(token, window);
    }
    window.used += 1;
    if (window.used <= this.limit.requests) return undefined;
    const resetAt = window.start + windowMs;
    const seconds = Math.max(1, Math.ceil((resetAt - now) / 1000));
    switch (this.limit.retryAfter ?? 'seconds') {
      case 'seconds':
        return { headers: { 'Retry-After': String(seconds) } };
      case 'http-date':
        // An absolute date is read against the client's real clock, not the sandbox's.
        return { headers: { 'Retry-After': new Date(Date.now() + seconds * 1000).toUTCString() } };
      default:
        return { headers: {} };
    }
  }
}
