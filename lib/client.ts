import type { Bundle, HttpRequestOptions, HttpResponse, ZObject } from 'zapier-platform-core';
import { apiBaseUrl, brandHost } from './brand';

/**
 * The one way this integration talks to Re:amaze: builds the URL from the validated brand, sends
 * JSON, bounds the wait, and turns every failure into a Zapier error a no-code user can act on.
 */

/** Per request; a poll may page a few times and Zapier stops the whole step at 30 s. */
export const REQUEST_TIMEOUT_MS = 12_000;

/** Used when a 429 or 503 carries no usable Retry-After. */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;

export type QueryValue = string | number | boolean | undefined;

export interface ReamazeRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below `/api/v1`, e.g. `/messages`; build it with {@link apiPath}. */
  path: string;
  params?: Record<string, QueryValue>;
  body?: unknown;
  /** What a 404 means for this call, e.g. "No conversation "abc" was found". */
  notFoundMessage?: string;
  /**
   * What a 403 that is not about the login means for this call, e.g. which permission of the
   * user's role it needs and who can grant it; without it such a 403 is read generically.
   */
  forbiddenMessage?: string;
  /** Overrides {@link REQUEST_TIMEOUT_MS}, e.g. for a later page of a poll that has less time left. */
  timeoutMs?: number;
}

/** Joins path segments, encoding each one (slugs and emails come from users). */
export function apiPath(...segments: string[]): string {
  return '/' + segments.map((segment) => encodeURIComponent(segment)).join('/');
}

// Core's request options lack these runtime flags in its typings (see shared notes, §1.1).
type RequestOptions = HttpRequestOptions & { url: string; throwForThrottlingEarly?: boolean };

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function statusLabel(status: number): string {
  const text = STATUS_TEXT[status];
  return text ? `HTTP ${status} ${text}` : `HTTP ${status}`;
}

/** Reads are safe to repeat, so their temporary failures ask Zapier to retry instead of failing the run. */
function isRead(method: string): boolean {
  return method === 'GET';
}

/** Parses Retry-After as delay-seconds or an HTTP date; anything else gives the default. */
export function retryAfterSeconds(header: string | undefined, now: number = Date.now()): number {
  const value = header?.trim();
  if (value) {
    if (/^\d+$/.test(value)) return Math.max(1, Number(value));
    const at = Date.parse(value);
    if (!Number.isNaN(at)) return Math.max(1, Math.ceil((at - now) / 1000));
  }
  return DEFAULT_RETRY_AFTER_SECONDS;
}

/**
 * The API's own explanation from an error body: `{"error": "..."}`, `{"errors": {"field": ["..."]}}`,
 * `{"errors": ["..."]}`, `{"errors": "..."}` or `{"message": "..."}`. Undefined when there is none.
 */
export function apiExplanation(content: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(content);
  } catch {
    return undefined;
  }
  if (!body || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  const parts: string[] = [];
  const collect = (value: unknown, field?: string): void => {
    if (typeof value === 'string' && value.trim()) {
      parts.push(
        field && field !== 'base' ? `${field.replace(/_/g, ' ')} ${value.trim()}` : value.trim(),
      );
    } else if (Array.isArray(value)) {
      for (const item of value) collect(item, field);
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
        collect(inner, field ? `${field} ${key}` : key);
      }
    }
  };
  collect(record.errors);
  if (parts.length === 0) collect(record.error);
  if (parts.length === 0) collect(record.message);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** Removes the API token from text that is about to be shown or logged. */
function redact(text: string, bundle: Bundle): string {
  const token = bundle.authData?.password;
  return token && token.length >= 4 ? text.split(token).join('[redacted]') : text;
}

function asSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function looksLikeHtml(content: string): boolean {
  return /^\s*</.test(content);
}

function temporaryFailure(z: ZObject, method: string, what: string, retryAfter?: string): Error {
  if (isRead(method)) {
    return new z.errors.ThrottledError(
      `${what} This is usually temporary: Zapier will try again shortly.`,
      retryAfterSeconds(retryAfter),
    );
  }
  return new z.errors.Error(
    `${what} Re:amaze may or may not have saved the change: check Re:amaze before you replay this step.`,
    'ReamazeUnavailable',
    503,
  );
}

