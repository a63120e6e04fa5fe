import {
  defineCreate,
  defineInputFields,
  type Bundle,
  type CreatePerform,
} from 'zapier-platform-core';
import { attachmentParams, attachmentsField } from '../lib/input/attachments';
import { suppressNotificationsField } from '../lib/input/notifications';
import { apiPath, writtenRecord } from '../lib/http/client';
import {
  conversationField,
  conversationNotFound,
  conversationSlug,
} from '../lib/input/conversation';
import {
  boolean,
  choicesOf,
  compact,
  email,
  emailList,
  invalid,
  quoted,
  requiredChoice,
  requiredText,
  showsNothing,
  text,
} from '../lib/input/read';
import { isRecord } from '../lib/http/api-values';
import { MESSAGE_VISIBILITIES } from '../lib/records/labels';
import { MESSAGE_OUTPUT_FIELDS, flattenMessage, type MessageItem } from '../lib/records/message';
import { readResponseTemplate, responseTemplateId } from '../lib/records/response-template';
import { lazySample } from '../lib/records/lazy-sample';

/** The two kinds of message the API lets us add: `visibility` 0 (Regular) and 1 (Internal Note). */
export const MESSAGE_TYPES = {
  0: 'Reply (the Customer Sees It)',
  1: 'Internal Note (Only Your Team Sees It)',
} as const;

/** The choice's label, the words New Message outputs, or a short word, mapped from another step. */
const MESSAGE_TYPE_WORDS: Readonly<Record<string, '0' | '1'>> = {
  reply: '0',
  note: '1',
  [MESSAGE_VISIBILITIES[0]!.toLowerCase()]: '0',
  [MESSAGE_VISIBILITIES[1]!.toLowerCase()]: '1',
};

export const MESSAGE_TYPE_LABEL = 'Reply or Internal Note';

