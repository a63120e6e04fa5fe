import type { Bundle, PlainOutputField, ZObject } from 'zapier-platform-core';
import { getPage, type QueryValue } from '../http/client';
import {
  conversationOutputFields,
  conversationTags,
  flattenConversation,
  type ConversationItem,
} from '../records/conversation';
import { channelFilterField } from '../input/conversation-filters';
import { isRecord, parseInstant, record, stringField } from '../http/api-values';
import { trimmed } from '../input/read';
import {
  parseWatermarks,
  zapState,
  zapWatermarks,
  type Watermarks,
  type WatermarkStore,
  type ZapState,
} from './zap-state';
import { LATE_ARRIVAL_MS, pollNewestFirst } from './paging';

/**
 * The three conversation-change triggers (status changed, assigned, tag added): one list, one
 * paging rule and one way to name each change. Re:amaze keeps no change history, so a change is
 * seen as a difference between what this Zap saw before and what `GET /conversations?sort=changed`
 * lists now; why each identity fires when it does, and which edits fire late or twice, is written
 * down in docs/conversation-changes.md.
 */

/** Conversations edited at most this long after they were created count as untouched since creation. */
export const AS_CREATED_MS = 5_000;

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

export const slugOf = (conversation: Record<string, unknown>): string | undefined => {
  const slug = stringField(conversation.slug);
  return slug === '' ? undefined : slug;
};

/** The Channel filter every change trigger offers (sent as `category`). */
export const changeChannelField = {
  ...channelFilterField,
  helpText: 'Only conversations in this channel. Leave empty for every channel.',
} as const;

/**
 * The conversations changed since the look-back horizon, newest-changed first, every status
 * included (`filter=all`) unless `params` say otherwise, under the burst rule of
 * lib/polling/paging.ts with the changed time as the instant. `deep` (by default when the Zap is
 * switched on): the {@link MAX_REMEMBERED} most recently changed whatever their age, within the
 * poll's budget, so what is already true then is seen and never fires later.
 */
export async function listChangedConversations(
  z: ZObject,
  bundle: Bundle,
  trigger: string,
  params: Record<string, QueryValue> = {},
  watermarks: WatermarkStore | undefined = zapWatermarks(z, bundle, trigger),
  deep = bundle.meta?.isPopulatingDedupe === true,
): Promise<Record<string, unknown>[]> {
  const category = trimmed(bundle.inputData?.channel, 'Channel');
  // Every status unless `params` name a status group (undefined there: Re:amaze's default list).
  const filter = 'filter' in params ? params.filter : 'all';
  const query = { ...params, category, sort: 'changed', filter };
  return pollNewestFirst({
    fetchPage: (page, timeoutMs) =>
      getPage(z, bundle, '/conversations', 'conversations', { ...query, page }, { timeoutMs }),
    // The changed time plays the part of the creation time: the list is newest-changed first.
    createdAt: conversationChangedAt,
    identity: slugOf,
    meta: deep ? { ...bundle.meta, limit: MAX_REMEMBERED } : bundle.meta,
    horizonMs: deep ? Number.POSITIVE_INFINITY : undefined,
    watermarks: deep ? undefined : watermarks,
    log: (line) => z.console.log(`Conversation changes: ${line}`),
  });
}

/** What this Zap last saw of one conversation: the watched value, the change it fired as, when. */
export type Remembered = [value: string, changeId: string | null, changedAt: number];

/** What this Zap last saw of each conversation, by slug (a Map: a slug may be `__proto__`). */
export type Seen = Map<string, Remembered>;

/** The per-Zap state of a change trigger: what it saw, and its paging watermarks, saved together. */
export interface ChangeState {
  seen: Seen;
  watermarks?: Watermarks;
  /** The newest changed time the last saved poll listed: conversations created after it are new. */
  asOf?: number;
}

/** How it is stored: `seen` as rows, never as an object keyed by slug. */
export interface StoredChanges {
  v: 2;
  seen: [slug: string, ...Remembered][];
  watermarks?: Watermarks;
  asOf?: number;
}

function parseChanges(value: unknown): StoredChanges | undefined {
  if (!isRecord(value) || value.v !== 2 || !Array.isArray(value.seen)) return undefined;
  const rows = value.seen.filter(
    (row: unknown): row is StoredChanges['seen'][number] =>
      Array.isArray(row) &&
      typeof row[0] === 'string' &&
      typeof row[1] === 'string' &&
      (typeof row[2] === 'string' || row[2] === null) &&
      typeof row[3] === 'number',
  );
  const watermarks = parseWatermarks(value.watermarks);
  const asOf =
    typeof value.asOf === 'number' && Number.isFinite(value.asOf) ? value.asOf : undefined;
  return {
    v: 2,
    seen: rows,
    ...(watermarks === undefined ? {} : { watermarks }),
    ...(asOf === undefined ? {} : { asOf }),
  };
}

export function fromStored(stored: StoredChanges): ChangeState {
  const seen: Seen = new Map(stored.seen.map(([slug, ...kept]) => [slug, kept] as const));
  return { seen, watermarks: stored.watermarks, asOf: stored.asOf };
}

/** Keeps the {@link MAX_REMEMBERED} most recently changed conversations. */
export function toStored(state: ChangeState): StoredChanges {
  const seen = [...state.seen]
    .sort((a, b) => b[1][2] - a[1][2])
    .slice(0, MAX_REMEMBERED)
    .map(([slug, kept]): StoredChanges['seen'][number] => [slug, ...kept]);
  return {
    v: 2,
    seen,
    ...(state.watermarks === undefined ? {} : { watermarks: state.watermarks }),
    ...(state.asOf === undefined ? {} : { asOf: state.asOf }),
  };
}

