/**
 * Re:amaze's numeric codes as the words its inbox shows, from its API pages
 * (https://www.reamaze.com/api/get_messages, …/get_conversations) and inbox.
 */

import { integerField } from '../http/api-values';

/** Message `origin`: where a message came from (seed table). */
export const MESSAGE_ORIGINS: Readonly<Record<number, string>> = {
  0: 'Chat',
  1: 'Email',
  2: 'Twitter',
  3: 'Facebook',
  6: 'Classic Mode Chat',
  7: 'API',
  8: 'Instagram',
  9: 'SMS',
  10: 'Voice',
  11: 'Custom',
  15: 'WhatsApp',
  16: 'Staff Outbound',
  17: 'Contact Form',
  19: 'Instagram DM',
};

/**
 * Message `visibility`. Re:amaze's API calls 0 "Regular"; the inbox shows it as the message the
 * customer sees, and Add Message to Conversation offers the same words for it.
 */
export const MESSAGE_VISIBILITIES: Readonly<Record<number, string>> = {
  0: 'Visible to Customer',
  1: 'Internal Note',
  2: 'Collision Detected Message',
};

/** Conversation `status`, with the names the current inbox uses (https://support.reamaze.com/kb/everything-about-conversations/understanding-conversation-states). */
export const CONVERSATION_STATUSES: Readonly<Record<number, string>> = {
  0: 'Open',
  1: 'Responded',
  2: 'Done',
  3: 'Spam',
  4: 'Archived',
  5: 'On Hold',
  6: 'Auto-Done',
  7: 'AI Agent Assigned',
  8: 'AI Agent Done',
  9: 'Spam (AI)',
};

/** Channel type (`category.channel`). */
export const CHANNEL_TYPES: Readonly<Record<number, string>> = {
  1: 'Email',
  2: 'Twitter',
  3: 'Facebook',
  6: 'Chat',
  8: 'Instagram',
  9: 'SMS',
  10: 'Voice',
  12: 'Facebook Messenger',
  13: 'Facebook Lead',
  14: 'Instagram Ad',
  15: 'WhatsApp',
  16: 'Instagram DM',
};

/**
 * The label for a code, or `Unknown (code N)` for a code Re:amaze added after this table was
 * written; empty when there is no code at all. Never throws.
 */
export function labelFor(table: Readonly<Record<number, string>>, code: unknown): string {
  const number = integerField(code);
  if (number === undefined) return '';
  return table[number] ?? `Unknown (code ${number})`;
}

/** The statuses an action lets a user set, as a choice map: code → the inbox's name for it. */
export function settableStatuses(codes: number[]): Record<string, string> {
  return Object.fromEntries(codes.map((code) => [String(code), CONVERSATION_STATUSES[code] ?? '']));
}
