import type { Bundle, ZObject } from 'zapier-platform-core';
import App from '../../index';
import findContact, {
  perform as operationPerform,
  SEARCH_BUDGET_MS,
} from '../../searches/find_contact';
import { contactSample } from '../../lib/records/contact';
import { appTester, authData, failure, reamaze, resetNock } from '../helpers';

// Tests pass loosely typed input (odd values included) to the operation's own perform.
const perform = operationPerform as unknown as (z: ZObject, bundle: Bundle) => Promise<Item[]>;
type Item = Record<string, unknown>;
const run = (inputData: Record<string, unknown>) => appTester(perform, { authData, inputData });

const page = (contacts: unknown[], pageCount = 1) => ({
  page_size: 30,
  page_count: pageCount,
  total_count: contacts.length,
  contacts,
});

const maya = {
  name: 'Maya Lindqvist',
  email: 'maya@example.com',
  mobile: '+14155550123',
  _id: 1,
  created_at: '2026-03-09T14:22:05.118-05:00',
};
/** What Re:amaze's text search also returns for "maya@example.com". */
const nearMiss = { name: 'Maya L', email: 'maya@example.com.au', _id: 2 };
const other = { name: 'Jimmy', email: 'jim.maya@example.com', mobile: '+141555501234', _id: 3 };

afterEach(resetNock);

