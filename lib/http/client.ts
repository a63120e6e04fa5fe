import {
  errors,
  type Bundle,
  type HttpRequestOptions,
  type HttpResponse,
  type ZObject,
} from 'zapier-platform-core';
import { STATUS_CODES } from 'node:http';
import { stringify } from 'node:querystring';
import { apiBaseUrl, brandHost } from './brand';
import { isRecord } from './api-values';
import { readableMessage, MESSAGE_LIMIT } from '../text/message';

/**
 * The one way this integration talks to Re:amaze: builds the URL from the validated brand, sends
 * JSON, bounds the wait, and turns every failure into a Zapier error a no-code user can act on.
 */

/** Per request; a poll may page a few times and Zapier stops the whole step at 30 s. */
export const REQUEST_TIMEOUT_MS = 12_000;

/** The per-request timeout in force, {@link REQUEST_TIMEOUT_MS}: an object so a test can lower it. */
export const requestTimeout = { ms: REQUEST_TIMEOUT_MS };

/** Used when a 429 or 503 carries no usable Retry-After. */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;

export type QueryValue = string | number | boolean | undefined;

export interface ReamazeRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
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
  /**
   * Re:amaze's own 404 (a JSON body saying "not found") means "there is none": the call resolves
   * to `undefined` instead of failing. Any other 404 (a proxy's page, an empty body) proves
   * nothing and fails as usual.
   */
  notFoundIsAbsent?: boolean;
  /** Overrides {@link REQUEST_TIMEOUT_MS}, e.g. for a later page of a poll that has less time left. */
  timeoutMs?: number;
  /**
   * The connection test: a brand address that cannot be found or reached is then most likely a
   * mistyped Brand, and the error says so with the Brand as typed.
   */
  connectionTest?: boolean;
  /** A 2xx without a body (a DELETE's 204) is an answer, read as `undefined`, not a failure. */
  emptyAnswerAllowed?: boolean;
}

/** Retry-After delays are kept in this range, in seconds, whatever the header says. */
export const MIN_RETRY_AFTER_SECONDS = 1;
export const MAX_RETRY_AFTER_SECONDS = 3_600;

/** A segment that, once decoded by any server, could climb or split the path. */
function unsafeSegment(segment: string): boolean {
  let decoded = segment;
  for (let round = 0; round < 3; round += 1) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      break;
    }
    if (next === decoded) break;
    decoded = next;
  }
  return decoded.trim() === '' || /^\.{1,2}$/.test(decoded) || /[/\\]/.test(decoded);
}

function unsafePathError(segment: string): Error {
  return new errors.Error(
    `"${segment}" cannot be used in a Re:amaze address: it is empty, "." or "..", or contains a slash.`,
    'InvalidPath',
    400,
  );
}

/**
 * Joins path segments, encoding each one (slugs and emails come from users). A segment that is
 * empty, `.` or `..`, or holds a slash, even percent-encoded, is refused: no path can climb.
 */
export function apiPath(...segments: string[]): string {
  for (const segment of segments) {
    if (typeof segment !== 'string' || unsafeSegment(segment))
      throw unsafePathError(String(segment));
  }
  return '/' + segments.map((segment) => encodeURIComponent(segment)).join('/');
}

/** A scheme (`https:`, `javascript:`) or a protocol-relative start (`//host`): another address. */
export function isFullAddress(path: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//');
}

/**
 * Why a path below `/api/v1` cannot be sent, in words a user can act on; undefined when it can.
 * The one checker of paths, typed or built: nothing it accepts can leave the brand's `/api/v1`.
 */
