import {
  asRecord,
  created,
  dataParams,
  instantParam,
  invalid,
  isBlank,
  isEmail,
  listParam,
  notFound,
  ok,
  paged,
  param,
  wrapped,
  type Reply,
  type Route,
  type RouteContext,
} from '../http';
import { conversationListShape, conversationShape } from '../shapes';
import type { Conversation, ConversationChanges, Store } from '../store';
import { attachmentsOf, recipientsOf } from './messages';
import { conversationDatabaseId } from './satisfaction_ratings';

/**
 * GET /conversations (filters, sort, page), GET/PUT /conversations/{slug}, POST /conversations
 * (which creates the conversation's first message too).
 */

const ARCHIVED = 4;
const ON_HOLD = 5;
/** Status codes 0 Unresolved … 9 Spam (AI). */
const STATUSES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** The `origin` filter words (as a published Re:amaze connector schema names them) and the message origin codes they mean. */
const ORIGIN_WORDS: Record<string, number> = {
  chat: 0,
  email: 1,
  twitter: 2,
  facebook: 3,
  api: 7,
  instagram: 8,
  sms: 9,
  voice: 10,
  custom: 11,
  staff: 16,
  form: 17,
  instagram_dm: 19,
};

/** `filter`: without one Re:amaze lists every conversation except archived ones. */
function inStatusGroup(conversation: Conversation, filter: string | undefined): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'archived':
      return conversation.status === ARCHIVED;
    case 'open':
      return conversation.status === 0;
    case 'unassigned':
      return conversation.assigneeEmail === null && conversation.status !== ARCHIVED;
    default:
      return conversation.status !== ARCHIVED;
  }
}

/** Latest customer message instant: what `sort=updated` and the date filters look at. */
function lastCustomerActivity(store: Store, conversation: Conversation): number {
  const times = store
    .messagesOf(conversation.slug)
    .filter((message) => message.sender.kind === 'customer' && message.visibility === 0)
    .map((message) => message.createdAt);
  return times.length > 0 ? Math.max(...times) : conversation.createdAt;
}

function list({ store, query }: RouteContext): Reply {
  const filter = param(query, 'filter');
  const forEmail = param(query, 'for')?.toLowerCase();
  const forId = param(query, 'for_id');
  const category = param(query, 'category');
  const tags = listParam(query, 'tag');
  const data = dataParams(query);
  const origin = ORIGIN_WORDS[param(query, 'origin')?.toLowerCase() ?? ''];
  const from = instantParam(query, 'start_date', 'start');
  const until = instantParam(query, 'end_date', 'end');
  const sort = param(query, 'sort');

  const matches = (conversation: Conversation): boolean => {
    const author = store.contactById(conversation.authorId);
    if (!inStatusGroup(conversation, filter)) return false;
    if (forEmail !== undefined) {
      const people = [author?.email, conversation.assigneeEmail, ...conversation.followerEmails];
      if (!people.some((email) => email?.toLowerCase() === forEmail)) return false;
    }
    if (forId !== undefined && author?.externalId !== forId) return false;
    if (category !== undefined && conversation.channelSlug !== category) return false;
    if (tags.length > 0 && !tags.some((tag) => conversation.tags.includes(tag))) return false;
    if (!data.every(([key, value]) => String(conversation.data[key] ?? '') === value)) return false;
    if (origin !== undefined && conversation.origin !== origin) return false;
    if (from !== undefined || until !== undefined) {
      const at = lastCustomerActivity(store, conversation);
      if ((from !== undefined && at < from) || (until !== undefined && at > until)) return false;
    }
    return true;
  };

  // Default order: creation, newest first; `updated` by latest customer message; `changed` by any change.
  const key = (conversation: Conversation): number =>
    sort === 'updated'
      ? lastCustomerActivity(store, conversation)
      : sort === 'changed'
        ? conversation.updatedAt
        : conversation.createdAt;
  const conversations = [...store.conversations.values()]
    .filter(matches)
    .sort((a, b) => key(b) - key(a) || b.seq - a.seq);
  return paged(query, 'conversations', conversations, (c) => conversationListShape(store, c));
}

function statusOf(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && STATUSES.includes(number) ? number : undefined;
}

/** `tag_list` as an array of strings or a comma-separated string. */
function tagsOf(value: unknown): string[] | undefined {
  if (typeof value === 'string') return listParam(new URLSearchParams({ t: value }), 't');
  if (Array.isArray(value) && value.every((tag) => typeof tag === 'string')) {
    return value.map((tag: string) => tag.trim()).filter((tag) => tag !== '');
  }
  return undefined;
}

