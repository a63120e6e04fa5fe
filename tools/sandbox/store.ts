import { Clock } from './clock';
import { HelpCenter } from './help-center';
import { StatusPage } from './status-page';

/**
 * The in-memory state of one Re:amaze brand: channels, staff, contacts, conversations and their
 * messages. Plain data plus the few mutations the API and the tests need; the JSON shapes the API
 * sends are built in `shapes.ts`, the query rules live in the route of each resource.
 */

export interface Channel {
  slug: string;
  name: string;
  email: string | null;
  /** Channel type code (1 Email, 6 Chat, 9 SMS, …), the API's `channel`. */
  channelType: number;
  /** 0 private, 1 public. */
  visibility: 0 | 1;
  createdAt: number;
  updatedAt: number;
}

export interface StaffUser {
  name: string;
  email: string;
  createdAt: number;
  admin: boolean;
  roleName: string;
}

export interface ContactNote {
  id: number;
  body: string;
  creatorEmail: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface Contact {
  /** Re:amaze's own numeric id (`_id` on contacts, `id` on conversation authors). */
  internalId: number;
  /** The caller's id for the contact (`id` on contacts), when one was given. */
  externalId: string | null;
  name: string;
  email: string | null;
  mobile: string | null;
  instagram: string | null;
  facebook: string | null;
  twitter: string | null;
  friendlyName: string | null;
  data: Record<string, unknown>;
  notes: ContactNote[];
  createdAt: number;
  updatedAt: number;
}

/** Who wrote a message: a staff user (by email) or a customer (by contact id). */
export type Sender = { kind: 'staff'; email: string } | { kind: 'customer'; contactId: number };

export interface Attachment {
  fileName: string;
  contentType: string;
  size: number;
  url: string;
  thumbUrl: string | null;
  image: boolean;
}

export interface Recipient {
  name: string;
  email: string;
}

export interface Conversation {
  /** Insertion order; breaks ties between equal instants (newest insertion first). */
  seq: number;
  slug: string;
  subject: string;
  channelSlug: string;
  status: number;
  tags: string[];
  data: Record<string, unknown>;
  /** The customer the conversation is with (contact id). */
  authorId: number;
  assigneeEmail: string | null;
  followerEmails: string[];
  origin: number;
  holdUntil: number | null;
  createdAt: number;
  updatedAt: number;
  /** Listed like the documented list sample, without `last_staff_message` and `data`. */
  listedBare?: boolean;
}

export interface Message {
  seq: number;
  conversationSlug: string;
  body: string;
  /** The message's HTML, sent only with `include=original_body`. */
  originalBody: string | null;
  visibility: number;
  origin: number;
  originId: string | null;
  createdAt: number;
  sender: Sender;
  recipients: Recipient[];
  attachments: Attachment[];
}

export interface NewChannel {
  slug: string;
  name: string;
  email?: string | null;
  channelType: number;
  visibility?: 0 | 1;
  createdAt?: number;
}

export interface NewStaff {
  name: string;
  email: string;
  admin?: boolean;
  roleName?: string;
  createdAt?: number;
}

export interface NewContact {
  name?: string;
  email?: string | null;
  mobile?: string | null;
  instagram?: string | null;
  facebook?: string | null;
  twitter?: string | null;
  friendlyName?: string | null;
  externalId?: string | null;
  data?: Record<string, unknown>;
  createdAt?: number;
}

export interface NewMessage {
  /** Slug of an existing conversation. */
  conversation: string;
  body: string;
  sender: Sender;
  originalBody?: string | null;
  visibility?: number;
  origin?: number;
  originId?: string | null;
  /** Defaults to the clock's now. */
  createdAt?: number;
  recipients?: Recipient[];
  attachments?: Attachment[];
}

export interface NewConversation {
  subject: string;
  /** Channel slug. */
  channel: string;
  /** Contact id of the customer. */
  author: number;
  /** The first message; its sender defaults to the customer, its instant to the conversation's. */
  message: Omit<NewMessage, 'conversation' | 'sender'> & { sender?: Sender };
  slug?: string;
  tags?: string[];
  data?: Record<string, unknown>;
  status?: number;
  assignee?: string | null;
  followers?: string[];
  holdUntil?: number | null;
  createdAt?: number;
}

/** What `PUT /conversations/{slug}` (or a simulated staff action) changes. */
export type ConversationChanges = Partial<
  Pick<Conversation, 'status' | 'assigneeEmail' | 'tags' | 'holdUntil' | 'data' | 'channelSlug'>
>;

export interface BurstOptions {
  /** Instant of the newest message of the burst; default now. */
  at?: number;
  /** Gap between consecutive messages; default 1 s. */
  spacingMs?: number;
  /** Put every message in this conversation (from its customer); default: spread over all. */
  conversation?: string;
  /** Start a new conversation with each message instead (in `channel`, default the first email channel). */
  newConversations?: boolean;
  channel?: string;
}

/** A customer's answer to a satisfaction survey about one conversation. */
export interface SatisfactionRating {
  id: number;
  /** 1–5. */
  rating: number;
  comment: string | null;
  conversationSlug: string;
  /** The conversation's customer (contact id) and the staff member it was assigned to. */
  customerId: number;
  assigneeEmail: string | null;
  createdAt: number;
  updatedAt: number;
}

/** A saved reply; `personalOf` is the staff email of a personal template, null for the brand's. */
export interface ResponseTemplate {
  id: number;
  name: string;
  body: string;
  group: { id: number; name: string } | null;
  personalOf: string | null;
  createdAt: number;
}

export class Store {
  readonly clock: Clock;
  /** The brand's short name, used in channel addresses and links. */
  readonly brand: string;
  readonly channels: Channel[] = [];
  readonly staff: StaffUser[] = [];
  readonly contacts: Contact[] = [];
  readonly conversations = new Map<string, Conversation>();
  readonly messages: Message[] = [];
  readonly satisfactionRatings: SatisfactionRating[] = [];
  readonly responseTemplates: ResponseTemplate[] = [];
  readonly helpCenter = new HelpCenter(() => this.now());
  readonly statusPage = new StatusPage(() => this.now());
  private nextSeq = 1;
  private nextContactId = 7_310_001;
  private nextNoteId = 51_001;