export function pathProblem(path: string): string | undefined {
  if (isFullAddress(path)) {
    return 'is a full web address: give only the part after /api/v1, for example /conversations';
  }
  if (!path.startsWith('/')) return 'must start with /';
  if (path.includes('\\')) return 'contains a backslash';
  if (path.includes('@')) return 'contains @: write it as %40 (an email address in a path, say)';
  if (/[?#]/.test(path)) return 'contains ? or #: put query parameters in Query instead';
  if (/[\s\p{Cc}\p{Cf}]/u.test(path)) {
    return 'contains spaces or invisible characters: write a space as %20';
  }
  for (const segment of path.slice(1).split('/')) {
    if (unsafeSegment(segment)) {
      return 'contains an empty segment, "." or ".." (in any encoding), or an encoded slash or backslash';
    }
  }
  return undefined;
}

/** The same rule for a path however it was built: every segment after the leading `/`. */
function checkPath(path: string): void {
  if (pathProblem(path) !== undefined) throw unsafePathError(path);
}

/**
 * Core's request options lack `merge` in its typings. `merge: false` skips core's request
 * template merge (this app has none) and, with it, core's refusal of text holding `{{bundle.…}}`
 * or `{{process.…}}` (node_modules/zapier-platform-core/src/http-middlewares/before/prepare-request.js):
 * a customer may type such text, and it must reach Re:amaze as written.
 */
type RequestOptions = HttpRequestOptions & { url: string; merge: false };

/** "HTTP 422 Unprocessable Entity"; a success or redirect by its number alone ("HTTP 200"). */
function statusLabel(status: number): string {
  const text = status >= 400 ? STATUS_CODES[status] : undefined;
  return text ? `HTTP ${status} ${text}` : `HTTP ${status}`;
}

/** Reads are safe to repeat, so their temporary failures ask Zapier to retry instead of failing the run. */
function isRead(method: string): boolean {
  return method === 'GET';
}

/**
 * Parses Retry-After as delay-seconds or an HTTP date, kept within 1 s – 1 h; anything else gives
 * the default.
 */
export function retryAfterSeconds(header: string | undefined, now: number = Date.now()): number {
  const value = header?.trim();
  let seconds = DEFAULT_RETRY_AFTER_SECONDS;
  if (value && /^\d+$/.test(value)) seconds = Number(value);
  else if (value && /[a-z]/i.test(value)) {
    const at = Date.parse(value);
    if (!Number.isNaN(at)) seconds = Math.ceil((at - now) / 1000);
  }
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(MIN_RETRY_AFTER_SECONDS, seconds));
}

/** How deep an error body is read: deeper values are left out (a body may nest without end). */
const EXPLANATION_DEPTH = 16;

/**
 * The API's own explanation from a parsed error body: `{"error": "..."}`, `{"errors": {"field":
 * ["..."]}}`, `{"errors": ["..."]}`, `{"errors": "..."}` or (unless told not to) `{"message": "..."}`.
 * Undefined when there is none. Read without recursion, EXPLANATION_DEPTH levels deep, and only
 * until a message's worth is collected; the result is cut to MESSAGE_LIMIT with a note.
 */
export function apiExplanation(body: unknown, includeMessage = true): string | undefined {
  if (!isRecord(body)) return undefined;
  const collect = (value: unknown): string[] => {
    const parts: string[] = [];
    let length = 0;
    const stack: [unknown, string | undefined, number][] = [[value, undefined, 0]];
    while (stack.length > 0) {
      if (length > MESSAGE_LIMIT) {
        parts.push('…');
        break;
      }
      const [item, field, depth] = stack.pop() as [unknown, string | undefined, number];
      if (typeof item === 'string' && item.trim()) {
        const part =
          field && field !== 'base' ? `${field.replace(/_/g, ' ')} ${item.trim()}` : item.trim();
        parts.push(part);
        length += part.length + 2;
      } else if (depth < EXPLANATION_DEPTH && item && typeof item === 'object') {
        const entries: [string | undefined, unknown][] = Array.isArray(item)
          ? item.map((inner) => [field, inner])
          : Object.entries(item).map(([key, inner]) => [field ? `${field} ${key}` : key, inner]);
        for (let i = entries.length - 1; i >= 0; i -= 1) {
          const [innerField, inner] = entries[i] as [string | undefined, unknown];
          stack.push([inner, innerField, depth + 1]);
        }
      }
    }
    return parts;
  };
  let parts = collect(body.errors);
  if (parts.length === 0) parts = collect(body.error);
  if (parts.length === 0 && includeMessage) parts = collect(body.message);
  return parts.length > 0 ? readableMessage(parts.join('; ')) : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes the API token from text about to be shown or logged, in every form it may come back
 * in: as typed, in other letter case, as the `email:token` pair, and as that pair in base64 (the
 * Basic credential).
 */
export function redact(text: string, bundle: Pick<Bundle, 'authData'>): string {
  const forms = credentialForms(bundle);
  if (forms.length === 0) return text;
  const pattern = new RegExp(forms.map(escapeRegExp).join('|'), 'gi');
  return text.replace(pattern, '[redacted]');
}

/** The `email:token` pair, the API token, and the pair's base64 (the Basic header's value). */
function credentialForms(bundle: Pick<Bundle, 'authData'>): string[] {
  const token = bundle.authData?.password;
  if (typeof token !== 'string' || token.length < 4) return [];
  const pair = `${bundle.authData?.username ?? ''}:${token}`;
  return [pair, token, Buffer.from(pair, 'utf8').toString('base64')];
}

/**
 * Core censors its own HTTP log (written before app code sees an answer) with the exact authData
 * values only, so the credential's other forms are added to authData for it: an answer echoing
 * the token or the `email:token` pair in upper or lower case, or the Basic header, is censored
 * there too. The key is never sent anywhere.
 */
function exposeCredentialFormsToCore(bundle: Bundle): void {
  const authData = bundle.authData as Record<string, unknown> | undefined;
  if (!authData || authData.credential_forms_for_log_censoring !== undefined) return;
  const [pair, token, encoded] = credentialForms(bundle);
  if (pair === undefined || token === undefined || encoded === undefined) return;
  const cased = [pair, token].flatMap((form) => [form.toLowerCase(), form.toUpperCase()]);
  authData.credential_forms_for_log_censoring = [...new Set([encoded, ...cased])];
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

/** Core's parsed JSON body (`response.data`), or undefined when the body is not JSON. */
function parsedBody(response: HttpResponse): unknown {
  // Core parses a form-encoded answer as a query string: that is not the JSON Re:amaze sends.
  if (/x-www-form-urlencoded/i.test(response.getHeader('content-type') ?? '')) return undefined;
  return response.data;
}

/** Re:amaze's own "not found": a JSON body whose explanation says so (`{"error": "Not Found"}`). */
function saysNotFound(response: HttpResponse): boolean {
  return /not found/i.test(apiExplanation(parsedBody(response)) ?? '');
}

const RATE_LIMIT_WORDING = /rate limit|too many requests|throttl/i;
const PERMISSION_WORDING = /permission|not allowed|access/i;

function rateLimited(z: ZObject, status: number, retryAfter: string | undefined): Error {
  return new z.errors.ThrottledError(
    `Re:amaze's rate limit for this API token was reached (${statusLabel(status)}). Zapier will try again later.`,
    retryAfterSeconds(retryAfter),
  );
}

/**
 * A 403 is three different things: Re:amaze's API refusing the credentials (its answer for a
 * wrong login email or token, with a JSON or empty body), a missing role permission or a rate
 * limit (said in the JSON body), or a page from something in between (a proxy or firewall
 * block page), which is not about the account at all.
 */
function forbidden(
  z: ZObject,
  host: string,
  { method, forbiddenMessage }: { method: string; forbiddenMessage?: string },
  response: HttpResponse,
  explanation: string | undefined,
  because: string,
): Error {
  const content = response.content ?? '';
  const fromApi = content.trim() === '' || parsedBody(response) !== undefined;
  if (!fromApi) {
    return temporaryFailure(
      z,
      method,
      `Something between Zapier and Re:amaze blocked the request with a page instead of data (${statusLabel(403)}).`,
    );
  }
  if (RATE_LIMIT_WORDING.test(explanation ?? '')) {
    return rateLimited(z, 403, response.getHeader('retry-after'));
  }
  if (forbiddenMessage && explanation === undefined) {
    // An empty 403 is also what a wrong login email or token gets: name both causes.
    return new z.errors.Error(
      `Re:amaze refused this on ${host} (${statusLabel(403)}) without saying why. Either ${forbiddenMessage} Or the login email or API token is not accepted: then reconnect your Re:amaze account in Zapier with your login email and a current API token (Re:amaze → Settings → API Token).`,
      'PermissionDenied',
      403,
    );
  }
  if (forbiddenMessage && !/login|token|credential|password|authenticat/i.test(explanation ?? '')) {
    return new z.errors.Error(
      `Re:amaze refused this on ${host} (${statusLabel(403)}): ${readableMessage(forbiddenMessage)}`,
      'PermissionDenied',
      403,
    );
  }
  if (PERMISSION_WORDING.test(explanation ?? '')) {
    return new z.errors.Error(
      `Your Re:amaze user is not allowed to do this on ${host}${because} Ask a Re:amaze admin to grant the permission, or connect as another user.`,
      'PermissionDenied',
      403,
    );
  }
  return expiredAuth(z, host, 403);
}

/**
 * Core appends a "What happened" trail (request URLs, the first 100 characters of each answer) to
 * errors that do not opt out; AppError and ThrottledError do, the others are marked here, so
 * an answer echoing a secret or a customer's text never lands in the message.
 */
export function withoutTrail<E extends Error>(error: E): E {
  (error as E & { doNotContextify?: boolean }).doNotContextify = true;
  return error;
}

function expiredAuth(z: ZObject, host: string, status: number): Error {
  return withoutTrail(
    new z.errors.ExpiredAuthError(
      `Re:amaze did not accept the login email or API token for ${host} (${statusLabel(status)}). ` +
        'Reconnect your Re:amaze account in Zapier with your login email and a current API token ' +
        '(Re:amaze → Settings → API Token).',
    ),
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
  const explanation = apiExplanation(parsedBody(response));
  const because = explanation ? `: ${asSentence(redact(explanation, bundle))}` : '.';

  if (status === 401) return expiredAuth(z, host, 401);
  if (status === 403) {
    return forbidden(z, host, request, response, explanation, because);
  }
  if (status === 404) {
    return new z.errors.Error(
      request.notFoundMessage
        ? `${readableMessage(request.notFoundMessage)} on ${host}.`
        : `Re:amaze answered ${statusLabel(404)} for ${host}. Check that the brand is right: it is the part before .reamaze.io in your Re:amaze address.`,
      'NotFound',
      404,
    );
  }
  if (status === 429) return rateLimited(z, 429, response.getHeader('retry-after'));
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
 * Sends one request to the brand's API and returns the parsed JSON body (or, for a 404 when the
 * caller says {@link ReamazeRequest.notFoundIsAbsent}, `undefined`).
 * Throws only Zapier errors: never a raw HTTP or parse error.
 */
export async function reamazeRequest(
  z: ZObject,
  bundle: Bundle,
  request: ReamazeRequest,
): Promise<unknown> {
  return (await reamazeExchange(z, bundle, request)).body;
}

/** {@link reamazeRequest} with the answer's HTTP status beside its body, for API Request. */
export async function reamazeExchange(
  z: ZObject,
  bundle: Bundle,
  request: ReamazeRequest,
): Promise<{ status: number; body: unknown }> {
  const method = request.method ?? 'GET';
  checkPath(request.path);
  exposeCredentialFormsToCore(bundle);
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of Object.entries(request.params ?? {})) {
    if (value !== undefined && value !== '') params[key] = String(value);
  }
  // The query is built here, not by core, which would delete any `{{…}}` from parameter values.
  const query = stringify(params);
  const url = `${apiBaseUrl(bundle.authData?.brand)}${request.path}${query ? `?${query}` : ''}`;
  const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': 'Zapier' };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';

  // A ceiling as well, so a lowered setting also bounds the pages a poll asks for with 12 s.
  const timeoutMs = Math.min(request.timeoutMs ?? requestTimeout.ms, requestTimeout.ms);
  const options: RequestOptions = {
    url,
    method,
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    timeout: timeoutMs,
    redirect: 'manual',
    // Every status is mapped below, with a readable message; 429s too (the app flag
    // throwForThrottlingEarly: false in index.ts keeps core from throwing them first).
    skipThrowForStatus: true,
    merge: false,
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
    if (
      request.connectionTest &&
      (err.code === 'ENOTFOUND' || err.type === 'system' || err.name === 'FetchError')
    ) {
      throw brandUnreachable(z, bundle, host, err.code);
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

  if (response.status === 404 && request.notFoundIsAbsent && saysNotFound(response)) {
    return { status: response.status, body: undefined };
  }
  if (response.status < 200 || response.status >= 300) {
    throw errorForStatus(z, bundle, { ...request, method }, response);
  }
  const content = response.content ?? '';
  if (content.trim() === '' && request.emptyAnswerAllowed) {
    return { status: response.status, body: undefined };
  }
  if (content.trim() === '') {
    throw unreadableAnswer(z, method, `an empty answer (${statusLabel(response.status)})`);
  }
  const body = parsedBody(response);
  if (body === undefined) {
    throw unreadableAnswer(
      z,
      method,
      looksLikeHtml(content)
        ? 'a web page instead of data (often a maintenance page)'
        : 'an answer that is not valid JSON',
    );
  }
  // `{"error": …}` or `{"errors": …}` is a refusal even under a 2xx status.
  const refusal = apiExplanation(body, false);
  if (refusal !== undefined) throw errorIn2xx(z, method, asSentence(redact(refusal, bundle)));
  return { status: response.status, body };
}

/** The Brand as the user typed it, for a message: one line, at most 60 characters, secrets removed. */
function typedBrand(bundle: Bundle): string {
  const raw = String(bundle.authData?.brand ?? '')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim();
  const shown = raw.length > 60 ? `${raw.slice(0, 60)}…` : raw;
  return redact(`"${shown}"`, bundle);
}

/** The connection test could not find or reach the brand's address: name the Brand as typed. */
function brandUnreachable(
  z: ZObject,
  bundle: Bundle,
  host: string,
  code: string | undefined,
): Error {
  return withoutTrail(
    new z.errors.Error(
      `Could not connect to ${host} (${code ?? 'network error'}): check the Brand. You entered ${typedBrand(bundle)}; it must be the part before .reamaze.io in the address you use for Re:amaze (for https://acme.reamaze.io enter acme). If the Brand is right, Re:amaze may be unreachable for a moment: try again in a minute.`,
      'UnknownBrand',
      404,
    ),
  );
}

const CHECK_BEFORE_REPLAY = 'Check Re:amaze before you replay this step, so it is not done twice.';
const TRY_AGAIN = "Try again; if it persists, contact the integration's support.";

/** A 2xx answer that reports an error: for a write, whether anything was saved is unknown. */
function errorIn2xx(z: ZObject, method: string, explanation: string): Error {
  return new z.errors.Error(
    `Re:amaze answered with an error although the request went through: ${explanation} ${
      isRead(method) ? TRY_AGAIN : CHECK_BEFORE_REPLAY
    }`,
    'ErrorInAnswer',
    502,
  );
}

/**
 * Thrown when a 2xx body does not have the documented shape. After a write the change was
 * accepted, so the message says to check Re:amaze rather than invite a replay that doubles it.
 */
export function unexpectedShape(z: ZObject, what: string, afterWrite = false): Error {
  return new z.errors.Error(
    afterWrite
      ? `Re:amaze accepted the request but sent ${what} in a form this integration does not recognise. ${CHECK_BEFORE_REPLAY}`
      : `Re:amaze sent ${what} in a form this integration does not recognise. ${TRY_AGAIN}`,
    'UnexpectedResponse',
    502,
  );
}

/**
 * A search that ran out of time before it could prove there is no match: an error, never "none",
 * so a find-or-create step does not create a duplicate.
 */
export function unfinishedSearch(z: ZObject, what: string): Error {
  return new z.errors.Error(
    `${readableMessage(what)} Try again later; if it persists, search by something more specific.`,
    'SearchUnfinished',
    504,
  );
}

/** Thrown when a 2xx body is a record but not the one promised (e.g. `{}`). */
export function missingResource(z: ZObject, noun: string, afterWrite = false): Error {
  return new z.errors.Error(
    afterWrite
      ? `Re:amaze accepted the request but returned no ${noun}. ${CHECK_BEFORE_REPLAY}`
      : `Re:amaze answered without the ${noun}. ${TRY_AGAIN}`,
    'UnexpectedResponse',
    502,
  );
}

/** What an operation expects back: the record under `key` (or bare), identified by one of `ids`. */
export interface Promised {
  /** The wrapper key, e.g. `conversation` for `{"conversation": {…}}`. */
  key: string;
  /** The record is real only when one of these holds a non-empty text or a number. */
  ids: string[];
  /** For errors: "conversation", and "the new conversation" for a record of the wrong shape. */
  noun: string;
  what: string;
  afterWrite?: boolean;
}

/**
 * The one check that a 2xx answer holds what was promised: a record under `key` (or the bare
 * record), carrying one of its identifying fields. Anything else is a clear error, never an
 * empty item reported as success.
 */
export function promisedRecord(
  z: ZObject,
  body: unknown,
  promised: Promised,
): Record<string, unknown> {
  if (!isRecord(body)) throw unexpectedShape(z, promised.what, promised.afterWrite);
  const wrapped = body[promised.key];
  if (promised.key in body && !isRecord(wrapped)) {
    throw unexpectedShape(z, promised.what, promised.afterWrite);
  }
  const found = isRecord(wrapped) ? wrapped : body;
  const identified = promised.ids.some((key) => {
    const value = found[key];
    return (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';
  });
  if (!identified) throw missingResource(z, promised.noun, promised.afterWrite);
  return found;
}

/**
 * Sends a write and returns the record its answer promises ({@link promisedRecord}): every action
 * that creates or changes one record reads its answer this way.
 */
export async function writtenRecord(
  z: ZObject,
  bundle: Bundle,
  request: ReamazeRequest,
  promised: Omit<Promised, 'afterWrite'>,
): Promise<Record<string, unknown>> {
  return promisedRecord(z, await reamazeRequest(z, bundle, request), {
    ...promised,
    afterWrite: true,
  });
}

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

/** How a list is read: the request options, and whether the list may come bare. */
export interface PageOptions extends Pick<
  ReamazeRequest,
  'timeoutMs' | 'notFoundMessage' | 'forbiddenMessage' | 'notFoundIsAbsent' | 'connectionTest'
> {
  /** The list may come as a bare array, one page of all items (GET /incidents, GET /systems). */
  bare?: boolean;
}

/**
 * Fetches one page of a paged list (`{page_size, page_count, total_count, <key>: [...]}`, or with
 * `bare` a bare array). Items that are not JSON objects, or a missing list, are refused with a
 * clear error; with `notFoundIsAbsent` a 404 is an empty list.
 */
export async function getPage(
  z: ZObject,
  bundle: Bundle,
  path: string,
  listKey: string,
  params: Record<string, QueryValue> = {},
  options: PageOptions = {},
): Promise<Page<Record<string, unknown>>> {
  const { bare, ...request } = options;
  const body = await reamazeRequest(z, bundle, { path, params, ...request });
  if (body === undefined && options.notFoundIsAbsent)
    return { items: [], pageCount: 0, totalCount: 0 };
  return pageOf(z, body, listKey, bare);
}

/**
 * One page from a list answer's body (see {@link getPage}), refused when it is not one. With
 * `bare`, a bare array is accepted as the one page of all items.
 */
export function pageOf(
  z: ZObject,
  body: unknown,
  listKey: string,
  bare = false,
): Page<Record<string, unknown>> {
  const list = bare && Array.isArray(body) ? body : isRecord(body) ? body[listKey] : undefined;
  if (!Array.isArray(list) || !list.every(isRecord)) {
    throw unexpectedShape(z, `the list of ${listKey.replace(/_/g, ' ')}`);
  }
  const record = isRecord(body) ? body : { page_count: 1, total_count: list.length };
  const count = (value: unknown): number =>
    typeof value === 'number' && Number.isFinite(value) ? value : 0;
  return {
    items: list as Record<string, unknown>[],
    pageCount: count(record.page_count),
    totalCount: count(record.total_count),
  };
}

/**
 * The items of one page of a dynamic dropdown. Zapier counts dropdown pages from 0, Re:amaze from
 * 1; a page past the last (or any later page of a list that is not paged) is empty rather than a
 * repeat of the last.
 */
export async function dropdownPage(
  z: ZObject,
  bundle: Bundle,
  path: string,
  listKey: string,
  options: PageOptions = {},
): Promise<Record<string, unknown>[]> {
  const page = (bundle.meta?.page ?? 0) + 1;
  const result = await getPage(z, bundle, path, listKey, { page }, options);
  return page > 1 && page > result.pageCount ? [] : result.items;
}
