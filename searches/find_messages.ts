import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import {
  requestTimeout,
  apiPath,
  getPage,
  pageOf,
  reamazeRequest,
  type Page,
} from '../lib/http/client';
import { conversationField, conversationSlug } from '../lib/input/conversation';
import { boolean, choice, choicesOf } from '../lib/input/read';
import { MIN_PAGE_TIME_MS, POLL_BUDGET_MS } from '../lib/polling/paging';
import {
  conversationMessagesItem,
  conversationMessagesOutputFields,
  conversationMessagesSample,
  type ConversationMessagesItem,
} from '../lib/records/conversation-messages';
import { isInternalNote, messageIdentity, messageVisibility } from '../lib/records/message';

/** Messages one search returns at most (Re:amaze pages hold 30). */
export const MAX_MESSAGES = 100;

const ORDERS = { newest_first: 'Newest first', oldest_first: 'Oldest first' } as const;

export const inputFields = defineInputFields([
  conversationField,
  {
    key: 'order',
    label: 'Order',
    required: false,
    default: 'newest_first',
    choices: choicesOf(ORDERS),
    helpText: `Newest first gives the latest messages; Oldest first starts with the message that opened the conversation. At most ${MAX_MESSAGES} messages are returned.`,
  },
  {
    key: 'include_notes',
    label: 'Include Internal Notes',
    type: 'boolean',
    required: false,
    default: 'false',
    helpText:
      'Yes: internal notes and collision notices (which only staff see) are included, marked in Visibility. No: only messages the customer sees, safe to copy somewhere customers can read.',
  },
]);

type Read = { messages: Record<string, unknown>[]; leftOut: string };

/**
 * Reads pages of `GET /conversations/{slug}/messages` (newest first) within the time budget:
 * from page 1 for the newest, or from the last page back for the oldest, until enough are kept.
 */
async function readMessages(
  first: Page<Record<string, unknown>>,
  fetchPage: (page: number, timeoutMs: number) => Promise<Page<Record<string, unknown>>>,
  oldestFirst: boolean,
  keep: (message: Record<string, unknown>) => boolean,
  started: number,
): Promise<Read> {
  const pages = new Map([[1, first.items]]);
  const order = Array.from({ length: Math.max(0, first.pageCount - 1) }, (_, i) =>
    oldestFirst ? first.pageCount - i : i + 2,
  );
  const counted = (): number => [...pages.values()].flat().filter(keep).length;
  let stopped = '';
  for (const page of order) {
    // Page 1 only counts towards the oldest messages once every page between is read.
    if ((oldestFirst ? counted() - first.items.filter(keep).length : counted()) >= MAX_MESSAGES) {
      stopped = `only the ${MAX_MESSAGES} ${oldestFirst ? 'oldest' : 'newest'} messages are returned`;
      break;
    }
    const left = POLL_BUDGET_MS - (Date.now() - started);
    if (left < MIN_PAGE_TIME_MS) {
      stopped = 'reading every page would take longer than Zapier allows';
      break;
    }
    try {
      pages.set(page, (await fetchPage(page, Math.min(requestTimeout.ms, left))).items);
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'ThrottledError') throw error;
      stopped = `page ${page} could not be read just now (Re:amaze was busy or unavailable)`;
      break;
    }
  }
  const complete = stopped === '';
  // Newest first across the pages read, each message once (pages shift when one arrives).
  const seen = new Set<string>();
  const newestFirst = [...pages.entries()]
    .filter(([page]) => complete || !oldestFirst || page !== 1)
    .sort(([a], [b]) => a - b)
    .flatMap(([, items]) => items)
    .filter((message) => {
      const identity = messageIdentity(message);
      if (seen.has(identity)) return false;
      seen.add(identity);
      return keep(message);
    });
  const ordered = oldestFirst ? newestFirst.reverse() : newestFirst;
  const capped = ordered.slice(0, MAX_MESSAGES);
  const cut = capped.length < ordered.length;
  return {
    messages: capped,
    leftOut:
      complete && !cut
        ? ''
        : `Some messages were not returned: ${complete ? `only the ${MAX_MESSAGES} ${oldestFirst ? 'oldest' : 'newest'} messages are returned` : stopped}. The conversation has ${first.totalCount} messages in all (notes included).`,
  };
}

/**
 * The messages of one conversation as one result with line items. A conversation Re:amaze does
 * not know (404) is no result; a conversation with no message left after the filter is a result
 * with none.
 */
export const perform = (async (z, bundle) => {
  const input = bundle.inputData;
  const slug = conversationSlug(input.conversation);
  const oldestFirst = choice(input.order, 'Order', ORDERS) === 'oldest_first';
  const notes = boolean(input.include_notes, 'Include Internal Notes') ?? false;
  const keep = (message: Record<string, unknown>): boolean =>
    notes || (!isInternalNote(message) && messageVisibility(message) !== 2);
  const path = apiPath('conversations', slug, 'messages');
  const started = Date.now();
  const answer = await reamazeRequest(z, bundle, {
    path,
    params: { page: 1 },
    notFoundIsAbsent: true,
  });
  if (answer === undefined) return [];
  const read = await readMessages(
    pageOf(z, answer, 'messages'),
    (page, timeoutMs) => getPage(z, bundle, path, 'messages', { page }, { timeoutMs }),
    oldestFirst,
    keep,
    started,
  );
  if (read.leftOut !== '') z.console.log(`Find Messages in Conversation: ${read.leftOut}`);
  return [conversationMessagesItem(slug, read.messages, read.leftOut, bundle)];
}) satisfies SearchPerform<typeof inputFields, ConversationMessagesItem>;

export default defineSearch({
  key: 'find_messages',
  noun: 'Conversation Messages',
  display: {
    label: 'Find Messages in Conversation',
    description: 'Finds the messages of a conversation, newest or oldest first, as line items.',
  },
  operation: {
    inputFields,
    perform,
    sample: conversationMessagesSample,
    outputFields: conversationMessagesOutputFields,
  },
});
