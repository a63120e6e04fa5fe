import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { getPage } from '../lib/client';
import { dateTimeField } from '../lib/fields';

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

function string(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Recent conversations, newest first (Re:amaze's default order: by creation, newest first; the
 * default list leaves archived conversations out). Dropdown pages are 0-based in Zapier and
 * 1-based in Re:amaze; a page past the last one is empty rather than a repeat of the last.
 */
export const perform = (async (z, bundle) => {
  const page = (bundle.meta?.page ?? 0) + 1;
  const result = await getPage(z, bundle, '/conversations', 'conversations', { page });
  if (page > 1 && page > result.pageCount) return [];
  const seen = new Set<string>();
  const choices: ConversationChoice[] = [];
  for (const conversation of result.items) {
    const slug = string(conversation.slug);
    if (slug === '' || seen.has(slug)) continue;
    seen.add(slug);
    const subject = string(conversation.subject);
    const author =
      conversation.author && typeof conversation.author === 'object'
        ? (conversation.author as Record<string, unknown>)
        : {};
    choices.push({
      id: slug,
      name: subject.trim() === '' ? `(no subject) ${slug}` : subject,
      customer_name: string(author.name),
      customer_email: string(author.email),
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
