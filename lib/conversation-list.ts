import { parseInstant } from './fields';

/**
 * `GET /conversations` as a list: its order.
 *
 * Order: Re:amaze documents the default as "by conversation create_at" without a direction; its
 * two other orders (`sort=updated`, `sort=changed`) are documented as descending, and clients that
 * page real data (OD) stop at the first conversation older than their window, i.e. the default is
 * newest first. Neither alternative fits "new conversation" (both lift old conversations with
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
