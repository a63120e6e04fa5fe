import type { Bundle, ZObject } from 'zapier-platform-core';
import App from '../../index';
import { REPORTS_PERMISSION } from '../../triggers/new_satisfaction_rating';
import { REPORT_KEYS, REPORTS, reportsPermission, type ReportName } from '../../lib/records/report';
import type { ZapierErrorInfo } from '../helpers';

/**
 * Every operation of the app, found by walking the registry (the auth test, then `triggers`,
 * `creates` and `searches`), and one table of what each needs to run: a minimal valid input and
 * the requests it then makes. The fault matrix, the secret test and any later cross-cutting test
 * run over this list, so a new operation without an entry here fails them (see registry.test.ts).
 */

export type Perform = (z: ZObject, bundle: Bundle) => Promise<unknown>;
export type OperationKind = 'auth' | 'trigger' | 'create' | 'search';

export interface RegisteredOperation {
  /** `auth`, or the operation's key (keys are unique across triggers, creates and searches). */
  key: string;
  kind: OperationKind;
  perform: Perform;
}

type Registry = Record<string, { key: string; operation: { perform: Perform } }>;

/** The auth test and every trigger, create and search the app registers, in that order. */
export function registeredOperations(): RegisteredOperation[] {
  const app = App as unknown as {
    authentication: { test: Perform };
    triggers?: Registry;
    creates?: Registry;
    searches?: Registry;
  };
  const operations: RegisteredOperation[] = [
    { key: 'auth', kind: 'auth', perform: app.authentication.test },
  ];
  const walk = (registry: Registry | undefined, kind: OperationKind): void => {
    for (const definition of Object.values(registry ?? {})) {
      operations.push({ key: definition.key, kind, perform: definition.operation.perform });
    }
  };
  walk(app.triggers, 'trigger');
  walk(app.creates, 'create');
  walk(app.searches, 'search');
  return operations;
}

/**
 * What one faulted request leads to: a Zapier error, (a search's "not found") no result, or
 * (API Request, which returns whatever JSON Re:amaze sends) the answer as its result.
 */
export type Outcome = { error: ZapierErrorInfo } | { empty: true } | { answered: true };

/** One request an operation makes with its minimal input, and how it reads the answer. */
export interface ExpectedRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Below `/api/v1`, decoded, without the query. */
  path: string;
  /** The body the operation reads: `list` under that key, or `object` (the bare or wrapped record). */
  answer: { list: string } | { object: string };
  /** What a 2xx body of the wrong shape leads to. */
  wrongShape: Outcome;
  /** What `200 {}` leads to, when not {@link wrongShape} (an object answer without its record). */
  emptyRecord?: Outcome;
  /** What a 404 leads to. */
  notFound: Outcome;
  /** What a 403 that is not about the login leads to, when the operation says what it needs. */
  forbidden?: Outcome;
  /** What a reset connection leads to, when not a temporary failure (the connection test). */
  reset?: Outcome;
  /** What a 2xx without a body leads to, when not the client's "unreadable answer". */
  emptyAnswer?: Outcome;
}

export interface OperationCase {
  name: string;
  input: Record<string, unknown>;
  /** `bundle.meta`, when the case needs one (default none). */
  meta?: Record<string, unknown>;
  /** Every request of a clean run, in order. */
  requests: ExpectedRequest[];
}

export const HOST = 'acme.reamaze.io';
/** Seeded in the sandbox (tools/sandbox/seed.ts). */
export const CONVERSATION = 'where-is-my-order-10482';
export const CONTACT = 'dana.whitfield@example.com';
/** A staff user of the sandbox's brand (tools/sandbox/seed.ts). */
export const STAFF = 'priya@acme.example';
/** "Order shipped", a brand template (tools/sandbox/seed-ratings-templates.ts). */
export const TEMPLATE = '3101';
/** A published article, and the active incident (tools/sandbox/seed-help-center-status.ts). */
export const ARTICLE = 'how-long-does-shipping-take';
export const INCIDENT = '5311';

function unexpected(what: string): Outcome {
  return {
    error: {
      name: 'AppError',
      code: 'UnexpectedResponse',
      status: 502,
      message: `Re:amaze sent ${what} in a form this integration does not recognise. Try again; if it persists, contact the integration's support.`,
    },
  };
}

