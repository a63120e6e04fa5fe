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

/**
 * The store of one Zap and filter set: keyed by the Zap's id, the trigger, the connected account
 * and the trigger's inputs (hashed), so editing a filter or reconnecting to another brand starts
 * afresh. Undefined (the stateless rule) without a Zap id and in the editor.
 */
export function zapWatermarks(
  z: ZObject,
  bundle: Bundle,
  trigger: string,
): WatermarkStore | undefined {
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
  const key = `watermarks:${trigger}:${createHash('sha256').update(scope).digest('hex').slice(0, 32)}`;
  return {
    read: async () => {
      try {
        return parseWatermarks(await within(Promise.resolve(z.cache.get(key)), CACHE_WAIT_MS));
      } catch {
        return undefined; // z.cache throws synchronously where Zapier's RPC is not available
      }
    },
    write: async (value) => {
      try {
        await within(
          Promise.resolve(z.cache.set(key, value, WATERMARK_TTL_SECONDS)),
          CACHE_WAIT_MS,
        );
      } catch {
        // a lost write only makes the next poll page as deep as the look-back allows
      }
    },
  };
}
