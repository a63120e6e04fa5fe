import { errors } from 'zapier-platform-core';
import { readableMessage } from '../text/message';

/**
 * The brand is a security boundary: Basic auth sends the login email and API token with every
 * request, so the only hosts a request may ever reach are `{brand}.reamaze.io` or, for local
 * development and tests, an explicit loopback base URL.
 */

export const BRAND_FORMAT_HINT =
  'Enter your brand as it appears in your Re:amaze address: for https://acme.reamaze.io enter "acme". ' +
  'You find it under Settings → Brands in Re:amaze.';

/** One DNS label: letters, digits and inner hyphens, at most 63 characters. */
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';

/** A bare brand such as `acme`. */
const BARE_BRAND = new RegExp(`^${LABEL}$`);

/**
 * A pasted host or address: optional http(s) scheme, `{brand}.reamaze.io` or the older
 * `{brand}.reamaze.com`, then optionally a path, query or fragment (ignored). Everything
 * after the host must start with `/`, `?` or `#`, so user-info (`@`), ports (`:`) and longer
 * host names (`acme.reamaze.io.evil.com`) never match.
 */
const PASTED_HOST = new RegExp(
  `^(?:https?://)?(${LABEL})\\.reamaze\\.(?:io|com)(?:[/?#][^\\s\\\\@]*)?$`,
);

export class InvalidBrandError extends errors.Error {
  constructor(detail: string) {
    super(`${readableMessage(detail)} ${BRAND_FORMAT_HINT}`, 'InvalidBrand', 400);
  }
}

/**
 * Normalises what a user typed or pasted into the brand's API host, `{brand}.reamaze.io`.
 * Refuses anything that could point elsewhere, before any request is made.
 */
export function brandHost(input: unknown): string {
  if (typeof input !== 'string' || input.trim() === '') {
    throw new InvalidBrandError('The Re:amaze brand is missing.');
  }
  // Checked before lowercasing, which maps some non-ASCII letters to ASCII (the Kelvin sign
  // U+212A becomes "k"), and before the patterns so the message can say why.
  if (!/^[\x21-\x7e]+$/.test(input.trim())) {
    throw new InvalidBrandError(
      'The Re:amaze brand may only contain letters, digits and hyphens (no spaces or accents).',
    );
  }
  const value = input.trim().toLowerCase();
  if (value.includes('..') || value.includes('\\')) {
    throw new InvalidBrandError(`"${input.trim()}" is not a Re:amaze brand.`);
  }
  const label = BARE_BRAND.test(value) ? value : PASTED_HOST.exec(value)?.[1];
  const host = `${label}.reamaze.io`;
  // The URL parser must agree on the host: an invalid punycode label such as `xn--acme` fails here.
  if (!label || urlHostname(host) !== host) {
    throw new InvalidBrandError(`"${input.trim()}" is not a Re:amaze brand.`);
  }
  return host;
}

function urlHostname(host: string): string | undefined {
  try {
    return new URL(`https://${host}/`).hostname;
  } catch {
    return undefined;
  }
}

/** Environment variable that points the integration at a local Re:amaze (sandbox, tests). */
export const LOCAL_BASE_URL_ENV = 'REAMAZE_BASE_URL';

function isLoopbackHostname(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * The local override, honoured only when it names a loopback address over http(s) without
 * user-info. Returns undefined when unset; throws when set to anything else, because silently
 * ignoring it would send a developer's requests somewhere they did not expect.
 */
export function localBaseUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const raw = env[LOCAL_BASE_URL_ENV]?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new errors.Error(
      `${LOCAL_BASE_URL_ENV} is not a valid URL. Set it to a loopback address such as http://127.0.0.1:4010/api/v1, or unset it.`,
      'InvalidLocalBaseUrl',
      400,
    );
  }
  const allowed =
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.username === '' &&
    url.password === '' &&
    isLoopbackHostname(url.hostname);
  if (!allowed) {
    throw new errors.Error(
      `${LOCAL_BASE_URL_ENV} may only point at this machine (127.0.0.1, ::1 or localhost), for local development. Unset it to use Re:amaze itself.`,
      'InvalidLocalBaseUrl',
      400,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The API base every request is built on: `https://{brand}.reamaze.io/api/v1`, or the local override. */
export function apiBaseUrl(brand: unknown, env: NodeJS.ProcessEnv = process.env): string {
  const host = brandHost(brand); // validated even under the local override, so bad input fails the same way
  return localBaseUrl(env) ?? `https://${host}/api/v1`;
}

/** A link a person can open: the conversation in the brand's Re:amaze inbox. */
export function inboxConversationUrl(brand: unknown, slug: string): string {
  return `https://${brandHost(brand)}/admin/conversations/${encodeURIComponent(slug)}`;
}
