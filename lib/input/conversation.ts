import { invalid, quoted, requiredTrimmed } from './read';
import { isSlug } from './slug';

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

/** What a conversation answer must hold (lib/http/client.ts `promisedRecord`): the record and its slug. */
export const CONVERSATION_RECORD = { key: 'conversation', ids: ['slug'], noun: 'conversation' };

/**
 * The conversation slug from what the user chose or mapped. A pasted inbox link
 * (`https://acme.reamaze.io/admin/conversations/{slug}`) gives its slug, because the trigger
 * outputs offer that link next to the slug and either may be mapped.
 */
export function conversationSlug(value: unknown, label: string = conversationField.label): string {
  const given = requiredTrimmed(value, label);
  const link = /^https?:\/\/[^/\s]+\/admin\/conversations\/([^/?#\s]+)\/?(?:[?#].*)?$/i.exec(given);
  let slug = given;
  if (link?.[1]) {
    try {
      slug = decodeURIComponent(link[1]);
    } catch {
      slug = link[1];
    }
  }
  if (!isSlug(slug)) {
    throw invalid(
      `${label} ${quoted(given)} is not a conversation. Choose one from the list, or map the conversation slug (for example "where-is-my-order") from an earlier step.`,
    );
  }
  return slug;
}

/** What a 404 on a conversation's path means. */
export function conversationNotFound(slug: string): string {
  return `No conversation "${slug}" was found`;
}
