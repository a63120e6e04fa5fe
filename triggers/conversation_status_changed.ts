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
import {
  chosenStatuses,
  STATUS_DROPDOWN,
  STATUS_MOVES_ON_ITS_OWN,
} from '../lib/records/conversation-statuses';
import { CONVERSATION_STATUSES, labelFor } from '../lib/records/labels';
import { lazySample } from '../lib/records/lazy-sample';
import { fitConversations } from '../lib/records/conversation';

const KEY = 'conversation_status_changed';

export const inputFields = defineInputFields([
  {
    key: 'status',
    label: 'New Status',
    required: false,
    list: true,
    choices: STATUS_DROPDOWN,
    helpText: `Only when a conversation changes to one of these statuses; choose a group such as "Done, Any Kind" to watch every way a conversation is resolved. Leave empty for every status change. ${STATUS_MOVES_ON_ITS_OWN} Previous Status is empty in the editor's test and the first time this Zap sees a conversation: Re:amaze keeps no status history, so it is the status this Zap saw before.`,
  },
  changeChannelField,
]);

/** The status codes chosen (names and groups are accepted too), or undefined for any; refuses anything else. */
export function chosenStatus(value: unknown): Set<number> | undefined {
  return chosenStatuses(value, 'New Status');
}

/** The status as its code in text; '' when the conversation has none the integration can read. */
function statusOf(conversation: Record<string, unknown>): string {
  const code = conversationStatusCode(conversation);
  return code === null ? '' : String(code);
}

/** Watches the status; `wanted` holds the chosen status codes (or one code as text), undefined for any. */
export function statusWatch(chosen: ReadonlySet<number> | string | undefined): ChangeWatch {
  const wanted = typeof chosen === 'string' ? new Set([Number(chosen)]) : chosen;
  return {
    trigger: KEY,
    valueOf: statusOf,
    wanted: (status) => wanted === undefined || (status !== '' && wanted.has(Number(status))),
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
  return fitConversations((await pollChanges(z, bundle, watch)).map(statusChangeItem));
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
