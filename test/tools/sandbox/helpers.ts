import { startSandbox, type Sandbox, type SandboxOptions } from '../../../tools/sandbox/server';

/**
 * What the tests connect with: the values of `authData` in test/helpers.ts, repeated here so the
 * sandbox's own tests do not load the app.
 */
export const credentials = { username: 'agent@acme.example', password: 'tok_SECRET_9f8e7d6c5b4a' };

/** A seeded sandbox that accepts {@link credentials}. */
export function testSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ credentials, ...options });
}

export const BASIC = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;

export interface CallOptions {
  method?: string;
  body?: unknown;
  /** Replaces the default headers (Basic auth, Accept and, with a body, Content-Type JSON). */
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body; undefined when it is not JSON. */
  json: unknown;
}

/** One plain HTTP request to the sandbox, as any client would send it. */
export async function call(
  sandbox: Sandbox,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const headers = options.headers ?? {
    Authorization: BASIC,
    Accept: 'application/json',
    ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
  };
  const response = await fetch(`${sandbox.baseUrl}${path}`, {
    method: options.method ?? 'GET',
    headers,
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** The JSON body of a successful GET, cast to the shape the test expects. */
export async function get<T = Record<string, unknown>>(sandbox: Sandbox, path: string): Promise<T> {
  const result = await call(sandbox, path);
  if (result.status !== 200)
    throw new Error(`GET ${path} answered ${result.status}: ${result.text}`);
  return result.json as T;
}

export interface Envelope {
  page_size: number;
  page_count: number;
  total_count: number;
}
export type MessagesPage = Envelope & { messages: ApiMessage[] };
export type ConversationsPage = Envelope & { conversations: ApiConversation[] };

export interface ApiMessage {
  body: string;
  original_body?: string | null;
  visibility: number;
  origin: number;
  origin_id: string | null;
  created_at: string;
  user: { name: string; email: string | null; mobile?: string; 'staff?': boolean };
  recipients: { name: string; email: string }[];
  attachments: {
    file_file_name: string;
    file_content_type: string;
    file_file_size: number;
    thumb_url: string | null;
    url: string;
    'image?': boolean;
  }[];
  conversation: {
    subject: string;
    slug: string;
    created_at: string;
    category: { name: string; slug: string; email: string | null; channel: number };
  };
}

export interface ApiConversation {
  subject: string;
  slug: string;
  status: number;
  origin: number;
  created_at: string;
  updated_at: string;
  hold_until: string | null;
  tag_list: string[];
  data: Record<string, unknown>;
  perma_url: string;
  message: { body: string; origin_id: string | null };
  message_count: number;
  last_customer_message: { body: string; created_at: string } | null;
  last_staff_message: { body: string; created_at: string } | null;
  author: { id: number; name: string; email: string | null };
  assignee: { name: string; email: string } | null;
  category: { name: string; slug: string; email: string | null; channel: number };
  followers: { name: string; email: string }[];
}

/** Every item of a paged list, following `page_count`. */
export async function getAll<T>(sandbox: Sandbox, path: string, key: string): Promise<T[]> {
  const items: T[] = [];
  const separator = path.includes('?') ? '&' : '?';
  for (let page = 1; ; page += 1) {
    const body = await get(sandbox, `${path}${separator}page=${page}`);
    items.push(...(body[key] as T[]));
    if (page >= (body.page_count as number)) return items;
  }
}

export const instant = (value: string): number => Date.parse(value);