  constructor(options: { brand?: string; clock?: Clock } = {}) {
    this.brand = options.brand ?? 'acme';
    this.clock = options.clock ?? new Clock();
  }

  now(): number {
    return this.clock.now();
  }

  addChannel(input: NewChannel): Channel {
    if (this.channel(input.slug)) throw new Error(`channel ${input.slug} exists`);
    const at = input.createdAt ?? this.now();
    const channel: Channel = {
      slug: input.slug,
      name: input.name,
      email: input.email ?? null,
      channelType: input.channelType,
      visibility: input.visibility ?? 1,
      createdAt: at,
      updatedAt: at,
    };
    this.channels.push(channel);
    return channel;
  }

  channel(slug: string): Channel | undefined {
    return this.channels.find((channel) => channel.slug === slug);
  }

  addStaff(input: NewStaff): StaffUser {
    const user: StaffUser = {
      name: input.name,
      email: input.email,
      admin: input.admin ?? false,
      roleName: input.roleName ?? (input.admin ? 'Admin' : 'Staff'),
      createdAt: input.createdAt ?? this.now(),
    };
    this.staff.push(user);
    return user;
  }

  staffByEmail(email: string): StaffUser | undefined {
    const wanted = email.trim().toLowerCase();
    return this.staff.find((user) => user.email.toLowerCase() === wanted);
  }

  addContact(input: NewContact): Contact {
    const at = input.createdAt ?? this.now();
    const contact: Contact = {
      internalId: this.nextContactId++,
      externalId: input.externalId ?? null,
      name: input.name ?? input.email ?? input.mobile ?? '',
      email: input.email ?? null,
      mobile: input.mobile ?? null,
      instagram: input.instagram ?? null,
      facebook: input.facebook ?? null,
      twitter: input.twitter ?? null,
      friendlyName: input.friendlyName ?? null,
      data: { ...(input.data ?? {}) },
      notes: [],
      createdAt: at,
      updatedAt: at,
    };
    this.contacts.push(contact);
    return contact;
  }

  contactById(id: number): Contact | undefined {
    return this.contacts.find((contact) => contact.internalId === id);
  }

