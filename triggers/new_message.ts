import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { getPage, type QueryValue } from '../lib/http/client';
import { parseInstant } from '../lib/http/api-values';
import { DEFAULT_HORIZON_MS, pollNewestFirst } from '../lib/polling/paging';
import { zapWatermarks } from '../lib/polling/zap-state';
import { boolean, choice, choicesOf, email, trimmed } from '../lib/input/read';
import {
  MESSAGE_LONG_FIELDS,
  MESSAGE_OUTPUT_FIELDS,
  MESSAGE_SAMPLE,
  flattenMessage,
  isInternalNote,
  messageIdentityAt,
  type MessageItem,
} from '../lib/records/message';
import { fitResult } from '../lib/records/result-size';

/** Look-back horizon: the shared 60 minutes (the outages it covers: docs/polling.md). */
export const MESSAGE_HORIZON_MS = DEFAULT_HORIZON_MS;

/** The API's `filter`; "everyone" sends none. */
export const SENDER_TYPES = {
  everyone: 'Everyone',
  customer: 'Customers Only',
  staff: 'Staff Only',
} as const;

export const inputFields = defineInputFields([
  {
    key: 'sender_type',
    label: 'Sender',
    required: false,
    default: 'everyone',
    choices: choicesOf(SENDER_TYPES),
    helpText: 'Customers Only leaves out replies and notes written by your team.',
  },
  {
    key: 'channel',
    label: 'Channel',
    required: false,
    dynamic: 'channel_list.id.name',
    helpText: 'Only messages in conversations of this channel. Leave empty for every channel.',
  },
  {
    key: 'staff_member',
    label: 'Staff Member',
    required: false,
    dynamic: 'staff_list.id.name',
    helpText: 'Only messages this staff member sent. Leave empty for messages from anyone.',
  },
  {
    key: 'include_internal_notes',
    label: 'Include Internal Notes',
    type: 'boolean',
    required: false,
    default: 'true',
    helpText:
      'On (the default): internal notes your team writes fire the Zap too. Off: only messages the customer can see fire it.',
  },
]);

/** `customer`, `staff`, or undefined for everyone; the choice's label is accepted too. */
export function senderType(value: unknown): 'customer' | 'staff' | undefined {
  const code = choice(value, 'Sender', SENDER_TYPES);
  return code === 'everyone' ? undefined : code;
}

/** The query for `GET /messages` (absent filters are left out) and the filter applied here. */
export function messageFilters(input: Record<string, unknown>): {
  params: Record<string, QueryValue>;
  includeInternalNotes: boolean;
} {
  const includeNotes = boolean(input.include_internal_notes, 'Include Internal Notes');
  return {
    params: {
      filter: senderType(input.sender_type),
      category: trimmed(input.channel, 'Channel'),
      sent_by: email(input.staff_member, 'Staff Member'),
    },
    includeInternalNotes: includeNotes ?? true,
  };
}

/**
 * Polls `GET /messages` (every conversation of the brand, newest first, 30 a page) under the
 * shared paging rule of lib/polling/paging.ts with this Zap's watermarks (docs/polling.md). One page
 * when loading a sample; the live rule when seeding dedupe, so the seed covers whatever the next
 * poll returns.
 */
export const perform = (async (z, bundle) => {
  const { params, includeInternalNotes } = messageFilters(bundle.inputData);
  const ids = new Map<Record<string, unknown>, string>();
  const identity = (message: Record<string, unknown>, instant: number | undefined): string => {
    const id = messageIdentityAt(message, instant);
    ids.set(message, id);
    return id;
  };
  const messages = await pollNewestFirst({
    fetchPage: (page, timeoutMs) =>
      getPage(z, bundle, '/messages', 'messages', { ...params, page }, { timeoutMs }),
    createdAt: (message) => parseInstant(message.created_at),
    identity,
    // Notes the user left out are left out of the result while paging still judges each page by
    // every message on it, and `limit` counts only wanted messages.
    wanted: (message) => includeInternalNotes || !isInternalNote(message),
    meta: bundle.meta,
    watermarks: zapWatermarks(z, bundle, 'new_message'),
    log: (line) => z.console.log(`New Message: ${line}`),
    horizonMs: MESSAGE_HORIZON_MS,
  });
  const items = messages.map((message) => {
    const item = flattenMessage(message, bundle, ids.get(message));
    // The API's `filter` answers "is the author staff?" when the message itself does not.
    if (item.author_is_staff === null && params.filter !== undefined) {
      item.author_is_staff = params.filter === 'staff';
    }
    return item;
  });
  return fitResult(items, [...MESSAGE_LONG_FIELDS]);
}) satisfies PollingTriggerPerform<typeof inputFields, MessageItem>;

export default defineTrigger({
  key: 'new_message',
  noun: 'Message',
  display: {
    label: 'New Message',
    description: 'Triggers when a new message is added to a conversation.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: MESSAGE_SAMPLE,
    outputFields: MESSAGE_OUTPUT_FIELDS,
  },
});
