import { CONVERSATION_STATUSES } from './labels';
import { choice, list } from '../input/read';

/**
 * The Status filters of Conversation Status Changed and New Conversation: several statuses at
 * once, and the groups a support lead thinks in. Re:amaze itself moves a conversation between
 * statuses as replies come in (Open → Responded on a staff reply, Done → Open on a customer's
 * reply; https://support.reamaze.com/kb/everything-about-conversations/understanding-conversation-states).
 */

/** Groups of status codes, each offered as one choice (keys unlike any status name). */
export const STATUS_GROUPS: Readonly<Record<string, { label: string; codes: number[] }>> = {
  any_done: { label: 'Done, Any Kind (Done, Auto-Done, AI Agent Done)', codes: [2, 6, 8] },
  not_done: {
    label: 'Not Done Yet (Open, Responded, On Hold, AI Agent Assigned)',
    codes: [0, 1, 5, 7],
  },
  any_spam: { label: 'Spam, Any Kind (Spam, Spam (AI))', codes: [3, 9] },
};

/** Every choice the reader accepts (value → label): each status, and each group. */
export const STATUS_CHOICES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(CONVERSATION_STATUSES).map(([code, name]) => [code, name])),
  ...Object.fromEntries(Object.entries(STATUS_GROUPS).map(([key, group]) => [key, group.label])),
};

/** The dropdown: the groups first (what most Zaps watch), then each status on its own. */
export const STATUS_DROPDOWN = [
  ...Object.entries(STATUS_GROUPS).map(([key, group]) => ({
    value: key,
    label: group.label,
    sample: key,
  })),
  ...Object.entries(CONVERSATION_STATUSES).map(([code, name]) => ({
    value: code,
    label: name,
    sample: code,
  })),
];

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
