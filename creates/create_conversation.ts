import { defineCreate, defineInputFields, errors, type CreatePerform } from 'zapier-platform-core';
import { attachmentParams, attachmentsField } from '../lib/attachment-input';
import { reamazeRequest } from '../lib/client';
import {
  conversationInBody,
  conversationOutputFields,
  conversationSample,
  flattenConversation,
  type ConversationItem,
} from '../lib/conversation';
import {
  boolean,
  compact,
  dict,
  emailList,
  list,
  requiredEmail,
  requiredText,
  text,
} from '../lib/input';
import { CONVERSATION_STATUSES } from '../lib/labels';

/**
 * The statuses offered when creating: the ones a person sets by hand. On Hold (5) is left out
 * because it needs a hold-until date that POST /conversations does not take (only PUT does);
 * 6–9 are set by Re:amaze's own automation and AI agent.
 */
const SETTABLE_STATUSES = [0, 1, 2, 3, 4] as const;

const statusChoices = SETTABLE_STATUSES.map((code) => ({
  value: String(code),
  label: CONVERSATION_STATUSES[code] as string,
  sample: String(code),
}));

const inputFields = defineInputFields([
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
    choices: statusChoices,
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
  {
    key: 'suppress_notifications',
    label: 'Suppress Notifications',
    required: false,
    type: 'boolean',
    helpText:
      'Yes stops Re:amaze from sending email or integration notifications about this message.',
  },
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
  const slug = requiredText(value, 'Channel').trim();
  if (/[\s/@]/.test(slug)) {
    throw new errors.Error(
      `Channel "${slug}" is not a channel slug. Choose a channel from the list, or map its slug: the part before @ in the channel's address (for example "support").`,
      'InvalidChannel',
      400,
    );
  }
  return slug;
}

/** The status code from the dropdown, or a mapped code or label (e.g. "2" or "Done"). */
function statusCode(value: unknown): number | undefined {
  const given = text(value)?.trim();
  if (given === undefined) return undefined;
  const choice = statusChoices.find(
    (option) => option.value === given || option.label.toLowerCase() === given.toLowerCase(),
  );
  if (!choice) {
    throw new errors.Error(
      `Status "${given}" is not one of ${statusChoices.map((option) => option.label).join(', ')}. Choose one from the list or leave it empty.`,
      'InvalidStatus',
      400,
    );
  }
  return Number(choice.value);
}

/**
 * `POST /conversations` with the nested body of D-postconv. Every value is checked before the
 * request, so a bad one gets an error naming its field and nothing is created.
 */
const perform = (async (z, bundle) => {
  const input = bundle.inputData;
  // Required first, in the order the fields are shown.
  const category = channelSlug(input.channel);
  const subject = requiredText(input.subject, 'Subject');
  const body = requiredText(input.message, 'Message');
  const customerEmail = requiredEmail(input.customer_email, 'Customer Email');

  const conversation = compact({
    subject,
    category,
    tag_list: list(input.tags),
    status: statusCode(input.status),
    // Custom data stays text ("42", "true", "007" sent as typed): Zapier hands dict values over as
    // text, and guessing types would alter zip codes, phone numbers and long IDs.
    data: dict(input.conversation_data, 'Conversation Data'),
    message: compact({
      body,
      recipients: emailList(input.recipients, 'Additional Recipients'),
      // Singular, as the POST /conversations page spells it (D-postconv, PHP1, ST); the plural
      // `suppress_notifications` is the spelling of the add-message page only.
      suppress_notification: boolean(input.suppress_notifications),
      ...attachmentParams(input.attachments),
    }),
    // Always holds the email, so the `user` object is never empty (an empty one gets a 422).
    user: compact({
      name: text(input.customer_name),
      email: customerEmail,
      data: dict(input.customer_data, 'Customer Data'),
    }),
  });

  const answer = await reamazeRequest(z, bundle, {
    method: 'POST',
    path: '/conversations',
    body: { conversation },
  });
  const created = conversationInBody(answer);
  if (!created) {
    // The request succeeded, so the conversation probably exists: say so rather than invite a replay.
    throw new errors.Error(
      'Re:amaze accepted the conversation but answered in a form this integration does not recognise. Check your Re:amaze inbox before replaying this step, so the conversation is not created twice.',
      'UnexpectedResponse',
      502,
    );
  }
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
