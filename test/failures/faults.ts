import type { Fault } from '../../tools/sandbox/switches';
import { HOST, type ExpectedRequest, type Outcome } from './operations';

/**
 * Everything Re:amaze or the network can do to one request, as sandbox faults, and what the
 * integration must make of each: the Zapier error class, its message and (for retries) its delay.
 * The expectation depends only on the fault and on the request it hit (its method, and how the
 * operation reads its answer), so the matrix is generated: operations × faults.
 */

/** The client's timeout while a "slower than the timeout" fault runs (see matrix.ts). */
export const TEST_TIMEOUT_MS = 300;
/** How late the slow answer comes: well past {@link TEST_TIMEOUT_MS}. */
const SLOW_MS = 1_000;
/** Date.now() while the HTTP-date Retry-After fault runs, on a whole second (HTTP dates have no ms). */
export const FIXED_NOW = Date.parse('2026-03-09T15:00:00Z');

const TEMPORARY_READ = ' This is usually temporary: Zapier will try again shortly.';
const TEMPORARY_WRITE =
  ' Re:amaze may or may not have saved the change: check Re:amaze before you replay this step.';
const RECONNECT =
  'Reconnect your Re:amaze account in Zapier with your login email and a current API token (Re:amaze → Settings → API Token).';
const RATE_LIMITED =
  "Re:amaze's rate limit for this API token was reached (HTTP 429 Too Many Requests). Zapier will try again later.";

/** A temporary failure: a read is retried by Zapier; a write may have happened, so it is reported. */
function temporary(request: ExpectedRequest, what: string, delay = 60): Outcome {
  return request.method === 'GET'
    ? { error: { name: 'ThrottledError', message: `${what}${TEMPORARY_READ}`, delay } }
    : {
        error: {
          name: 'AppError',
          code: 'ReamazeUnavailable',
          status: 503,
          message: `${what}${TEMPORARY_WRITE}`,
        },
      };
}

/** A 2xx answer that cannot be read: a read is retried; after a write the change was accepted. */
function unreadable(request: ExpectedRequest, what: string): Outcome {
  return request.method === 'GET'
    ? temporary(request, `Re:amaze sent ${what}.`)
    : {
        error: {
          name: 'AppError',
          code: 'UnexpectedResponse',
          status: 502,
          message: `Re:amaze accepted the request but sent ${what}. Check Re:amaze before you replay this step, so it is not done twice.`,
        },
      };
}

function refused(status: number, code: string, message: string): Outcome {
  return { error: { name: 'AppError', code, status, message } };
}

function expired(status: string): Outcome {
  return {
    error: {
      name: 'ExpiredAuthError',
      message: `Re:amaze did not accept the login email or API token for ${HOST} (${status}). ${RECONNECT}`,
    },
  };
}

const throttled = (delay: number, status = 'HTTP 429 Too Many Requests'): Outcome => ({
  error: {
    name: 'ThrottledError',
    message: RATE_LIMITED.replace('HTTP 429 Too Many Requests', status),
    delay,
  },
});

/** `{"error": …}` inside a 2xx: the API's explanation; after a write, check before replaying. */
function errorIn2xx(request: ExpectedRequest, explanation: string): Outcome {
  return refused(
    502,
    'ErrorInAnswer',
    `Re:amaze answered with an error although the request went through: ${explanation} ${
      request.method === 'GET'
        ? "Try again; if it persists, contact the integration's support."
        : 'Check Re:amaze before you replay this step, so it is not done twice.'
    }`,
  );
}

/** A body in the operation's own terms but of the wrong shape, in three variants. */
function wrongShape(variant: 'null' | 'container' | 'strings') {
  return (request: ExpectedRequest): unknown => {
    if ('list' in request.answer) {
      const envelope = { page_size: 30, page_count: 1, total_count: 2 };
      const key = request.answer.list;
      if (variant === 'null') return { ...envelope, [key]: null };
      // An object where the list belongs.
      if (variant === 'container') return { ...envelope, [key]: { slug: 'x', body: 'x' } };
      return { ...envelope, [key]: ['a', 'b'] };
    }
    const key = request.answer.object;
    if (variant === 'null') return { [key]: null };
    // A list where the object belongs.
    if (variant === 'container') return { [key]: [{ slug: 'x', body: 'x' }] };
    return ['a', 'b'];
  };
}

