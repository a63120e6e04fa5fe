import { hash } from 'node:crypto';
import type { Bundle, PlainOutputField } from 'zapier-platform-core';
import { inboxConversationUrl } from '../http/brand';
import { MESSAGE_ORIGINS, MESSAGE_VISIBILITIES, labelFor } from './labels';
import { API_MESSAGE_SAMPLE } from './message.sample';
import { toPlainText } from '../text/plain-text';
import { splitName } from './person-name';
import {
  dateTimeField,
  integerField,
  parseInstant,
  record,
  records,
  stringField,
} from '../http/api-values';
import { lazySample } from './lazy-sample';

/**
 * A Re:amaze message: its identity (Re:amaze messages have no `id`) and the one flat, labelled set
 * of fields a Slack or Sheets step maps. Never throws on an odd message.
 */

/** A message as the API sends it; every field is read defensively. */
export type ApiMessage = Record<string, unknown>;

/** One attachment as a later step takes it as a file: its URL, file name and content type. */
export interface MessageAttachment {
  name: string;
  url: string;
  content_type: string;
}

export interface MessageItem {
  [key: string]: unknown;
  id: string;
  created_at: string | null;
  body_text: string;
  author_name: string;
  author_first_name: string;
  author_last_name: string;
  author_email: string;
  author_mobile: string;
  /** Null when neither the API nor the kind of message says. */
  author_is_staff: boolean | null;
  visibility: string;
  sent_via: string;
  conversation_subject: string;
  conversation_id: string;
  conversation_url: string;
  channel_name: string;
  channel_id: string;
  recipient_emails: string[];
  attachments: MessageAttachment[];
  body: string;
  origin_id: string;
}

function shortHash(text: string, length = 12): string {
  return hash('sha256', text, 'hex').slice(0, length);
}

/** The message's `visibility`: 0 Regular, 1 Internal Note, 2 Collision Detected Message. */
export function messageVisibility(message: ApiMessage): number | undefined {
  return integerField(message.visibility);
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
  return messageIdentityAt(message, parseInstant(message.created_at));
}

/** {@link messageIdentity} given the instant of `created_at`, when the caller has read it already. */
export function messageIdentityAt(message: ApiMessage, instant: number | undefined): string {
  const slug = stringField(record(message.conversation).slug);
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
  if (visibility === 1 || visibility === 2 || integerField(message.origin) === 16) return true;
  return null;
}

/** Content types by file name extension, for attachments the API lists without one. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  html: 'text/html',
  json: 'application/json',
  zip: 'application/zip',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
};

/** The API's content type, else one derived from the file name's extension, else a generic one. */
export function contentType(given: unknown, fileName: string): string {
  const declared = stringField(given).trim();
  if (declared !== '') return declared;
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  // Own keys only: a file named `x.constructor` must not read Object.prototype.
  return Object.hasOwn(CONTENT_TYPES, extension)
    ? (CONTENT_TYPES[extension] as string)
    : 'application/octet-stream';
}

/** The last path segment of a URL, decoded: the file name when the API gives none. */
function fileNameInUrl(url: string): string {
  const segment = url.split(/[?#]/)[0]?.split('/').pop() ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function attachment(source: Record<string, unknown>): MessageAttachment {
  const url = typeof source.url === 'string' ? source.url : '';
  const name = stringField(source.file_file_name) || stringField(source.name) || fileNameInUrl(url);
  return { name, url, content_type: contentType(source.file_content_type, name) };
}

/**
 * The message as one flat set of fields, no raw API object beside it: the words of the inbox
 * (labels, not integer codes), and the derived `id` Zapier deduplicates on.
 */
export function flattenMessage(
  message: ApiMessage,
  bundle: Pick<Bundle, 'authData'>,
  // The trigger passes the identity it computed while paging: each body is hashed once.
  id: string = messageIdentity(message),
): MessageItem {
  const user = record(message.user);
  const conversation = record(message.conversation);
  const channel = record(conversation.category);
  const slug = stringField(conversation.slug);
  const body = stringField(message.body);
  const authorName =
    stringField(user.name) || stringField(user.display_name) || stringField(user.friendly_name);
  const { first_name, last_name } = splitName(authorName);
  return {
    id,
    created_at: dateTimeField(message.created_at),
    body_text: toPlainText(message.body),
    author_name: authorName,
    author_first_name: first_name,
    author_last_name: last_name,
    author_email: stringField(user.email),
    author_mobile: stringField(user.mobile),
    author_is_staff: authorIsStaff(message, user),
    visibility: labelFor(MESSAGE_VISIBILITIES, message.visibility),
    sent_via: labelFor(MESSAGE_ORIGINS, message.origin),
    conversation_subject: stringField(conversation.subject),
    conversation_id: slug,
    conversation_url: slug ? inboxConversationUrl(bundle.authData?.brand, slug) : '',
    channel_name: stringField(channel.name),
    channel_id: stringField(channel.slug),
    recipient_emails: records(message.recipients)
      .map((recipient) => stringField(recipient.email))
      .filter((email) => email !== ''),
    attachments: records(message.attachments).map(attachment),
    body,
    origin_id: stringField(message.origin_id),
  };
}

/** The long text fields a poll's result may cut to fit Zapier's limit (lib/records/result-size.ts), raw first. */
export const MESSAGE_LONG_FIELDS = ['body', 'body_text'] as const;

/** What most Zaps map first; every key of {@link MessageItem}, each once. */
export const MESSAGE_OUTPUT_FIELDS: PlainOutputField[] = [
  { key: 'id', label: 'Message ID', required: true },
  { key: 'created_at', label: 'Date Sent', type: 'datetime' },
  { key: 'body_text', label: 'Message (Plain Text)' },
  { key: 'author_name', label: 'Author Name' },
  { key: 'author_first_name', label: 'Author First Name' },
  { key: 'author_last_name', label: 'Author Last Name' },
  { key: 'author_email', label: 'Author Email' },
  { key: 'author_mobile', label: 'Author Mobile' },
  { key: 'author_is_staff', label: 'Sent by Staff', type: 'boolean' },
  { key: 'visibility', label: 'Visibility' },
  { key: 'sent_via', label: 'Sent via (Email, Chat, SMS, …)' },
  { key: 'conversation_subject', label: 'Conversation Subject' },
  { key: 'conversation_id', label: 'Conversation ID' },
  { key: 'conversation_url', label: 'Conversation Link' },
  { key: 'channel_name', label: 'Channel' },
  { key: 'channel_id', label: 'Channel ID (Start of Its Email Address)' },
  { key: 'recipient_emails', label: 'Recipient Emails', list: true },
  // Most messages carry no file: the labels say so; the sample keeps one, so a Zap that saves
  // files (to Drive, say) can map them.
  { key: 'attachments[]name', label: 'Attachment File Names (Often Empty)' },
  { key: 'attachments[]url', label: 'Attachment URLs (Often Empty)' },
  { key: 'attachments[]content_type', label: 'Attachment Content Types (Often Empty)' },
  { key: 'body', label: 'Body (HTML/Markdown as Written)' },
  { key: 'origin_id', label: "Your System's Message ID" },
];

/** What a poll returns for {@link API_MESSAGE_SAMPLE} on the brand `acme`: the live shape. */
export const MESSAGE_SAMPLE: MessageItem = lazySample(() =>
  flattenMessage(API_MESSAGE_SAMPLE, { authData: { brand: 'acme' } }),
);
