import type { Bundle, PlainOutputField, ZObject } from 'zapier-platform-core';
import { apiPath, reamazeRequest, REQUEST_TIMEOUT_MS } from '../http/client';
import { integerField, isRecord, stringField } from '../http/api-values';
import { inboxContactUrl } from './contact';
import { flattenConversation } from './conversation';
import { API_CONVERSATION_SAMPLE } from './conversation.sample';
import { splitName } from './person-name';
import { lazySample } from './lazy-sample';

/**
 * A satisfaction rating (`GET /satisfaction_ratings`, https://www.reamaze.com/api/get_satisfaction_ratings)
 * with the context a no-code user maps: the API names the conversation by its database id only,
 * so the conversation is read by that id (`GET /conversations/{id}`: a failed slug lookup falls
 * back to the database id, https://www.reamaze.com/api/get_conversation) for its slug, subject,
 * link, customer and assignee. Never throws on an odd body.
 */

/** What each rating means on the 1–5 survey scale. */
export const RATING_LABELS: Readonly<Record<number, string>> = {
  1: 'Very Dissatisfied',
  2: 'Dissatisfied',
  3: 'Neutral',
  4: 'Satisfied',
  5: 'Very Satisfied',
};

export type SatisfactionRatingItem = {
  [key: string]: unknown;
  id: string;
  rating: number | null;
  rating_label: string;
  comment: string;
  /** The conversation's slug, what every conversation action takes; empty when it was not read. */
  conversation_id: string;
  conversation_subject: string;
  conversation_url: string;
  customer_name: string;
  customer_first_name: string;
  customer_last_name: string;
  customer_email: string;
  customer_id: string;
  customer_url: string;
  assignee_name: string;
  assignee_email: string;
  created_at: string;
};

/** Labels are the ones every other operation gives the same concept. */
export const satisfactionRatingOutputFields: PlainOutputField[] = [
  { key: 'id', label: 'Rating ID', type: 'string', primary: true },
  { key: 'rating', label: 'Rating (1–5)', type: 'integer' },
  { key: 'rating_label', label: 'Rating Label', type: 'string' },
  { key: 'comment', label: 'Comment', type: 'string' },
  { key: 'conversation_id', label: 'Conversation ID', type: 'string' },
  { key: 'conversation_subject', label: 'Conversation Subject', type: 'string' },
  { key: 'conversation_url', label: 'Conversation Link', type: 'string' },
  { key: 'customer_name', label: 'Customer Name', type: 'string' },
  { key: 'customer_first_name', label: 'Customer First Name', type: 'string' },
  { key: 'customer_last_name', label: 'Customer Last Name', type: 'string' },
  { key: 'customer_email', label: 'Customer Email', type: 'string' },
  { key: 'customer_id', label: 'Customer Contact ID (Re:amaze)', type: 'string' },
  { key: 'customer_url', label: 'Customer Link', type: 'string' },
  { key: 'assignee_name', label: 'Assignee Name', type: 'string' },
  { key: 'assignee_email', label: 'Assignee Email', type: 'string' },
  { key: 'created_at', label: 'Date Rated', type: 'datetime' },
];

/** A whole number 1–5, or null when the API sends something else. */
export function ratingNumber(value: unknown): number | null {
  const number = integerField(value);
  return number !== undefined && RATING_LABELS[number] ? number : null;
}

/** An id as text; the API sends them as strings, a number is accepted too. */
export function idText(value: unknown): string {
  return stringField(value).trim();
}

/** The conversation's database id a rating names, when it is one (digits only). */
export function ratedConversationId(rating: Record<string, unknown>): string | undefined {
  const id = idText(rating.conversation_id);
  return /^\d{1,18}$/.test(id) ? id : undefined;
}

/**
 * One rating as the trigger outputs it; `conversation` is the rated conversation as
 * `GET /conversations/{id}` answered, or undefined when it was not read (the conversation fields
 * are then empty, never a database number no action takes).
 */