export const inputFields = defineInputFields([
  // First, and with no default: a reply emails the customer and cannot be taken back, a note
  // meant as a reply leaves the customer waiting; neither is a safe guess, so the user chooses.
  {
    key: 'visibility',
    label: MESSAGE_TYPE_LABEL,
    required: true,
    choices: choicesOf(MESSAGE_TYPES),
    helpText:
      'A Reply is sent to the customer (by email, chat or SMS, as the conversation goes). An Internal Note is seen by your team only.',
  },
  conversationField,
  {
    key: 'body',
    label: 'Message',
    type: 'text',
    required: false,
    helpText:
      'Required unless you choose a Response Template. Markdown is allowed. HTML tags are not rendered: the customer would see them as typed.',
  },
  {
    key: 'response_template',
    label: 'Response Template',
    required: false,
    dynamic: 'response_template_list.id.name',
    helpText:
      "Sends this saved reply's text. If you also write a Message, your Message comes first, then a blank line, then the template's text (for example a personal greeting above a standard answer). Placeholders such as `{{customer.name}}` are sent exactly as written: Re:amaze does not fill them in for messages added through Zapier, so use templates without them, or write the text in Message with fields mapped from earlier steps.",
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
  attachmentsField,
  suppressNotificationsField,
  {
    key: 'keep_open',
    label: 'Keep Open',
    type: 'boolean',
    required: false,
    helpText:
      'On: a staff reply leaves the conversation as it is. Off or empty: Re:amaze marks it Responded or Done as its settings say.',
  },
  {
    key: 'origin_id',
    label: "Your System's Message ID",
    required: false,
    helpText:
      'An ID from your own system, different for every message (for example the ID of the form entry that started the Zap). Re:amaze uses it to recognise the message, so a replayed Zap step with the same ID does not post it twice.',
  },
]);

/**
 * The documented answer of POST …/messages (official sample keys), for the sample: it has no
 * `origin`, `recipients` or `attachments`, which GET /messages adds, so those fields are empty.
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

/** The message fields this action outputs: all but the body as written, which the Zap sent. */
export type PostedMessageItem = Omit<MessageItem, 'body'>;

const POSTED_OUTPUT_FIELDS = MESSAGE_OUTPUT_FIELDS.filter((field) => field.key !== 'body');

/**
 * The new message as this action outputs it. Posted without a Sender Email, its author is the
 * connected user, and only staff can connect: the answer itself does not say.
 */
function postedItem(
  created: Record<string, unknown>,
  slug: string,
  postedAsConnectedUser: boolean,
  bundle: Pick<Bundle, 'authData'>,
): PostedMessageItem {
  // The slug the message was posted to, when the answer leaves it out: links and ids need it.
  const conversation = isRecord(created.conversation) ? created.conversation : {};
  const item: PostedMessageItem & { body?: unknown } = flattenMessage(
    { ...created, conversation: { slug, ...conversation } },
    bundle,
  );
  delete item.body;
  if (item.author_is_staff === null && postedAsConnectedUser) item.author_is_staff = true;
  return item;
}

/** 0 or 1 from the dropdown, or a choice's label (or New Message's words for it) mapped from another step. */
export function visibilityCode(value: unknown): 0 | 1 {
  const word =
    typeof value === 'string' ? MESSAGE_TYPE_WORDS[value.trim().toLowerCase()] : undefined;
  return Number(word ?? requiredChoice(value, MESSAGE_TYPE_LABEL, MESSAGE_TYPES)) as 0 | 1;
}

/**
 * What the user asked to send: their Message, the template's text, or the Message above the
 * template. A template that shows nothing (empty, or only spaces and zero-width characters) adds
 * nothing: beside a typed Message it is left out, alone it halts, as an invisible message would
 * reach the customer as a blank reply.
 */
export function composeBody(
  typed: string | undefined,
  template: { id: string; name: string; body: string } | undefined,
): string {
  if (template === undefined) return requiredText(typed, 'Message');
  if (showsNothing(template.body)) {
    if (typed !== undefined) return typed;
    throw invalid(
      `Response template ${quoted(template.name || template.id)} has no visible text to send. Add text to it in Re:amaze, or write the Message yourself.`,
    );
  }
  return typed === undefined ? template.body : `${typed}\n\n${template.body}`;
}

/**
 * Everything of `POST /conversations/{slug}/messages` but the text, with only the fields the user
 * set; checked before any request, the template included.
 */
export function messageOptions(input: Record<string, unknown>): Record<string, unknown> {
  const visibility = visibilityCode(input.visibility);
  const senderEmail = email(input.sender_email, 'Sender Email');
  const senderName = text(input.sender_name, 'Sender Name');
  if (senderName !== undefined && senderEmail === undefined) {
    throw invalid(
      'Sender Email is required when Sender Name is set: Re:amaze identifies the sender by email.',
    );
  }
  return compact({
    visibility,
    // Omitted entirely when empty: an empty `user` object is refused with a 422.
    user: senderEmail === undefined ? undefined : compact({ name: senderName, email: senderEmail }),
    recipients: emailList(input.recipients, 'Additional Recipients'),
    ...attachmentParams(input.attachments),
    // Plural on this endpoint's page (the conversation page spells it without the s).
    suppress_notifications: boolean(input.suppress_notifications, 'Suppress Notifications'),
    suppress_autoresolve: boolean(input.keep_open, 'Keep Open'),
    origin_id: text(input.origin_id, "Your System's Message ID"),
  });
}

export const perform = (async (z, bundle) => {
  const input = bundle.inputData;
  const slug = conversationSlug(input.conversation);
  const typed = text(input.body, 'Message'); // sent exactly as written, spaces included
  const templateId = responseTemplateId(input.response_template);
  if (templateId === undefined && typed === undefined) {
    throw invalid(
      'Message is required unless you choose a Response Template: write the message, map one from an earlier step, or choose a template.',
    );
  }
  const options = messageOptions(input);
  // Read before the POST, so a template that cannot be read posts nothing.
  const template =
    templateId === undefined ? undefined : await readResponseTemplate(z, bundle, templateId);
  // Documented as the bare message; a `{"message": {…}}` wrapper (Rails' other habit) is accepted too.
  const created = await writtenRecord(
    z,
    bundle,
    {
      method: 'POST',
      path: apiPath('conversations', slug, 'messages'),
      body: { message: { body: composeBody(typed, template), ...options } },
      notFoundMessage: conversationNotFound(slug),
    },
    { key: 'message', ids: ['body', 'created_at', 'id'], noun: 'message', what: 'the new message' },
  );
  return postedItem(created, slug, options.user === undefined, bundle);
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
    sample: lazySample(() =>
      postedItem(POSTED_MESSAGE, POSTED_MESSAGE.conversation.slug, true, {
        authData: { brand: 'acme' },
      }),
    ),
    outputFields: POSTED_OUTPUT_FIELDS,
  },
});
