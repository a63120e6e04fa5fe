import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import {
  changeChannelField,
  changeItem,
  changeOutputFields,
  pollChanges,
  sampleChange,
  type ChangeItem,
  type ChangeWatch,
  type ConversationChange,
} from '../lib/polling/conversation-changes';
import { conversationStatusCode } from '../lib/records/conversation';
import { API_CONVERSATION_SAMPLE } from '../lib/records/conversation.sample';
import { choice, choicesOf } from '../lib/input/read';
import { CONVERSATION_STATUSES, labelFor } from '../lib/records/labels';
import { lazySample } from '../lib/records/lazy-sample';

const KEY = 'conversation_status_changed';

export const inputFields = defineInputFields([
  {
    key: 'status',
    label: 'New Status',
    required: false,
    choices: choicesOf(CONVERSATION_STATUSES),
    helpText:
      'Only when a conversation changes to this status. Leave empty for every status change.',
  },
  changeChannelField,
]);

/** The status code chosen (its name is accepted too), or undefined for any; refuses anything else. */
export function chosenStatus(value: unknown): string | undefined {
  return choice(value, 'New Status', CONVERSATION_STATUSES);
}

/** The status as its code in text; '' when the conversation has none the integration can read. */
function statusOf(conversation: Record<string, unknown>): string {
  const code = conversationStatusCode(conversation);
  return code === null ? '' : String(code);
}

/** Watches the status; `wanted` is the chosen status code, undefined for any. */
export function statusWatch(wanted: string | undefined): ChangeWatch {
  return {
    trigger: KEY,
    valueOf: statusOf,
    wanted: (status) => wanted === undefined || status === wanted,
    creationCounts: false,
    createdWith: '0',
  };
}

/** A status change as this trigger outputs it: the status before it, when this Zap saw it. */
export function statusChangeItem(change: ConversationChange): ChangeItem {
  return changeItem(change, { previous_status: labelFor(CONVERSATION_STATUSES, change.previous) });
}

export const perform = (async (z, bundle) => {
  const watch = statusWatch(chosenStatus(bundle.inputData.status));
  return (await pollChanges(z, bundle, watch)).map(statusChangeItem);
}) satisfies PollingTriggerPerform<typeof inputFields>;

/** The sample conversation marked Done after the customer's thanks; this Zap saw it Open. */
export const sample = lazySample(() =>
  statusChangeItem(
    sampleChange(
      statusWatch(undefined),
      { ...API_CONVERSATION_SAMPLE, status: 2, updated_at: '2026-03-10T08:14:26.530-05:00' },
      '0',
      'acme',
    ),
  ),
);

export default defineTrigger({
  key: KEY,
  noun: 'Conversation',
  display: {
    label: 'Conversation Status Changed',
    description:
      'Triggers when a conversation changes status, for example when it is marked Done or reopened.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample,
    outputFields: changeOutputFields([{ key: 'previous_status', label: 'Previous Status' }]),
  },
});
