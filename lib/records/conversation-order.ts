import { errors } from 'zapier-platform-core';
import { parseInstant } from '../http/api-values';

/**
 * `GET /conversations` as a list: its order.
 *
 * Order: Re:amaze documents the default as "by conversation create_at" without a direction; its
 * two other orders (`sort=updated`, `sort=changed`) are documented as descending, and open-source
 * clients that page real data stop at the first conversation older than their window, i.e. the
 * default is newest first (https://www.reamaze.com/api/get_conversations). Neither alternative fits "new conversation" (both lift old conversations with
 * fresh activity), so no `sort` is sent and each page is put in creation order here, newest first.
 */

const createdAt = (conversation: Record<string, unknown>): number =>
  parseInstant(conversation.created_at) ?? -Infinity;

/** Newest first by `created_at` (offsets normalised); equal or unknown instants keep their order. */
export function newestFirst<T extends Record<string, unknown>>(conversations: T[]): T[] {
  return conversations
    .map((conversation, index) => ({ conversation, index }))
    .sort((a, b) => createdAt(b.conversation) - createdAt(a.conversation) || a.index - b.index)
    .map(({ conversation }) => conversation);
}

/**
 * True when a page runs from older to newer: the first conversation with a known instant was
 * created before the last one. Then page 1 would hold the oldest conversations, not the newest.
 */
export function looksOldestFirst(conversations: Record<string, unknown>[]): boolean {
  const instants = conversations
    .map((conversation) => parseInstant(conversation.created_at))
    .filter((at): at is number => at !== undefined);
  const first = instants[0];
  const last = instants[instants.length - 1];
  return first !== undefined && last !== undefined && first < last;
}

/**
 * Refuses a first page listed oldest first (page 1 would then hold the oldest records, so new
 * ones would never fire). `noun` is the plural the user reads, e.g. "satisfaction ratings".
 */
export function requireNewestFirst(
  page: number,
  pageCount: number,
  items: Record<string, unknown>[],
  noun: string,
  shortNoun: string = noun,
): void {
  if (page === 1 && pageCount > 1 && looksOldestFirst(items)) {
    throw new errors.Error(
      `Re:amaze listed ${noun} oldest first, so new ${shortNoun} cannot be found on the first page. Contact the integration’s support.`,
      'UnexpectedOrder',
      502,
    );
  }
}