describe('Find Contact', () => {
  it('is registered, named the Zapier way, and powers Find or Create Contact', () => {
    expect(App.searches?.find_contact?.key).toBe('find_contact');
    expect(findContact.display).toEqual({
      label: 'Find Contact',
      description: 'Finds a contact by email address, mobile number, name or custom data.',
    });
    expect(App.searchOrCreates?.find_contact).toEqual({
      key: 'find_contact',
      display: {
        label: 'Find or Create Contact',
        description:
          'Finds a contact by email, mobile, name or custom data; updates the one found, or creates one.',
      },
      search: 'find_contact',
      create: 'create_contact',
      // The contact found goes to Update Contact's Contact field as its email or mobile.
      update: 'update_contact',
      updateInputFromSearchOutput: { contact: 'identifier' },
    });
    expect(findContact.operation.sample).toBe(contactSample);
  });

  it('by email: q and type=email, and only the exact email (any case) counts as found', async () => {
    const scope = reamaze()
      .get('/api/v1/contacts')
      .query({ q: 'Maya@Example.com', type: 'email', page: '1' })
      .reply(200, page([nearMiss, { ...maya, email: 'MAYA@example.com' }, other]));
    const result = await run({ email: ' Maya@Example.com ' });
    expect(scope.isDone()).toBe(true);
    expect(result.map((c) => c.id)).toEqual(['1']);
    expect(result[0]).toEqual({
      id: '1',
      name: 'Maya Lindqvist',
      first_name: 'Maya',
      last_name: 'Lindqvist',
      friendly_name: '',
      email: 'MAYA@example.com',
      mobile: '+14155550123',
      identifier: 'MAYA@example.com',
      external_id: '',
      twitter: '',
      facebook: '',
      instagram: '',
      data: {},
      notes: [],
      created_at: '2026-03-09T14:22:05.118-05:00',
      updated_at: null,
      contact_url: 'https://acme.reamaze.io/admin/users/1',
    });
  });

  it('by mobile: q and type=mobile, exact number only', async () => {
    const scope = reamaze()
      .get('/api/v1/contacts')
      .query({ q: '+14155550123', type: 'mobile', page: '1' })
      .reply(200, page([other, maya]));
    expect((await run({ mobile: '+14155550123' })).map((c) => c.id)).toEqual(['1']);
    expect(scope.isDone()).toBe(true);
  });

  it('pages on until the exact match: behind 150 near matches it is still found', async () => {
    const fillers = (from: number) =>
      Array.from({ length: 30 }, (_, i) => ({
        name: 'x',
        email: `maya@example.com.${from + i}`,
        _id: 100 + from + i,
      }));
    let scope = reamaze();
    for (let p = 1; p <= 5; p += 1) {
      scope = scope
        .get('/api/v1/contacts')
        .query({ q: 'maya@example.com', type: 'email', page: String(p) })
        .reply(200, page(fillers(p * 30), 7));
    }
    scope = scope
      .get('/api/v1/contacts')
      .query({ q: 'maya@example.com', type: 'email', page: '6' })
      .reply(200, page([maya], 7));
    expect((await run({ email: 'maya@example.com' })).map((c) => c.id)).toEqual(['1']);
    expect(scope.isDone()).toBe(true);
  });

  it('reads to the end of the list before it says there is none', async () => {
    const fillers = Array.from({ length: 30 }, (_, i) => ({
      name: 'x',
      email: `m${i}@x.co`,
      _id: i,
    }));
    const all = reamaze().get('/api/v1/contacts').times(9).query(true).reply(200, page(fillers, 9));
    expect(await run({ email: 'maya@example.com' })).toEqual([]);
    expect(all.isDone()).toBe(true);
  });

  it('out of time before the end: an error, never "none" (find-or-create would duplicate)', async () => {
    let now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => (now += SEARCH_BUDGET_MS / 8));
    const fillers = Array.from({ length: 30 }, (_, i) => ({
      name: 'x',
      email: `m${i}@x.co`,
      _id: i,
    }));
    reamaze().get('/api/v1/contacts').times(50).query(true).reply(200, page(fillers, 50));
    try {
      expect(await failure(run({ email: 'maya@example.com' }))).toEqual({
        name: 'AppError',
        // Core reads the clock too, so how many pages fit is not exact here.
        message: expect.stringMatching(
          /^Re:amaze's search for maya@example\.com has more matches than could be read in time \(\d pages\), and the exact email is not among them yet\. Try again later; if it persists, search by something more specific\.$/,
        ),
        code: 'SearchUnfinished',
        status: 504,
      });
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('not found is an empty list (so a find-or-create step creates the contact)', async () => {
    const scope = reamaze()
      .get('/api/v1/contacts')
      .query({ q: 'new@example.com', type: 'email', page: '1' })
      .reply(200, page([], 0));
    expect(await run({ email: 'new@example.com' })).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('by name: every match Re:amaze gives, exact names first', async () => {
    const scope = reamaze()
      .get('/api/v1/contacts')
      .query({ q: 'maya lindqvist', page: '1' })
      .reply(200, page([nearMiss, other, maya]));
    expect((await run({ name: 'maya lindqvist' })).map((c) => c.id)).toEqual(['1', '2', '3']);
    expect(scope.isDone()).toBe(true);
  });

  it('the first given of Email, Mobile and Name is searched; custom data narrows any search', async () => {
    const scope = reamaze()
      .get('/api/v1/contacts')
      .query({
        q: 'maya@example.com',
        type: 'email',
        'data[plan]': 'Wholesale',
        'data[store id]': '42',
        page: '1',
      })
      .reply(200, page([maya]));
    const result = await run({
      email: 'maya@example.com',
      mobile: '+14155550199',
      name: 'Someone else',
      data: { plan: 'Wholesale', 'store id': '42' },
    });
    expect(result.map((c) => c.id)).toEqual(['1']);
    expect(scope.isDone()).toBe(true);
  });

  it('by custom data alone: data[key]=value, every contact Re:amaze returns', async () => {
    const scope = reamaze()
      .get('/api/v1/contacts')
      .query({ 'data[crm_id]': 'A-17', page: '1' })
      .reply(200, page([maya, other]));
    expect((await run({ data: { crm_id: 'A-17' } })).map((c) => c.id)).toEqual(['1', '3']);
    expect(scope.isDone()).toBe(true);
  });

  describe('refuses bad input before any request', () => {
    const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
      [
        'nothing to search by',
        { email: '', mobile: ' ', name: '', data: {} },
        {
          name: 'HaltedError',
          message: 'Fill in at least one of Email, Mobile, Name or Custom Data to search by.',
        },
      ],
      ['a malformed email', { email: 'maya@' }, { name: 'HaltedError' }],
      ['a mobile number not in E.164 form', { mobile: '415-555-0123' }, { name: 'HaltedError' }],
      ['nested custom data', { data: { a: { b: 'c' } } }, { name: 'HaltedError' }],
    ];
    it.each(cases)('%s', async (_, inputData, expected) => {
      const scope = reamaze().get(/.*/).reply(200, page([]));
      expect(await failure(run(inputData))).toMatchObject({ name: 'HaltedError', ...expected });
      expect(scope.isDone()).toBe(false);
    });
  });

  it('a body without a contact list is a clear error', async () => {
    reamaze().get('/api/v1/contacts').query(true).reply(200, { contacts: null });
    expect(await failure(run({ name: 'Maya' }))).toMatchObject({ code: 'UnexpectedResponse' });
  });
});
