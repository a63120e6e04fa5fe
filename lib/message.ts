import { hash } from 'node:crypto';
import type { Bundle, PlainOutputField } from 'zapier-platform-core';
import { inboxConversationUrl } from './brand';
import { MESSAGE_ORIGINS, MESSAGE_VISIBILITIES, labelFor } from './labels';
import { API_MESSAGE_SAMPLE } from './message.sample';
import { toPlainText } from './plain-text';
import { parseInstant, record, records, stringField } from './fields';

/**
 * A Re:amaze message: its identity (Re:amaze messages have no `id`) and the flat, labelled fields a
 * Slack or Sheets step maps, next to the API's own fields. Never throws on an odd message.
 */

/** A message as the API sends it; every field is read defensively. */
export type ApiMessage = Record<string, unknown>;

export interface MessageItem extends Record<string, unknown> {
  id: string;
  body_text: string;
  origin_label: string;
  visibility_label: string;
  author_name: string;
  author_email: string;
  author_mobile: string;
  /** Null when neither the API nor the kind of message says. */
  author_is_staff: boolean | null;
  conversation_subject: string;
  conversation_slug: string;
  conversation_url: string;
  channel_name: string;
  channel_slug: string;
  attachment_urls: string[];
  attachment_names: string[];
  recipient_emails: string[];
}