  contactByEmail(email: string): Contact | undefined {
    const wanted = email.trim().toLowerCase();
    return this.contacts.find((contact) => contact.email?.toLowerCase() === wanted);
  }

  /** The contact with this email, created when unknown (as Re:amaze does for a new customer). */
  contactFor(input: { email: string; name?: string; data?: Record<string, unknown> }): Contact {
    const existing = this.contactByEmail(input.email);
    if (existing) {
      if (input.data) Object.assign(existing.data, input.data);
      return existing;
    }
    return this.addContact({
      email: input.email,
      name: input.name || input.email,
      data: input.data,
    });
  }

  addNote(
    contact: Contact,
    body: string,
    creatorEmail: string | null,
    at = this.now(),
  ): ContactNote {
    const note: ContactNote = {
      id: this.nextNoteId++,
      body,
      creatorEmail,
      createdAt: at,
      updatedAt: at,
    };
    contact.notes.push(note);
    contact.updatedAt = at;
    return note;
  }

  conversation(slug: string): Conversation | undefined {
    return this.conversations.get(slug);
  }

  /** A slug like Re:amaze's: the subject in lower-case words, made unique with a number. */
  uniqueSlug(subject: string): string {
    const base =
      subject
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '') // accents off: "Ça" → "ca"
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60)
        .replace(/-+$/, '') || 'conversation';
    let slug = base;
    for (let n = 2; this.conversations.has(slug); n += 1) slug = `${base}-${n}`;
    return slug;
  }

  /** Creates a conversation and its first message (the one `POST /conversations` carries). */
  addConversation(input: NewConversation): { conversation: Conversation; message: Message } {
    if (!this.channel(input.channel)) throw new Error(`unknown channel ${input.channel}`);
    if (!this.contactById(input.author)) throw new Error(`unknown contact ${input.author}`);
    const at = input.createdAt ?? input.message.createdAt ?? this.now();
    const slug = input.slug ?? this.uniqueSlug(input.subject);
    if (this.conversations.has(slug)) throw new Error(`conversation ${slug} exists`);
    const origin = input.message.origin ?? 7;
    const conversation: Conversation = {
      seq: this.nextSeq++,
      slug,
      subject: input.subject,
      channelSlug: input.channel,
      status: input.status ?? 0,
      tags: [...(input.tags ?? [])],
      data: { ...(input.data ?? {}) },
      authorId: input.author,
      assigneeEmail: input.assignee ?? null,
      followerEmails: [...(input.followers ?? [])],
      origin,
      holdUntil: input.holdUntil ?? null,
      createdAt: at,
      updatedAt: at,
    };
    this.conversations.set(slug, conversation);
    const message = this.addMessage({
      ...input.message,
      conversation: slug,
      sender: input.message.sender ?? { kind: 'customer', contactId: input.author },
      origin,
      createdAt: input.message.createdAt ?? at,
    });
    return { conversation, message };
  }

  addMessage(input: NewMessage): Message {
    const conversation = this.conversation(input.conversation);
    if (!conversation) throw new Error(`unknown conversation ${input.conversation}`);
    const at = input.createdAt ?? this.now();
    const message: Message = {
      seq: this.nextSeq++,
      conversationSlug: conversation.slug,
      body: input.body,
      originalBody: input.originalBody ?? null,
      visibility: input.visibility ?? 0,
      origin: input.origin ?? conversation.origin,
      originId: input.originId ?? null,
      createdAt: at,
      sender: input.sender,
      recipients: [...(input.recipients ?? [])],
      attachments: [...(input.attachments ?? [])],
    };
    this.messages.push(message);
    conversation.updatedAt = Math.max(conversation.updatedAt, at);
    return message;
  }

  /**
   * Applies an edit and moves the conversation's changed time (`updated_at`, what `sort=changed`
   * orders by) to `at`, default now: any update or status change counts, even one that changes
   * nothing, as Re:amaze's wording leaves open.
   */
  updateConversation(slug: string, changes: ConversationChanges, at = this.now()): Conversation {
    const conversation = this.requireConversation(slug);
    Object.assign(conversation, changes, { updatedAt: Math.max(conversation.updatedAt, at) });
    return conversation;
  }

  /**
   * Adds `count` customer messages ending at `at` (default now), `spacingMs` apart, oldest first:
   * the traffic a busy inbox produces between two polls. Returns them oldest first.
   */
  addBurst(count: number, options: BurstOptions = {}): Message[] {
    const newest = options.at ?? this.now();
    const spacing = options.spacingMs ?? 1_000;
    const targets = options.conversation
      ? [this.requireConversation(options.conversation)]
      : [...this.conversations.values()];
    const channel =
      options.channel ??
      this.channels.find((c) => c.channelType === 1)?.slug ??
      this.channels[0]?.slug;
    const created: Message[] = [];
    for (let i = 0; i < count; i += 1) {
      const at = newest - (count - 1 - i) * spacing;
      const body = `Burst message ${i + 1} of ${count}: is there any update on this?`;
      if (options.newConversations || targets.length === 0) {
        if (!channel) throw new Error('the brand has no channel');
        const author = this.contactFor({
          email: `burst-${this.nextSeq}@customers.example`,
          name: `Burst Customer ${i + 1}`,
        });
        const subject = `Burst conversation ${i + 1} of ${count}`;
        created.push(
          this.addConversation({
            subject,
            channel,
            author: author.internalId,
            createdAt: at,
            message: { body, origin: 1 },
          }).message,
        );
      } else {
        const conversation = targets[i % targets.length] as Conversation;
        created.push(
          this.addMessage({
            conversation: conversation.slug,
            body,
            sender: { kind: 'customer', contactId: conversation.authorId },
            origin: conversation.origin,
            createdAt: at,
          }),
        );
      }
    }
    return created;
  }

  private requireConversation(slug: string): Conversation {
    const conversation = this.conversation(slug);
    if (!conversation) throw new Error(`unknown conversation ${slug}`);
    return conversation;
  }

  /** Messages newest first by `created_at`; among equal instants the later insertion first. */
  messagesNewestFirst(): Message[] {
    return [...this.messages].sort((a, b) => b.createdAt - a.createdAt || b.seq - a.seq);
  }

  messagesOf(slug: string): Message[] {
    return this.messages.filter((message) => message.conversationSlug === slug);
  }

  /** Who wrote a message, resolved: name, email, mobile, and whether it is staff. */
  senderOf(sender: Sender): {
    name: string;
    email: string | null;
    mobile: string | null;
    staff: boolean;
  } {
    if (sender.kind === 'staff') {
      const user = this.staffByEmail(sender.email);
      return { name: user?.name ?? sender.email, email: sender.email, mobile: null, staff: true };
    }
    const contact = this.contactById(sender.contactId);
    return {
      name: contact?.name ?? '',
      email: contact?.email ?? null,
      mobile: contact?.mobile ?? null,
      staff: false,
    };
  }

  /** A rating of a conversation by its customer, for the staff member it is assigned to. */
  addSatisfactionRating(input: {
    conversation: string;
    rating: number;
    comment?: string | null;
    createdAt?: number;
  }): SatisfactionRating {
    const conversation = this.requireConversation(input.conversation);
    const at = input.createdAt ?? this.now();
    const rating: SatisfactionRating = {
      id: 456_000 + this.satisfactionRatings.length + 1,
      rating: input.rating,
      comment: input.comment ?? null,
      conversationSlug: conversation.slug,
      customerId: conversation.authorId,
      assigneeEmail: conversation.assigneeEmail,
      createdAt: at,
      updatedAt: at,
    };
    this.satisfactionRatings.push(rating);
    return rating;
  }

  /** The customer changes their rating (Re:amaze keeps the id and moves `updated_at`). */
  reviseSatisfactionRating(
    id: number,
    rating: number,
    at: number = this.now(),
  ): SatisfactionRating {
    const found = this.satisfactionRatings.find((each) => each.id === id);
    if (!found) throw new Error(`unknown satisfaction rating ${id}`);
    found.rating = rating;
    found.updatedAt = at;
    return found;
  }

  addResponseTemplate(
    input: Omit<ResponseTemplate, 'id' | 'createdAt'> & { createdAt?: number },
  ): ResponseTemplate {
    const template: ResponseTemplate = {
      ...input,
      id: 3_100 + this.responseTemplates.length + 1,
      createdAt: input.createdAt ?? this.now(),
    };
    this.responseTemplates.push(template);
    return template;
  }
}
