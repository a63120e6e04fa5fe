import type { PlainOutputField } from 'zapier-platform-core';
import { inboxConversationUrl } from './brand';
import { CHANNEL_TYPES, CONVERSATION_STATUSES, labelFor } from './labels';
import { toPlainText } from './plain-text';
import { dataText, isRecord, parseInstant, record, stringField } from './fields';

/**
 * A Re:amaze conversation as every conversation operation outputs it (GET /conversations,
 * GET /conversations/{slug}, POST and PUT /conversations; https://www.reamaze.com/api/get_conversation): the API's own fields,
 * unknown ones kept as sent, plus flat fields a no-code user can map straight into a sheet, a
 * Slack message or a CRM. Built so that no body, however odd, makes it throw.
 */

export type ConversationItem = {
  [key: string]: unknown;
  /** Zapier's key for the conversation: the slug, the only public id a conversation has. */
  id: string;
  slug: string;
  subject: string;
  /** The API's integer status; null when the API gives none. */
  status: number | null;
  status_label: string;
  channel_name: string;
  channel_slug: string;
  channel_email: string;
  channel_type: string;
  customer_name: string;
  customer_email: string;
  customer_mobile: string;
  assignee_name: string;
  assignee_email: string;
  tag_list: string[];
  tags_text: string;
  data: Record<string, unknown>;
  data_text: string;
  message_text: string;
  last_customer_message_text: string;
  last_customer_message_at: string;
  last_staff_message_text: string;
  last_staff_message_at: string;
  created_at: string;
  updated_at: string;
  conversation_url: string;
};

/** The integer status, also from a numeric string; null for anything else. */
function statusCode(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return null;
}

/** `tag_list` is an array of strings; a comma-separated string (older clients' habit) is split. */
function tagList(value: unknown): string[] {
  const items = Array.isArray(value)
    ? value.map(stringField)
    : typeof value === 'string'
      ? value.split(',').map((tag) => tag.trim())
      : [];
  return items.filter((tag) => tag.trim() !== '');
}

/** The link to the conversation in the inbox; empty without a slug or a usable brand. */
function conversationUrl(brand: unknown, slug: string): string {
  if (slug === '') return '';
  try {
    return inboxConversationUrl(brand, slug);
  } catch {
    return '';
  }
}

/** When the conversation was created (ms since the epoch), for trigger horizons; undefined when unknown. */
export function conversationCreatedAt(conversation: unknown): number | undefined {
  return parseInstant(record(conversation).created_at);
}

/**
 * Flattens one conversation from any conversations endpoint. A body that is not an object gives
 * the documented fields, all empty. Never throws.
 */
export function flattenConversation(conversation: unknown, brand: unknown): ConversationItem {
  const source = record(conversation);
  const slug = stringField(source.slug);
  // The channel is embedded as an object; a bare slug string is accepted as well.
  const category = isRecord(source.category)
    ? source.category
    : { slug: stringField(source.category) };
  // The customer is `author`; `user` is the key Re:amaze reads when creating one.
  const author = isRecord(source.author) ? source.author : record(source.user);
  const assignee = record(source.assignee);
  const message = record(source.message);
  const lastCustomer = record(source.last_customer_message);
  const lastStaff = record(source.last_staff_message);
  const data = record(source.data);
  const tags = tagList(source.tag_list);
  const status = statusCode(source.status);
  return {
    ...source,
    id: slug,
    slug,
    subject: stringField(source.subject),
    status,
    status_label: labelFor(CONVERSATION_STATUSES, status),
    channel_name: stringField(category.name),
    channel_slug: stringField(category.slug),
    channel_email: stringField(category.email),
    channel_type: labelFor(CHANNEL_TYPES, category.channel),
    customer_name: stringField(author.name),
    customer_email: stringField(author.email),
    customer_mobile: stringField(author.mobile),
    assignee_name: stringField(assignee.name),
    assignee_email: stringField(assignee.email),
    tag_list: tags,
    tags_text: tags.join(', '),
    data,
    data_text: dataText(data),
    message_text: toPlainText(message.body),
    last_customer_message_text: toPlainText(lastCustomer.body),
    last_customer_message_at: stringField(lastCustomer.created_at),
    last_staff_message_text: toPlainText(lastStaff.body),
    last_staff_message_at: stringField(lastStaff.created_at),
    created_at: stringField(source.created_at),
    updated_at: stringField(source.updated_at),
    conversation_url: conversationUrl(brand, slug),
  };
}

/**
 * The conversation in a create/update answer: the docs say the answer is the conversation JSON
 * (the same shape as GET one); a `{"conversation": {…}}` wrapper, Rails' other habit, is accepted
 * too. Undefined when the body is not an object, or is a wrapper that holds no object.
 */
