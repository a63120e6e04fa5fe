import {
  asRecord,
  created,
  instantParam,
  invalid,
  isBlank,
  isEmail,
  listParam,
  notFound,
  paged,
  param,
  wrapped,
  type Reply,
  type Route,
  type RouteContext,
} from '../http';
import { messageShape } from '../shapes';
import type { Attachment, Message, Sender, Store } from '../store';

/**
 * GET /messages (the whole brand), GET /conversations/{slug}/messages (one conversation), newest
 * first with the documented filters, and POST /conversations/{slug}/messages.
 */

/** The documented filters of both message lists; unknown values are ignored, as Re:amaze does. */
function matchesQuery(store: Store, query: URLSearchParams): (message: Message) => boolean {
  const side = param(query, 'filter');
  const sentBy = param(query, 'sent_by')?.toLowerCase();
  const category = param(query, 'category');
  const tags = listParam(query, 'tag');
  const origin = param(query, 'origin');
  const from = instantParam(query, 'start_date', 'start');
  const until = instantParam(query, 'end_date', 'end');
  return (message) => {
    const conversation = store.conversation(message.conversationSlug);
    if (side === 'staff' && message.sender.kind !== 'staff') return false;
    if (side === 'customer' && message.sender.kind !== 'customer') return false;
    if (sentBy !== undefined && store.senderOf(message.sender).email?.toLowerCase() !== sentBy) {
      return false;
    }
    if (category !== undefined && conversation?.channelSlug !== category) return false;
    if (tags.length > 0 && !tags.some((tag) => conversation?.tags.includes(tag))) return false;
    if (origin !== undefined && String(message.origin) !== origin) return false;
    if (from !== undefined && message.createdAt < from) return false;
    if (until !== undefined && message.createdAt > until) return false;
    return true;
  };
}

function list({ store, query }: RouteContext, slug?: string): Reply {
  const includeOriginalBody = listParam(query, 'include').includes('original_body');
  const messages = store
    .messagesNewestFirst()
    .filter((message) => slug === undefined || message.conversationSlug === slug)
    .filter(matchesQuery(store, query));
  return paged(query, 'messages', messages, (message) =>
    messageShape(store, message, { includeOriginalBody }),
  );
}

const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

/** An attachment Re:amaze fetched from a URL the caller gave; undefined when it is not one. */
function attachmentFrom(value: unknown): Attachment | undefined {
  if (typeof value !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const fileName = decodeURIComponent(url.pathname.split('/').pop() || 'attachment');
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  const imageType = IMAGE_TYPES[extension];
  return {
    fileName,
    contentType:
      imageType ?? (extension === 'pdf' ? 'application/pdf' : 'application/octet-stream'),
    size: 48_213,
    url: value,
    thumbUrl: imageType ? value : null,
    image: imageType !== undefined,
  };
}

/** `attachment` (one URL) and `attachments` (a list of URLs) of a message body. */
export function attachmentsOf(
  input: Record<string, unknown>,
): { attachments: Attachment[] } | { errors: Record<string, unknown> } {
  const urls: unknown[] = [];
  if (!isBlank(input.attachment)) urls.push(input.attachment);
  if (input.attachments !== undefined && input.attachments !== null) {
    if (!Array.isArray(input.attachments)) return { errors: { attachments: ['is invalid'] } };
    urls.push(...input.attachments);
  }
  const attachments: Attachment[] = [];
  // The same file under both keys is one file (how Re:amaze combines the keys is not documented).
  for (const url of urls.filter((each, index) => urls.indexOf(each) === index)) {
    const attachment = attachmentFrom(url);
    if (!attachment) return { errors: { attachment: [`${String(url)} is not a valid URL`] } };
    attachments.push(attachment);
  }
  return { attachments };
}

/** `recipients`: email addresses of extra participants. */
export function recipientsOf(
  value: unknown,
  store: Store,
): { recipients: { name: string; email: string }[] } | { errors: Record<string, unknown> } {
  if (value === undefined || value === null) return { recipients: [] };
  if (!Array.isArray(value) || !value.every(isEmail)) {
    return { errors: { recipients: ['must be a list of email addresses'] } };
  }
  return {
    recipients: value.map((email) => ({
      email,
      name: store.contactByEmail(email)?.name ?? store.staffByEmail(email)?.name ?? email,
    })),
  };
}

function visibilityOf(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return 0;
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return number === 0 || number === 1 ? number : undefined;
}

function create(context: RouteContext): Reply {
  const { store, params, body, user } = context;
  const conversation = store.conversation(params.slug ?? '');
  if (!conversation) return notFound();
  const input = wrapped(body, 'message');
  if (!input) return invalid({ message: ["can't be blank"] });
  if (typeof input.body !== 'string' || input.body.trim() === '') {
    return invalid({ body: ["can't be blank"] });
  }
  const visibility = visibilityOf(input.visibility);
  if (visibility === undefined) return invalid({ visibility: ['is not included in the list'] });

  let sender: Sender = { kind: 'staff', email: user.email };
  if (input.user !== undefined && input.user !== null) {
    const author = asRecord(input.user);
    // An empty user object is refused, not ignored (an open-source client saw a 422 for it).
    if (!author || !isEmail(author.email)) return invalid({ user: { email: ['is invalid'] } });
    const email = (author.email as string).trim();
    const staff = store.staffByEmail(email);
    sender = staff
      ? { kind: 'staff', email: staff.email }
      : {
          kind: 'customer',
          contactId: store.contactFor({
            email,
            name: typeof author.name === 'string' ? author.name : undefined,
          }).internalId,
        };
  }

  const originId = isBlank(input.origin_id) ? null : String(input.origin_id);
  if (
    originId !== null &&
    store.messagesOf(conversation.slug).some((message) => message.originId === originId)
  ) {
    return invalid({ origin_id: ['has already been taken'] });
  }
  const files = attachmentsOf(input);
  if ('errors' in files) return invalid(files.errors);
  const people = recipientsOf(input.recipients, store);
  if ('errors' in people) return invalid(people.errors);

  const message = store.addMessage({
    conversation: conversation.slug,
    body: input.body,
    sender,
    visibility,
    origin: 7,
    originId,
    recipients: people.recipients,
    attachments: files.attachments,
  });
  if (visibility === 0) {
    // A customer message reopens; a staff reply resolves unless suppress_autoresolve is set.
    if (sender.kind === 'customer') conversation.status = 0;
    else conversation.status = input.suppress_autoresolve === true ? 1 : 2;
  }
  return created(messageShape(store, message));
}

const routes: Route[] = [
  { method: 'GET', path: '/messages', handle: (context) => list(context) },
  {
    method: 'GET',
    path: '/conversations/:slug/messages',
    handle: (context) =>
      context.store.conversation(context.params.slug ?? '')
        ? list(context, context.params.slug)
        : notFound(),
  },
  { method: 'POST', path: '/conversations/:slug/messages', handle: create },
];

export default routes;
