import type { Bundle, PlainOutputField, ZObject } from 'zapier-platform-core';
import { getPage, requestTimeout, type QueryValue } from '../http/client';
import {
  conversationOutputFields,
  conversationTags,
  flattenConversation,
  type ConversationItem,
} from '../records/conversation';
import { channelFilterField } from '../input/conversation-filters';
import { isRecord, parseInstant, record, stringField } from '../http/api-values';
import { trimmed } from '../input/read';
import { CACHE_WAIT_MS, within, zapWatermarks } from './zap-state';
import { MIN_PAGE_TIME_MS, POLL_BUDGET_MS, pollNewestFirst } from './paging';

/**
 * The three conversation-change triggers (status changed, assigned, tag added): one list, one
 * paging rule and one way to name each change. Re:amaze keeps no change history, so a change is
 * seen as a difference between what this Zap saw before and what `GET /conversations?sort=changed`
 * lists now; why each identity fires when it does, and which edits fire late or twice, is written
 * down in docs/conversation-changes.md.
 */

/** Conversations edited at most this long after they were created count as untouched since creation. */
export const AS_CREATED_MS = 5_000;

/** When the Zap is switched on, this many pages (30 conversations each) are read to learn the current state. */
export const BASELINE_MAX_PAGES = 10;

/** Conversations remembered per Zap: the most recently changed ones win (about 100 KB of state). */
export const MAX_REMEMBERED = 1_000;

/** Remembered state lives 30 days after the last poll (z.cache's TTL is in seconds). */
export const STATE_TTL_SECONDS = 30 * 24 * 60 * 60;

/**
 * When the conversation last changed (ms since the epoch): `updated_at`, which `sort=changed`
 * orders by; without it, the latest message or the creation, whichever is newest.
 */
export function conversationChangedAt(conversation: unknown): number | undefined {
  const source = record(conversation);
  const updated = parseInstant(source.updated_at);
  if (updated !== undefined) return updated;
  const known = [
    parseInstant(record(source.last_customer_message).created_at),
    parseInstant(record(source.last_staff_message).created_at),
    parseInstant(source.created_at),
  ].filter((at): at is number => at !== undefined);
  return known.length > 0 ? Math.max(...known) : undefined;
}

const slugOf = (conversation: Record<string, unknown>): string | undefined => {
  const slug = stringField(conversation.slug);
  return slug === '' ? undefined : slug;
};

/** The Channel filter every change trigger offers (sent as `category`). */
export const changeChannelField = {
  ...channelFilterField,
  helpText: 'Only conversations in this channel. Leave empty for every channel.',
} as const;

/**
 * The conversations of the chosen Channel changed since the look-back horizon, newest-changed
 * first, every status included (`filter=all`), under the burst rule of lib/polling/paging.ts with the
 * changed time as the instant. When the Zap is switched on, deeper instead (up to
 * {@link BASELINE_MAX_PAGES} pages), so what is already true then is seen and never fires later.
 */
export async function listChangedConversations(
  z: ZObject,
  bundle: Bundle,
  trigger: string,
  params: Record<string, QueryValue> = {},
): Promise<Record<string, unknown>[]> {
  const category = trimmed(bundle.inputData?.channel, 'Channel');
  const query = { ...params, category, sort: 'changed', filter: 'all' };
  const fetchPage = (page: number, timeoutMs: number) =>
    getPage(z, bundle, '/conversations', 'conversations', { ...query, page }, { timeoutMs });
  if (!bundle.meta?.isPopulatingDedupe) {
    return pollNewestFirst({
      fetchPage,
      createdAt: conversationChangedAt,
      identity: slugOf,
      meta: bundle.meta,
      // The changed time plays the part of the creation time: the list is newest-changed first.
      watermarks: zapWatermarks(z, bundle, trigger),
      log: (line) => z.console.log(`Conversation changes: ${line}`),
    });
  }
  const started = Date.now();
  const seen = new Set<string>();
  const conversations: Record<string, unknown>[] = [];
  for (let page = 1; page <= BASELINE_MAX_PAGES; page += 1) {
    const left = POLL_BUDGET_MS - (Date.now() - started);
    if (page > 1 && left < MIN_PAGE_TIME_MS) break;
    const result = await fetchPage(page, Math.min(requestTimeout.ms, left));
    for (const conversation of result.items) {
      const slug = slugOf(conversation);
      if (slug === undefined || seen.has(slug)) continue;
      seen.add(slug);
      conversations.push(conversation);
    }
    if (page >= result.pageCount || result.items.length === 0) break;
  }
  return conversations;
}

