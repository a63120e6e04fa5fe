import { CONVERSATION_STATUSES } from '../records/labels';
import { choice, list } from './read';

/**
 * The Status filters of Conversation Status Changed and New Conversation: several statuses at
 * once, and the groups a support lead thinks in. Re:amaze itself moves a conversation between
 * statuses as replies come in (Open → Responded on a staff reply, Done → Open on a customer's
 * reply; https://support.reamaze.com/kb/everything-about-conversations/understanding-conversation-states).
 */

/** Groups of status codes, each offered as one choice. */
export const STATUS_GROUPS: Readonly<Record<string, { label: string; codes: number[] }>> = {
  done: { label: 'Done, Any Kind (Done, Auto-Done, AI Agent Done)', codes: [2, 6, 8] },
  unresolved: {
    label: 'Not Done Yet (Open, Responded, On Hold, AI Agent Assigned)',
    codes: [0, 1, 5, 7],
  },
  spam: { label: 'Spam, Any Kind (Spam, Spam (AI))', codes: [3, 9] },
};

/** Every choice: the groups first, then each status on its own (value → label). */
export const STATUS_CHOICES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(STATUS_GROUPS).map(([key, group]) => [key, group.label])),
  ...Object.fromEntries(Object.entries(CONVERSATION_STATUSES).map(([code, name]) => [code, name])),
};

/** Why a reply can fire a status change the user did not make by hand. */
export const STATUS_MOVES_ON_ITS_OWN =
  "Replies change the status on their own: a staff reply turns Open into Responded, and a customer's reply to a Done conversation turns it back to Open ([how Re:amaze sets statuses](https://support.reamaze.com/kb/everything-about-conversations/understanding-conversation-states)).";

/**
 * The status codes chosen (codes, status names, group keys or group names, several allowed), or
 * undefined for any status; anything else is refused, naming the field.
 */
export function chosenStatuses(value: unknown, label: string): Set<number> | undefined {
  const given = list(value, label);
  if (given === undefined) return undefined;
  const codes = new Set<number>();
  for (const item of given) {
    const key = choice(item, label, STATUS_CHOICES);
    if (key === undefined) continue;
    for (const code of STATUS_GROUPS[key]?.codes ?? [Number(key)]) codes.add(code);
  }
  return codes.size > 0 ? codes : undefined;
}
