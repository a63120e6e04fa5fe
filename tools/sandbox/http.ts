import type { StaffUser, Store } from './store';

/**
 * What a resource file gives the server: routes below `/api/v1`, each a method, a path pattern with
 * `:name` segments, and a handler that turns the request into a status and a JSON body.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContext {
  store: Store;
  /** Decoded `:name` segments of the path. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body; undefined when none was sent. */
  body: unknown;
  /** The staff user the API token belongs to: the API acts as this user. */
  user: StaffUser;
}

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: Method;
  /** e.g. `/conversations/:slug/messages` */
  path: string;
  handle: (context: RouteContext) => Reply;
}

/** Re:amaze's page size; there is no parameter to change it. */
export const PAGE_SIZE = 30;

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const created = (body: unknown): Reply => ({ status: 201, body });
export const notFound = (): Reply => ({ status: 404, body: { error: 'Not Found' } });
/** Done, nothing to say (a DELETE). */
export const noContent = (): Reply => ({ status: 204, body: undefined });

/** 422 in the Rails shape clients expect: `{"errors": {"field": ["message", …]}}`. */
export const invalid = (errors: Record<string, unknown>): Reply => ({
  status: 422,
  body: { errors },
});

/** `page` as Rails reads it: anything that is not a positive integer means the first page. */
export function pageNumber(query: URLSearchParams): number {
  const page = Number.parseInt(query.get('page') ?? '', 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}

/** The documented envelope around one page of a list that is already in order. */
export function paged<T>(
  query: URLSearchParams,
  key: string,
  items: T[],
  render: (item: T) => unknown,
): Reply {
  const page = pageNumber(query);
  const start = (page - 1) * PAGE_SIZE;
  return ok({
    page_size: PAGE_SIZE,
    page_count: Math.ceil(items.length / PAGE_SIZE),
    total_count: items.length,
    [key]: items.slice(start, start + PAGE_SIZE).map(render),
  });
}

/** A query value, trimmed; undefined when absent or blank. */
export function param(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name)?.trim();
  return value ? value : undefined;
}

/** `tag=a,b` as a list of tags. */
export function listParam(query: URLSearchParams, name: string): string[] {
  return (param(query, name) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** `data[key]=value` pairs of the query. */
export function dataParams(query: URLSearchParams): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of query) {
    const match = /^data\[(.+)\]$/.exec(name);
    if (match?.[1]) pairs.push([match[1], value]);
  }
  return pairs;
}

/**
 * `start_date`/`end_date`: an ISO date-time, or a date meaning the whole day (UTC).
 * Returns undefined when absent or unreadable (Re:amaze ignores what it cannot read).
 */
export function instantParam(
  query: URLSearchParams,
  name: string,
  edge: 'start' | 'end',
): number | undefined {
  const value = param(query, name);
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = Date.parse(`${value}T00:00:00.000Z`);
    if (Number.isNaN(day)) return undefined;
    return edge === 'start' ? day : day + 86_400_000 - 1;
  }
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : at;
}

/** The object under `key` of a JSON body, or undefined when the body or the key is not an object. */
export function wrapped(body: unknown, key: string): Record<string, unknown> | undefined {
  const record = asRecord(body);
  return record ? asRecord(record[key]) : undefined;
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

export function isEmail(value: unknown): value is string {
  return typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