/** The change state of one Zap and filter set, through the one per-Zap helper (lib/polling/zap-state.ts). */
export function changeStore(
  z: ZObject,
  bundle: Bundle,
  trigger: string,
): ZapState<StoredChanges> | undefined {
  return zapState(z, bundle, trigger, 'conversation-changes', parseChanges, STATE_TTL_SECONDS);
}

/** The watermarks kept inside the change state, so both are saved, or lost, together. */
export function watermarksIn(state: ChangeState): WatermarkStore {
  return {
    read: async () => state.watermarks,
    write: async (value) => {
      state.watermarks = value;
    },
  };
}

/** Said when the change state cannot be read or saved: the poll is retried, nothing is guessed. */
function stateUnavailable(z: ZObject, what: 'read' | 'saved', why: string): Error {
  z.console.log(`Conversation change state could not be ${what}: ${why}.`);
  return new z.errors.ThrottledError(
    `Zapier's storage for this Zap did not answer in time, so the changes since the last check cannot be told apart from edits that changed nothing. Nothing is lost: Zapier will check again shortly.`,
    60,
  );
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
  /** The value a new conversation starts with (Open for the status), when Re:amaze fixes one. */
  createdWith?: string;
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
  baseline = false,
  knownUntil?: number,
): ConversationChange[] {
  const changes: ConversationChange[] = [];
  for (const conversation of conversations) {
    const slug = slugOf(conversation);
    const changedAt = conversationChangedAt(conversation);
    if (slug === undefined || changedAt === undefined) continue;
    const value = watch.valueOf(conversation);
    const before = seen.get(slug);
    let id: string | null;
    if (baseline) {
      id = null; // what is true when the Zap (re)starts is not a change
    } else if (before !== undefined && before[0] === value) {
      id = before[1];
    } else if (value === '') {
      id = null;
    } else {
      const createdAt = parseInstant(conversation.created_at);
      const untouched =
        before === undefined && createdAt !== undefined && changedAt - createdAt <= AS_CREATED_MS;
      // Created after the last poll's list: it started as Re:amaze starts every conversation.
      const asCreated =
        before === undefined &&
        createdAt !== undefined &&
        knownUntil !== undefined &&
        createdAt > knownUntil &&
        value === watch.createdWith;
      id =
        (untouched && !watch.creationCounts) || asCreated
          ? null
          : changeId(slug, watch, value, changedAt);
    }
    seen.set(slug, [value, id, changedAt]);
    if (id !== null && watch.wanted(value)) {
      const item = flattenConversation(conversation, brand);
      changes.push({ id, item, value, previous: before?.[0] });
    }
  }
  return changes;
}

/**
 * One poll of a stateful change trigger: this Zap's state is read first, then `list` (given the
 * watermarks kept in that state, and whether to read as deep as a baseline) lists the changed conversations, then the changes among them are
 * found and the state saved. What the Zap cannot prove is never fired (docs/conversation-changes.md):
 * a state that cannot be read or saved in time fails the poll as temporary (Zapier checks again,
 * nothing is recorded); no state at all (the switch-on poll, or a state lost since) records what
 * is true now and fires nothing.
 */
export async function findChanges(
  z: ZObject,
  bundle: Bundle,
  watch: ChangeWatch,
  list: (
    watermarks: WatermarkStore | undefined,
    deep: boolean,
  ) => Promise<Record<string, unknown>[]>,
): Promise<ConversationChange[]> {
  const store = changeStore(z, bundle, watch.trigger);
  const seeding = bundle.meta?.isPopulatingDedupe === true;
  let state: ChangeState = { seen: new Map() };
  // Without a Zap (the editor's test, a local run) every listed value shows as a change.
  let baseline = store !== undefined;
  if (store !== undefined && !seeding) {
    const stored = await store.read();
    if (stored.found) {
      state = fromStored(stored.value);
      baseline = false;
    } else if (stored.failed) {
      throw stateUnavailable(z, 'read', stored.why);
    } else {
      z.console.log(
        'Conversation change state is not there: recording the present, firing nothing.',
      );
    }
  }
  // A baseline reads as deep as the switch-on poll: what it does not see could fire later.
  const conversations = await list(
    store === undefined ? undefined : watermarksIn(state),
    baseline || seeding,
  );
  const knownUntil = state.asOf === undefined ? undefined : state.asOf - LATE_ARRIVAL_MS;
  const brand = bundle.authData?.brand;
  const changes = changesSince(state.seen, watch, conversations, brand, baseline, knownUntil);
  for (const conversation of conversations) {
    const at = conversationChangedAt(conversation);
    if (at !== undefined && at > (state.asOf ?? -Infinity)) state.asOf = at;
  }
  // Unsaved, the poll is retried (the switch-on poll too: Zapier retries it whole).
  if (store !== undefined && !(await store.write(toStored(state)))) {
    throw stateUnavailable(z, 'saved', 'no confirmation in time');
  }
  return changes;
}

/** One poll of a stateful change trigger: {@link findChanges} over `GET /conversations?sort=changed`. */
export async function pollChanges(
  z: ZObject,
  bundle: Bundle,
  watch: ChangeWatch,
): Promise<ConversationChange[]> {
  return findChanges(z, bundle, watch, (watermarks, deep) =>
    listChangedConversations(z, bundle, watch.trigger, {}, watermarks, deep),
  );
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
  const seen: Seen = new Map(previous === undefined ? [] : [[slug, [previous, null, 0]]]);
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
