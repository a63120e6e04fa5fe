import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import type { Bundle, ZObject } from 'zapier-platform-core';
import {
  apiPath,
  getPage,
  promisedRecord,
  reamazeRequest,
  type QueryValue,
} from '../lib/http/client';
import {
  CONVERSATION_RECORD,
  conversationField,
  conversationSlug,
} from '../lib/input/conversation';
import {
  channelFilterField,
  conversationListParams,
  statusGroupField,
  tagFilterField,
} from '../lib/input/conversation-filters';
import { dataParams, email, invalid, trimmed } from '../lib/input/read';
import {
  conversationOutputFields,
  conversationSample,
  flattenConversation,
} from '../lib/records/conversation';
import { newestFirst } from '../lib/records/conversation-order';

export const inputFields = defineInputFields([
  {
    key: conversationField.key,
    label: conversationField.label,
    required: false,
    dynamic: conversationField.dynamic,
    helpText:
      'Find this exact conversation, by its Conversation ID (the end of its inbox link) or the link itself. When set, the fields below are not used; without it, fill in at least one of Customer Email, Tags, Channel or Custom Data.',
  },
  {
    key: 'customer_email',
    label: 'Customer Email',
    required: false,
    helpText:
      'Conversations with this customer. Without a Conversation, fill in at least one of Customer Email, Tags, Channel or Custom Data.',
  },
  tagFilterField,
  channelFilterField,
  {
    key: 'custom_data',
    label: 'Custom Data',
    required: false,
    dict: true,
    helpText: 'Conversations whose custom fields have these values (every key must match).',
  },
  statusGroupField,
]);

type Input = {
  conversation?: unknown;
  customer_email?: unknown;
  tags?: unknown;
  channel?: unknown;
  custom_data?: unknown;
  status_group?: unknown;
};

/**
 * One conversation by slug. Only a 404 proves there is none, which a search reports as no result
 * (find-or-create then creates). A 2xx without a conversation (`200 {}`) proves nothing, so it is
 * an error: reporting "none" would let find-or-create make a second conversation.
 */
async function bySlug(z: ZObject, bundle: Bundle, slug: string) {
  const answer = await reamazeRequest(z, bundle, {
    path: apiPath('conversations', slug),
    notFoundIsAbsent: true,
  });
  if (answer === undefined) return [];
  const found = promisedRecord(z, answer, {
    ...CONVERSATION_RECORD,
    what: 'the conversation',
  });
  return [flattenConversation(found, bundle.authData.brand)];
}

/** The query of `GET /conversations` for the criteria; custom data goes as `data[key]=value`. */
export function searchParams(input: Input): Record<string, QueryValue> {
  const params: Record<string, QueryValue> = {
    for: email(input.customer_email, 'Customer Email'),
    ...conversationListParams(input),
    ...dataParams(input.custom_data, 'Custom Data'),
  };
  return params;
}

export const perform = (async (z, bundle) => {
  const input = bundle.inputData as Input;
  if (trimmed(input.conversation, conversationField.label) !== undefined) {
    return bySlug(z, bundle, conversationSlug(input.conversation));
  }
  const params = searchParams(input);
  const criteria =
    ['for', 'tag', 'category'].some((key) => params[key] !== undefined) ||
    Object.keys(params).some((key) => key.startsWith('data['));
  if (!criteria) {
    throw invalid(
      'Fill in at least one of Conversation, Customer Email, Tags, Channel or Custom Data to search by.',
    );
  }
  const { items } = await getPage(z, bundle, '/conversations', 'conversations', params);
  return newestFirst(items).map((conversation) =>
    flattenConversation(conversation, bundle.authData.brand),
  );
}) satisfies SearchPerform<typeof inputFields>;

export default defineSearch({
  key: 'find_conversation',
  noun: 'Conversation',
  display: {
    label: 'Find Conversation',
    description:
      'Finds a conversation by ID, customer email, tag, channel or custom data, most recent first.',
  },
  operation: {
    inputFields,
    perform,
    sample: conversationSample,
    outputFields: conversationOutputFields,
  },
});
