import type { Bundle } from 'zapier-platform-core';
import { REQUEST_TIMEOUT_MS, type Page } from './client';

/**
 * Paging for polling triggers over Re:amaze lists sorted newest first (messages, contacts, …).
 *
 * Zapier sees only what one poll returns, so a burst bigger than a page must be paged through;
 * but paging must never drag in an older item that an earlier poll could have returned and did
 * not, because Zapier would fire it as new. The rule:
 *  - page 1 is always returned whole (exactly what a one-request trigger returns);
 *  - page N+1 is fetched only while every item of page N lies inside the look-back horizon
 *    (created at or after `now - horizon`), and from later pages only items inside the horizon
 *    are returned;
 *  - at most `maxPages` pages, and only while time is left in Zapier's 30-second limit.
 *
 * Why nothing old fires: an item returned for the first time from a later page is inside the
 * horizon now, so it was inside it at every earlier poll too; an earlier poll skipped it only if
 * it stopped paging above it, and it stopped at an item older than its own horizon (then this
 * item, lying deeper, was older still and is outside the horizon now: contradiction) or at the
 * cap (then the item was deeper than the cap, and items only move deeper as new ones arrive, so
 * it is never reached again). Why nothing new is missed: every item created since the last poll
 * is inside the horizon, as long as the horizon is longer than the gap between two polls and the
 * burst fits under the cap.
 *
 * A poll costs one request whenever page 1 reaches back past the horizon, i.e. whenever fewer
 * items than a page were created during the horizon.
 */

/**
 * Four times Zapier's longest polling interval (15 minutes): on that plan up to three failed polls
 * in a row lose nothing (two if the next poll is also late), measured by the failed-poll simulation.
 */
export const DEFAULT_HORIZON_MS = 60 * 60_000;

/** 8 pages of 30 = 240 items per poll, well above a 150-item burst between two polls. */
export const DEFAULT_MAX_PAGES = 8;

/** Time for the whole poll, leaving Zapier's 30 s limit room for start-up and mapping. */
export const POLL_BUDGET_MS = 25_000;

/** A later page is not started with less time than this left. */
export const MIN_PAGE_TIME_MS = 2_000;

export interface NewestFirstPoll<T> {
  /** Fetches one 1-based page, giving up after `timeoutMs`. */
  fetchPage: (page: number, timeoutMs: number) => Promise<Page<T>>;
  /** When the item was created (ms since the epoch); undefined when unknown. */
  createdAt: (item: T) => number | undefined;
  /** The key Zapier deduplicates on; items without one are left out (Zapier could not dedupe them). */
  identity: (item: T) => string | undefined;
  meta?: Partial<Bundle['meta']>;
  horizonMs?: number;
  maxPages?: number;
  budgetMs?: number;
  /** The clock, replaceable in tests. */
  now?: () => number;
}

/**
 * Runs one poll under the rule above and returns the items newest first, each identity once (the
 * first, newest position wins: a page boundary that shifts between two requests repeats items).
 */
export async function pollNewestFirst<T>(poll: NewestFirstPoll<T>): Promise<T[]> {
  const now = poll.now ?? Date.now;
  const started = now();
  const oldest = started - (poll.horizonMs ?? DEFAULT_HORIZON_MS);
  const budget = poll.budgetMs ?? POLL_BUDGET_MS;
  const limit = poll.meta?.limit !== undefined && poll.meta.limit > 0 ? poll.meta.limit : Infinity;
  // The editor's sample needs only a few items: one request keeps it fast.
  const maxPages = poll.meta?.isLoadingSample ? 1 : (poll.maxPages ?? DEFAULT_MAX_PAGES);

  const seen = new Set<string>();
  const items: T[] = [];
  const keep = (item: T): void => {
    const key = poll.identity(item);
    if (key === undefined || seen.has(key)) return;
    seen.add(key);
    items.push(item);
  };
  const insideHorizon = (item: T): boolean => {
    const at = poll.createdAt(item);
    return at !== undefined && at >= oldest;
  };

  let page = 1;
  let result = await poll.fetchPage(page, REQUEST_TIMEOUT_MS);
  result.items.forEach(keep);
  while (
    page < maxPages &&
    page < result.pageCount &&
    items.length < limit &&
    result.items.length > 0 &&
    result.items.every(insideHorizon)
  ) {
    const left = budget - (now() - started);
    if (left < MIN_PAGE_TIME_MS) break;
    page += 1;
    result = await poll.fetchPage(page, Math.min(REQUEST_TIMEOUT_MS, left));
    result.items.filter(insideHorizon).forEach(keep);
  }
  return items.slice(0, limit);
}