function create({ store, body }: RouteContext): Reply {
  const input = wrapped(body, 'conversation');
  if (!input) return invalid({ conversation: ["can't be blank"] });
  const errors: Record<string, unknown> = {};

  // `category` is a channel slug as a plain string; an object such as {"slug": …} fails, as an open-source client found.
  if (isBlank(input.category)) errors.category = ["can't be blank"];
  else if (typeof input.category !== 'string' || !store.channel(input.category.trim())) {
    errors.category = ['is not a channel of this brand'];
  }
  if (input.subject !== undefined && input.subject !== null && typeof input.subject !== 'string') {
    errors.subject = ['is invalid'];
  }
  const message = asRecord(input.message);
  if (!message || typeof message.body !== 'string' || message.body.trim() === '') {
    errors.message = { body: ["can't be blank"] };
  }
  // The customer goes under `user`; `contact` is not read (https://www.reamaze.com/api/post_conversations).
  const user = asRecord(input.user);
  if (!user || isBlank(user.email)) errors.user = { email: ["can't be blank"] };
  else if (!isEmail(user.email)) errors.user = { email: ['is invalid'] };
  const status = input.status === undefined ? 0 : statusOf(input.status);
  if (status === undefined) errors.status = ['is not included in the list'];
  const tags = input.tag_list === undefined ? [] : tagsOf(input.tag_list);
  if (tags === undefined) errors.tag_list = ['is invalid'];
  const data = input.data === undefined ? {} : asRecord(input.data);
  if (data === undefined) errors.data = ['is invalid'];
  const userData = user?.data === undefined ? undefined : asRecord(user.data);
  const files = message ? attachmentsOf(message) : { attachments: [] };
  if ('errors' in files) Object.assign(errors, files.errors);
  const people = recipientsOf(message?.recipients, store);
  if ('errors' in people) Object.assign(errors, people.errors);
  if (Object.keys(errors).length > 0) return invalid(errors);

  const author = store.contactFor({
    email: (user?.email as string).trim(),
    name: typeof user?.name === 'string' ? user.name.trim() : undefined,
    data: userData,
  });
  const result = store.addConversation({
    subject: typeof input.subject === 'string' ? input.subject : '',
    channel: (input.category as string).trim(),
    author: author.internalId,
    status,
    tags,
    data,
    message: {
      body: message?.body as string,
      origin: 7,
      originId: isBlank(message?.origin_id) ? null : String(message?.origin_id),
      attachments: 'attachments' in files ? files.attachments : [],
      recipients: 'recipients' in people ? people.recipients : [],
    },
  });
  return created(conversationShape(store, result.conversation));
}

function update({ store, params, body }: RouteContext): Reply {
  const conversation = store.conversation(params.slug ?? '');
  if (!conversation) return notFound();
  const input = wrapped(body, 'conversation');
  if (!input) return invalid({ conversation: ["can't be blank"] });
  const errors: Record<string, unknown> = {};
  const changes: ConversationChanges = {};

  if (input.assignee !== undefined) {
    // The official example sends {"email": …}; several clients send the bare email: both work.
    const email = asRecord(input.assignee)?.email ?? input.assignee;
    if (email === null || email === '') changes.assigneeEmail = null;
    else if (typeof email === 'string' && store.staffByEmail(email)) {
      changes.assigneeEmail = store.staffByEmail(email)?.email ?? null;
    } else errors.assignee = ['is not a staff user of this brand'];
  }
  if (input.tag_list !== undefined) {
    const tags = tagsOf(input.tag_list);
    if (tags === undefined) errors.tag_list = ['is invalid'];
    else changes.tags = tags;
  }
  if (input.status !== undefined) {
    const status = statusOf(input.status);
    if (status === undefined) errors.status = ['is not included in the list'];
    else changes.status = status;
  }
  if (input.hold_until !== undefined && input.hold_until !== null) {
    const at = typeof input.hold_until === 'string' ? Date.parse(input.hold_until) : NaN;
    if (Number.isNaN(at)) errors.hold_until = ['is invalid'];
    else changes.holdUntil = at;
  }
  if (changes.status === ON_HOLD && changes.holdUntil === undefined) {
    errors.hold_until = ["can't be blank when the status is On Hold"];
  }
  if (input.data !== undefined) {
    const data = asRecord(input.data);
    if (!data) errors.data = ['is invalid'];
    else changes.data = { ...conversation.data, ...data };
  }
  if (input.category !== undefined) {
    const channel = typeof input.category === 'string' ? store.channel(input.category) : undefined;
    // Conversations can only move to an email channel.
    if (!channel || channel.channelType !== 1) errors.category = ['must be an email channel'];
    else changes.channelSlug = channel.slug;
  }
  if (input.brand !== undefined && input.category === undefined) {
    errors.brand = ['can only be changed together with category'];
  }
  if (Object.keys(errors).length > 0) return invalid(errors);

  return ok(conversationShape(store, store.updateConversation(conversation.slug, changes)));
}

const routes: Route[] = [
  { method: 'GET', path: '/conversations', handle: list },
  { method: 'POST', path: '/conversations', handle: create },
  {
    method: 'GET',
    path: '/conversations/:slug',
    handle: ({ store, params }) => {
      // As documented: a slug that matches nothing is tried as the database id.
      const conversation =
        store.conversation(params.slug ?? '') ??
        [...store.conversations.values()].find(
          (c) => conversationDatabaseId(store, c.slug) === params.slug,
        );
      return conversation ? ok(conversationShape(store, conversation)) : notFound();
    },
  },
  { method: 'PUT', path: '/conversations/:slug', handle: update },
  // Rails routes an update to PATCH as well as PUT; Re:amaze documents only PUT (unverified).
  { method: 'PATCH', path: '/conversations/:slug', handle: update },
];

export default routes;
