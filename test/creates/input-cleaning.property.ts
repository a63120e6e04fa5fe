import fc from 'fast-check';
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import App from '../../index';
import { API_ORIGIN, appTester, authData, resetNock } from '../helpers';

/**
 * Input cleaning for every create (property): every non-empty value a user maps reaches Re:amaze
 * unchanged, in the request body, path or query. Free text is sent exactly as given (surrounding
 * spaces, line breaks, HTML, "007", "true" and emoji included); identifiers (emails, mobile
 * numbers, slugs, URLs, dates, and the tags Update Conversation merges) lose only their surrounding
 * spaces. Each create's fields come from the registry, and each field needs a generator below: a
 * create or field without one fails the test, so new fields are covered too.
 */

type Input = Record<string, unknown>;

/** How a field's value must appear in the request. */
type Contract =
  | 'exact' // as given
  | 'exact, then a template' // as given, alone or followed by a blank line and a template's text
  | 'trimmed' // surrounding spaces removed
  | 'exact items' // a list: each item as given
  | 'trimmed items' // a list: each item without surrounding spaces
  | 'exact pairs' // a dict: each key with its value as given
  | 'same instant' // a date and time: the same instant, sent in UTC
  | 'code' // a choice: sent as its number code
  | 'boolean' // sent as true or false
  | 'path' // a path below /api/v1: its segments, in order, at the end of the request's path
  | 'query pairs' // a dict: each value as given, in the query
  | 'json' // JSON text: sent as the same JSON value
  | 'mapped' // a choice sent as the value `sentAs` gives it
  | 'not sent'; // steers the request, is not itself sent

interface FieldSpec {
  contract: Contract;
  value: fc.Arbitrary<unknown>;
  /** For `mapped`: what each choice is sent as. */
  sentAs?: Readonly<Record<string, unknown>>;
}

/** Shows nothing: counts as absent (lib/input/read.ts). */
const blank = (value: string): boolean => /^[\s\p{Cc}\p{Cf}]*$/u.test(value);
/** Control characters are removed from text, so the "exact" contract is for text without them. */
const plain = (value: string): boolean => !blank(value) && !/(?![\t\n\r])\p{Cc}/u.test(value);
const text = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
    fc.constantFrom(
      '  leading and trailing spaces  ',
      'two\nlines',
      '<p>Hello <b>there</b></p>',
      '**Markdown** _too_',
      '007',
      'true',
      '42',
      'שלום 👋 مرحبا',
      'Quotes "double" and \'single\' & ampersands',
    ),
  )
  .filter(plain);
const spaced = (arbitrary: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.constantFrom('', ' ', '  '), arbitrary, fc.constantFrom('', ' '))
    .map((p) => p.join(''));
const email = spaced(
  fc.emailAddress().filter((value) => /^[^\s@]+@(?:[^\s@.]+\.)+[a-z]{2,}$/i.test(value)),
);
/** A contact named in the path: no slash or %-escape (lib/input/contact.ts refuses them). */
const pathEmail = email.filter((value) => !/[/\\%]/.test(value));
const mobile = spaced(fc.stringMatching(/^\+[1-9]\d{6,14}$/));
const slug = spaced(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/));
/**
 * Addresses Re:amaze fetches (files from earlier steps, avatars): public https addresses in the
 * canonical form Zapier hands files over in, which is also the form they are sent in.
 */
