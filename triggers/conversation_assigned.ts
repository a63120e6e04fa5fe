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
import { API_CONVERSATION_SAMPLE } from '../lib/records/conversation.sample';
import { record, stringField } from '../lib/http/api-values';
import { email } from '../lib/input/read';
import { lazySample } from '../lib/records/lazy-sample';
import { fitConversations } from '../lib/records/conversation';

const KEY = 'conversation_assigned';

export const inputFields = defineInputFields([
  {
    key: 'assignee',
    label: 'Assigned to',
    required: false,
    dynamic: 'staff_list.id.name',
    helpText:
      "Only when a conversation is assigned to this staff member. Leave empty for assignments to anyone. Previous Assignee is the staff member's email (their name when Re:amaze gives no email); it is empty in the editor's test and the first time this Zap sees a conversation, as Re:amaze keeps no assignment history.",
  },
  changeChannelField,
]);

/** Whom the conversation is assigned to: the email (case-insensitive), else the name; '' for nobody. */
function assigneeOf(conversation: Record<string, unknown>): string {
  const assignee = record(conversation.assignee);
  return stringField(assignee.email).trim().toLowerCase() || stringField(assignee.name).trim();
}

/** Watches the assignee; `wanted` is the chosen staff email in lower case, undefined for anyone. */
export function assigneeWatch(wanted: string | undefined): ChangeWatch {
  return {
    trigger: KEY,
    valueOf: assigneeOf,
    wanted: (assignee) => assignee !== '' && (wanted === undefined || assignee === wanted),
    creationCounts: true,
  };
}

/** An assignment as this trigger outputs it: whom it was assigned to before, when this Zap saw it. */
export function assignmentItem(change: ConversationChange): ChangeItem {
  return changeItem(change, { previously_assigned_to: change.previous ?? '' });
}

export const perform = (async (z, bundle) => {
  const watch = assigneeWatch(email(bundle.inputData.assignee, 'Assigned to')?.toLowerCase());
  return fitConversations((await pollChanges(z, bundle, watch)).map(assignmentItem));
}) satisfies PollingTriggerPerform<typeof inputFields>;

/** The sample conversation handed over to Jonas after the customer's thanks; Priya had it before. */
export const sample = lazySample(() =>
  assignmentItem(
    sampleChange(
      assigneeWatch(undefined),
      { ...API_CONVERSATION_SAMPLE, updated_at: '2026-03-10T08:09:58.412-05:00' },
      'priya.raman@acme.example',
      'acme',
    ),
  ),
);

export default defineTrigger({
  key: KEY,
  noun: 'Conversation',
  display: {
    label: 'Conversation Assigned',
    description: 'Triggers when a conversation is assigned to a staff member, or to another one.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample,
    outputFields: changeOutputFields([
      { key: 'previously_assigned_to', label: 'Previous Assignee' },
    ]),
  },
});