/** The wrong shape after a write: the change was accepted, so no blind replay. */
function unexpectedAfterWrite(what: string): Outcome {
  return {
    error: {
      name: 'AppError',
      code: 'UnexpectedResponse',
      status: 502,
      message: `Re:amaze accepted the request but sent ${what} in a form this integration does not recognise. Check Re:amaze before you replay this step, so it is not done twice.`,
    },
  };
}

function notFound(message: string): Outcome {
  return { error: { name: 'AppError', code: 'NotFound', status: 404, message } };
}

/** A 2xx object answer without the record it promised (`200 {}`). */
function noRecord(noun: string, afterWrite: boolean): Outcome {
  return {
    error: {
      name: 'AppError',
      code: 'UnexpectedResponse',
      status: 502,
      message: afterWrite
        ? `Re:amaze accepted the request but returned no ${noun}. Check Re:amaze before you replay this step, so it is not done twice.`
        : `Re:amaze answered without the ${noun}. Try again; if it persists, contact the integration's support.`,
    },
  };
}

/** A 404 on a list: the path exists for every brand, so the brand is what is wrong. */
const BRAND_NOT_FOUND = notFound(
  `Re:amaze answered HTTP 404 Not Found for ${HOST}. Check that the brand is right: it is the part before .reamaze.io in your Re:amaze address.`,
);
const NO_CONVERSATION = notFound(`No conversation "${CONVERSATION}" was found on ${HOST}.`);
const NO_CONTACT = notFound(`No contact with the email address "${CONTACT}" was found on ${HOST}.`);

/** A paged list read with getPage. */
function listRead(path: string, key: string, extra: Partial<ExpectedRequest> = {}) {
  return {
    method: 'GET' as const,
    path,
    answer: { list: key },
    wrongShape: unexpected(`the list of ${key}`),
    notFound: BRAND_NOT_FOUND,
    ...extra,
  };
}

/** A write answered with one record under `key` (or bare). */
function recordWrite(
  method: 'POST' | 'PUT',
  path: string,
  key: string,
  what: string,
  notFoundOutcome: Outcome = BRAND_NOT_FOUND,
): ExpectedRequest {
  return {
    method,
    path,
    answer: { object: key },
    wrongShape: unexpectedAfterWrite(what),
    emptyRecord: noRecord(key, true),
    notFound: notFoundOutcome,
  };
}

const NO_INCIDENT = notFound(`No incident with ID ${INCIDENT} was found on ${HOST}.`);

/** One report read: its documented map must be an object; a 403 names the Reports permission. */
function reportRead(name: ReportName): ExpectedRequest {
  return {
    method: 'GET',
    path: `/reports/${name}`,
    answer: { object: REPORT_KEYS[name] },
    wrongShape: unexpected(`the ${REPORTS[name].toLowerCase()} report`),
    notFound: BRAND_NOT_FOUND,
    forbidden: {
      error: {
        name: 'AppError',
        code: 'PermissionDenied',
        status: 403,
        message: `Re:amaze refused this on ${HOST} (HTTP 403 Forbidden): ${reportsPermission('reading reports')}`,
      },
    },
  };
}

/**
 * The minimal valid input of every operation, by key. Add an entry when you add an operation:
 * the cross-cutting tests refuse to run an operation they have no entry for.
 */
