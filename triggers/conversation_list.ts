import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { dropdownPage } from '../lib/http/client';
import { dateTimeField, record, stringField } from '../lib/http/api-values';

/** A conversation as the Conversation dropdowns show it: subject shown, slug as the value. */
export type ConversationChoice = {
  id: string;
  name: string;
  customer_name: string;
  customer_email: string;
  created_at: string | null;
};

export const conversationChoiceSample: ConversationChoice = {
  id: 'where-is-my-order-4471',
  name: 'Where is my order #4471?',
  customer_name: 'Maya Lindqvist',
  customer_email: 'maya.lindqvist@example.com',
  created_at: '2026-03-09T14:22:05.118-05:00',
};

/**
 * Recent conversations, newest first (Re:amaze's default order: by creation, newest first; the
 * default list leaves archived conversations out).
 */
export const perform = (async (z, bundle) => {
  const seen = new Set<string>();
  const choices: ConversationChoice[] = [];
  for (const conversation of await dropdownPage(z, bundle, '/conversations', 'conversations')) {
    const slug = stringField(conversation.slug);
    if (slug === '' || seen.has(slug)) continue;
    seen.add(slug);
    const subject = stringField(conversation.subject);
    const author = record(conversation.author);
    choices.push({
      id: slug,
      name: subject.trim() === '' ? `(no subject) ${slug}` : subject,
      customer_name: stringField(author.name),
      customer_email: stringField(author.email),
      created_at: dateTimeField(conversation.created_at),
    });
  }
  return choices;
}) satisfies PollingTriggerPerform<Record<string, never>, ConversationChoice>;

export default defineTrigger({
  key: 'conversation_list',
  noun: 'Conversation',
  display: {
    label: 'List Conversations',
    description:
      'Triggers when a conversation is started; lists recent conversations for dropdowns.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform,
    sample: conversationChoiceSample,
    outputFields: [
      { key: 'id', label: 'Conversation ID (End of Its Inbox Link)' },
      { key: 'name', label: 'Subject' },
      { key: 'customer_name', label: 'Customer Name' },
      { key: 'customer_email', label: 'Customer Email' },
      { key: 'created_at', label: 'Date Started', type: 'datetime' },
    ],
  },
});
