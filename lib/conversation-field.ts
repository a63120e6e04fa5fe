import { errors } from 'zapier-platform-core';
import { requiredText } from './input';

/**
 * The Conversation input of the actions that act on one existing conversation (Add Message,
 * Update Conversation) and of Find Conversation: a dropdown of recent conversations whose value
 * is the slug, search-powered so a Zap can look the conversation up by customer instead.
 */
export const conversationField = {
  key: 'conversation',
  label: 'Conversation',
  required: true,
  dynamic: 'conversation_list.id.name',
  search: 'find_conversation.id',
  helpText:
    'Choose a recent conversation, or map a Conversation ID (the end of its inbox link) or the inbox link itself from an earlier step.',
} as const;

/**
 * The conversation slug from what the user chose or mapped. A pasted inbox link
 * (`https://acme.reamaze.io/admin/conversations/{slug}`) gives its slug, because the trigger
 * outputs offer that link next to the slug and either may be mapped.
 */
export function conversationSlug(value: unknown, label: string = conversationField.label): string {
  const given = requiredText(value, label).trim();
  const link = /^https?:\/\/[^/\s]+\/admin\/conversations\/([^/?#\s]+)\/?(?:[?#].*)?$/i.exec(given);
  let slug = given;
  if (link?.[1]) {
    try {
      slug = decodeURIComponent(link[1]);
    } catch {
      slug = link[1];
    }
  }
  if (/[\s/]/.test(slug)) {
    throw new errors.Error(
      `${label} "${given}" is not a conversation. Choose one from the list, or map the conversation slug (for example "where-is-my-order") from an earlier step.`,
      'InvalidConversation',
      400,
    );
  }
  return slug;
}
