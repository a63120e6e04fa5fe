import type { Bundle, ZObject } from 'zapier-platform-core';
import nock from 'nock';
import App from '../../index';
import newContact, { perform as operationPerform } from '../../triggers/new_contact';
import { contactSample } from '../../lib/records/contact';
import { DEFAULT_HORIZON_MS } from '../../lib/polling/paging';
import { appTester, authData, failure, reamaze, resetNock } from '../helpers';

// Tests pass loosely typed input (odd values included) to the operation's own perform.
const perform = operationPerform as unknown as (z: ZObject, bundle: Bundle) => Promise<Item[]>;
type Item = Record<string, unknown> & { id: string };
const run = (inputData: Record<string, unknown> = {}, meta: Record<string, unknown> = {}) =>
  appTester(perform, { authData, inputData, meta });

const MINUTE = 60_000;
const NOW = Date.parse('2026-03-09T19:30:00.000Z');

/** `n` contacts created one a minute, the newest `newestAgeMinutes` ago, rendered at -05:00. */
function contacts(n: number, newestAgeMinutes = 0, from = 0): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => {
    const at = NOW - (newestAgeMinutes + i) * MINUTE;
    const local = new Date(at - 5 * 60 * MINUTE).toISOString().slice(0, -1);
    return {
      name: `Customer ${from + i}`,
      email: `customer${from + i}@example.com`,
      _id: 900000 + from + i,
      created_at: `${local}-05:00`,
      notes: [],
    };
  });
}

const page = (items: unknown[], pageCount: number, totalCount = items.length) => ({
  page_size: 30,
  page_count: pageCount,
  total_count: totalCount,
  contacts: items,
});

beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => {
  jest.restoreAllMocks();
  resetNock();
});

describe('New Contact: definition', () => {
  it('is named and described the Zapier way and deduplicates on id, Re:amaze’s contact key', () => {
    expect(App.triggers?.new_contact?.key).toBe('new_contact');
    expect(newContact.noun).toBe('Contact');
    expect(newContact.display).toEqual({
      label: 'New Contact',
      description: 'Triggers when a new contact is added to your account.',
    });
    const primary = (newContact.operation.outputFields as { key: string; primary?: boolean }[])
      .filter((field) => field.primary)
      .map((field) => field.key);
    expect(primary).toEqual([]);
    expect(newContact.operation.sample).toBe(contactSample);
    expect(contactSample.id).toBe('48211907');
  });
});

describe('New Contact: requests', () => {
  it('asks for the newest contacts first, one request when page 1 reaches past the horizon', async () => {
    const scope = reamaze()
      .get('/api/v1/contacts')
      .query({ sort: 'date', page: '1' })
      .reply(
        200,
        page(
          contacts(30, 0).map((c, i) => ({
            ...c,
            created_at: i < 29 ? c.created_at : '2026-03-01T00:00:00.000Z',
          })),
          4,
          100,
        ),
      );
    const items = await run();
    expect(scope.isDone()).toBe(true);
    expect(items).toHaveLength(30);
    expect(items[0]?.id).toBe('900000');
  });

  it('sends the Contact Type filter as type, and leaves it out when empty', async () => {
    const mobile = reamaze()
      .get('/api/v1/contacts')
      .query({ sort: 'date', type: 'mobile', page: '1' })
      .reply(200, page([], 0));
    expect(await run({ contact_type: 'mobile' })).toEqual([]);
    expect(mobile.isDone()).toBe(true);

    const all = reamaze()
      .get('/api/v1/contacts')
      .query({ sort: 'date', page: '1' })
      .reply(200, page([], 1));
    expect(await run({ contact_type: '' })).toEqual([]);
    expect(all.isDone()).toBe(true);
  });

  it('refuses an unknown Contact Type before any request', async () => {
    const scope = reamaze().get(/.*/).reply(200, page([], 0));
    expect(await failure(run({ contact_type: 'constructor' }))).toMatchObject({
      name: 'HaltedError',
    });
    expect(await failure(run({ contact_type: 'facebook' }))).toEqual({
      name: 'HaltedError',
      message:
        'Contact Type "facebook" is not one of the choices: use Has an Email Address, Has a Mobile Number, or leave it empty.',
    });
    expect(scope.isDone()).toBe(false);
  });

  it('pages through a burst, keeping from later pages only contacts inside the horizon', async () => {
    // One a minute: pages 1 and 2 lie inside the 60-minute horizon; page 3 (60–89) reaches past it.
    const all = contacts(90, 0);
    const scope = reamaze()
      .get('/api/v1/contacts')
      .query({ sort: 'date', page: '1' })
      .reply(200, page(all.slice(0, 30), 3, 90))
      .get('/api/v1/contacts')
      .query({ sort: 'date', page: '2' })
      .reply(200, page(all.slice(30, 60), 3, 90))
      .get('/api/v1/contacts')
      .query({ sort: 'date', page: '3' })
      .reply(200, page(all.slice(60, 90), 3, 90));
    const items = await run();
    expect(scope.isDone()).toBe(true);
    const horizonMinutes = DEFAULT_HORIZON_MS / MINUTE;
    expect(items.map((i) => i.id)).toEqual(
      all.slice(0, horizonMinutes + 1).map((c) => String(c._id)),
    );
  });

  it('loads an editor sample with one request', async () => {
    const scope = reamaze()
      .get('/api/v1/contacts')
      .query({ sort: 'date', page: '1' })
      .reply(200, page(contacts(30), 3, 90));
    expect(await run({}, { isLoadingSample: true })).toHaveLength(30);
    expect(scope.isDone()).toBe(true);
  });

  it('returns a contact once when a page boundary shifts, and leaves out contacts with no identity', async () => {
    const all = contacts(31);
    const scope = reamaze()
      .get('/api/v1/contacts')
      .query({ sort: 'date', page: '1' })
      .reply(
        200,
        page([...all.slice(0, 29), { name: 'Nobody', created_at: all[29]!.created_at }], 2, 32),
      )
      .get('/api/v1/contacts')
      .query({ sort: 'date', page: '2' })
      .reply(200, page([all[28], all[30]], 2, 32));
    const items = await run();
    expect(scope.isDone()).toBe(true);
    expect(items.map((i) => i.name)).toEqual([
      ...all.slice(0, 29).map((c) => c.name),
      all[30]!.name,
    ]);
  });

  it('identifies contacts without _id by email, else mobile', async () => {
    reamaze()
      .get('/api/v1/contacts')
      .query(true)
      .reply(
        200,
        page(
          [
            {
              name: 'Email only',
              email: 'Ana@Example.com',
              created_at: '2026-03-09T19:00:00.000Z',
            },
            {
              name: 'Mobile only',
              mobile: '+447700900123',
              created_at: '2026-03-09T18:00:00.000Z',
            },
          ],
          1,
        ),
      );
    const items = await run();
    expect(items.map((i) => [i.id, i.identifier, i.contact_url])).toEqual([
      ['email:ana@example.com', 'Ana@Example.com', ''],
      ['mobile:+447700900123', '+447700900123', ''],
    ]);
  });
});

