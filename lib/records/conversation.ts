import type { PlainOutputField } from 'zapier-platform-core';
import { inboxConversationUrl } from '../http/brand';
import { CHANNEL_TYPES, CONVERSATION_STATUSES, labelFor } from './labels';
import { toPlainText } from '../text/plain-text';
import { splitName } from './person-name';
import { API_CONVERSATION_SAMPLE } from './conversation.sample';
import {
  dateTimeField,
  integerField,
  isRecord,
  parseInstant,
  record,
  stringField,
} from '../http/api-values';
import { lazySample } from './lazy-sample';
import { fitResult } from './result-size';

/**
 * A Re:amaze conversation as every conversation operation outputs it (GET /conversations,
 * GET /conversations/{slug}, POST and PUT /conversations;
 * https://www.reamaze.com/api/get_conversation): one flat set of fields a no-code user maps
 * straight into a sheet, a Slack message or a CRM, in the inbox's words. Built so that no body,
 * however odd, makes it throw.
 */

export type ConversationItem = {
  [key: string]: unknown;
  /** The slug: what the conversation actions take, and what Zapier deduplicates on. */
  id: string;
  subject: string;
  status: string;
  customer_name: string;
  customer_first_name: string;
  customer_last_name: string;
  customer_email: string;
  customer_mobile: string;
  assignee_name: string;
  assignee_email: string;
  channel_name: string;
  channel_id: string;
  channel_email: string;
  channel_type: string;
  tags: string[];
  first_message_text: string;
  last_customer_message_text: string;
  last_customer_message_at: string | null;
  last_staff_message_text: string;
  last_staff_message_at: string | null;
  created_at: string | null;
  updated_at: string | null;
  conversation_url: string;
  data: Record<string, unknown>;
  first_message_body: string;
};

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

/** The conversation's status code as the API sends it; null when it has none readable. */
export function conversationStatusCode(conversation: unknown): number | null {
  return integerField(record(conversation).status) ?? null;
}

/** The tags the conversation carries, as written in Re:amaze. */
export function conversationTags(conversation: unknown): string[] {
  return tagList(record(conversation).tag_list);
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
  const customerName = stringField(author.name);
  const { first_name, last_name } = splitName(customerName);
  return {
    id: slug,
    subject: stringField(source.subject),
    status: labelFor(CONVERSATION_STATUSES, source.status),
    customer_name: customerName,
    customer_first_name: first_name,
    customer_last_name: last_name,
    customer_email: stringField(author.email),
    customer_mobile: stringField(author.mobile),
    assignee_name: stringField(assignee.name),
    assignee_email: stringField(assignee.email),
    channel_name: stringField(category.name),
    channel_id: stringField(category.slug),
    channel_email: stringField(category.email),
    channel_type: labelFor(CHANNEL_TYPES, category.channel),
    tags: tagList(source.tag_list),
    first_message_text: toPlainText(message.body),
    last_customer_message_text: toPlainText(lastCustomer.body),
    last_customer_message_at: dateTimeField(lastCustomer.created_at),
    last_staff_message_text: toPlainText(lastStaff.body),
    last_staff_message_at: dateTimeField(lastStaff.created_at),
    created_at: dateTimeField(source.created_at),
    updated_at: dateTimeField(source.updated_at),
    conversation_url: conversationUrl(brand, slug),
    data: record(source.data),
    first_message_body: stringField(message.body),
  };
}

/** The long text fields a poll's result may cut to fit Zapier's limit (lib/records/result-size.ts), raw first. */
export const CONVERSATION_LONG_FIELDS = [
  'first_message_body',
  'first_message_text',
  'last_customer_message_text',
  'last_staff_message_text',
] as const;

/** A poll's conversation items, their long texts cut only when the result would pass Zapier's limit. */
export function fitConversations<T extends object>(items: T[]): T[] {
  // Change items are conversation items plus a few fields: the long texts are the same keys.
  return fitResult(items, [...CONVERSATION_LONG_FIELDS] as (keyof T & string)[]);
}

/** The output-field labels shared by every conversation operation, most mapped first. */
export const conversationOutputFields: PlainOutputField[] = [
  { key: 'id', label: 'Conversation ID', required: true },
  { key: 'subject', label: 'Subject' },
  { key: 'status', label: 'Status' },
  { key: 'customer_name', label: 'Customer Name' },
  { key: 'customer_first_name', label: 'Customer First Name' },
  { key: 'customer_last_name', label: 'Customer Last Name' },
  { key: 'customer_email', label: 'Customer Email' },
  { key: 'customer_mobile', label: 'Customer Mobile' },
  { key: 'assignee_name', label: 'Assignee Name' },
  { key: 'assignee_email', label: 'Assignee Email' },
  { key: 'channel_name', label: 'Channel' },
  { key: 'channel_id', label: 'Channel ID (Start of Its Email Address)' },
  { key: 'channel_email', label: 'Channel Email' },
  { key: 'channel_type', label: 'Channel Type' },
  { key: 'tags', label: 'Tags', list: true },
  { key: 'first_message_text', label: 'First Message (Plain Text)' },
  { key: 'last_customer_message_text', label: 'Last Customer Message (Plain Text)' },
  { key: 'last_customer_message_at', label: 'Last Customer Message Date', type: 'datetime' },
  { key: 'last_staff_message_text', label: 'Last Staff Reply (Plain Text)' },
  { key: 'last_staff_message_at', label: 'Last Staff Reply Date', type: 'datetime' },
  { key: 'created_at', label: 'Date Started', type: 'datetime' },
  { key: 'updated_at', label: 'Date Updated', type: 'datetime' },
  { key: 'conversation_url', label: 'Conversation Link' },
  { key: 'data', label: 'Custom Data', dict: true },
  { key: 'first_message_body', label: 'First Message Body (HTML/Markdown)' },
];

/** What every conversation operation returns for {@link API_CONVERSATION_SAMPLE} on `acme`. */
export const conversationSample: ConversationItem = lazySample(() =>
  flattenConversation(API_CONVERSATION_SAMPLE, 'acme'),
);