export function conversationInBody(body: unknown): Record<string, unknown> | undefined {
  if (!isRecord(body)) return undefined;
  if (isRecord(body.conversation)) return body.conversation;
  // `{"conversation": null}` (or a list there) holds no conversation: a search must not "find" it.
  return 'conversation' in body ? undefined : body;
}

/** The output-field labels shared by every conversation operation. */
export const conversationOutputFields: PlainOutputField[] = [
  { key: 'id', label: 'Conversation ID (Slug)' },
  { key: 'slug', label: 'Conversation Slug' },
  { key: 'subject', label: 'Subject' },
  { key: 'status', label: 'Status Code', type: 'integer' },
  { key: 'status_label', label: 'Status' },
  { key: 'channel_name', label: 'Channel Name' },
  { key: 'channel_slug', label: 'Channel Slug' },
  { key: 'channel_email', label: 'Channel Email' },
  { key: 'channel_type', label: 'Channel Type' },
  { key: 'customer_name', label: 'Customer Name' },
  { key: 'customer_email', label: 'Customer Email' },
  { key: 'customer_mobile', label: 'Customer Mobile' },
  { key: 'assignee_name', label: 'Assignee Name' },
  { key: 'assignee_email', label: 'Assignee Email' },
  { key: 'tag_list', label: 'Tags', list: true },
  { key: 'tags_text', label: 'Tags as Text (Comma-Separated)' },
  { key: 'data', label: 'Conversation Custom Data' },
  { key: 'data_text', label: 'Conversation Custom Data as Text (one "key: value" per line)' },
  { key: 'message__body', label: 'First Message Body (as Sent, Markdown or HTML)' },
  { key: 'message_text', label: 'First Message (Plain Text)' },
  { key: 'last_customer_message_text', label: 'Last Customer Message (Plain Text)' },
  { key: 'last_customer_message_at', label: 'Last Customer Message At', type: 'datetime' },
  { key: 'last_staff_message_text', label: 'Last Staff Message (Plain Text)' },
  { key: 'last_staff_message_at', label: 'Last Staff Message At', type: 'datetime' },
  { key: 'created_at', label: 'Created At', type: 'datetime' },
  { key: 'updated_at', label: 'Updated At', type: 'datetime' },
  { key: 'conversation_url', label: 'Conversation Link in Re:amaze' },
  { key: 'author__name', label: 'Author: Name' },
  { key: 'author__email', label: 'Author: Email' },
  { key: 'category__name', label: 'Category: Channel Name' },
  { key: 'category__slug', label: 'Category: Channel Slug' },
  { key: 'category__email', label: 'Category: Channel Email' },
  { key: 'category__channel', label: 'Category: Channel Type Code', type: 'integer' },
  { key: 'last_customer_message__body', label: 'Last Customer Message Body (as Sent)' },
  { key: 'followers', label: 'Followers (Details)' },
];

/**
 * One realistic conversation, in exactly the shape {@link flattenConversation} produces from the
 * documented GET /conversations/{slug} answer (official sample keys only, so every user gets them).
 */
export const conversationSample: ConversationItem = {
  subject: 'Where is my order #4471?',
  slug: 'where-is-my-order-4471',
  status: 0,
  created_at: '2026-03-09T14:22:05.118-05:00',
  updated_at: '2026-03-09T14:22:05.204-05:00',
  tag_list: ['shipping', 'order status'],
  data: {},
  message: { body: 'Hi, my order **#4471** has not arrived yet.\n\nCan you check?' },
  last_customer_message: {
    body: 'Hi, my order **#4471** has not arrived yet.\n\nCan you check?',
    created_at: '2026-03-09T14:22:05.118-05:00',
  },
  last_staff_message: null,
  author: { name: 'Maya Lindqvist', email: 'maya.lindqvist@example.com' },
  assignee: null,
  category: {
    name: 'Support',
    slug: 'support',
    email: 'support@acme.reamaze.io',
    channel: 1,
  },
  followers: [{ name: 'Maya Lindqvist', email: 'maya.lindqvist@example.com' }],
  id: 'where-is-my-order-4471',
  status_label: 'Open',
  channel_name: 'Support',
  channel_slug: 'support',
  channel_email: 'support@acme.reamaze.io',
  channel_type: 'Email',
  customer_name: 'Maya Lindqvist',
  customer_email: 'maya.lindqvist@example.com',
  customer_mobile: '',
  assignee_name: '',
  assignee_email: '',
  tags_text: 'shipping, order status',
  data_text: '',
  message_text: 'Hi, my order **#4471** has not arrived yet.\n\nCan you check?',
  last_customer_message_text: 'Hi, my order **#4471** has not arrived yet.\n\nCan you check?',
  last_customer_message_at: '2026-03-09T14:22:05.118-05:00',
  last_staff_message_text: '',
  last_staff_message_at: '',
  conversation_url: 'https://acme.reamaze.io/admin/conversations/where-is-my-order-4471',
};
