import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import {
  changeItem,
  changeOutputFields,
  type ChangeItem,
} from '../lib/polling/conversation-changes';
import {
  pollUpdates,
  updatesSince,
  type ConversationUpdate,
} from '../lib/polling/conversation-updates';
import {
  channelFilterField,
  conversationListParams,
  statusGroupField,
  tagFilterField,
} from '../lib/input/conversation-filters';
import { API_CONVERSATION_SAMPLE } from '../lib/records/conversation.sample';
import { fitConversations } from '../lib/records/conversation';
import { lazySample } from '../lib/records/lazy-sample';

const KEY = 'conversation_updated';

export const inputFields = defineInputFields([
  channelFilterField,
  statusGroupField,
  tagFilterField,
]);

/** An update as this trigger outputs it: the conversation, and what changed when the Zap knew. */
export function updateItem(update: ConversationUpdate): ChangeItem {
  return changeItem(update, { what_changed: update.what });
}

/** `GET /conversations?sort=changed` with the filters New Conversation offers. */
export const perform = (async (z, bundle) => {
  const { filter, tag } = conversationListParams(bundle.inputData);
  return fitConversations((await pollUpdates(z, bundle, KEY, { filter, tag })).map(updateItem));
}) satisfies PollingTriggerPerform<typeof inputFields>;

/** The sample conversation after the customer's thanks; the Zap saw it before that message. */
export const sample = lazySample((): ChangeItem => {
  const before = {
    ...API_CONVERSATION_SAMPLE,
    updated_at: '2026-03-09T15:02:11.734-05:00',
    last_customer_message: { created_at: '2026-03-09T14:22:05.118-05:00' },
  };
  const state = { seen: new Map() };
  updatesSince(state, [before], 'acme');
  const [update] = updatesSince(state, [API_CONVERSATION_SAMPLE], 'acme');
  if (update === undefined) throw new Error('A sample must show one update');
  return updateItem(update);
});

export default defineTrigger({
  key: KEY,
  noun: 'Conversation',
  display: {
    label: 'Conversation Updated',
    description:
      'Triggers when a conversation changes: its status, assignee, tags or custom data, or a new message.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample,
    outputFields: changeOutputFields([
      { key: 'what_changed', label: 'What Changed (Empty When Not Known)' },
    ]),
  },
});