function errorForStatus(
  z: ZObject,
  bundle: Bundle,
  request: Required<Pick<ReamazeRequest, 'method' | 'path'>> & ReamazeRequest,
  response: HttpResponse,
): Error {
  const { status } = response;
  const host = brandHost(bundle.authData?.brand);
  const explanation = apiExplanation(response.content ?? '');
  const because = explanation ? `: ${asSentence(redact(explanation, bundle))}` : '.';

  if (
    status === 403 &&
    request.forbiddenMessage &&
    !looksLikeHtml(response.content ?? '') &&
    !/login|token|credential|password|authenticat/i.test(explanation ?? '')
  ) {
    return new z.errors.Error(
      `Re:amaze refused this on ${host} (${statusLabel(403)}): ${request.forbiddenMessage}`,
      'PermissionDenied',
      403,
    );
  }
  if (
    status === 401 ||
    (status === 403 && !/permission|not allowed|access/i.test(explanation ?? ''))
  ) {
    // 403 is what Re:amaze answers for a wrong login email or token (no source shows a 401).
    return new z.errors.ExpiredAuthError(
      `Re:amaze did not accept the login email or API token for ${host} (${statusLabel(status)}). ` +
        'Reconnect your Re:amaze account in Zapier with your login email and a current API token ' +
        '(Re:amaze → Settings → API Token).',
    );
  }
  if (status === 403) {
    return new z.errors.Error(
      `Your Re:amaze user is not allowed to do this on ${host}${because} Ask a Re:amaze admin to grant the permission, or connect as another user.`,
      'PermissionDenied',
      403,
    );
  }
  if (status === 404) {
    return new z.errors.Error(
      request.notFoundMessage
        ? `${request.notFoundMessage} on ${host}.`
        : `Re:amaze answered ${statusLabel(404)} for ${host}. Check that the brand is right: it is the part before .reamaze.io in your Re:amaze address.`,
      'NotFound',
      404,
    );
  }
  if (status === 429) {
    return new z.errors.ThrottledError(
      `Re:amaze's rate limit for this API token was reached (${statusLabel(429)}). Zapier will try again later.`,
      retryAfterSeconds(response.getHeader('retry-after')),
    );
  }
  if (status === 503) {
    return temporaryFailure(
      z,
      request.method,
      `Re:amaze is temporarily unavailable (${statusLabel(503)}).`,
      response.getHeader('retry-after'),
    );
  }
  if (status >= 500) {
    return temporaryFailure(
      z,
      request.method,
      `Re:amaze had a problem answering (${statusLabel(status)}).`,
    );
  }
  if (status >= 300 && status < 400) {
    // Redirects are not followed: the credentials must not travel to another address.
    return new z.errors.Error(
      `Re:amaze answered with a redirect (${statusLabel(status)}) instead of data. Check that the brand is right.`,
      'UnexpectedRedirect',
      status,
    );
  }
  return new z.errors.Error(
    `Re:amaze refused the request (${statusLabel(status)})${because}`,
    status === 422 ? 'InvalidInput' : 'BadRequest',
    status,
  );
}

/**
 * Sends one request to the brand's API and returns the parsed JSON body.
 * Throws only Zapier errors: never a raw HTTP or parse error.
 */