/** What this Zap last saw of one conversation: the watched value, the change it fired as, when. */
export type Remembered = [value: string, changeId: string | null, changedAt: number];

/** What this Zap last saw of each conversation, by slug. */
export type Seen = Record<string, Remembered>;

interface WatchState {
  v: 1;
  seen: Seen;
}

function readState(value: unknown): WatchState | undefined {
  if (!isRecord(value) || value.v !== 1 || !isRecord(value.seen)) return undefined;
  const seen: Seen = {};
  for (const [slug, entry] of Object.entries(value.seen)) {
    if (
      Array.isArray(entry) &&
      typeof entry[0] === 'string' &&
      (typeof entry[1] === 'string' || entry[1] === null) &&
      typeof entry[2] === 'number'
    ) {
      seen[slug] = [entry[0], entry[1], entry[2]];
    }
  }
  return { v: 1, seen };
}

/**
 * Where this Zap's state is kept: one key per Zap, trigger and filter set. Undefined when Zapier
 * names no Zap (the editor's test, a local run): then nothing is remembered.
 */
function stateKey(z: ZObject, bundle: Bundle, trigger: string): string | undefined {
  const zapId = bundle.meta?.zap?.id;
  if (zapId === undefined || zapId === null || String(zapId) === '') return undefined;
  const inputs = z.hash('sha256', JSON.stringify(bundle.inputData ?? {})).slice(0, 16);
  return `conversation-changes:${trigger}:${String(zapId)}:${inputs}`;
}

/** The remembered state; an empty one when there is none or it cannot be read (see the docs). */
async function loadState(z: ZObject, key: string | undefined): Promise<WatchState> {
  if (key === undefined) return { v: 1, seen: {} };
  const stored = await within(Promise.resolve(z.cache.get(key)), CACHE_WAIT_MS);
  if (stored === undefined) {
    z.console.log('Conversation change state could not be read in time, or is not there.');
  }
  try {
    return readState(stored) ?? { v: 1, seen: {} };
  } catch (error) {
    z.console.log(`Conversation change state could not be read: ${String(error)}`);
    return { v: 1, seen: {} };
  }
}

/** Keeps the {@link MAX_REMEMBERED} most recently changed conversations; a failed write is only logged. */
async function saveState(z: ZObject, key: string | undefined, state: WatchState): Promise<void> {
  if (key === undefined) return;
  const kept = Object.entries(state.seen)
    .sort((a, b) => b[1][2] - a[1][2])
    .slice(0, MAX_REMEMBERED);
  try {
    const saving = z.cache.set(key, { v: 1, seen: Object.fromEntries(kept) }, STATE_TTL_SECONDS);
    if (
      (await within(
        Promise.resolve(saving).then(() => true),
        CACHE_WAIT_MS,
      )) !== true
    ) {
      z.console.log('Conversation change state could not be saved in time.');
    }
  } catch (error) {
    z.console.log(`Conversation change state could not be saved: ${String(error)}`);
  }
}

/** How one trigger watches a conversation. */
export interface ChangeWatch {
  /** The trigger's key: part of every change ID and of the state's key. */
  trigger: string;
  /** The watched value of a conversation as the API lists it, as text ('' for none). */
  valueOf: (conversation: Record<string, unknown>) => string;
  /** Whether entering this value is a change the user asked for (the trigger's filter). */
  wanted: (value: string) => boolean;
  /**
   * Whether the value a conversation was created with counts as a change (an assignee or a tag
   * does; the first status does not: a new conversation has not changed status).
   */
  creationCounts: boolean;
}

/** One change found by a poll: the conversation and what it was before, when this Zap knew. */
export interface ConversationChange {
  /** What Zapier deduplicates on: conversation, watched value and when it was entered. */
  id: string;
  /** The conversation's flat fields (lib/records/conversation.ts). */
  item: ConversationItem;
  value: string;
  /** The value this Zap saw before the change; undefined when it had not seen the conversation. */
  previous: string | undefined;
}

/** `slug:trigger:value@changed-at`: readable in Zapier's history, unique per change. */
export function changeId(
  slug: string,
  watch: Pick<ChangeWatch, 'trigger'>,
  value: string,
  at: number,
): string {
  return `${slug}:${watch.trigger}:${value}@${at}`;
}

/**
 * The changes among the listed conversations against what this Zap saw (`seen`, brought up to
 * date in place), newest-changed first. A conversation whose value this Zap remembers keeps the ID
 * it fired with (Zapier has seen it: no second run however often it is edited); a different value,
 * or a conversation not seen before, gets a new ID from the value and the changed time (so a lost
 * state fires again only what was edited since its change).
 */
