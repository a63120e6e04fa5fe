import { createHash } from 'node:crypto';
import type { Bundle, ZObject } from 'zapier-platform-core';
import type { QueryValue } from '../http/client';
import { parseInstant, record, stringField } from '../http/api-values';
import {
  conversationStatusCode,
  conversationTags,
  flattenConversation,
} from '../records/conversation';
import {
  AS_CREATED_MS,
  changeStore,
  conversationChangedAt,
  fromStored,
  listChangedConversations,
  slugOf,
  toStored,
  watermarksIn,
  type ChangeState,
  type ConversationChange,
} from './conversation-changes';

/**
 * Conversation Updated: every change `GET /conversations?sort=changed` shows (a new `updated_at`)
 * is one update. Firing needs no state, so a cache that fails never stops it; the per-Zap change
 * state (the same store as the other change triggers) only says what changed, when the Zap saw
 * the conversation before. docs/conversation-changes.md says what it cannot see.
 */

/** An update, and what changed (empty when the Zap did not see the conversation before). */
export type ConversationUpdate = ConversationChange & { what: string };

/** The parts of a conversation an update can change, in the words What Changed uses. */
const PARTS: [label: string, of: (conversation: Record<string, unknown>) => string][] = [
  ['Status', (c) => String(conversationStatusCode(c) ?? '')],
  [
    'Assignee',
    (c) =>
      stringField(record(c.assignee).email).toLowerCase() || stringField(record(c.assignee).name),
  ],
  ['Tags', (c) => [...new Set(conversationTags(c).map((t) => t.toLowerCase()))].sort().join(',')],
  ['Custom Data', (c) => digest(record(c.data))],
  ['New Customer Message', (c) => instantOf(record(c.last_customer_message).created_at)],
  ['New Staff Reply', (c) => instantOf(record(c.last_staff_message).created_at)],
  ['Subject', (c) => digest(stringField(c.subject))],
];

const instantOf = (value: unknown): string => String(parseInstant(value) ?? '');

/** Short and order-independent: custom data is compared, never stored. */
function digest(value: unknown): string {
  const sorted = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.keys(v)
          .sort()
          .map((k) => [k, sorted((v as Record<string, unknown>)[k])])
      : v;
  return createHash('sha256')
    .update(JSON.stringify(sorted(value)))
    .digest('hex')
    .slice(0, 12);
}

/** What an update can change, as one remembered value. */
export const fingerprint = (conversation: Record<string, unknown>): string =>
  JSON.stringify(PARTS.map(([, of]) => of(conversation)));

/** The parts that differ between two fingerprints, e.g. "Status, Tags"; "Other" when none does. */
export function whatChanged(before: string, after: string): string {
  const [was, is] = [before, after].map((f) => JSON.parse(f) as string[]);
  const changed = PARTS.filter((_, i) => was?.[i] !== is?.[i]).map(([label]) => label);
  return changed.length > 0 ? changed.join(', ') : 'Other';
}

/** One update's ID: the conversation and its changed time, unique per change `sort=changed` lists. */
export const updateId = (slug: string, changedAt: number): string =>
  `${slug}:conversation_updated@${changedAt}`;

/**
 * The updates among the listed conversations against `state` (brought up to date in place). A
 * conversation untouched since it was created (changed within {@link AS_CREATED_MS}) is new, not
 * updated. `what` is empty when the Zap did not see the conversation before.
 */
export function updatesSince(
  state: ChangeState,
  conversations: Record<string, unknown>[],
  brand: unknown,
): ConversationUpdate[] {
  const updates: ConversationUpdate[] = [];
  for (const conversation of conversations) {
    const slug = slugOf(conversation);
    const changedAt = conversationChangedAt(conversation);
    if (slug === undefined || changedAt === undefined) continue;
    const value = fingerprint(conversation);
    const before = state.seen.get(slug);
    const id = updateId(slug, changedAt);
    state.seen.set(slug, [value, id, changedAt]);
    const createdAt = parseInstant(conversation.created_at);
    if (createdAt !== undefined && changedAt - createdAt <= AS_CREATED_MS) continue;
    // Seen at this very change already: the same ID, so Zapier has it or will run it once.
    const what =
      before === undefined || before[2] === changedAt ? '' : whatChanged(before[0], value);
    updates.push({
      id,
      item: flattenConversation(conversation, brand),
      value,
      previous: before?.[0],
      what,
    });
  }
  return updates;
}

/**
 * One poll: the state is read (a failed read only loses What Changed and the watermarks: the
 * look-back alone then), the conversations listed, the updates found, the state saved (a failed
 * save is only logged: the IDs do not depend on it).
 */
export async function pollUpdates(
  z: ZObject,
  bundle: Bundle,
  trigger: string,
  params: Record<string, QueryValue>,
): Promise<ConversationUpdate[]> {
  const store = changeStore(z, bundle, trigger);
  const stored = store === undefined ? undefined : await store.read();
  const state: ChangeState = stored?.found ? fromStored(stored.value) : { seen: new Map() };
  const readable = stored !== undefined && !(stored.found === false && stored.failed);
  const conversations = await listChangedConversations(
    z,
    bundle,
    trigger,
    params,
    readable ? watermarksIn(state) : undefined,
    false,
  );
  const updates = updatesSince(state, conversations, bundle.authData?.brand);
  if (store !== undefined && readable && !(await store.write(toStored(state)))) {
    z.console.log(
      'Conversation Updated: its state could not be saved; What Changed may be empty next time.',
    );
  }
  return updates;
}
