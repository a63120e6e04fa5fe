import { distinctChoiceLabels } from '../lib/records/choice-labels';
import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { dropdownPage } from '../lib/http/client';
import { dateTimeField, record, stringField } from '../lib/http/api-values';

/**
 * A conversation as the Conversation dropdowns show it: subject, customer and date shown (two
 * "Refund request" conversations must read differently), slug as the value.
 */
export type ConversationChoice = {
  id: string;
  name: string;
  subject: string;
  customer_name: string;
  customer_email: string;
  created_at: string | null;
};

/**
 * `Subject · customer · date and time started`, the time as Re:amaze wrote it (in its own
 * offset, as the inbox shows it); the customer is the name, else the email.
 */
export function choiceLabel(subject: string, customer: string, createdAt: unknown): string {
  const at =
    typeof createdAt === 'string' ? /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(createdAt) : null;
  const day = at ? `${at[1]} ${at[2]}` : '';
  return [subject.trim() === '' ? '(no subject)' : subject.trim(), customer.trim(), day]
    .filter((part) => part !== '')
    .join(' · ');
}

/** The choice for one listed conversation; undefined without a slug. */
export function conversationChoice(
  conversation: Record<string, unknown>,
): ConversationChoice | undefined {
  const slug = stringField(conversation.slug);
  if (slug === '') return undefined;
  const subject = stringField(conversation.subject);
  const author = record(conversation.author);
  const customerName = stringField(author.name);
  const customerEmail = stringField(author.email);
  return {
    id: slug,
    name: choiceLabel(subject, customerName || customerEmail, conversation.created_at),
    subject,
    customer_name: customerName,
    customer_email: customerEmail,
    created_at: dateTimeField(conversation.created_at),
  };
}

export const conversationChoiceSample = conversationChoice({
  slug: 'where-is-my-order-4471',
  subject: 'Where is my order #4471?',
  author: { name: 'Maya Lindqvist', email: 'maya.lindqvist@example.com' },
  created_at: '2026-03-09T14:22:05.118-05:00',
}) as ConversationChoice;

/** No options: the list is the same for every Zap. */
export const inputFields = defineInputFields([]);

/**
 * Recent conversations, newest first (Re:amaze's default order: by creation, newest first; the
 * default list leaves archived conversations out).
 */
export const perform = (async (z, bundle) => {
  const seen = new Set<string>();
  const choices: ConversationChoice[] = [];
  for (const conversation of await dropdownPage(z, bundle, '/conversations', 'conversations')) {
    const choice = conversationChoice(conversation);
    if (choice === undefined || seen.has(choice.id)) continue;
    seen.add(choice.id);
    choices.push(choice);
  }
  return distinctChoiceLabels(choices, (choice) => choice.customer_email);
}) satisfies PollingTriggerPerform<typeof inputFields, ConversationChoice>;

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
    inputFields,
    perform,
    sample: conversationChoiceSample,
    outputFields: [
      { key: 'id', label: 'Conversation ID' },
      { key: 'name', label: 'Subject, Customer and Date' },
      { key: 'subject', label: 'Subject' },
      { key: 'customer_name', label: 'Customer Name' },
      { key: 'customer_email', label: 'Customer Email' },
      { key: 'created_at', label: 'Date Started', type: 'datetime' },
    ],
  },
});
