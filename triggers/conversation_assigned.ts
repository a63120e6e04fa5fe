import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import type { ConversationItem } from '../lib/conversation';
import {
  changeId,
  changeChannelField,
  changeItem,
  changeOutputFields,
  pollChanges,
  type ChangeWatch,
} from '../lib/conversation-changes';
import { listedConversationSample } from '../lib/conversation-list';
import { email } from '../lib/input';

const KEY = 'conversation_assigned';

export const inputFields = defineInputFields([
  {
    key: 'assignee',
    label: 'Assigned to',
    required: false,
    dynamic: 'staff_list.id.name',
    helpText:
      'Only when a conversation is assigned to this staff member. Leave empty for assignments to anyone.',
  },
  changeChannelField,
]);

/** Whom the conversation is assigned to: the email (case-insensitive), else the name; '' for nobody. */
const assigneeOf = (conversation: ConversationItem): string =>
  conversation.assignee_email.trim().toLowerCase() || conversation.assignee_name.trim();

/** Watches the assignee; `wanted` is the chosen staff email in lower case, undefined for anyone. */
export function assigneeWatch(wanted: string | undefined): ChangeWatch {
  return {
    trigger: KEY,
    valueOf: assigneeOf,
    wanted: (assignee) => assignee !== '' && (wanted === undefined || assignee === wanted),
    creationCounts: true,
  };
}

export const perform = (async (z, bundle) => {
  const watch = assigneeWatch(email(bundle.inputData.assignee, 'Assigned to')?.toLowerCase());
  return (await pollChanges(z, bundle, watch)).map((change) =>
    changeItem(change, { previously_assigned_to: change.previous ?? '' }),
  );
}) satisfies PollingTriggerPerform<typeof inputFields>;

const changedAt = '2026-03-09T14:31:02.044-05:00';

export const sample = {
  ...listedConversationSample,
  id: changeId(
    listedConversationSample.slug,
    { trigger: KEY },
    'jonas.weber@acme.example',
    Date.parse(changedAt),
  ),
  assignee: { name: 'Jonas Weber', email: 'jonas.weber@acme.example' },
  assignee_name: 'Jonas Weber',
  assignee_email: 'jonas.weber@acme.example',
  updated_at: changedAt,
  previously_assigned_to: '',
};

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
      { key: 'previously_assigned_to', label: 'Previously Assigned to (Email)' },
    ]),
  },
});