export async function reamazeRequest(
  z: ZObject,
  bundle: Bundle,
  request: ReamazeRequest,
): Promise<unknown> {
  const method = request.method ?? 'GET';
  const url = `${apiBaseUrl(bundle.authData?.brand)}${request.path}`;
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.params ?? {})) {
    if (value !== undefined && value !== '') params[key] = String(value);
  }
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';

  const timeoutMs = request.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const options: RequestOptions = {
    url,
    method,
    params,
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    timeout: timeoutMs,
    redirect: 'manual',
    skipThrowForStatus: true,
    throwForThrottlingEarly: false, // mapped below, with a readable message and HTTP-date Retry-After
  };

  let response: HttpResponse;
  try {
    response = await z.request(options);
  } catch (error) {
    const err = error as { type?: string; code?: string; name?: string };
    const host = brandHost(bundle.authData?.brand);
    if (err.type === 'request-timeout') {
      throw temporaryFailure(
        z,
        method,
        `Re:amaze did not answer within ${Math.round(timeoutMs / 100) / 10} seconds.`,
      );
    }
    if (err.code === 'ENOTFOUND') {
      throw new z.errors.Error(
        `Could not find ${host}. Check that the brand is right: it is the part before .reamaze.io in your Re:amaze address.`,
        'UnknownBrand',
        404,
      );
    }
    if (err.type === 'system' || err.name === 'FetchError') {
      throw temporaryFailure(
        z,
        method,
        `The connection to Re:amaze failed (${err.code ?? 'network error'}).`,
      );
    }
    throw error;
  }

  if (response.status < 200 || response.status >= 300) {
    throw errorForStatus(z, bundle, { ...request, method }, response);
  }
  const content = response.content ?? '';
  if (content.trim() === '') {
    throw unreadableAnswer(z, method, `an empty answer (${statusLabel(response.status)})`);
  }
  try {
    return JSON.parse(content);
  } catch {
    throw unreadableAnswer(
      z,
      method,
      looksLikeHtml(content)
        ? 'a web page instead of data (often a maintenance page)'
        : 'an answer that is not valid JSON',
    );
  }
}

/**
 * Thrown when a 2xx body does not have the documented shape. After a write the change was
 * accepted, so the message says to check Re:amaze rather than invite a replay that doubles it.
 */
export function unexpectedShape(z: ZObject, what: string, afterWrite = false): Error {
  return new z.errors.Error(
    afterWrite
      ? `Re:amaze accepted the request but sent ${what} in a form this integration does not recognise. ${CHECK_BEFORE_REPLAY}`
      : `Re:amaze sent ${what} in a form this integration does not recognise. Try again; if it persists, contact the integration's support.`,
    'UnexpectedResponse',
    502,
  );
}

const CHECK_BEFORE_REPLAY = 'Check Re:amaze before you replay this step, so it is not done twice.';

/** A 2xx answer that cannot be read: a read is retried; a write was accepted and must not be repeated blindly. */
function unreadableAnswer(z: ZObject, method: string, what: string): Error {
  if (isRead(method)) return temporaryFailure(z, method, `Re:amaze sent ${what}.`);
  return new z.errors.Error(
    `Re:amaze accepted the request but sent ${what}. ${CHECK_BEFORE_REPLAY}`,
    'UnexpectedResponse',
    502,
  );
}

export interface Page<T> {
  items: T[];
  pageCount: number;
  totalCount: number;
}

/**
 * Fetches one page of a paged list (`{page_size, page_count, total_count, <key>: [...]}`).
 * Items that are not JSON objects, or a missing list, are refused with a clear error.
 */
export async function getPage(
  z: ZObject,
  bundle: Bundle,
  path: string,
  listKey: string,
  params: Record<string, QueryValue> = {},
  options: Pick<ReamazeRequest, 'timeoutMs' | 'notFoundMessage' | 'forbiddenMessage'> = {},
): Promise<Page<Record<string, unknown>>> {
  const body = await reamazeRequest(z, bundle, { path, params, ...options });
  const list =
    body && typeof body === 'object' ? (body as Record<string, unknown>)[listKey] : undefined;
  if (
    !Array.isArray(list) ||
    !list.every((item) => item && typeof item === 'object' && !Array.isArray(item))
  ) {
    throw unexpectedShape(z, `the list of ${listKey.replace(/_/g, ' ')}`);
  }
  const record = body as Record<string, unknown>;
  const count = (value: unknown): number =>
    typeof value === 'number' && Number.isFinite(value) ? value : 0;
  return {
    items: list as Record<string, unknown>[],
    pageCount: count(record.page_count),
    totalCount: count(record.total_count),
  };
}