export interface FaultCase {
  name: string;
  /** The sandbox fault; a function when it depends on the request it replaces. */
  fault: Fault | ((request: ExpectedRequest) => Fault);
  expected: (request: ExpectedRequest) => Outcome;
  /** Run with the client's timeout lowered to {@link TEST_TIMEOUT_MS}. */
  lowTimeout?: boolean;
  /** Run with Date.now() fixed at {@link FIXED_NOW}. */
  fixedNow?: boolean;
  /** Whether the outcome for this request depends on its own entry, not only on its method. */
  specific?: (request: ExpectedRequest) => boolean;
}

const html502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
const blockPage =
  '<html><head><title>403 Forbidden</title></head><body><h1>Access denied</h1><p>Your request was blocked by the firewall.</p></body></html>';
const maintenance =
  '<!DOCTYPE html><html><head><title>Re:amaze is down for maintenance</title></head><body><h1>We’ll be right back</h1></body></html>';

export const FAULTS: FaultCase[] = [
  {
    name: '400 with an explanation',
    fault: { status: 400, body: { error: 'page must be a positive number' } },
    expected: () =>
      refused(
        400,
        'BadRequest',
        'Re:amaze refused the request (HTTP 400 Bad Request): page must be a positive number.',
      ),
  },
  {
    name: '401 without a body',
    fault: { status: 401, body: '' },
    expected: () => expired('HTTP 401 Unauthorized'),
  },
  {
    name: '403 for wrong credentials',
    fault: { status: 403, body: { error: 'Invalid login email or API token' } },
    expected: () => expired('HTTP 403 Forbidden'),
  },
  {
    name: '403 for a missing permission',
    specific: (request) => request.forbidden !== undefined,
    fault: { status: 403, body: { error: 'You do not have permission to access this resource' } },
    expected: (request) =>
      request.forbidden ??
      refused(
        403,
        'PermissionDenied',
        `Your Re:amaze user is not allowed to do this on ${HOST}: You do not have permission to access this resource. Ask a Re:amaze admin to grant the permission, or connect as another user.`,
      ),
  },
  {
    name: 'an HTML block page with status 403 (a proxy, not Re:amaze)',
    fault: { status: 403, body: blockPage, headers: { 'Content-Type': 'text/html' } },
    expected: (request) =>
      temporary(
        request,
        'Something between Zapier and Re:amaze blocked the request with a page instead of data (HTTP 403 Forbidden).',
      ),
  },
  {
    name: '403 {"error":"Rate limit exceeded"}',
    fault: { status: 403, body: { error: 'Rate limit exceeded' } },
    expected: () => throttled(60, 'HTTP 403 Forbidden'),
  },
  {
    name: '404',
    specific: () => true,
    fault: { status: 404, body: { error: 'Not Found' } },
    expected: (request) => request.notFound,
  },
  {
    name: '409 with an errors list',
    fault: { status: 409, body: { errors: ['Conversation was changed by someone else'] } },
    expected: () =>
      refused(
        409,
        'BadRequest',
        'Re:amaze refused the request (HTTP 409 Conflict): Conversation was changed by someone else.',
      ),
  },
  {
    name: '422 {"errors": {field: [...]}}',
    fault: {
      status: 422,
      body: { errors: { email: ['is invalid'], base: ['Channel is disabled'] } },
    },
    expected: () =>
      refused(
        422,
        'InvalidInput',
        'Re:amaze refused the request (HTTP 422 Unprocessable Entity): email is invalid; Channel is disabled.',
      ),
  },
  {
    name: '422 {"error": "..."}',
    fault: { status: 422, body: { error: 'Subject is required' } },
    expected: () =>
      refused(
        422,
        'InvalidInput',
        'Re:amaze refused the request (HTTP 422 Unprocessable Entity): Subject is required.',
      ),
  },
  {
    name: '429 with Retry-After in seconds',
    fault: { status: 429, body: { error: 'Too Many Requests' }, headers: { 'Retry-After': '17' } },
    expected: () => throttled(17),
  },
  {
    name: '429 with Retry-After as an HTTP date',
    fault: {
      status: 429,
      body: { error: 'Too Many Requests' },
      headers: { 'Retry-After': new Date(FIXED_NOW + 90_000).toUTCString() },
    },
    expected: () => throttled(90),
    fixedNow: true,
  },
  {
    name: '429 with an absurd Retry-After (kept to one hour)',
    fault: {
      status: 429,
      body: { error: 'Too Many Requests' },
      headers: { 'Retry-After': '99999999999999999999' },
    },
    expected: () => throttled(3600),
  },
  {
    name: '429 without Retry-After',
    fault: { status: 429, body: { error: 'Too Many Requests' } },
    expected: () => throttled(60),
  },
  {
    name: '500',
    fault: { status: 500, body: { error: 'Internal Server Error' } },
    expected: (request) =>
      temporary(request, 'Re:amaze had a problem answering (HTTP 500 Internal Server Error).'),
  },
  {
    name: '502',
    fault: { status: 502, body: '' },
    expected: (request) =>
      temporary(request, 'Re:amaze had a problem answering (HTTP 502 Bad Gateway).'),
  },
  {
    name: '503 without Retry-After',
    fault: { status: 503, body: { error: 'Service Unavailable' } },
    expected: (request) =>
      temporary(request, 'Re:amaze is temporarily unavailable (HTTP 503 Service Unavailable).'),
  },
  {
    name: '503 with Retry-After',
    fault: { status: 503, body: '', headers: { 'Retry-After': '120' } },
    expected: (request) =>
      temporary(
        request,
        'Re:amaze is temporarily unavailable (HTTP 503 Service Unavailable).',
        120,
      ),
  },
  {
    name: '504',
    fault: { status: 504, body: { error: 'Gateway Timeout' } },
    expected: (request) =>
      temporary(request, 'Re:amaze had a problem answering (HTTP 504 Gateway Timeout).'),
  },
  {
    name: 'an HTML page with status 200',
    fault: { status: 200, body: maintenance },
    expected: (request) =>
      unreadable(request, 'a web page instead of data (often a maintenance page)'),
  },
  {
    name: 'an HTML page with status 502',
    fault: { status: 502, body: html502 },
    expected: (request) =>
      temporary(request, 'Re:amaze had a problem answering (HTTP 502 Bad Gateway).'),
  },
  {
    name: 'an empty body with status 200',
    specific: (request) => request.emptyAnswer !== undefined,
    fault: { status: 200, body: '' },
    expected: (request) => request.emptyAnswer ?? unreadable(request, 'an empty answer (HTTP 200)'),
  },
  {
    name: '200 {"error": "..."}',
    fault: { status: 200, body: { error: 'Could not save' } },
    expected: (request) => errorIn2xx(request, 'Could not save.'),
  },
  {
    name: '200 {"errors": {field: [...]}}',
    fault: { status: 200, body: { errors: { email: ['is taken'] } } },
    expected: (request) => errorIn2xx(request, 'email is taken.'),
  },
  {
    name: '200 {}',
    specific: (request) => request.emptyRecord !== undefined || 'answered' in request.wrongShape,
    fault: { status: 200, body: {} },
    expected: (request) => request.emptyRecord ?? request.wrongShape,
  },
  {
    name: 'truncated JSON',
    fault: { status: 200, body: '{"page_size":30,"page_count":1,"total_count":1,"messages":[{"bo' },
    expected: (request) => unreadable(request, 'an answer that is not valid JSON'),
  },
  {
    name: 'wrong shape: {"<key>": null}',
    specific: () => true,
    fault: (request) => ({ status: 200, body: wrongShape('null')(request) }),
    expected: (request) => request.wrongShape,
  },
  {
    name: 'wrong shape: an object where a list belongs (a list where an object belongs)',
    fault: (request) => ({ status: 200, body: wrongShape('container')(request) }),
    expected: (request) => request.wrongShape,
  },
  {
    name: 'wrong shape: a list of strings',
    fault: (request) => ({ status: 200, body: wrongShape('strings')(request) }),
    expected: (request) => request.wrongShape,
  },
  {
    name: 'slower than the client’s timeout',
    fault: { delayMs: SLOW_MS },
    expected: (request) =>
      temporary(request, `Re:amaze did not answer within ${TEST_TIMEOUT_MS / 1000} seconds.`),
    lowTimeout: true,
  },
  {
    name: 'a reset connection',
    fault: { reset: true },
    expected: (request) =>
      request.reset ?? temporary(request, 'The connection to Re:amaze failed (ECONNRESET).'),
  },
];
