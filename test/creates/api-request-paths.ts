import nock from 'nock';
import fc from 'fast-check';
import apiRequest from '../../creates/api_request';
import {
  API_ORIGIN,
  BRAND_HOST,
  describeError,
  runWithInput,
  type ZapierErrorInfo,
} from '../helpers';

/**
 * API Request's brand boundary, shared by the everyday and the long hostile-path tests: every
 * request the action makes is recorded (nock answers the brand's host on any path; anything else
 * is refused by test/setup.ts's disableNetConnect and counted here), so a test can assert that
 * nothing ever left `https://{brand}.reamaze.io/api/v1/`.
 */

export interface Sent {
  /** `host path` of every request that reached nock's brand scope. */
  onBrand: string[];
  /** Requests nock had no interceptor for: another host, or a method nock did not expect. */
  offBrand: string[];
  error?: ZapierErrorInfo;
}

export async function sendPath(path: unknown, method = 'GET'): Promise<Sent> {
  const sent: Sent = { onBrand: [], offBrand: [] };
  const noMatch = (request: { host?: string; hostname?: string; path?: string }) => {
    sent.offBrand.push(`${request.hostname ?? request.host ?? '?'} ${request.path ?? ''}`);
  };
  nock.emitter.on('no match', noMatch);
  nock(API_ORIGIN)
    .persist()
    .intercept(() => true, method)
    .reply((uri) => {
      sent.onBrand.push(`${BRAND_HOST} ${uri}`);
      return [200, { ok: true }];
    });
  try {
    await runWithInput(apiRequest.operation.perform, { method, path });
  } catch (error) {
    sent.error = describeError(error);
  } finally {
    nock.emitter.removeListener('no match', noMatch);
    nock.cleanAll();
  }
  return sent;
}

/** True when a recorded request stayed on the brand's API: its path below `/api/v1/`, no dot segment. */
export function insideApi(line: string): boolean {
  const [host, path = ''] = line.split(' ');
  if (host !== BRAND_HOST || !path.startsWith('/api/v1/')) return false;
  return new URL(path, API_ORIGIN).pathname === path.split('?')[0];
}

/** Pieces hostile paths are built from: every form of climbing, another host and user-info. */
const PIECES = [
  'conversations',
  'messages',
  'where-is-my-order',
  '..',
  '.',
  '%2e%2e',
  '%2E%2e',
  '.%2E',
  '%252e%252E',
  '%25252E%25252E',
  '%2f',
  '%2F',
  '%5c',
  '%5C',
  '%255c',
  '\\',
  '@',
  '%40',
  'evil.com',
  'https:',
  'https://evil.com',
  '//evil.com',
  'api',
  'v1',
  '?x=1',
  '#top',
  ' ',
  '%20',
  '',
];

/** A path made of 0–6 pieces, joined by `/` or nothing, with or without a leading `/`. */
export const hostilePath = fc
  .tuple(
    fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }),
    fc.constantFrom('/', ''),
    fc.boolean(),
  )
  .map(([pieces, joint, leading]) => `${leading ? '/' : ''}${pieces.join(joint)}`);

/** How many generated paths were refused and how many were sent: both sides must be exercised. */
export interface Tally {
  refused: number;
  sent: number;
}

/** The property: refused before any request, or exactly one request, inside the brand's API. */
export function holdsBoundary(tally: Tally): (path: string) => Promise<boolean> {
  return async (path) => {
    const sent = await sendPath(path);
    if (sent.offBrand.length > 0) return false;
    if (sent.error !== undefined) {
      tally.refused += 1;
      return sent.error.name === 'HaltedError' && sent.onBrand.length === 0;
    }
    tally.sent += 1;
    return sent.onBrand.length === 1 && sent.onBrand.every(insideApi);
  };
}