const url = spaced(
  fc
    .webUrl({ validSchemes: ['https'] })
    .map((value) => new URL(value).href)
    .filter((value) => /^https:\/\/[a-z0-9-]+\.[a-z0-9.-]*[a-z]\//.test(value)),
);
const fileUrls = fc.array(url, { minLength: 1, maxLength: 3 });
/** An instant written with one of several UTC offsets, as Zapier's datetime fields may deliver it. */
const dateTime = spaced(
  fc
    .tuple(
      fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
      fc.constantFrom(0, 120, -300, 330),
    )
    .map(([date, offset]) => {
      const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
      if (offset === 0) return `${local}Z`;
      const sign = offset > 0 ? '+' : '-';
      const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
      return `${local}${sign}${hours}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
    }),
);
const texts = fc.array(text, { minLength: 1, maxLength: 4 });
const pairs = fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }).filter(plain), text, {
  minKeys: 1,
  maxKeys: 4,
});
const flag = fc.constantFrom('true', 'false', 'yes', 'no', true, false);
const optional = (spec: FieldSpec): FieldSpec => ({
  ...spec,
  value: fc.option(spec.value, { nil: undefined }),
});

const exact = (value: fc.Arbitrary<unknown>): FieldSpec => ({ contract: 'exact', value });
const trimmed = (value: fc.Arbitrary<unknown>): FieldSpec => ({ contract: 'trimmed', value });

const incidentStatus = spaced(
  fc.constantFrom('investigating', 'identified', 'monitoring', 'resolved'),
);
const systemStatus = spaced(
  fc.constantFrom('operational', 'degraded_performance', 'partial_outage', 'major_outage'),
);

/** One generator per input field of every create; `fix` makes a combination valid. */
const CREATES: Record<
  string,
  { fields: Record<string, FieldSpec>; fix?: (input: Input) => Input }
> = {
  create_contact: {
    fields: {
      email: optional(trimmed(email)),
      mobile: optional(trimmed(mobile)),
      name: optional(exact(text)),
      external_id: optional(exact(text)),
      avatar_url: optional(trimmed(url)),
      notes: optional({ contract: 'exact items', value: texts }),
      data: optional({ contract: 'exact pairs', value: pairs }),
    },
    // Email or mobile is required.
    fix: (input) =>
      input.email === undefined && input.mobile === undefined
        ? { ...input, email: 'maya@example.com' }
        : input,
  },
  update_contact: {
    fields: {
      contact: trimmed(fc.oneof(pathEmail, mobile)),
      name: optional(exact(text)),
      friendly_name: optional(exact(text)),
      avatar_url: optional(trimmed(url)),
      data: optional({ contract: 'exact pairs', value: pairs }),
      notes: optional({ contract: 'exact items', value: texts }),
    },
    // Something to update is required.
    fix: (input) =>
      ['name', 'friendly_name', 'avatar_url', 'data', 'notes'].every((k) => input[k] === undefined)
        ? { ...input, name: 'Maya' }
        : input,
  },
  create_contact_note: {
    fields: {
      contact: trimmed(fc.oneof(pathEmail, mobile)),
      note: exact(text),
      creator_email: optional(trimmed(email)),
      created_at: optional({ contract: 'same instant', value: dateTime }),
    },
  },
  create_conversation: {
    fields: {
      channel: trimmed(slug),
      subject: exact(text),
      message: exact(text),
      customer_email: trimmed(email),
      customer_name: optional(exact(text)),
      tags: optional({ contract: 'exact items', value: texts }),
      status: optional({ contract: 'code', value: fc.constantFrom('0', '1', '2', '3', '4') }),
      recipients: optional({
        contract: 'trimmed items',
        value: fc.array(email, { minLength: 1, maxLength: 3 }),
      }),
      attachments: optional({ contract: 'trimmed items', value: fileUrls }),
      suppress_notifications: optional({ contract: 'boolean', value: flag }),
      customer_data: optional({ contract: 'exact pairs', value: pairs }),
      conversation_data: optional({ contract: 'exact pairs', value: pairs }),
    },
  },
  create_message: {
    fields: {
      conversation: trimmed(slug),
      body: { contract: 'exact, then a template', value: text },
      visibility: { contract: 'code', value: fc.constantFrom('0', '1') },
      response_template: optional(
        trimmed(spaced(fc.integer({ min: 1, max: 999_999 }).map(String))),
      ),
      sender_email: optional(trimmed(email)),
      sender_name: optional(exact(text)),
      recipients: optional({
        contract: 'trimmed items',
        value: fc.array(email, { minLength: 1, maxLength: 3 }),
      }),
      attachments: optional({ contract: 'trimmed items', value: fileUrls }),
      suppress_notifications: optional({ contract: 'boolean', value: flag }),
      keep_open: optional({ contract: 'boolean', value: flag }),
      origin_id: optional(exact(text)),
    },
    // A sender name needs a sender email.
    fix: (input) =>
      input.sender_name !== undefined && input.sender_email === undefined
        ? { ...input, sender_email: 'sam@acme.example' }
        : input,
  },
  api_request: {
    fields: {
      method: { contract: 'not sent', value: fc.constantFrom('POST', 'PUT') },
      path: {
        contract: 'path',
        value: spaced(
          fc
            .array(fc.stringMatching(/^[a-z0-9][a-z0-9._~-]{0,20}$/), {
              minLength: 1,
              maxLength: 4,
            })
            .filter((parts) => parts.every((part) => !/^\.+$/.test(part)))
            .map((parts) => `/${parts.join('/')}`),
        ),
      },
      query: optional({ contract: 'query pairs', value: pairs }),
      body: optional({
        contract: 'json',
        // Objects, as Re:amaze takes: nock hands a bare JSON string to the recorder already parsed.
        value: fc
          .dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 })
          .map((value) => JSON.stringify(value, null, 1)),
      }),
      about_the_answer: { contract: 'not sent', value: fc.constant(undefined) },
    },
  },
  update_conversation: {
    fields: {
      conversation: trimmed(slug),
      status: optional({ contract: 'code', value: fc.constantFrom('0', '1', '2', '3', '4', '5') }),
      hold_until: optional({ contract: 'same instant', value: dateTime }),
      assignee: optional(trimmed(email)),
      // Tags are merged with the current ones without regard to case, so they are distinct here.
      tags: optional({
        contract: 'trimmed items',
        value: fc.uniqueArray(text, {
          minLength: 1,
          maxLength: 4,
          selector: (tag) => tag.trim().toLowerCase(),
        }),
      }),
      // Removing tags sends the current tags without them; adding and replacing send them.
      tag_action: { contract: 'not sent', value: fc.constantFrom('add', 'replace') },
      custom_data: optional({ contract: 'exact pairs', value: pairs }),
    },
    fix: (input) => {
      let fixed = input;
      // On Hold needs Hold Until; something must change.
      if (fixed.status === '5' && fixed.hold_until === undefined) {
        fixed = { ...fixed, hold_until: '2026-03-10T09:00:00-05:00' };
      }
      if (
        ['status', 'hold_until', 'assignee', 'tags', 'custom_data'].every(
          (k) => fixed[k] === undefined,
        )
      ) {
        fixed = { ...fixed, status: '2' };
      }
      return fixed;
    },
  },
  create_article: {
    fields: {
      title: exact(text),
      body: exact(text),
      topic: optional(trimmed(slug)),
      status: {
        contract: 'mapped',
        value: fc.constantFrom('published', 'draft'),
        sentAs: { published: 0, draft: 1 },
      },
    },
  },
  update_article: {
    fields: {
      article: trimmed(slug),
      title: optional(exact(text)),
      body: optional(exact(text)),
    },
    // Something to update is required.
    fix: (input) =>
      input.title === undefined && input.body === undefined ? { ...input, title: 'FAQ' } : input,
  },
  create_incident: {
    fields: {
      title: exact(text),
      status: trimmed(incidentStatus),
      message: exact(text),
      systems: optional({
        contract: 'trimmed items',
        value: fc.array(slug, { minLength: 1, maxLength: 3 }),
      }),
      system_status: optional(trimmed(systemStatus)),
    },
    // Chosen systems need their status, and a status needs systems.
    fix: (input) => {
      if (input.systems !== undefined && input.system_status === undefined)
        return { ...input, system_status: 'major_outage' };
      if (input.systems === undefined && input.system_status !== undefined)
        return { ...input, systems: ['411'] };
      return input;
    },
  },
  create_incident_update: {
    fields: {
      incident: trimmed(slug),
      status: trimmed(incidentStatus),
      message: exact(text),
      system_status: optional(trimmed(systemStatus)),
    },
  },
};

interface Sent {
  method: string;
  /** Decoded path segments. */
  segments: string[];
  query: string[];
  body: unknown;
}

/** Records every request to the brand and answers each the way the creates accept. */
function recordRequests(): Sent[] {
  const sent: Sent[] = [];
  for (const method of ['GET', 'POST', 'PUT']) {
    nock(API_ORIGIN)
      .persist()
      .intercept(/.*/, method)
      .query(true)
      .reply(function (uri, body) {
        const parsed = new URL(uri, API_ORIGIN);
        sent.push({
          method,
          segments: parsed.pathname.split('/').map(decodeURIComponent),
          query: [...parsed.searchParams.values()],
          body: typeof body === 'string' && body !== '' ? JSON.parse(body) : body,
        });
        // Update Conversation reads the current tags first; notes come back as a list.
        // Add Message reads the chosen response template first.
        // Add Incident Update reads the incident's linked systems first.
        if (method === 'GET') {
          const systems = [{ id: 7, system_id: '411', status: 'major_outage' }];
          return [
            200,
            { id: 1, slug: 'x', tag_list: [], body: 'Saved reply.', incidents_systems: systems },
          ];
        }
        // A write answers with a record that names itself (an empty answer is refused).
        const record = { id: 1, slug: 'x', email: 'x@example.com', body: 'x' };
        return [200, parsed.pathname.endsWith('/notes') ? [record] : record];
      });
  }
  return sent;
}

/** Every value in a JSON body, depth first (object keys excluded). */
function leaves(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(leaves);
  return [value];
}

function objects(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(objects);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return [record, ...Object.values(record).flatMap(objects)];
  }
  return [];
}

/** Whether `value` reached Re:amaze under `contract`. */
function delivered(
  spec: Pick<FieldSpec, 'contract' | 'sentAs'>,
  value: unknown,
  requests: Sent[],
): boolean {
  const { contract } = spec;
  const sentLeaves = requests.flatMap((r) => [...leaves(r.body), ...r.query]);
  const inPath = (text: string) => requests.some((r) => r.segments.includes(text));
  const has = (text: string) => sentLeaves.includes(text) || inPath(text);
  switch (contract) {
    case 'exact':
      return has(value as string);
    case 'exact, then a template':
      return sentLeaves.some(
        (leaf) =>
          leaf === value || (typeof leaf === 'string' && leaf.startsWith(`${value as string}\n\n`)),
      );
    case 'trimmed':
      return has((value as string).trim());
    case 'exact items':
      return (value as string[]).every((item) => blank(item) || has(item));
    case 'trimmed items':
      return (value as string[]).every((item) => blank(item) || has(item.trim()));
    case 'exact pairs': {
      const found = requests.flatMap((r) => objects(r.body));
      return Object.entries(value as Record<string, string>).every(([key, inner]) =>
        found.some((object) => object[key] === inner),
      );
    }
    case 'same instant':
      return has(new Date((value as string).trim()).toISOString());
    case 'code':
      return sentLeaves.includes(Number(value));
    case 'boolean':
      return sentLeaves.includes(['true', 'yes', true].includes(value as string | boolean));
    case 'path':
      return requests.some((r) =>
        r.segments.join('/').endsWith((value as string).trim().replace(/^\//, '')),
      );
    case 'query pairs':
      return Object.values(value as Record<string, string>).every((inner) =>
        requests.some((r) => r.query.includes(inner)),
      );
    case 'json':
      return requests.some(
        (r) => JSON.stringify(r.body) === JSON.stringify(JSON.parse(value as string)),
      );
    case 'mapped':
      return sentLeaves.includes(spec.sentAs?.[value as string]);
    case 'not sent':
      return true;
  }
}

type Perform = (z: ZObject, bundle: Bundle) => Promise<unknown>;
const registered = Object.values(
  (
    App as unknown as {
      creates: Record<
        string,
        { key: string; operation: { perform: Perform; inputFields: { key: string }[] } }
      >;
    }
  ).creates,
);

/**
 * Every create, every field, `runs` generated inputs each through Zapier's runner: the everyday
 * run (input-cleaning.property.test.ts) and the long one (input-cleaning.long.test.ts).
 */
export function describeInputCleaning(runs: number): void {
  afterEach(resetNock);

  describe('every non-empty user value reaches Re:amaze unchanged (property)', () => {
    it('every create and every one of its input fields has a generator', () => {
      expect(registered.map((create) => create.key).sort()).toEqual(Object.keys(CREATES).sort());
      for (const create of registered) {
        expect([create.key, create.operation.inputFields.map((f) => f.key).sort()]).toEqual([
          create.key,
          Object.keys(CREATES[create.key]?.fields ?? {}).sort(),
        ]);
      }
    });

    it.each(registered.map((create) => [create.key, create] as const))(
      '%s',
      async (key, create) => {
        const spec = CREATES[key];
        if (!spec) throw new Error(`no generators for ${key}`);
        const inputs = fc
          .record(Object.fromEntries(Object.entries(spec.fields).map(([k, f]) => [k, f.value])))
          .map((input) =>
            (spec.fix ?? ((i: Input) => i))(
              Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
            ),
          );
        await fc.assert(
          fc.asyncProperty(inputs, async (input) => {
            resetNock();
            const sent = recordRequests();
            await appTester(create.operation.perform, { authData, inputData: input });
            expect(sent.length).toBeGreaterThan(0);
            for (const [field, value] of Object.entries(input)) {
              const fieldSpec = spec.fields[field] ?? { contract: 'exact' as const };
              expect([field, value, delivered(fieldSpec, value, sent)]).toEqual([
                field,
                value,
                true,
              ]);
            }
          }),
          { numRuns: runs, seed: 8 },
        );
      },
      30_000,
    );
  });
}