export function flattenRating(
  rating: Record<string, unknown>,
  conversation: Record<string, unknown> | undefined,
  brand: unknown,
): SatisfactionRatingItem {
  const number = ratingNumber(rating.rating);
  const customerId = idText(rating.user_id);
  const context = conversation === undefined ? undefined : flattenConversation(conversation, brand);
  const customerName = context?.customer_name ?? '';
  return {
    id: idText(rating.id),
    rating: number,
    rating_label: number === null ? '' : (RATING_LABELS[number] as string),
    comment: stringField(rating.comment),
    conversation_id: context?.id ?? '',
    conversation_subject: context?.subject ?? '',
    conversation_url: context?.conversation_url ?? '',
    customer_name: customerName,
    ...prefixed(splitName(customerName)),
    customer_email: context?.customer_email ?? '',
    customer_id: customerId,
    customer_url: /^\d+$/.test(customerId) ? inboxContactUrl(brand, customerId) : '',
    assignee_name: context?.assignee_name ?? '',
    assignee_email: context?.assignee_email ?? '',
    created_at: stringField(rating.created_at),
  };
}

function prefixed(parts: { first_name: string; last_name: string }) {
  return { customer_first_name: parts.first_name, customer_last_name: parts.last_name };
}

/** Lookups run this many at a time: a burst of ratings is read in a few seconds. */
export const LOOKUP_CONCURRENCY = 5;

/** A lookup is not started with less time than this left. */
export const MIN_LOOKUP_TIME_MS = 2_000;

/**
 * Reads the conversations of these database ids, each once, until `deadline` (ms since the
 * epoch): id → conversation. A conversation Re:amaze no longer has (404) stays out; so do those
 * left when time runs out or after a temporary failure, which ends the lookups (their ratings
 * still fire, without context) rather than the poll. Any other failure (credentials, permission)
 * fails the poll, as for the list itself.
 */
export async function readRatedConversations(
  z: ZObject,
  bundle: Bundle,
  ids: Iterable<string>,
  deadline: number,
  now: () => number = Date.now,
): Promise<{ found: Map<string, Record<string, unknown>>; skipped: number }> {
  const queue = [...new Set(ids)];
  const found = new Map<string, Record<string, unknown>>();
  let stopped = false;
  while (queue.length > 0 && !stopped) {
    const left = deadline - now();
    if (left < MIN_LOOKUP_TIME_MS) break;
    const batch = queue.splice(0, LOOKUP_CONCURRENCY);
    const answers = await Promise.allSettled(
      batch.map((id) =>
        reamazeRequest(z, bundle, {
          path: apiPath('conversations', id),
          notFoundIsAbsent: true,
          timeoutMs: Math.min(REQUEST_TIMEOUT_MS, left),
        }),
      ),
    );
    answers.forEach((answer, index) => {
      if (answer.status === 'fulfilled') {
        const body = answer.value;
        const conversation =
          isRecord(body) && isRecord(body.conversation) ? body.conversation : body;
        if (isRecord(conversation) && stringField(conversation.slug) !== '')
          found.set(batch[index] as string, conversation);
      } else if ((answer.reason as Error)?.name === 'ThrottledError') {
        stopped = true;
      } else {
        throw answer.reason;
      }
    });
  }
  return { found, skipped: queue.length };
}

/** The rating the trigger's sample shows: a 2 on the sample conversation, read by its id. */
export const API_RATING_SAMPLE = {
  id: '456',
  rating: 2,
  comment: 'The parcel came in the end, but it took three emails to find out where it was.',
  user_id: '48211907',
  assignee_id: '40002',
  conversation_id: '880014',
  created_at: '2026-03-10T08:41:08.000-05:00',
  updated_at: '2026-03-10T08:41:08.000-05:00',
};

export const satisfactionRatingSample: SatisfactionRatingItem = lazySample(() =>
  flattenRating(API_RATING_SAMPLE, API_CONVERSATION_SAMPLE, 'acme'),
);
