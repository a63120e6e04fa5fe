import type { Bundle, ZObject } from 'zapier-platform-core';
import type { Sandbox } from '../../tools/sandbox/server';
import { perform as newContact } from '../../triggers/new_contact';
import { perform as createContact } from '../../creates/create_contact';
import { perform as updateContact } from '../../creates/update_contact';
import { perform as createContactNote } from '../../creates/create_contact_note';
import { perform as findContact } from '../../searches/find_contact';
import { perform as contactList } from '../../triggers/contact_list';
import { appTester, authData, failure } from '../helpers';
import { call, testSandbox } from '../tools/sandbox/helpers';

/**
 * The contact operations end to end, through Zapier's runner, against the local Re:amaze: the
 * requests they send are answered by the sandbox's contact routes, as `zapier-platform invoke` does.
 */

type Item = Record<string, unknown>;
type Perform = (z: ZObject, bundle: Bundle) => Promise<unknown>;
const run = <T = Item>(perform: unknown, inputData: Item = {}, meta: Item = {}) =>
  appTester(perform as Perform, { authData, inputData, meta }) as Promise<T>;

let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await testSandbox();
  process.env.REAMAZE_BASE_URL = sandbox.baseUrl;
});

afterEach(async () => {
  delete process.env.REAMAZE_BASE_URL;
  await sandbox.stop();
});

describe('contacts against the sandbox', () => {
  it('find or create: not found, created, then found; a second create is refused with the reason', async () => {
    expect(await run<Item[]>(findContact, { email: 'new.customer@example.com' })).toEqual([]);
    const made = await run(createContact, {
      email: 'new.customer@example.com',
      name: 'New Customer',
      external_id: 'crm-1',
      notes: ['From the web shop.'],
      data: { plan: 'Trial' },
    });
    // Every value sent comes back (the full flattening: test/lib/records/contact.test.ts).
    expect(made).toMatchObject({
      id: expect.stringMatching(/^\d+$/),
      name: 'New Customer',
      first_name: 'New',
      last_name: 'Customer',
      email: 'new.customer@example.com',
      external_id: 'crm-1',
      data: { plan: 'Trial' },
      notes: [{ note: 'From the web shop.' }],
      contact_url: `https://acme.reamaze.io/admin/users/${String(made.id)}`,
    });
    const found = await run<Item[]>(findContact, { email: 'New.Customer@example.com' });
    expect(found.map((c) => c.id)).toEqual([made.id]);

    expect(await failure(run(createContact, { email: 'new.customer@example.com' }))).toMatchObject({
      code: 'InvalidInput',
      message: expect.stringContaining('email has already been taken'),
    });
  });

  it('New Contact lists the newest contact first; every item carries a non-empty, unique id', async () => {
    const seeded = await run<Item[]>(newContact, {}, { isPopulatingDedupe: true });
    const made = await run(createContact, { mobile: '+447700900123', name: 'Olly' });
    const items = await run<Item[]>(newContact);
    expect(items[0]).toMatchObject({ id: made.id, mobile: '+447700900123', external_id: '' });
    expect(items.length).toBeGreaterThan(1);
    for (const item of [...seeded, ...items]) expect(item.id).toMatch(/^\d+$/);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(items.filter((i) => !seeded.some((s) => s.id === i.id))).toHaveLength(1);
    const mobiles = await run<Item[]>(newContact, { contact_type: 'mobile' });
    expect(mobiles.every((i) => i.mobile !== '')).toBe(true);
  });

  it('updates a contact named by its mobile number, sending only what was set', async () => {
    const updated = await run(updateContact, {
      contact: '+14155550134',
      friendly_name: 'Sunny',
      data: { tier: 'Gold' },
      notes: ['Texted about the recall.'],
    });
    expect(updated).toMatchObject({
      mobile: '+14155550134',
      name: '+1 415-555-0134',
      friendly_name: 'Sunny',
      data: { tier: 'Gold' },
    });
    expect((updated.notes as { note: string }[]).map((note) => note.note)).toContain(
      'Texted about the recall.',
    );
    const put = sandbox.requests.find((r) => r.method === 'PUT');
    expect(put).toMatchObject({
      path: '/contacts/%2B14155550134',
      query: { identifier_type: 'mobile' },
      body: {
        contact: {
          friendly_name: 'Sunny',
          data: { tier: 'Gold' },
          notes: ['Texted about the recall.'],
        },
      },
    });
  });

  it('adds a note to a contact, attributed to a staff member', async () => {
    const note = await run(createContactNote, {
      contact: 'dana.whitfield@example.com',
      note: 'Renewal call booked for Friday.',
      creator_email: 'agent@acme.example',
    });
    expect(note).toMatchObject({
      note: 'Renewal call booked for Friday.',
      contact: 'dana.whitfield@example.com',
      creator_email: 'agent@acme.example',
      contact_note_count: 1,
    });
    expect(
      await failure(run(createContactNote, { contact: 'nobody@example.com', note: 'x' })),
    ).toMatchObject({ code: 'NotFound' });
  });

  it('the sandbox follows the official note shape: a {"note": {...}} wrapper is refused', async () => {
    const wrapped = await call(sandbox, '/contacts/dana.whitfield%40example.com/notes', {
      method: 'POST',
      body: { note: { body: 'Wrapped' } },
    });
    expect(wrapped.status).toBe(422);
  });

  it('the Contact dropdown lists contacts with the value Update Contact takes, page by page', async () => {
    const first = await run<Item[]>(contactList, {}, { page: 0 });
    expect(first.length).toBeGreaterThan(0);
    for (const choice of first) {
      expect(Object.keys(choice)).toEqual(['id', 'name']);
      expect(String(choice.id)).toMatch(/@|^\+\d+$/);
    }
    const chosen = first.find((choice) => String(choice.id).includes('@'));
    const updated = await run(updateContact, { contact: chosen?.id, friendly_name: 'Picked' });
    expect(updated).toMatchObject({ identifier: chosen?.id, friendly_name: 'Picked' });
    expect(await run<Item[]>(contactList, {}, { page: 5 })).toEqual([]);
  });

  it('finds contacts by custom data and by exact mobile number', async () => {
    const byData = await run<Item[]>(findContact, { data: { plan: 'Pro' } });
    expect(byData.map((c) => c.email)).toEqual(['dana.whitfield@example.com']);
    const byMobile = await run<Item[]>(findContact, { mobile: '+4915112345678' });
    expect(byMobile.map((c) => c.name)).toEqual(['Jonas Weber']);
  });
});