export function changesSince(
  seen: Seen,
  watch: ChangeWatch,
  conversations: Record<string, unknown>[],
  brand: unknown,
): ConversationChange[] {
  const changes: ConversationChange[] = [];
  for (const conversation of conversations) {
    const slug = slugOf(conversation);
    const changedAt = conversationChangedAt(conversation);
    if (slug === undefined || changedAt === undefined) continue;
    const value = watch.valueOf(conversation);
    const before = seen[slug];
    let id: string | null;
    if (before !== undefined && before[0] === value) {
      id = before[1];
    } else if (value === '') {
      id = null;
    } else {
      const createdAt = parseInstant(conversation.created_at);
      const untouched =
        before === undefined && createdAt !== undefined && changedAt - createdAt <= AS_CREATED_MS;
      id = untouched && !watch.creationCounts ? null : changeId(slug, watch, value, changedAt);
    }
    seen[slug] = [value, id, changedAt];
    if (id !== null && watch.wanted(value)) {
      const item = flattenConversation(conversation, brand);
      changes.push({ id, item, value, previous: before?.[0] });
    }
  }
  return changes;
}

/** {@link changesSince} against this Zap's remembered state, which is then saved. */
export async function findChanges(
  z: ZObject,
  bundle: Bundle,
  watch: ChangeWatch,
  conversations: Record<string, unknown>[],
): Promise<ConversationChange[]> {
  const key = stateKey(z, bundle, watch.trigger);
  const state = await loadState(z, key);
  const changes = changesSince(state.seen, watch, conversations, bundle.authData?.brand);
  await saveState(z, key, state);
  return changes;
}

/** One poll of a stateful change trigger: the changed conversations, then the changes among them. */
export async function pollChanges(
  z: ZObject,
  bundle: Bundle,
  watch: ChangeWatch,
): Promise<ConversationChange[]> {
  return findChanges(z, bundle, watch, await listChangedConversations(z, bundle, watch.trigger));
}

/**
 * Tag Added needs no state: "first carries the tag" happens once per conversation and tag, so the
 * ID is just the two, and Zapier (which keeps every ID it has seen while the Zap is on) runs once.
 */
export function tagChanges(
  brand: unknown,
  trigger: string,
  tag: string,
  conversations: Record<string, unknown>[],
): ConversationChange[] {
  const wanted = tag.trim().toLowerCase();
  const changes: ConversationChange[] = [];
  for (const conversation of conversations) {
    const slug = slugOf(conversation);
    const carried = conversationTags(conversation).find(
      (each) => each.trim().toLowerCase() === wanted,
    );
    if (slug === undefined || carried === undefined) continue;
    changes.push({
      id: `${slug}:${trigger}:${wanted}`,
      item: flattenConversation(conversation, brand),
      value: carried,
      previous: undefined,
    });
  }
  return changes;
}

/**
 * The one change a trigger's sample shows: what a poll finds in `conversation` on `brand` when
 * this Zap last saw the value `previous` (undefined: never saw it).
 */
export function sampleChange(
  watch: ChangeWatch,
  conversation: Record<string, unknown>,
  previous: string | undefined,
  brand: string,
): ConversationChange {
  const slug = slugOf(conversation) ?? '';
  const seen: Seen = previous === undefined ? {} : { [slug]: [previous, null, 0] };
  return onlyChange(changesSince(seen, watch, [conversation], brand));
}

/** The single change of a sample; a sample that shows none is a bug caught when the app loads. */
export function onlyChange(changes: ConversationChange[]): ConversationChange {
  const [change] = changes;
  if (change === undefined || changes.length > 1) throw new Error('A sample must show one change');
  return change;
}

/**
 * A change as the triggers output it: the conversation's flat fields, its own ID moved to
 * `conversation_id` (what the conversation actions take), the trigger's own fields, and the
 * change's ID as `id` (what Zapier deduplicates on).
 */
export type ChangeItem = Record<string, unknown> & { id: string; conversation_id: string };

export function changeItem(change: ConversationChange, extra: Record<string, string>): ChangeItem {
  const { id: conversationId, ...conversation } = change.item;
  return { conversation_id: conversationId, ...extra, ...conversation, id: change.id };
}

/** The output fields of {@link changeItem}, in the same order. */
export function changeOutputFields(extra: PlainOutputField[]): PlainOutputField[] {
  return [
    ...conversationOutputFields
      .filter((field) => field.key === 'id')
      .map((field) => ({ ...field, key: 'conversation_id' })),
    ...extra,
    ...conversationOutputFields.filter((field) => field.key !== 'id'),
    { key: 'id', label: 'Change ID', required: true },
  ];
}
