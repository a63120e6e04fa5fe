import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { getPage } from '../lib/http/client';
import {
  fitConversations,
  conversationCreatedAt,
  conversationStatusCode,
  conversationOutputFields,
  conversationSample,
  flattenConversation,
} from '../lib/records/conversation';
import {
  channelFilterField,
  conversationListParams,
  statusGroupField,
  tagFilterField,
} from '../lib/input/conversation-filters';
import { requireNewestFirst, newestFirst } from '../lib/records/conversation-order';
import { DEFAULT_HORIZON_MS, pollNewestFirst } from '../lib/polling/paging';
import { zapWatermarks } from '../lib/polling/zap-state';
import { chosenStatuses, STATUS_DROPDOWN } from '../lib/records/conversation-statuses';

export const inputFields = defineInputFields([
  channelFilterField,
  statusGroupField,
  {
    key: 'status',
    label: 'Status',
    required: false,
    list: true,
    choices: STATUS_DROPDOWN,
    helpText:
      'Only conversations in one of these statuses when the Zap first sees them, for example "Not Done Yet" to leave out chats an AI agent or a rule already closed. Leave empty for any status. A new conversation is usually Open; one that reaches a status later does not fire here (use Conversation Status Changed for that).',
  },
  tagFilterField,
]);

/** Zapier deduplicates on `id`: the conversation slug, fixed for the conversation's life. */
const slugOf = (conversation: Record<string, unknown>): string | undefined =>
  typeof conversation.slug === 'string' && conversation.slug !== '' ? conversation.slug : undefined;

/**
 * Polls `GET /conversations` (newest first, see lib/records/conversation-order.ts) under the shared burst
 * rule of lib/polling/paging.ts. The default list and "all" gain conversations at the top (the default
 * list also regains the rare unarchived one), so the newest page is returned whole, as for
 * messages. The open, unassigned and archived lists routinely gain old conversations in the middle
 * (reopened, unassigned again, archived): those would reach the newest page as never-seen ids and
 * fire late, so with those filters only conversations started inside the look-back horizon are
 * returned (the editor's sample excepted).
 */
export const perform = (async (z, bundle) => {
  const params = conversationListParams(bundle.inputData);
  const statuses = chosenStatuses(bundle.inputData.status, 'Status');
  const pollStarted = Date.now();
  const conversations = await pollNewestFirst({
    fetchPage: async (page, timeoutMs) => {
      const result = await getPage(
        z,
        bundle,
        '/conversations',
        'conversations',
        { ...params, page },
        { timeoutMs },
      );
      requireNewestFirst(page, result.pageCount, result.items, 'conversations');
      return result;
    },
    createdAt: conversationCreatedAt,
    identity: slugOf,
    meta: bundle.meta,
    watermarks: zapWatermarks(z, bundle, 'new_conversation'),
    log: (line) => z.console.log(`New Conversation: ${line}`),
  });

  const stableList = params.filter === undefined || params.filter === 'all';
  const oldest = pollStarted - DEFAULT_HORIZON_MS;
  const fresh =
    stableList || bundle.meta?.isLoadingSample
      ? conversations
      : conversations.filter((c) => (conversationCreatedAt(c) ?? -Infinity) >= oldest);

  const wanted = fresh.filter((conversation) => {
    const code = conversationStatusCode(conversation);
    return statuses === undefined || (code !== null && statuses.has(code));
  });
  // flattenConversation's `id` is the slug: what Zapier deduplicates on.
  return fitConversations(
    newestFirst(wanted).map((conversation) =>
      flattenConversation(conversation, bundle.authData.brand),
    ),
  );
}) satisfies PollingTriggerPerform<typeof inputFields>;

export default defineTrigger({
  key: 'new_conversation',
  noun: 'Conversation',
  display: {
    label: 'New Conversation',
    description: 'Triggers when a new conversation is started.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: conversationSample,
    outputFields: conversationOutputFields,
  },
});
