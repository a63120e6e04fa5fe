import type {
  Attachment,
  Channel,
  Contact,
  Conversation,
  Message,
  StaffUser,
  Store,
} from './store';

/**
 * The JSON Re:amaze sends for each resource: the keys of the official samples plus the ones seen in
 * open-source clients built from real data, so the integration meets every shape it will meet.
 */

/** The sandbox brand's zone. Samples show offsets like -07:00: consumers must normalise to UTC. */
export const BRAND_UTC_OFFSET_MINUTES = -7 * 60;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** `2014-02-25T21:58:53.286-07:00`: ISO 8601 with milliseconds and the brand's offset. */
export function formatInstant(ms: number, offsetMinutes = BRAND_UTC_OFFSET_MINUTES): string {
  const local = new Date(ms + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `.${pad(local.getUTCMilliseconds(), 3)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

export function channelRef(channel: Channel | undefined): Record<string, unknown> {
  return {
    name: channel?.name ?? '',
    slug: channel?.slug ?? '',
    email: channel?.email ?? null,
    channel: channel?.channelType ?? 1,
  };
}

export function channelShape(store: Store, channel: Channel): Record<string, unknown> {
  return {
    ...channelRef(channel),
    created_at: formatInstant(channel.createdAt),
    updated_at: formatInstant(channel.updatedAt),
    visibility: channel.visibility,
    spam_filter_enabled: channel.channelType === 1,
    reply_from_origin: true,
    verified: channel.email !== null,
    settings_reply_from_name: 'channel',
    settings_signature: '',
    brand: { name: brandDisplayName(store), url: `${store.brand}.reamaze.com` },
  };
}

function brandDisplayName(store: Store): string {
  return store.brand.charAt(0).toUpperCase() + store.brand.slice(1);
}

export function staffShape(user: StaffUser): Record<string, unknown> {
  return {
    name: user.name,
    email: user.email,
    display_name: user.name.split(' ')[0] ?? user.name,
    created_at: formatInstant(user.createdAt),
    role: {
      name: user.roleName,
      'admin?': user.admin,
      permissions: {
        'reply_to_customers?': true,
        'access_reports?': user.admin,
        'view_all_contacts?': true,
        'restrict_channels?': false,
      },
    },
  };
}

/** A person as conversations embed them (author, followers). */
export function personShape(contact: Contact): Record<string, unknown> {
  return {
    id: contact.internalId,
    name: contact.name,
    email: contact.email,
    mobile: contact.mobile,
    twitter: contact.twitter,
    facebook: contact.facebook,
    instagram: contact.instagram,
    friendly_name: contact.friendlyName,
    display_name: contact.friendlyName ?? contact.name,
    data: contact.data,
  };
}

export function contactShape(contact: Contact): Record<string, unknown> {
  return {
    ...personShape(contact),
    id: contact.externalId,
    _id: contact.internalId,
    notes: contact.notes.map((note) => ({
      id: note.id,
      note: note.body,
      created_at: formatInstant(note.createdAt),
      updated_at: formatInstant(note.updatedAt),
    })),
    created_at: formatInstant(contact.createdAt),
    updated_at: formatInstant(contact.updatedAt),
  };
}

function attachmentShape(attachment: Attachment): Record<string, unknown> {
  return {
    file_file_name: attachment.fileName,
    file_content_type: attachment.contentType,
    file_file_size: attachment.size,
    thumb_url: attachment.thumbUrl,
    url: attachment.url,
    'image?': attachment.image,
  };
}

function conversationRef(store: Store, conversation: Conversation): Record<string, unknown> {
  return {
    subject: conversation.subject,
    slug: conversation.slug,
    created_at: formatInstant(conversation.createdAt),
    category: channelRef(store.channel(conversation.channelSlug)),
  };
}

/** A message as `GET /messages` lists it (and as `POST …/messages` returns it). */
export function messageShape(
  store: Store,
  message: Message,
  options: { includeOriginalBody?: boolean } = {},
): Record<string, unknown> {
  const sender = store.senderOf(message.sender);
  const conversation = store.conversation(message.conversationSlug);
  const user: Record<string, unknown> = { name: sender.name, email: sender.email };
  if (sender.mobile !== null) user.mobile = sender.mobile;
  user['staff?'] = sender.staff;
  return {
    body: message.body,
    ...(options.includeOriginalBody ? { original_body: message.originalBody } : {}),
    visibility: message.visibility,
    origin: message.origin,
    origin_id: message.originId,
    created_at: formatInstant(message.createdAt),
    user,
    recipients: message.recipients.map(({ name, email }) => ({ name, email })),
    attachments: message.attachments.map(attachmentShape),
    conversation: conversation ? conversationRef(store, conversation) : null,
  };
}

function latest(messages: Message[], staff: boolean): Record<string, unknown> | null {
  const found = messages
    .filter((m) => m.visibility === 0 && (m.sender.kind === 'staff') === staff)
    .sort((a, b) => b.createdAt - a.createdAt || b.seq - a.seq)[0];
  return found ? { body: found.body, created_at: formatInstant(found.createdAt) } : null;
}

/** A conversation as `GET /conversations` lists it and the single-conversation endpoints return it. */
export function conversationShape(
  store: Store,
  conversation: Conversation,
): Record<string, unknown> {
  const messages = store.messagesOf(conversation.slug);
  const first = [...messages].sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq)[0];
  const author = store.contactById(conversation.authorId);
  const assignee = conversation.assigneeEmail
    ? store.staffByEmail(conversation.assigneeEmail)
    : undefined;
  return {
    subject: conversation.subject,
    display_subject: conversation.subject || (first?.body.slice(0, 60) ?? ''),
    slug: conversation.slug,
    status: conversation.status,
    origin: conversation.origin,
    created_at: formatInstant(conversation.createdAt),
    updated_at: formatInstant(conversation.updatedAt),
    hold_until: conversation.holdUntil === null ? null : formatInstant(conversation.holdUntil),
    tag_list: [...conversation.tags],
    data: { ...conversation.data },
    perma_url: `https://${store.brand}.reamaze.com/admin/conversations/${conversation.slug}`,
    message: { body: first?.body ?? '', origin_id: first?.originId ?? null },
    message_count: messages.length,
    last_customer_message: latest(messages, false),
    last_staff_message: latest(messages, true),
    author: author ? personShape(author) : null,
    assignee: assignee ? { name: assignee.name, email: assignee.email } : null,
    category: channelRef(store.channel(conversation.channelSlug)),
    // The customer follows their own conversation, as real answers show, before any staff.
    followers: [
      ...(author ? [{ ...personShape(author), 'staff?': false, 'customer?': true }] : []),
      ...conversation.followerEmails.map((email) => {
        const user = store.staffByEmail(email);
        return { name: user?.name ?? email, email, 'staff?': true, 'customer?': false };
      }),
    ],
  };
}

/**
 * A conversation as GET /conversations lists it. The documented list sample has no
 * `last_staff_message` and no `data` (only GET /conversations/{slug} adds them), while models from
 * real data list both: the seed lists some conversations bare (`listedBare`), the rest whole.
 */
export function conversationListShape(
  store: Store,
  conversation: Conversation,
): Record<string, unknown> {
  const listed = conversationShape(store, conversation);
  if (!conversation.listedBare) return listed;
  delete listed.last_staff_message;
  delete listed.data;
  return listed;
}
