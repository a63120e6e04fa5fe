import type { Bundle, PlainOutputField } from 'zapier-platform-core';
import { inboxConversationUrl } from '../http/brand';
import { record, stringField } from '../http/api-values';
import { MESSAGE_OUTPUT_FIELDS, MESSAGE_SAMPLE, flattenMessage, type ApiMessage } from './message';
import { API_MESSAGE_SAMPLE } from './message.sample';
import type { MessageItem } from './message';

/**
 * The messages of one conversation as ONE search result: the conversation's fields once, and
 * each message as a line item with exactly the fields New Message outputs (lib/records/message.ts).
 */

export interface ConversationMessagesItem {
  [key: string]: unknown;
  id: string;
  conversation_subject: string;
  conversation_url: string;
  channel_name: string;
  message_count: number;
  all_messages_included: boolean;
  /** Why messages are missing; empty when every message of the conversation is included. */
  left_out: string;
  messages: MessageItem[];
}

export function conversationMessagesItem(
  slug: string,
  messages: ApiMessage[],
  leftOut: string,
  bundle: Pick<Bundle, 'authData'>,
): ConversationMessagesItem {
  // The list is of one conversation: a message that does not name it (no source shows whether
  // this endpoint embeds `conversation`) gets its slug, so its ID is the one New Message gives it.
  const lines = messages.map((message) => {
    const conversation = record(message.conversation);
    return flattenMessage(
      stringField(conversation.slug) === ''
        ? { ...message, conversation: { ...conversation, slug } }
        : message,
      bundle,
    );
  });
  const first = lines[0];
  return {
    id: slug,
    conversation_subject: first?.conversation_subject ?? '',
    conversation_url: inboxConversationUrl(bundle.authData?.brand, slug),
    channel_name: first?.channel_name ?? '',
    message_count: lines.length,
    all_messages_included: leftOut === '',
    left_out: leftOut,
    messages: lines,
  };
}

/** The conversation's own keys, declared once at the top instead of on every line. */
const ON_TOP = new Set([
  'conversation_subject',
  'conversation_id',
  'conversation_url',
  'channel_name',
  'channel_id',
]);

export const conversationMessagesOutputFields: PlainOutputField[] = [
  { key: 'id', label: 'Conversation ID (End of Its Inbox Link)', required: true },
  { key: 'conversation_subject', label: 'Conversation Subject' },
  { key: 'conversation_url', label: 'Conversation Link' },
  { key: 'channel_name', label: 'Channel' },
  { key: 'message_count', label: 'Messages Returned', type: 'integer' },
  { key: 'all_messages_included', label: 'All Messages Included', type: 'boolean' },
  { key: 'left_out', label: 'What Was Left Out' },
  // Attachments are a list inside each line; Zapier shows them from the live data.
  ...MESSAGE_OUTPUT_FIELDS.filter(
    (field) => !ON_TOP.has(field.key) && !field.key.includes('[]'),
  ).map((field) => ({ ...field, key: `messages[]${field.key}` })),
];

/** A reply after {@link API_MESSAGE_SAMPLE}, in the same conversation. */
const API_REPLY_SAMPLE: ApiMessage = {
  ...API_MESSAGE_SAMPLE,
  body: 'Hi Maya, sorry for the wait! The carrier lost the label scan; a new parcel ships today.',
  origin: 16,
  created_at: '2026-03-09T15:03:47.902-05:00',
  user: { name: 'Jonas Weber', email: 'jonas.weber@acme.example', mobile: null, 'staff?': true },
  recipients: [{ name: 'Maya Lindqvist', email: 'maya.lindqvist@example.com' }],
  attachments: [],
};

/** What the search returns for the two sample messages, newest first, on `acme`. */
export const conversationMessagesSample = conversationMessagesItem(
  MESSAGE_SAMPLE.conversation_id,
  [API_REPLY_SAMPLE, API_MESSAGE_SAMPLE],
  '',
  { authData: { brand: 'acme' } },
);