export const OPERATION_CASES: Record<string, OperationCase[]> = {
  auth: [
    {
      name: 'auth test',
      input: {},
      requests: [
        listRead('/channels', 'channels', {
          reset: {
            error: {
              name: 'AppError',
              code: 'UnknownBrand',
              status: 404,
              message: `Could not connect to ${HOST} (ECONNRESET): check the Brand. You entered "acme"; it must be the part before .reamaze.io in the address you use for Re:amaze (for https://acme.reamaze.io enter acme). If the Brand is right, Re:amaze may be unreachable for a moment: try again in a minute.`,
            },
          },
        }),
      ],
    },
  ],
  channel_list: [{ name: 'dropdown', input: {}, requests: [listRead('/channels', 'channels')] }],
  staff_list: [{ name: 'dropdown', input: {}, requests: [listRead('/staff', 'staff')] }],
  contact_list: [{ name: 'dropdown', input: {}, requests: [listRead('/contacts', 'contacts')] }],
  conversation_list: [
    { name: 'dropdown', input: {}, requests: [listRead('/conversations', 'conversations')] },
  ],
  new_message: [{ name: 'no filters', input: {}, requests: [listRead('/messages', 'messages')] }],
  new_conversation: [
    { name: 'no filters', input: {}, requests: [listRead('/conversations', 'conversations')] },
  ],
  new_contact: [{ name: 'no filters', input: {}, requests: [listRead('/contacts', 'contacts')] }],
  response_template_list: [
    {
      name: 'dropdown',
      input: {},
      requests: [
        listRead('/response_templates', 'response_templates', {
          wrongShape: unexpected('the list of response templates'),
        }),
      ],
    },
  ],
  new_satisfaction_rating: [
    {
      // The dedupe seed reads no conversation: the list alone. The lookups' own faults (404,
      // temporary, login) are tested in test/triggers/new_satisfaction_rating.test.ts.
      name: 'the dedupe seed',
      input: {},
      meta: { isPopulatingDedupe: true },
      requests: [
        listRead('/satisfaction_ratings', 'satisfaction_ratings', {
          wrongShape: unexpected('the list of satisfaction ratings'),
          forbidden: {
            error: {
              name: 'AppError',
              code: 'PermissionDenied',
              status: 403,
              message: `Re:amaze refused this on ${HOST} (HTTP 403 Forbidden): ${REPORTS_PERMISSION}`,
            },
          },
        }),
      ],
    },
  ],
  conversation_status_changed: [
    { name: 'any status', input: {}, requests: [listRead('/conversations', 'conversations')] },
  ],
  conversation_assigned: [
    { name: 'anyone', input: {}, requests: [listRead('/conversations', 'conversations')] },
  ],
  conversation_tag_added: [
    {
      name: 'one tag',
      input: { tag: 'shipping' },
      requests: [listRead('/conversations', 'conversations')],
    },
  ],
  conversation_updated: [
    { name: 'any update', input: {}, requests: [listRead('/conversations', 'conversations')] },
  ],
  conversation_waiting_for_reply: [
    {
      name: 'five minutes',
      input: { wait: '5', wait_unit: 'minutes' },
      requests: [listRead('/conversations', 'conversations')],
    },
  ],
  new_article: [
    { name: 'published', input: {}, requests: [listRead('/articles', 'articles')] },
    {
      name: 'one topic',
      input: { topic: 'shipping' },
      requests: [
        listRead('/topics/shipping/articles', 'articles', {
          notFound: notFound(`No topic "shipping" was found on ${HOST}.`),
        }),
      ],
    },
  ],
  article_list: [{ name: 'dropdown', input: {}, requests: [listRead('/articles', 'articles')] }],
  // GET /topics is undocumented: a 404 is an empty dropdown, not a wrong brand.
  topic_list: [
    {
      name: 'dropdown',
      input: {},
      requests: [listRead('/topics', 'topics', { notFound: { empty: true } })],
    },
  ],
  new_incident: [{ name: 'any', input: {}, requests: [listRead('/incidents', 'incidents')] }],
  incident_updated: [{ name: 'any', input: {}, requests: [listRead('/incidents', 'incidents')] }],
  incident_list: [{ name: 'dropdown', input: {}, requests: [listRead('/incidents', 'incidents')] }],
  system_list: [{ name: 'dropdown', input: {}, requests: [listRead('/systems', 'systems')] }],
  create_article: [
    {
      name: 'a draft without a topic',
      input: { title: 'Gift cards', body: 'They never expire.', status: 'draft' },
      requests: [recordWrite('POST', '/articles', 'article', 'the new article')],
    },
  ],
  update_article: [
    {
      name: 'a new title',
      input: { article: ARTICLE, title: 'How long does delivery take?' },
      requests: [
        recordWrite(
          'PUT',
          `/articles/${ARTICLE}`,
          'article',
          'the updated article',
          notFound(`No article "${ARTICLE}" was found on ${HOST}.`),
        ),
      ],
    },
  ],
  create_incident: [
    {
      name: 'title, status and message',
      input: { title: 'Chat offline', status: 'investigating', message: 'Chat does not load.' },
      requests: [recordWrite('POST', '/incidents', 'incident', 'the new incident')],
    },
  ],
  create_incident_update: [
    {
      name: 'an update',
      input: { incident: INCIDENT, status: 'monitoring', message: 'A fix is out.' },
      requests: [
        recordWrite(
          'PUT',
          `/incidents/${INCIDENT}`,
          'incident',
          'the updated incident',
          NO_INCIDENT,
        ),
      ],
    },
    {
      name: 'an update setting the systems (reads the incident first)',
      input: {
        incident: INCIDENT,
        status: 'resolved',
        message: 'Fixed.',
        system_status: 'operational',
      },
      requests: [
        {
          method: 'GET',
          path: `/incidents/${INCIDENT}`,
          answer: { object: 'incident' },
          wrongShape: unexpected('the incident'),
          emptyRecord: noRecord('incident', false),
          notFound: NO_INCIDENT,
        },
        recordWrite(
          'PUT',
          `/incidents/${INCIDENT}`,
          'incident',
          'the updated incident',
          NO_INCIDENT,
        ),
      ],
    },
  ],
  get_report: [
    {
      name: 'every report, the last 7 days',
      input: {},
      requests: (Object.keys(REPORTS) as ReportName[]).map(reportRead),
    },
  ],
  create_contact: [
    {
      name: 'email only',
      input: { email: 'new.customer@example.com' },
      requests: [
        {
          method: 'POST',
          path: '/contacts',
          answer: { object: 'contact' },
          wrongShape: unexpectedAfterWrite('the new contact'),
          emptyRecord: noRecord('contact', true),
          notFound: BRAND_NOT_FOUND,
        },
      ],
    },
  ],
  update_contact: [
    {
      name: 'a new name',
      input: { contact: CONTACT, name: 'Dana W.' },
      requests: [
        {
          method: 'PUT',
          path: `/contacts/${CONTACT}`,
          answer: { object: 'contact' },
          wrongShape: unexpectedAfterWrite('the updated contact'),
          emptyRecord: noRecord('contact', true),
          notFound: NO_CONTACT,
        },
      ],
    },
  ],
  create_contact_note: [
    {
      name: 'a note',
      input: { contact: CONTACT, note: 'Called about the tent pole.' },
      requests: [
        {
          method: 'POST',
          path: `/contacts/${CONTACT}/notes`,
          answer: { list: 'notes' },
          wrongShape: unexpectedAfterWrite('the contact’s notes'),
          notFound: NO_CONTACT,
        },
      ],
    },
  ],
  create_conversation: [
    {
      name: 'required fields',
      input: {
        channel: 'support',
        subject: 'Where is my parcel?',
        message: 'It has been a week.',
        customer_email: 'new.customer@example.com',
      },
      requests: [
        {
          method: 'POST',
          path: '/conversations',
          answer: { object: 'conversation' },
          wrongShape: unexpectedAfterWrite('the new conversation'),
          emptyRecord: noRecord('conversation', true),
          notFound: BRAND_NOT_FOUND,
        },
      ],
    },
  ],
  create_message: [
    {
      name: 'a reply',
      input: { conversation: CONVERSATION, body: 'It ships today.', visibility: '0' },
      requests: [
        {
          method: 'POST',
          path: `/conversations/${CONVERSATION}/messages`,
          answer: { object: 'message' },
          wrongShape: unexpectedAfterWrite('the new message'),
          emptyRecord: noRecord('message', true),
          notFound: NO_CONVERSATION,
        },
      ],
    },
    {
      name: 'a response template (read first)',
      input: { conversation: CONVERSATION, visibility: '0', response_template: TEMPLATE },
      requests: [
        {
          method: 'GET',
          path: `/response_templates/${TEMPLATE}`,
          answer: { object: 'response_template' },
          wrongShape: unexpected('the response template'),
          notFound: notFound(
            `No response template with ID ${TEMPLATE} was found (it may have been deleted, or be another user's personal template) on ${HOST}.`,
          ),
        },
        {
          method: 'POST',
          path: `/conversations/${CONVERSATION}/messages`,
          answer: { object: 'message' },
          wrongShape: unexpectedAfterWrite('the new message'),
          emptyRecord: noRecord('message', true),
          notFound: NO_CONVERSATION,
        },
      ],
    },
  ],
  update_conversation: [
    {
      name: 'a status',
      input: { conversation: CONVERSATION, status: '2' },
      requests: [
        {
          method: 'PUT',
          path: `/conversations/${CONVERSATION}`,
          answer: { object: 'conversation' },
          wrongShape: unexpectedAfterWrite('the updated conversation'),
          emptyRecord: noRecord('conversation', true),
          notFound: NO_CONVERSATION,
        },
      ],
    },
    {
      name: 'a tag added (reads the current tags first)',
      input: { conversation: CONVERSATION, tags: ['vip'] },
      requests: [
        {
          method: 'GET',
          path: `/conversations/${CONVERSATION}`,
          answer: { object: 'conversation' },
          wrongShape: unexpected('the conversation’s tags'),
          emptyRecord: noRecord('conversation', false),
          notFound: NO_CONVERSATION,
        },
        {
          method: 'PUT',
          path: `/conversations/${CONVERSATION}`,
          answer: { object: 'conversation' },
          wrongShape: unexpectedAfterWrite('the updated conversation'),
          emptyRecord: noRecord('conversation', true),
          notFound: NO_CONVERSATION,
        },
      ],
    },
  ],
  find_contact: [
    {
      name: 'by email',
      input: { email: CONTACT },
      requests: [listRead('/contacts', 'contacts')],
    },
  ],
  find_response_template: [
    {
      name: 'by name',
      input: { query: 'Return label' },
      requests: [
        listRead('/response_templates', 'response_templates', {
          wrongShape: unexpected('the list of response templates'),
        }),
      ],
    },
  ],
  find_messages: [
    {
      name: 'newest first, without notes',
      input: { conversation: CONVERSATION },
      requests: [
        listRead(`/conversations/${CONVERSATION}/messages`, 'messages', {
          // A search reports a conversation Re:amaze does not know as no result.
          notFound: { empty: true },
        }),
      ],
    },
  ],
  find_staff_member: [
    { name: 'by email', input: { email: STAFF }, requests: [listRead('/staff', 'staff')] },
  ],
  api_request: [
    {
      name: 'a GET',
      input: { method: 'GET', path: '/staff', query: { page: '1' } },
      requests: [
        listRead('/staff', 'staff', {
          // Any JSON is an answer here: the action returns it, whatever its shape.
          wrongShape: { answered: true },
          emptyAnswer: { answered: true },
          notFound: notFound(
            `Re:amaze's API has nothing at GET /api/v1/staff (check the path and any ID in it) on ${HOST}.`,
          ),
        }),
      ],
    },
    {
      name: 'a POST',
      input: {
        method: 'POST',
        path: `/conversations/${CONVERSATION}/messages`,
        body: '{"message": {"body": "Sent through API Request.", "visibility": 1}}',
      },
      requests: [
        {
          method: 'POST',
          path: `/conversations/${CONVERSATION}/messages`,
          answer: { object: 'message' },
          wrongShape: { answered: true },
          emptyAnswer: { answered: true },
          notFound: notFound(
            `Re:amaze's API has nothing at POST /api/v1/conversations/${CONVERSATION}/messages (check the path and any ID in it) on ${HOST}.`,
          ),
        },
      ],
    },
  ],
  find_conversation: [
    {
      name: 'by slug',
      input: { conversation: CONVERSATION },
      requests: [
        {
          method: 'GET',
          path: `/conversations/${CONVERSATION}`,
          answer: { object: 'conversation' },
          wrongShape: unexpected('the conversation'),
          // Only a 404 proves there is none: `200 {}` must not let find-or-create make a second one.
          emptyRecord: noRecord('conversation', false),
          // A search reports "not found" as no result, so find-or-create goes on to create.
          notFound: { empty: true },
        },
      ],
    },
    {
      name: 'by customer email',
      input: { customer_email: CONTACT },
      requests: [listRead('/conversations', 'conversations')],
    },
  ],
};

/** The table's cases for an operation; throws when it has none, so new operations are not skipped. */
export function casesFor(operation: RegisteredOperation): OperationCase[] {
  const cases = OPERATION_CASES[operation.key];
  if (!cases || cases.length === 0) {
    throw new Error(
      `test/failures/operations.ts has no minimal input for ${operation.kind} "${operation.key}": add one to OPERATION_CASES`,
    );
  }
  return cases;
}

/** Every registered operation with each of its cases. */
export function operationCases(
  filter: (operation: RegisteredOperation) => boolean = () => true,
): { operation: RegisteredOperation; case: OperationCase }[] {
  return registeredOperations()
    .filter(filter)
    .flatMap((operation) => casesFor(operation).map((entry) => ({ operation, case: entry })));
}
