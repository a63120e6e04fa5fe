import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { changeOutputFields } from '../lib/polling/conversation-changes';
import { pollWaiting, waitingItems } from '../lib/polling/conversation-waiting';
import { channelFilterField } from '../lib/input/conversation-filters';
import { choicesOf, email, requiredChoice, trimmed, wholeNumber } from '../lib/input/read';
import { API_CONVERSATION_SAMPLE } from '../lib/records/conversation.sample';
import { fitConversations } from '../lib/records/conversation';
import { lazySample } from '../lib/records/lazy-sample';

const KEY = 'conversation_waiting_for_reply';

const UNITS = { minutes: 'Minutes', hours: 'Hours' } as const;
const UNIT_MS = { minutes: 60_000, hours: 3_600_000 } as const;

/** Up to a week: the poll reads every open conversation the customer wrote to in that time. */
export const MAX_WAIT_MINUTES = 7 * 24 * 60;

export const inputFields = defineInputFields([
  {
    key: 'wait',
    label: 'Waiting Longer Than',
    required: true,
    type: 'integer',
    helpText:
      "How long the customer's latest message may wait without a staff reply, in the unit below (up to a week). The Zap runs at its first check after that: up to your plan's polling interval (1–15 minutes) later.",
  },
  {
    key: 'wait_unit',
    label: 'Unit',
    required: true,
    default: 'hours',
    choices: choicesOf(UNITS),
    helpText: 'The unit of Waiting Longer Than.',
  },
  channelFilterField,
  {
    key: 'assignee',
    label: 'Assigned to',
    required: false,
    dynamic: 'staff_list.id.name',
    helpText:
      'Only conversations assigned to this staff member. Leave empty for any, unassigned too.',
  },
]);

/** The threshold in ms, refused before any request unless a whole number within a week. */
export function thresholdMs(wait: unknown, unit: unknown): number {
  const chosen = requiredChoice(unit, 'Unit', UNITS);
  const max = chosen === 'hours' ? MAX_WAIT_MINUTES / 60 : MAX_WAIT_MINUTES;
  return wholeNumber(wait, 'Waiting Longer Than', 1, max) * UNIT_MS[chosen];
}

export const perform = (async (z, bundle) =>
  fitConversations(
    await pollWaiting(z, bundle, {
      thresholdMs: thresholdMs(bundle.inputData.wait, bundle.inputData.wait_unit),
      assignee: email(bundle.inputData.assignee, 'Assigned to')?.toLowerCase(),
      channel: trimmed(bundle.inputData.channel, channelFilterField.label),
    }),
  )) satisfies PollingTriggerPerform<typeof inputFields>;

/** The sample conversation two hours after the customer's thanks, unanswered. */
export const sample = lazySample((): ReturnType<typeof waitingItems>[number] => {
  const checked = Date.parse(API_CONVERSATION_SAMPLE.last_customer_message.created_at) + 7_200_000;
  const [item] = waitingItems(
    [API_CONVERSATION_SAMPLE],
    { thresholdMs: 3_600_000 },
    checked,
    'acme',
  );
  if (item === undefined) throw new Error('The sample must be waiting');
  return item;
});

export default defineTrigger({
  key: KEY,
  noun: 'Conversation',
  display: {
    label: 'Conversation Waiting for a Reply',
    description:
      'Triggers when the customer of an open conversation waits longer than you choose for a reply.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample,
    outputFields: changeOutputFields([
      { key: 'waiting_minutes', label: 'Minutes Waiting When Checked' },
    ]),
  },
});
