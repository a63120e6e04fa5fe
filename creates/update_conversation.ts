import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import type { Bundle, ZObject } from 'zapier-platform-core';
import {
  apiPath,
  promisedRecord,
  reamazeRequest,
  unexpectedShape,
  writtenRecord,
} from '../lib/http/client';
import {
  CONVERSATION_RECORD,
  conversationField,
  conversationNotFound,
  conversationSlug,
} from '../lib/input/conversation';
import { settableStatuses } from '../lib/records/labels';
import {
  choice,
  choicesOf,
  compact,
  dateTime,
  dict,
  email,
  invalid,
  list,
} from '../lib/input/read';
import {
  conversationOutputFields,
  conversationSample,
  flattenConversation,
} from '../lib/records/conversation';

/** Statuses a user may set; 6–9 (Auto-Done, AI Agent …) are set by Re:amaze itself. */
const SETTABLE_STATUSES = settableStatuses([0, 1, 2, 3, 4, 5]);
const ON_HOLD = 5;

/**
 * What to do with the Tags field. Re:amaze's `tag_list` replaces every tag, but users mostly
 * expect "add a tag", so adding (the default) and removing read the current tags first.
 */
export const TAG_ACTIONS = {
  add: 'Add to Current Tags',
  remove: 'Remove from Current Tags',
  replace: 'Replace All Tags',
} as const;
type TagAction = keyof typeof TAG_ACTIONS;

export const inputFields = defineInputFields([
  conversationField,
  {
    key: 'status',
    label: 'Status',
    required: false,
    choices: choicesOf(SETTABLE_STATUSES),
    helpText: 'On Hold also needs Hold Until.',
  },
  {
    key: 'hold_until',
    label: 'Hold Until',
    type: 'datetime',
    required: false,
    helpText:
      'When an On Hold conversation comes back to the inbox. Required when Status is On Hold.',
  },
  {
    key: 'assignee',
    label: 'Assignee',
    required: false,
    dynamic: 'staff_list.id.name',
    helpText: 'The staff member to assign the conversation to, by login email.',
  },
  {
    key: 'tags',
    label: 'Tags',
    required: false,
    list: true,
    helpText:
      'One tag per entry. Tag Action below says whether they are added, removed or replace all tags.',
  },
  {
    key: 'tag_action',
    label: 'Tag Action',
    required: false,
    default: 'add',
    choices: choicesOf(TAG_ACTIONS),
    helpText:
      'What the Tags above do to the conversation’s tags. Adding and removing keep the other tags (Re:amaze is asked for them first); replacing leaves only the tags above.',
  },
  {
    key: 'custom_data',
    label: 'Custom Data',
    required: false,
    dict: true,
    helpText:
      'Custom fields of the conversation to set, by key. Values are sent as text, exactly as entered.',
  },
]);

/** A status code from the dropdown, or a status label mapped from another step. */
function statusChoice(value: unknown): number | undefined {
  const code = choice(value, 'Status', SETTABLE_STATUSES);
  return code === undefined ? undefined : Number(code);
}

/** Tags compare without regard to case, as the inbox treats "VIP" and "vip" as one tag. */
const sameTag = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function mergeTags(current: string[], given: string[], action: TagAction): string[] {
  if (action === 'replace') return dedupe(given);
  if (action === 'remove') return current.filter((tag) => !given.some((g) => sameTag(g, tag)));
  return dedupe([...current, ...given]);
}

function dedupe(tags: string[]): string[] {
  const kept: string[] = [];
  for (const tag of tags) if (!kept.some((k) => sameTag(k, tag))) kept.push(tag);
  return kept;
}

/** The conversation's tags now, read just before the update (adding or removing needs them). */
async function currentTags(z: ZObject, bundle: Bundle, slug: string): Promise<string[]> {
  const body = await reamazeRequest(z, bundle, {
    path: apiPath('conversations', slug),
    notFoundMessage: conversationNotFound(slug),
  });
  const tags = promisedRecord(z, body, {
    ...CONVERSATION_RECORD,
    what: 'the conversation’s tags',
  }).tag_list;
  if (typeof tags === 'string') {
    return list(tags.split(','), 'Tags')?.map((tag) => tag.trim()) ?? [];
  }
  // Without the current tags, sending a list would wipe them: refuse rather than guess.
  if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string')) {
    throw unexpectedShape(z, 'the conversation’s tags');
  }
  return tags as string[];
}

export const perform = (async (z, bundle) => {
  const input = bundle.inputData;
  const slug = conversationSlug(input.conversation);
  const status = statusChoice(input.status);
  const hold = dateTime(input.hold_until, 'Hold Until');
  if (status === ON_HOLD && hold === undefined) {
    throw invalid(
      'Hold Until is required when Status is On Hold: choose when the conversation comes back.',
    );
  }
  const assignee = email(input.assignee, 'Assignee');
  const tags = list(input.tags, 'Tags')?.map((tag) => tag.trim());
  const action: TagAction = choice(input.tag_action, 'Tag Action', TAG_ACTIONS) ?? 'add';
  const data = dict(input.custom_data, 'Custom Data');

  if ([status, hold, assignee, tags, data].every((value) => value === undefined)) {
    throw invalid(
      'Nothing to update: Status, Hold Until, Assignee, Tags and Custom Data are all empty.',
    );
  }

  const tagList =
    tags && mergeTags(action === 'replace' ? [] : await currentTags(z, bundle, slug), tags, action);
  const conversation = compact({
    status,
    hold_until: hold,
    // An object, as Re:amaze's PUT page documents (https://www.reamaze.com/api/put_conversations);
    // some third-party clients send a bare email string, which that page does not show.
    assignee: assignee === undefined ? undefined : { email: assignee },
    tag_list: tagList,
    data,
  });

  const conversationNow = await writtenRecord(
    z,
    bundle,
    {
      method: 'PUT',
      path: apiPath('conversations', slug),
      body: { conversation },
      notFoundMessage: conversationNotFound(slug),
    },
    { ...CONVERSATION_RECORD, what: 'the updated conversation' },
  );
  return flattenConversation(conversationNow, bundle.authData.brand);
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'update_conversation',
  noun: 'Conversation',
  display: {
    label: 'Update Conversation',
    description: 'Changes the status, assignee, tags or custom data of a conversation.',
  },
  operation: {
    inputFields,
    perform,
    sample: conversationSample,
    outputFields: conversationOutputFields,
  },
});
