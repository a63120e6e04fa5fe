import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { createAppTester } from 'zapier-platform-core';
import App from '../index';

/** Runs operations through Zapier's own runner, as the platform does. */
export const appTester = createAppTester(App);

/**
 * Runs an operation's perform with loosely typed input (odd values included, as a Zap may map
 * them), through Zapier's runner with the test credentials.
 */
export function runWithInput(
  perform: unknown,
  inputData: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const loose = perform as (z: ZObject, bundle: Bundle) => Promise<Record<string, unknown>>;
  return appTester(loose, { authData, inputData });
}

export const BRAND_HOST = 'acme.reamaze.io';
export const API_ORIGIN = `https://${BRAND_HOST}`;

/** Credentials every test connects with; the token is recognisable so leaks are easy to spot. */
export const authData = {
  brand: 'acme',
  username: 'agent@acme.example',
  password: 'tok_SECRET_9f8e7d6c5b4a',
};

export const BASIC_AUTH = `Basic ${Buffer.from(`${authData.username}:${authData.password}`).toString('base64')}`;

/**
 * A nock scope for the brand's API that only matches requests carrying the Basic credentials
 * and `Accept: application/json`, as every real request must.
 */
export function reamaze(): nock.Scope {
  return nock(API_ORIGIN)
    .matchHeader('authorization', BASIC_AUTH)
    .matchHeader('accept', 'application/json');
}

/** The user-facing parts of a Zapier error: its class name and its decoded message. */
export interface ZapierErrorInfo {
  name: string;
  message: string;
  code?: string;
  status?: number;
  delay?: number | null;
}

/** Zapier's AppError and ThrottledError carry JSON in `message`; this decodes it for assertions. */
export function describeError(error: unknown): ZapierErrorInfo {
  const err = error as Error;
  try {
    const parsed = JSON.parse(err.message) as Record<string, unknown>;
    if (parsed && typeof parsed === 'object' && typeof parsed.message === 'string') {
      return {
        name: err.name,
        message: parsed.message,
        ...(parsed.code !== undefined ? { code: parsed.code as string } : {}),
        ...(parsed.status !== undefined ? { status: parsed.status as number } : {}),
        ...('delay' in parsed ? { delay: parsed.delay as number | null } : {}),
      };
    }
  } catch {
    // a plain error message
  }
  // Core appends "What happened: …" context to errors without JSON messages; ours is the first part.
  return { name: err.name, message: err.message.split('\nWhat happened:')[0] as string };
}

/** Awaits a promise that must reject, and describes the rejection. */
export async function failure(promise: Promise<unknown>): Promise<ZapierErrorInfo> {
  try {
    await promise;
  } catch (error) {
    return describeError(error);
  }
  throw new Error('expected the operation to fail, but it succeeded');
}

/** Runs code that must throw synchronously (input validation), and describes the error. */
export function thrownBy(run: () => unknown): ZapierErrorInfo {
  try {
    run();
  } catch (error) {
    return describeError(error);
  }
  throw new Error('expected an error, but none was thrown');
}

export function resetNock(): void {
  nock.cleanAll();
}