describe('New Contact: output', () => {
  it('every field of one contact, in full', async () => {
    const contact = {
      name: 'Maya Lindqvist',
      email: 'maya.lindqvist@example.com',
      friendly_name: 'Maya',
      mobile: '+14155550123',
      id: 'crm-10442',
      _id: 48211907,
      data: { plan: 'Wholesale' },
      notes: [{ id: 7781, note: 'Prefers email.', created_at: '2026-03-09T14:25:40.512-05:00' }],
      created_at: '2026-03-09T14:22:05.118-05:00',
      updated_at: '2026-03-09T14:25:40.530-05:00',
    };
    reamaze()
      .get('/api/v1/contacts')
      .query(true)
      .reply(200, page([contact], 1));
    expect(await run()).toEqual([
      {
        id: '48211907',
        name: 'Maya Lindqvist',
        first_name: 'Maya',
        last_name: 'Lindqvist',
        friendly_name: 'Maya',
        email: 'maya.lindqvist@example.com',
        mobile: '+14155550123',
        identifier: 'maya.lindqvist@example.com',
        external_id: 'crm-10442',
        twitter: '',
        facebook: '',
        instagram: '',
        data: { plan: 'Wholesale' },
        notes: [
          { note: 'Prefers email.', created_at: '2026-03-09T14:25:40.512-05:00', author_name: '' },
        ],
        created_at: '2026-03-09T14:22:05.118-05:00',
        updated_at: '2026-03-09T14:25:40.530-05:00',
        contact_url: 'https://acme.reamaze.io/admin/users/48211907',
      },
    ]);
  });

  it('the sample has the live shape: the same keys as a live item', async () => {
    reamaze()
      .get('/api/v1/contacts')
      .query(true)
      .reply(200, page(contacts(1), 1));
    const [item] = await run();
    expect(Object.keys(item as object).sort()).toEqual(Object.keys(contactSample).sort());
  });
});

describe('New Contact: failures', () => {
  it('an empty result is no items, whether page_count is 0 or 1', async () => {
    reamaze().get('/api/v1/contacts').query(true).reply(200, page([], 0));
    expect(await run()).toEqual([]);
    reamaze().get('/api/v1/contacts').query(true).reply(200, page([], 1));
    expect(await run()).toEqual([]);
  });

  it('a body without a contact list is a clear error, not a TypeError', async () => {
    reamaze().get('/api/v1/contacts').query(true).reply(200, { contacts: 'none' });
    expect(await failure(run())).toMatchObject({
      name: 'AppError',
      code: 'UnexpectedResponse',
      message: expect.stringContaining('the list of contacts'),
    });
  });

  it('a rate limit asks Zapier to poll again later', async () => {
    reamaze().get('/api/v1/contacts').query(true).reply(429, '', { 'Retry-After': '30' });
    expect(await failure(run())).toMatchObject({ name: 'ThrottledError', delay: 30 });
  });
});