function url(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** An integer code (`visibility`, `origin`), also when sent as a numeric string. */
function code(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
}

function shortHash(text: string, length = 12): string {
  return hash('sha256', text, 'hex').slice(0, length);
}

/** The message's `visibility`: 0 Regular, 1 Internal Note, 2 Collision Detected Message. */
export function messageVisibility(message: ApiMessage): number | undefined {
  return code(message.visibility);
}

export function isInternalNote(message: ApiMessage): boolean {
  return messageVisibility(message) === 1;
}

/**
 * Zapier deduplicates on `id`, so this format is final: changing it re-fires every recent message
 * for every user. `{conversation slug}:{created_at as UTC epoch ms}:{visibility}:{body hash}`, e.g.
 * `where-is-my-order-4471:1773084125118:0:3943e65709bf` (the sample). No part ever changes for a
 * message:
 *  - conversation slug: the only conversation key a message carries; it tells apart identical
 *    bodies sent at the same instant to different conversations (a bulk reply, say). A merge moves
 *    messages to another slug; those still on the newest page would fire once more (rare);
 *  - created_at as UTC epoch ms: the offset Re:amaze renders (-05:00, -04:00, Z) varies, the
 *    instant does not; an unreadable value is hashed instead (`x` + 8 hex) so the part stays fixed;
 *  - visibility: a reply and the collision notice beside it can share the millisecond;
 *  - sha256 of the body (first 12 hex): the API cannot edit a body, and it separates what shares
 *    everything else (a customer's message and an automatic reply created in the same
 *    millisecond). Null and missing bodies hash as empty.
 * Left out: `origin_id` (optional and caller-supplied: missing on most messages, may appear later,
 * may repeat across conversations); the sender (a contact merge or an email added to a mobile-only
 * contact changes `user`); `origin` (adds nothing the body does not).
 * Parts contain no `:` except the slug, which comes first, so the format reads back unambiguously.
 */
export function messageIdentity(message: ApiMessage): string {
  let identity = identities.get(message);
  if (identity === undefined) {
    identity = deriveIdentity(message);
    identities.set(message, identity);
  }
  return identity;
}

/** The trigger asks for an identity while paging and again while flattening: hash each body once. */
const identities = new WeakMap<ApiMessage, string>();

function deriveIdentity(message: ApiMessage): string {
  const slug = stringField(record(message.conversation).slug);
  const instant = parseInstant(message.created_at);
  const raw = message.created_at;
  const createdAt =
    instant !== undefined
      ? String(instant)
      : `x${shortHash(typeof raw === 'string' ? raw : JSON.stringify(raw ?? null), 8)}`;
  const visibility = messageVisibility(message) ?? '-';
  const body =
    typeof message.body === 'string'
      ? message.body
      : message.body === null || message.body === undefined
        ? ''
        : JSON.stringify(message.body);
  return `${slug}:${createdAt}:${visibility}:${shortHash(body)}`;
}

/** True or false when the API says; otherwise inferred from what only staff send, else null. */
function authorIsStaff(message: ApiMessage, user: Record<string, unknown>): boolean | null {
  const flag = user['staff?'];
  if (typeof flag === 'boolean') return flag;
  const visibility = messageVisibility(message);
  // Notes and collision notices are staff-only; origin 16 is "Staff Outbound".
  if (visibility === 1 || visibility === 2 || code(message.origin) === 16) return true;
  return null;
}

/**
 * The API's own fields, unchanged, plus the flat human fields and the derived `id` (which wins
 * over any `id` Re:amaze might add one day: the identity format is final).
 */
export function flattenMessage(message: ApiMessage, bundle: Pick<Bundle, 'authData'>): MessageItem {
  const user = record(message.user);
  const conversation = record(message.conversation);
  const channel = record(conversation.category);
  const attachments = records(message.attachments);
  const slug = stringField(conversation.slug);
  return {
    ...message,
    // Always present, as most Zaps map them; the API's own values are kept when it sends them.
    body: message.body === undefined ? '' : message.body,
    created_at: message.created_at === undefined ? '' : message.created_at,
    id: messageIdentity(message),
    body_text: toPlainText(message.body),
    origin_label: labelFor(MESSAGE_ORIGINS, message.origin),
    visibility_label: labelFor(MESSAGE_VISIBILITIES, message.visibility),
    author_name:
      stringField(user.name) || stringField(user.display_name) || stringField(user.friendly_name),
    author_email: stringField(user.email),
    author_mobile: stringField(user.mobile),
    author_is_staff: authorIsStaff(message, user),
    conversation_subject: stringField(conversation.subject),
    conversation_slug: slug,
    conversation_url: slug ? inboxConversationUrl(bundle.authData?.brand, slug) : '',
    channel_name: stringField(channel.name),
    channel_slug: stringField(channel.slug),
    // One entry per attachment in both lists, so the Nth name belongs to the Nth URL.
    attachment_urls: attachments.map((attachment) => url(attachment.url)),
    attachment_names: attachments.map(
      (attachment) => stringField(attachment.file_file_name) || stringField(attachment.name),
    ),
    recipient_emails: records(message.recipients)
      .map((recipient) => stringField(recipient.email))
      .filter((email) => email !== ''),
  };
}

/** Labels for the flat fields first (what most Zaps map), then the API's own fields. */
export const MESSAGE_OUTPUT_FIELDS: PlainOutputField[] = [
  { key: 'id', label: 'Message ID' },
  { key: 'created_at', label: 'Sent At', type: 'datetime' },
  { key: 'body_text', label: 'Message Text' },
  { key: 'author_name', label: 'Author Name' },
  { key: 'author_email', label: 'Author Email' },
  { key: 'author_mobile', label: 'Author Mobile' },
  { key: 'author_is_staff', label: 'Author Is Staff', type: 'boolean' },
  { key: 'visibility_label', label: 'Visibility' },
  { key: 'origin_label', label: 'Origin' },
  { key: 'conversation_subject', label: 'Conversation Subject' },
  { key: 'conversation_slug', label: 'Conversation Slug' },
  { key: 'conversation_url', label: 'Conversation Link' },
  { key: 'channel_name', label: 'Channel Name' },
  { key: 'channel_slug', label: 'Channel Slug' },
  { key: 'attachment_urls', label: 'Attachment URLs', list: true },
  { key: 'attachment_names', label: 'Attachment Names', list: true },
  { key: 'recipient_emails', label: 'Recipient Emails', list: true },
  { key: 'body', label: 'Message Body (As Stored)' },
  { key: 'visibility', label: 'Visibility Code', type: 'integer' },
  { key: 'origin', label: 'Origin Code', type: 'integer' },
  { key: 'origin_id', label: 'Origin ID' },
  { key: 'user__name', label: 'User: Name' },
  { key: 'user__email', label: 'User: Email' },
  { key: 'user__mobile', label: 'User: Mobile' },
  { key: 'user__staff?', label: 'User: Is Staff', type: 'boolean' },
  { key: 'recipients', label: 'Recipients (Details)' },
  { key: 'attachments', label: 'Attachments (Details)' },
  { key: 'conversation__subject', label: 'Conversation: Subject' },
  { key: 'conversation__slug', label: 'Conversation: Slug' },
  { key: 'conversation__created_at', label: 'Conversation: Started At', type: 'datetime' },
  { key: 'conversation__category__name', label: 'Conversation: Channel Name' },
  { key: 'conversation__category__slug', label: 'Conversation: Channel Slug' },
  { key: 'conversation__category__email', label: 'Conversation: Channel Email' },
  {
    key: 'conversation__category__channel',
    label: 'Conversation: Channel Type Code',
    type: 'integer',
  },
];

/** What a poll returns for {@link API_MESSAGE_SAMPLE} on the brand `acme`: the live shape. */
export const MESSAGE_SAMPLE: MessageItem = flattenMessage(API_MESSAGE_SAMPLE, {
  authData: { brand: 'acme' },
});
