import {
  defineInputFields,
  defineTrigger,
  errors,
  type PollingTriggerPerform,
} from 'zapier-platform-core';
import { getPage, type QueryValue } from '../lib/client';
import { parseInstant } from '../lib/fields';
import { DEFAULT_HORIZON_MS, pollNewestFirst } from '../lib/horizon';
import { boolean, email, text } from '../lib/input';
import {
  MESSAGE_OUTPUT_FIELDS,
  MESSAGE_SAMPLE,
  flattenMessage,
  isInternalNote,
  messageIdentity,
  type MessageItem,
} from '../lib/message';

/**
 * Look-back horizon: 60 minutes, four times Zapier's longest polling interval (15 minutes). A poll
 * finds every message created since the previous successful poll while that poll is less than an
 * hour ago: two failed polls in a row on the 15-minute plan (with 15 minutes to spare for
 * scheduling delays), up to 58 on the 1-minute plan. The cost: a poll makes one request while the
 * brand had fewer than 30 messages in the last hour, and one more per further 30, up to the cap.
 */
export const MESSAGE_HORIZON_MS = DEFAULT_HORIZON_MS;

/** 6 pages of 30 = 180 messages per poll: a burst of 150 between two polls, with room to spare. */
export const MESSAGE_MAX_PAGES = 6;

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
    choices: Object.entries(SENDER_TYPES).map(([value, label]) => ({
      value,
      label,
      sample: value,
    })),
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
    helpText: 'No leaves out internal notes, which only your team can see.',
  },
]);

function invalid(message: string): Error {
  return new errors.Error(message, 'InvalidField', 400);
}

/** `customer`, `staff`, or undefined for everyone; the choice's label is accepted too. */
export function senderType(value: unknown): 'customer' | 'staff' | undefined {
  const given = text(value)?.trim();
  if (given === undefined) return undefined;
  for (const [code, label] of Object.entries(SENDER_TYPES)) {
    if (given.toLowerCase() === code || given.toLowerCase() === label.toLowerCase()) {
      return code === 'everyone' ? undefined : (code as 'customer' | 'staff');
    }
  }
  throw invalid(
    `Sender "${given}" is not one of the choices: use ${Object.values(SENDER_TYPES).join(', ')}, or leave it empty.`,
  );
}

/** The query for `GET /messages` (absent filters are left out) and the filter applied here. */
export function messageFilters(input: Record<string, unknown>): {
  params: Record<string, QueryValue>;
  includeInternalNotes: boolean;
} {
  const includeNotes = boolean(input.include_internal_notes);
  if (includeNotes === undefined && text(input.include_internal_notes) !== undefined) {
    throw invalid(
      `Include Internal Notes "${String(input.include_internal_notes)}" must be yes or no.`,
    );
  }
  return {
    params: {
      filter: senderType(input.sender_type),
      category: text(input.channel)?.trim(),
      sent_by: email(input.staff_member, 'Staff Member'),
    },
    includeInternalNotes: includeNotes ?? true,
  };
}

/**
 * Polls `GET /messages` (every conversation of the brand, newest first, 30 a page) under the
 * shared burst rule of lib/horizon.ts: the newest page always, later pages only while the page
 * before lay entirely inside {@link MESSAGE_HORIZON_MS}, and from them only messages inside it;
 * at most {@link MESSAGE_MAX_PAGES}. One page when loading a sample; the live rule when seeding
 * dedupe, so the seed covers whatever the next poll returns.
 */
export const perform = (async (z, bundle) => {
  const { params, includeInternalNotes } = messageFilters(bundle.inputData);
  const messages = await pollNewestFirst({
    fetchPage: (page, timeoutMs) =>
      getPage(z, bundle, '/messages', 'messages', { ...params, page }, { timeoutMs }),
    createdAt: (message) => parseInstant(message.created_at),
    // Notes the user left out get no identity, which leaves them out of the result while paging
    // still judges each page by every message on it, and `limit` counts only wanted messages.
    identity: (message) =>
      includeInternalNotes || !isInternalNote(message) ? messageIdentity(message) : undefined,
    meta: bundle.meta,
    horizonMs: MESSAGE_HORIZON_MS,
    maxPages: MESSAGE_MAX_PAGES,
  });
  return messages.map((message) => {
    const item = flattenMessage(message, bundle);
    // The API's `filter` answers "is the author staff?" when the message itself does not.
    if (item.author_is_staff === null && params.filter !== undefined) {
      item.author_is_staff = params.filter === 'staff';
    }
    return item;
  });
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
