import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { apiPath, promisedRecord, reamazeRequest } from '../lib/client';
import { conversationField, conversationSlug } from '../lib/conversation-field';
import {
  absoluteUrl,
  boolean,
  choicesOf,
  compact,
  email,
  emailList,
  invalid,
  requiredChoice,
  requiredText,
  text,
} from '../lib/input';
import { isRecord } from '../lib/fields';
import { MESSAGE_OUTPUT_FIELDS, flattenMessage } from '../lib/message';

/** The two kinds of message the API lets us add: `visibility` 0 (Regular) and 1 (Internal Note). */
export const MESSAGE_TYPES = { 0: 'Reply to Customer', 1: 'Internal Note' } as const;

const inputFields = defineInputFields([
  conversationField,
  {
    key: 'body',
    label: 'Message',
    type: 'text',
    required: true,
    helpText:
      'Markdown is allowed. HTML tags are not rendered: the customer would see them as typed.',
  },
  {
    key: 'visibility',
    label: 'Type',
    required: true,
    default: '0',
    choices: choicesOf(MESSAGE_TYPES),
    helpText: 'An internal note is seen by staff only; a reply goes to the customer.',
  },
  {
    key: 'sender_email',
    label: 'Sender Email',
    required: false,
    helpText:
      'Leave empty to post as the Re:amaze user connected to Zapier. Otherwise the message is attributed to the staff member or customer with this email.',
  },
  {
    key: 'sender_name',
    label: 'Sender Name',
    required: false,
    helpText: 'Only used together with Sender Email.',
  },
  {
    key: 'recipients',
    label: 'Additional Recipients',
    required: false,
    list: true,
    helpText: 'Email addresses that also receive this message.',
  },
  {
    key: 'attachment',
    label: 'Attachment URL',
    required: false,
    helpText: 'A public link to a file: Re:amaze downloads it and attaches it to the message.',
  },
  {
    key: 'suppress_notifications',
    label: 'Suppress Notifications',
    type: 'boolean',
    required: false,
    helpText:
      'Yes stops Re:amaze from sending email or integration notifications about this message.',
  },
  {
    key: 'keep_open',
    label: 'Keep Open',
    type: 'boolean',
    required: false,
    helpText:
      'Yes stops Re:amaze from marking the conversation as done when this message is a staff reply.',
  },
  {
    key: 'origin_id',
    label: 'Unique Message ID',
    required: false,
    helpText:
      'An ID from your own system, different for every message (for example the ID of the form entry that started the Zap). Re:amaze uses it to recognise the message, so a replayed Zap step with the same ID does not post it twice.',
  },
]);

/**
 * The documented answer of POST …/messages (official sample keys), for the sample: it has no
 * `origin`, `recipients` or `attachments`, which GET /messages adds.
 */
const POSTED_MESSAGE = {
  body: 'Thanks Maya! Your parcel left our warehouse this morning; tracking: **1Z999AA10123456784**.',
  visibility: 0,
  created_at: '2026-03-09T15:02:11.734-05:00',
  origin_id: 'typeform-entry-88213',
  user: { name: 'Jonas Weber', email: 'jonas.weber@acme.example' },
  conversation: {
    subject: 'Where is my order #4471?',
    slug: 'where-is-my-order-4471',
    created_at: '2026-03-09T14:22:05.118-05:00',
    category: { name: 'Support', slug: 'support', email: 'support@acme.reamaze.io', channel: 1 },
  },
};

/** GET /messages keys the POST answer does not have: no output field may promise them. */
const NOT_IN_POST_ANSWER = new Set([
  'origin',
  'user__mobile',
  'user__staff?',
  'recipients',
  'attachments',
]);

/** 0 or 1 from the dropdown, or the choice's label mapped from another step. */
export function visibilityCode(value: unknown): 0 | 1 {
  return Number(requiredChoice(value, 'Type', MESSAGE_TYPES)) as 0 | 1;
}

/** The message body of `POST /conversations/{slug}/messages`, with only the fields the user set. */
export function messageBody(input: Record<string, unknown>): Record<string, unknown> {
  const body = requiredText(input.body, 'Message'); // sent exactly as written, spaces included
  const visibility = visibilityCode(input.visibility);
  const senderEmail = email(input.sender_email, 'Sender Email');
  const senderName = text(input.sender_name, 'Sender Name');
  if (senderName !== undefined && senderEmail === undefined) {
    throw invalid(
      'Sender Email is required when Sender Name is set: Re:amaze identifies the sender by email.',
    );
  }
  return compact({
    body,
    visibility,
    // Omitted entirely when empty: an empty `user` object is refused with a 422.
    user: senderEmail === undefined ? undefined : compact({ name: senderName, email: senderEmail }),
    recipients: emailList(input.recipients, 'Additional Recipients'),
    attachment: absoluteUrl(input.attachment, 'Attachment URL'),
    // Plural on this endpoint's page (the conversation page spells it without the s).
    suppress_notifications: boolean(input.suppress_notifications, 'Suppress Notifications'),
    suppress_autoresolve: boolean(input.keep_open, 'Keep Open'),
    origin_id: text(input.origin_id, 'Unique Message ID'),
  });
}

export const perform = (async (z, bundle) => {
  const slug = conversationSlug(bundle.inputData.conversation);
  const message = messageBody(bundle.inputData);
  const body = await reamazeRequest(z, bundle, {
    method: 'POST',
    path: apiPath('conversations', slug, 'messages'),
    body: { message },
    notFoundMessage: `No conversation "${slug}" was found`,
  });
  // Documented as the bare message; a `{"message": {…}}` wrapper (Rails' other habit) is accepted too.
  const created = promisedRecord(z, body, {
    key: 'message',
    ids: ['body', 'created_at', 'id'],
    noun: 'message',
    what: 'the new message',
    afterWrite: true,
  });
  // The slug the message was posted to, when the answer leaves it out: links and ids need it.
  const conversation = isRecord(created.conversation) ? created.conversation : {};
  return flattenMessage({ ...created, conversation: { slug, ...conversation } }, bundle);
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'create_message',
  noun: 'Message',
  display: {
    label: 'Add Message to Conversation',
    description: 'Adds a reply or an internal note to an existing conversation.',
  },
  operation: {
    inputFields,
    perform,
    sample: flattenMessage(POSTED_MESSAGE, { authData: { brand: 'acme' } }),
    outputFields: MESSAGE_OUTPUT_FIELDS.filter((field) => !NOT_IN_POST_ANSWER.has(field.key)),
  },
});