/** `GET /contacts?sort=date` over `made`: those created by `now()`, newest first, 30 a page. */
function serveContacts(
  made: { _id: number; at: number }[],
  now: () => number,
  counted: () => void,
): void {
  reamaze()
    .persist()
    .get('/api/v1/contacts')
    .query(true)
    .reply((uri) => {
      counted();
      const p = Number(new URL(uri, 'https://x').searchParams.get('page'));
      const visible = made.filter((c) => c.at <= now()).sort((a, b) => b.at - a.at);
      const items = visible.slice((p - 1) * 30, p * 30).map((c) => ({
        name: `Contact ${c._id}`,
        email: `contact${c._id}@example.com`,
        _id: c._id,
        created_at: new Date(c.at).toISOString(),
      }));
      return [200, page(items, Math.ceil(visible.length / 30), visible.length)];
    });
}

/**
 * The trigger as Zapier runs it over a few simulated hours: contacts arrive in quiet stretches
 * and in bursts of up to 150 between two polls; the Zap's seed poll fills the seen-list, later
 * polls fire what is new to it.
 */
describe('New Contact: simulated polls with Zapier dedupe', () => {
  it('fires each contact once, in the first poll after it was created; quiet polls cost one request', async () => {
    const start = NOW;
    const made: { _id: number; at: number }[] = [];
    for (let i = 0; i < 120; i += 1) made.push({ _id: i, at: start - 1 - i * 11 * MINUTE });
    let clock = start;
    let requests = 0;
    (Date.now as jest.Mock).mockImplementation(() => clock);
    serveContacts(
      made,
      () => clock,
      () => (requests += 1),
    );

    // [minutes until the next poll, contacts created in between]
    const steps: [number, number][] = [
      [5, 1],
      [15, 0],
      [1, 2],
      [2, 150],
      [15, 3],
      [5, 40],
      [1, 0],
      [15, 90],
      [15, 2],
      [2, 31],
    ];
    const seen = new Set<string>();
    const log: { requests: number; inHorizon: number }[] = [];
    await run({}, { isPopulatingDedupe: true }).then((items) =>
      items.forEach((i) => seen.add(i.id)),
    );
    let next = 1000;
    for (const [minutes, arriving] of steps) {
      const previous = clock;
      clock += minutes * MINUTE;
      const created: string[] = [];
      for (let i = 0; i < arriving; i += 1) {
        made.push({
          _id: next,
          at: previous + 1 + Math.floor(((i + 1) * (clock - previous - 1)) / (arriving + 1)),
        });
        created.push(String(next));
        next += 1;
      }
      requests = 0;
      const items = await run();
      const fired = items.map((i) => i.id).filter((key) => !seen.has(key));
      items.forEach((i) => seen.add(i.id));
      expect(fired.sort()).toEqual(created.sort());
      const inHorizon = made.filter((c) => c.at <= clock && c.at >= clock - DEFAULT_HORIZON_MS);
      log.push({ requests, inHorizon: inHorizon.length });
    }
    // Quiet polls (fewer than a page created during the horizon) cost exactly one request; polls
    // while a burst is inside the horizon page through it again (no Zap id here: no watermarks).
    for (const { requests: count, inHorizon } of log) {
      if (inHorizon < 30) expect(count).toBe(1);
      else expect(count).toBe(Math.floor(inHorizon / 30) + 1);
    }
    expect(log.map((l) => l.requests)).toEqual([1, 1, 1, 6, 6, 7, 7, 10, 10, 11]);
    nock.cleanAll();
  });
});

describe('New Contact with the Zap’s watermarks (z.cache)', () => {
  it('once two polls are stored, a poll of a busy list costs one request; without a Zap id every poll pages the hour', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
    const made = Array.from({ length: 100 }, (_, i) => ({ _id: i, at: NOW - i * 30_000 }));
    let requests = 0;
    serveContacts(
      made,
      () => NOW,
      () => (requests += 1),
    );
    const counts: number[][] = [];
    for (const meta of [
      {},
      {},
      { zap: { id: 'c1' } },
      { zap: { id: 'c1' } },
      { zap: { id: 'c1' } },
    ]) {
      requests = 0;
      const items = await run({}, meta);
      counts.push([requests, items.length]);
    }
    expect(counts).toEqual([
      [4, 100],
      [4, 100],
      [4, 100],
      [4, 100],
      [1, 30],
    ]);
    nock.cleanAll();
  });
});
