import {
  defineInputFields,
  defineTrigger,
  errors,
  type PollingTriggerPerform,
} from 'zapier-platform-core';
import {
  changeId,
  changeChannelField,
  changeItem,
  changeOutputFields,
  pollChanges,
  type ChangeWatch,
} from '../lib/conversation-changes';
import type { ConversationItem } from '../lib/conversation';
import { listedConversationSample } from '../lib/conversation-list';
import { text } from '../lib/input';
import { CONVERSATION_STATUSES, labelFor } from '../lib/labels';

const KEY = 'conversation_status_changed';

export const inputFields = defineInputFields([
  {
    key: 'status',
    label: 'New Status',
    required: false,
    choices: Object.entries(CONVERSATION_STATUSES).map(([value, label]) => ({
      value,
      label,
      sample: value,
    })),
    helpText:
      'Only when a conversation changes to this status. Leave empty for every status change.',
  },
  changeChannelField,
]);

/** The status code chosen (its name is accepted too), or undefined for any; refuses anything else. */
export function chosenStatus(value: unknown): string | undefined {
  const given = text(value)?.trim();
  if (given === undefined) return undefined;
  for (const [code, label] of Object.entries(CONVERSATION_STATUSES)) {
    if (given === code || given.toLowerCase() === label.toLowerCase()) return code;
  }
  throw new errors.Error(
    `New Status "${given}" is not a Re:amaze status. Choose ${Object.values(CONVERSATION_STATUSES).join(', ')}, or leave it empty.`,
    'InvalidField',
    400,
  );
}

/** The status as its code in text; '' when the conversation has none the integration can read. */
const statusOf = (conversation: ConversationItem): string =>
  conversation.status === null ? '' : String(conversation.status);

/** Watches the status; `wanted` is the chosen status code, undefined for any. */
export function statusWatch(wanted: string | undefined): ChangeWatch {
  return {
    trigger: KEY,
    valueOf: statusOf,
    wanted: (status) => wanted === undefined || status === wanted,
    creationCounts: false,
  };
}

export const perform = (async (z, bundle) => {
  const watch = statusWatch(chosenStatus(bundle.inputData.status));
  return (await pollChanges(z, bundle, watch)).map((change) =>
    changeItem(change, {
      previous_status:
        change.previous === undefined || change.previous === ''
          ? ''
          : labelFor(CONVERSATION_STATUSES, change.previous),
    }),
  );
}) satisfies PollingTriggerPerform<typeof inputFields>;

const changedAt = '2026-03-09T16:05:12.730-05:00';

export const sample = {
  ...listedConversationSample,
  id: changeId(listedConversationSample.slug, { trigger: KEY }, '2', Date.parse(changedAt)),
  status: 2,
  status_label: 'Done',
  updated_at: changedAt,
  previous_status: 'Open',
};

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
