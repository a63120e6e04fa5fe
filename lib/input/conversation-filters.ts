import type { QueryValue } from '../http/client';
import { choice, choicesOf, list, trimmed } from './read';

/**
 * Filters of `GET /conversations` shared by New Conversation and Find Conversation: status group
 * (the API's `filter`), channel (`category`, a channel slug) and tags (`tag`, comma-separated).
 */

/** The API's `filter` values. Without one, Re:amaze lists every conversation except archived ones. */
export const STATUS_GROUPS = {
  open: 'Open (Unresolved)',
  unassigned: 'Unassigned',
  archived: 'Archived',
  all: 'All, Including Archived',
} as const;

export type StatusGroup = keyof typeof STATUS_GROUPS;

export const statusGroupField = {
  key: 'status_group',
  label: 'Status Group',
  required: false,
  choices: choicesOf(STATUS_GROUPS),
  helpText:
    'Leave empty for every conversation except archived ones (what Re:amaze lists by default).',
} as const;

export const channelFilterField = {
  key: 'channel',
  label: 'Channel',
  required: false,
  dynamic: 'channel_list.id.name',
  helpText: 'Only conversations in this channel. Leave empty for every channel.',
} as const;

export const tagFilterField = {
  key: 'tags',
  label: 'Tags',
  required: false,
  list: true,
  helpText: 'Only conversations with these tags.',
} as const;

/** The status group as the API spells it, or undefined for the default; refuses anything else. */
export function statusGroup(value: unknown): StatusGroup | undefined {
  return choice(value, statusGroupField.label, STATUS_GROUPS);
}

/** Query parameters for the shared filters; absent filters are left out. */
export function conversationListParams(input: {
  status_group?: unknown;
  channel?: unknown;
  tags?: unknown;
}): Record<string, QueryValue> {
  const tags = list(input.tags, tagFilterField.label)?.map((tag) => tag.trim());
  return {
    filter: statusGroup(input.status_group),
    category: trimmed(input.channel, channelFilterField.label),
    tag: tags && tags.length > 0 ? tags.join(',') : undefined,
  };
}
