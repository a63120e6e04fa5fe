import { defineInputFields, defineSearch, errors, type SearchPerform } from 'zapier-platform-core';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { apiPath, getPage, reamazeRequest, unexpectedShape, type QueryValue } from '../lib/client';
import { conversationField, conversationSlug } from '../lib/conversation-field';
import {
  channelFilterField,
  conversationListParams,
  statusGroupField,
  tagFilterField,
} from '../lib/conversation-filters';
import { dict, email, text } from '../lib/input';
import {
  conversationInBody,
  conversationOutputFields,
  conversationSample,
  flattenConversation,
} from '../lib/conversation';
import { newestFirst } from '../lib/conversation-list';

const inputFields = defineInputFields([
  {
    key: conversationField.key,
    label: conversationField.label,
    required: false,
    dynamic: conversationField.dynamic,
    helpText:
      'Find this exact conversation, by its Conversation ID (the end of its inbox link) or the link itself. When set, the fields below are not used.',
  },
  {
    key: 'customer_email',
    label: 'Customer Email',
    required: false,
    helpText: 'Conversations with this customer.',
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

/** One conversation by slug; a 404 means "not found", which a search reports as no result. */
async function bySlug(z: ZObject, bundle: Bundle, slug: string) {
  let conversation: unknown;
  try {
    conversation = await reamazeRequest(z, bundle, {
      path: apiPath('conversations', slug),
      notFoundMessage: `No conversation "${slug}" was found`,
    });
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
  const found = conversationInBody(conversation);
  if (!found) throw unexpectedShape(z, 'the conversation');
  return [flattenConversation(found, bundle.authData.brand)];
}

function isNotFound(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== 'AppError') return false;
  try {
    const parsed = JSON.parse(error.message) as { code?: string; status?: number };
    return parsed.code === 'NotFound' && parsed.status === 404;
  } catch {
    return false;
  }
}

/** The query of `GET /conversations` for the criteria; custom data goes as `data[key]=value`. */
export function searchParams(input: Input): Record<string, QueryValue> {
  const params: Record<string, QueryValue> = {
    for: email(input.customer_email, 'Customer Email'),
    ...conversationListParams(input),
  };
  for (const [key, value] of Object.entries(dict(input.custom_data, 'Custom Data') ?? {})) {
    params[`data[${key}]`] = value;
  }
  return params;
}

export const perform = (async (z, bundle) => {
  const input = bundle.inputData as Input;
  if (text(input.conversation) !== undefined) {
    return bySlug(z, bundle, conversationSlug(input.conversation));
  }
  const params = searchParams(input);
  const criteria =
    ['for', 'tag', 'category'].some((key) => params[key] !== undefined) ||
    Object.keys(params).some((key) => key.startsWith('data['));
  if (!criteria) {
    throw new errors.Error(
      'Fill in at least one of Conversation, Customer Email, Tags, Channel or Custom Data to search by.',
      'MissingField',
      400,
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
