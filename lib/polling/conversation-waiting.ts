import type { Bundle, ZObject } from 'zapier-platform-core';
import { getPage } from '../http/client';
import { parseInstant, record, stringField } from '../http/api-values';
import { conversationStatusCode, flattenConversation } from '../records/conversation';
import { DEFAULT_HORIZON_MS, pollNewestFirst } from './paging';
import { slugOf, type ChangeItem } from './conversation-changes';

/**
 * Conversation Waiting for a Reply: an Open conversation whose latest customer message is older
 * than the user's threshold, with no staff reply after it. Read from what the list gives
 * (`last_customer_message`, `last_staff_message`, `status`); no per-Zap state, so no cache fault
 * can make it fire or miss. docs/conversation-changes.md says what it cannot see.
 */

/** The Open status: the one in which a customer waits (Responded means staff answered). */
const OPEN = 0;

/** When the customer's latest message was sent, if no staff reply came after it and the conversation is Open. */
export function waitingSince(conversation: Record<string, unknown>): number | undefined {
  if (conversationStatusCode(conversation) !== OPEN) return undefined;
  const customer = parseInstant(record(conversation.last_customer_message).created_at);
  const staff = parseInstant(record(conversation.last_staff_message).created_at);
  if (customer === undefined || (staff !== undefined && staff >= customer)) return undefined;
  return customer;
}

/**
 * One episode's ID: a new customer message (after a reply, or a follow-up) is a new episode, the
 * same message waiting on is the same one, however often the list shows it.
 */
export const waitingId = (slug: string, since: number): string =>
  `${slug}:conversation_waiting_for_reply@${since}`;

export interface WaitingFilter {
  thresholdMs: number;
  /**
   * Episodes that passed the threshold longer ago than this are left out: the open list regains
   * old conversations in the middle (others resolved), and those passed a poll's check before.
   */
  horizonMs?: number;
  /** The assignee's email in lower case; undefined for any. */
  assignee?: string;
}

/** The conversations among `conversations` that wait longer than the threshold at `now`, as items. */
export function waitingItems(
  conversations: Record<string, unknown>[],
  filter: WaitingFilter,
  now: number,
  brand: unknown,
): ChangeItem[] {
  const items: ChangeItem[] = [];
  for (const conversation of conversations) {
    const slug = slugOf(conversation);
    const since = waitingSince(conversation);
    if (slug === undefined || since === undefined || now - since < filter.thresholdMs) continue;
    if (now - since - filter.thresholdMs > (filter.horizonMs ?? Infinity)) continue;
    const assignee = stringField(record(conversation.assignee).email).trim().toLowerCase();
    if (filter.assignee !== undefined && assignee !== filter.assignee) continue;
    const { id: conversationId, ...flat } = flattenConversation(conversation, brand);
    items.push({
      conversation_id: conversationId,
      waiting_minutes: String(Math.floor((now - since) / 60_000)),
      ...flat,
      id: waitingId(slug, since),
    });
  }
  return items;
}

/**
 * `GET /conversations?filter=open&sort=updated` (newest customer message first) under the paging
 * rule of lib/polling/paging.ts, with the customer's latest message as the instant and a look-back
 * of the threshold plus the usual hour: every conversation that crossed the threshold since a
 * poll up to an hour ago is read, however long ago it was last changed.
 */
export async function pollWaiting(
  z: ZObject,
  bundle: Bundle,
  filter: WaitingFilter & { channel?: string },
): Promise<ChangeItem[]> {
  const query = { filter: 'open', sort: 'updated', category: filter.channel };
  const started = Date.now();
  const conversations = await pollNewestFirst({
    fetchPage: (page, timeoutMs) =>
      getPage(z, bundle, '/conversations', 'conversations', { ...query, page }, { timeoutMs }),
    createdAt: (c) => parseInstant(record(c.last_customer_message).created_at),
    identity: slugOf,
    meta: bundle.meta,
    horizonMs: filter.thresholdMs + DEFAULT_HORIZON_MS,
    log: (line) => z.console.log(`Waiting for a Reply: ${line}`),
  });
  const horizonMs = bundle.meta?.isLoadingSample ? undefined : DEFAULT_HORIZON_MS;
  return waitingItems(conversations, { ...filter, horizonMs }, started, bundle.authData?.brand);
}
