import { createHash } from 'node:crypto';
import type { Bundle, ZObject } from 'zapier-platform-core';

/**
 * Per-Zap paging state for the polling triggers, kept in Zapier's `z.cache`. It may only save
 * requests: whatever goes wrong here (no Zap id, nothing stored, a slow or failing cache, a value
 * of the wrong shape) the poll falls back to the stateless look-back rule. Why this is safe:
 * docs/polling.md.
 */

/** What one Zap remembers between polls; every instant is a Re:amaze `created_at` (ms), never our clock. */
export interface Watermarks {
  /**
   * How deep the next poll must page: `[if the last poll's result was lost, if it was recorded]`.
   * The next poll pages down to the lower of the two.
   */
  floors: [number, number];
  /** Items created before this are never returned from a later page (the dedupe seed stopped above them). */
  since?: number;
  /** Where a poll that stopped early left the unread region, for the next polls to read on from. */
  rest?: Rest;
}

/**
 * The unread region a poll left: items created at or before `below` (the oldest instant it read)
 * down to `floor`. When the list held `total` items, the first item at `below` stood at position
 * `start` (0-based) and the first unread at `end`.
 */
export type Rest = [below: number, floor: number, start: number, end: number, total: number];

/** Where a poll reads and writes its {@link Watermarks}. */
export interface WatermarkStore {
  /** Undefined when nothing usable is stored, or the store did not answer in time. */
  read(): Promise<Watermarks | undefined>;
  /** Never throws: a lost write only costs the next poll requests. */
  write(value: Watermarks): Promise<void>;
}

/** The longest a poll waits for the cache, each way, before going on without it. */
export const CACHE_WAIT_MS = 1_500;

/** Two hours: a watermark older than the 60-minute look-back is never used anyway. */
export const WATERMARK_TTL_SECONDS = 2 * 60 * 60;

/** The value, or undefined when `promise` fails or takes longer than `ms`: a slow cache never stalls a poll. */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
    timer.unref?.();
  });
  try {
    return await Promise.race([promise.catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}

const finite = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** A stored value, checked: anything else reads as nothing stored. */
export function parseWatermarks(value: unknown): Watermarks | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { floors, since, rest } = value as Record<string, unknown>;
  if (!Array.isArray(floors) || floors.length !== 2) return undefined;
  const [ifLost, ifRecorded] = floors as unknown[];
  if (!finite(ifLost) || !finite(ifRecorded)) return undefined;
  if (since !== undefined && !finite(since)) return undefined;
  if (rest !== undefined && !isRest(rest)) return undefined;
  return {
    floors: [ifLost, ifRecorded],
    ...(since === undefined ? {} : { since }),
    ...(rest === undefined ? {} : { rest: [...rest] }),
  };
}

const isRest = (value: unknown): value is Rest => {
  if (!Array.isArray(value) || value.length !== 5 || !value.every(finite)) return false;
  const [, , ...places] = value as number[];
  const [start = -1, end = -1, total = -1] = places;
  return places.every(Number.isInteger) && start >= 0 && end >= start && total >= end;
};

/** What a read of a per-Zap value found: core answers null for a key it does not hold. */
export type StoredRead<T> =
  | { found: true; value: T }
  | { found: false; failed: false }
  | { found: false; failed: true; why: string };

/** One per-Zap value in `z.cache` (see {@link zapState}). */
export interface ZapState<T> {
  /** Found, missing (null: never written, expired or evicted), or failed (threw, or slower than {@link CACHE_WAIT_MS}). */
  read(): Promise<StoredRead<T>>;
  /** Whether the cache confirmed the write within {@link CACHE_WAIT_MS}; never throws. */
  write(value: T): Promise<boolean>;
}

/**
 * The one per-Zap state helper: the value `kind` of one Zap and filter set, keyed by the Zap's
 * id, the trigger, the connected account and the trigger's inputs (hashed), so editing a filter
 * or reconnecting to another brand starts afresh. `parse` checks a stored value (undefined: of
 * another shape, read as missing). Undefined without a Zap id and in the editor.
 */
export function zapState<T>(
  z: ZObject,
  bundle: Bundle,
  trigger: string,
  kind: string,
  parse: (value: unknown) => T | undefined,
  ttlSeconds: number,
): ZapState<T> | undefined {
  const meta = bundle.meta as Partial<Bundle['meta']> | undefined;
  // Zapier sends the Zap's id on live polls and on the dedupe seed (typed as deprecated in core).
  const zapId = meta?.zap?.id;
  if (typeof zapId !== 'string' && typeof zapId !== 'number') return undefined;
  if (meta?.isLoadingSample) return undefined;
  const inputs = Object.entries(bundle.inputData ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  const scope = JSON.stringify([
    String(zapId),
    trigger,
    bundle.authData?.brand ?? null,
    bundle.authData?.username ?? null,
    inputs,
  ]);
  const key = `${kind}:${trigger}:${createHash('sha256').update(scope).digest('hex').slice(0, 32)}`;
  return {
    read: async () => {
      let answer: { value: unknown } | { error: unknown } | undefined;
      try {
        const asked = Promise.resolve(z.cache.get(key)).then(
          (value: unknown) => ({ value }),
          (error: unknown) => ({ error }),
        );
        answer = await within(asked, CACHE_WAIT_MS);
      } catch (error) {
        answer = { error }; // z.cache throws synchronously where Zapier's RPC is not available
      }
      if (answer === undefined) return { found: false, failed: true, why: 'no answer in 1.5 s' };
      if ('error' in answer) return { found: false, failed: true, why: String(answer.error) };
      const value = answer.value === null ? undefined : parse(answer.value);
      return value === undefined ? { found: false, failed: false } : { found: true, value };
    },
    write: async (value) => {
      try {
        const saved = await within(
          Promise.resolve(z.cache.set(key, value, ttlSeconds)).then(() => true),
          CACHE_WAIT_MS,
        );
        return saved === true;
      } catch {
        return false;
      }
    },
  };
}

/**
 * The paging watermarks of one Zap and filter set ({@link zapState}). Undefined (the stateless
 * rule) without a Zap id and in the editor.
 */
export function zapWatermarks(
  z: ZObject,
  bundle: Bundle,
  trigger: string,
): WatermarkStore | undefined {
  const state = zapState(z, bundle, trigger, 'watermarks', parseWatermarks, WATERMARK_TTL_SECONDS);
  if (state === undefined) return undefined;
  return {
    read: async () => {
      const stored = await state.read();
      return stored.found ? stored.value : undefined;
    },
    // a lost write only makes the next poll page as deep as the look-back allows
    write: async (value) => void (await state.write(value)),
  };
}
