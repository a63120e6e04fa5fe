import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { attachmentParams, attachmentsField } from '../lib/input/attachments';
import { suppressNotificationsField } from '../lib/input/notifications';
import { writtenRecord } from '../lib/http/client';
import { CONVERSATION_RECORD } from '../lib/input/conversation';
import { settableStatuses } from '../lib/records/labels';
import {
  conversationOutputFields,
  conversationSample,
  flattenConversation,
  type ConversationItem,
} from '../lib/records/conversation';
import {
  boolean,
  choice,
  choicesOf,
  compact,
  dict,
  emailList,
  invalid,
  list,
  quoted,
  requiredEmail,
  requiredText,
  requiredTrimmed,
  text,
} from '../lib/input/read';

/**
 * The statuses offered when creating: the ones a person sets by hand. On Hold (5) is left out
 * because it needs a hold-until date that POST /conversations does not take (only PUT does);
 * 6–9 are set by Re:amaze's own automation and AI agent.
 */
const SETTABLE_STATUSES = settableStatuses([0, 1, 2, 3, 4]);

export const inputFields = defineInputFields([
  {
    key: 'channel',
    label: 'Channel',
    required: true,
    dynamic: 'channel_list.id.name',
    helpText:
      'The channel the conversation is filed under. To map a value, use its Channel ID: the part before @ in its email address (for example `support`).',
  },
  { key: 'subject', label: 'Subject', required: true },
  {
    key: 'message',
    label: 'Message',
    required: true,
    type: 'text',
    helpText: "The customer's first message. Plain text or Markdown, sent exactly as given.",
  },
  {
    key: 'customer_email',
    label: 'Customer Email',
    required: true,
    helpText: 'The conversation is created on behalf of this customer, as if they had written in.',
  },
  {
    key: 'customer_name',
    label: 'Customer Name',
    required: false,
    helpText: "The customer's name, shown next to their email in the inbox.",
  },
  {
    key: 'tags',
    label: 'Tags',
    required: false,
    list: true,
    helpText: 'One tag per entry; a tag may contain spaces.',
  },
  {
    key: 'status',
    label: 'Status',
    required: false,
    choices: choicesOf(SETTABLE_STATUSES),
    helpText:
      "Leave empty for Re:amaze's default. On Hold is not offered because it needs a hold-until date.",
  },
  {
    key: 'recipients',
    label: 'Additional Recipients',
    required: false,
    list: true,
    helpText:
      'Other email addresses taking part in the conversation; Re:amaze keeps them as recipients of later replies.',
  },
  attachmentsField,
  suppressNotificationsField,
  {
    key: 'customer_data',
    label: 'Customer Data',
    required: false,
    dict: true,
    helpText:
      "Custom attributes stored on the customer's contact. One level deep; each value is sent as text, exactly as entered.",
  },
  {
    key: 'conversation_data',
    label: 'Conversation Data',
    required: false,
    dict: true,
    helpText:
      'Custom fields stored on the conversation. One level deep; each value is sent as text, exactly as entered.',
  },
]);

/** The channel slug: trimmed (it is an identifier), and refused when it cannot be one. */
function channelSlug(value: unknown): string {
  const slug = requiredTrimmed(value, 'Channel');
  if (/[\s/@\p{Cc}\p{Cf}]/u.test(slug)) {
    throw invalid(
      `Channel ${quoted(slug)} is not a channel slug. Choose a channel from the list, or map its slug: the part before @ in the channel's address (for example "support").`,
    );
  }
  return slug;
}

/**
 * `POST /conversations` with the nested body documented at https://www.reamaze.com/api/post_conversations.
 * Every value is checked before the request, so a bad one gets an error naming its field and
 * nothing is created.
 */
export const perform = (async (z, bundle) => {
  const input = bundle.inputData;
  // Required first, in the order the fields are shown.
  const category = channelSlug(input.channel);
  const subject = requiredText(input.subject, 'Subject');
  const body = requiredText(input.message, 'Message');
  const customerEmail = requiredEmail(input.customer_email, 'Customer Email');

  const status = choice(input.status, 'Status', SETTABLE_STATUSES);
  const conversation = compact({
    subject,
    category,
    tag_list: list(input.tags, 'Tags'),
    status: status === undefined ? undefined : Number(status),
    // Custom data stays text ("42", "true", "007" sent as typed): Zapier hands dict values over as
    // text, and guessing types would alter zip codes, phone numbers and long IDs.
    data: dict(input.conversation_data, 'Conversation Data'),
    message: compact({
      body,
      recipients: emailList(input.recipients, 'Additional Recipients'),
      // Singular, as the POST /conversations page spells it; the plural `suppress_notifications`
      // is the spelling of the add-message page only.
      suppress_notification: boolean(input.suppress_notifications, 'Suppress Notifications'),
      ...attachmentParams(input.attachments),
    }),
    // Always holds the email, so the `user` object is never empty (an empty one gets a 422).
    user: compact({
      name: text(input.customer_name, 'Customer Name'),
      email: customerEmail,
      data: dict(input.customer_data, 'Customer Data'),
    }),
  });

  const created = await writtenRecord(
    z,
    bundle,
    { method: 'POST', path: '/conversations', body: { conversation } },
    { ...CONVERSATION_RECORD, what: 'the new conversation' },
  );
  return flattenConversation(created, bundle.authData.brand);
}) satisfies CreatePerform<typeof inputFields, ConversationItem>;

export default defineCreate({
  key: 'create_conversation',
  noun: 'Conversation',
  display: {
    label: 'Create Conversation',
    description:
      'Creates a new conversation on behalf of a customer, with their first message, in a channel.',
  },
  operation: {
    inputFields,
    perform,
    sample: conversationSample,
    outputFields: conversationOutputFields,
  },
});
