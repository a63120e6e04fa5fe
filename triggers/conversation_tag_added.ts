import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import {
  changeChannelField,
  changeItem,
  changeOutputFields,
  listChangedConversations,
  onlyChange,
  tagChanges,
  type ChangeItem,
  type ConversationChange,
} from '../lib/polling/conversation-changes';
import { API_CONVERSATION_SAMPLE } from '../lib/records/conversation.sample';
import { invalid, requiredText } from '../lib/input/read';
import { lazySample } from '../lib/records/lazy-sample';
import { fitConversations } from '../lib/records/conversation';

const KEY = 'conversation_tag_added';

export const inputFields = defineInputFields([
  {
    key: 'tag',
    label: 'Tag',
    required: true,
    helpText: 'The tag to watch for, as it appears in Re:amaze (upper or lower case alike).',
  },
  changeChannelField,
]);

/** A tag change as this trigger outputs it: the tag as the conversation carries it. */
export function tagAddedItem(change: ConversationChange): ChangeItem {
  return changeItem(change, { tag_added: change.value });
}

/** Asks Re:amaze only for conversations carrying the tag (`tag`), newest-changed first. */
export const perform = (async (z, bundle) => {
  const tag = requiredText(bundle.inputData.tag, 'Tag').trim();
  if (tag.includes(',')) {
    // Re:amaze reads `tag` as a comma-separated list, so this would watch several tags.
    throw invalid(`Tag "${tag}" holds a comma: choose one tag (a Zap per tag watches several).`);
  }
  const conversations = await listChangedConversations(z, bundle, KEY, { tag });
  return fitConversations(
    tagChanges(bundle.authData?.brand, KEY, tag, conversations).map(tagAddedItem),
  );
}) satisfies PollingTriggerPerform<typeof inputFields>;

export const sample = lazySample(() =>
  tagAddedItem(onlyChange(tagChanges('acme', KEY, 'shipping', [API_CONVERSATION_SAMPLE]))),
);

export default defineTrigger({
  key: KEY,
  noun: 'Conversation',
  display: {
    label: 'Tag Added to Conversation',
    description: 'Triggers when a conversation is first given a tag you choose.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample,
    outputFields: changeOutputFields([{ key: 'tag_added', label: 'Tag Added' }]),
  },
});
