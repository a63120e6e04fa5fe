import App from '../../index';
import { MAX_STAFF_PAGES, perform } from '../../searches/find_staff_member';
import { staffSample } from '../../lib/records/staff';
import { appTester, authData, failure, reamaze, resetNock } from '../helpers';

afterEach(resetNock);

const staff = (name: unknown, email: unknown, extra: Record<string, unknown> = {}) => ({
  name,
  email,
  created_at: '2025-11-02T09:14:22.512-06:00',
  role: { name: 'Agent', 'admin?': false },
  ...extra,
});

const page = (items: unknown[], pageCount = 1) => ({
  page_size: 30,
  page_count: pageCount,
  total_count: items.length,
  staff: items,
});

const run = (inputData: Record<string, unknown>) =>
  appTester(perform, { authData, inputData }) as Promise<Record<string, unknown>[]>;

describe('Find Staff Member', () => {
  it('is registered, and its sample is the flattener’s output', () => {
    expect(App.searches?.find_staff_member?.key).toBe('find_staff_member');
    expect(staffSample).toEqual({
      id: 'jonas.weber@acme.example',
      name: 'Jonas Weber',
      display_name: 'Jonas',
      role: 'Agent',
      is_admin: false,
      created_at: '2025-11-02T09:14:22.512-06:00',
    });
  });

  it('finds by email exactly (any letter case), stopping at the page that has it', async () => {
    reamaze()
      .get('/api/v1/staff')
      .query({ page: '1' })
      .reply(200, page([staff('Jo Kim', 'jo.kimberly@acme.example')], 3));
    reamaze()
      .get('/api/v1/staff')
      .query({ page: '2' })
      .reply(
        200,
        page([staff('Jo Kim', 'Jo@Acme.example', { role: { name: 'Admin', 'admin?': true } })], 3),
      );
    expect(await run({ email: ' jo@acme.EXAMPLE ' })).toEqual([
      {
        id: 'Jo@Acme.example',
        name: 'Jo Kim',
        display_name: '',
        role: 'Admin',
        is_admin: true,
        created_at: '2025-11-02T09:14:22.512-06:00',
      },
    ]);
  });

  it('finds by name or display name containing the text, an exact name first; Email wins over Name', async () => {
    const team = [
      staff('Jonas Weberling', 'jw@acme.example'),
      staff('Ana', 'ana@acme.example', { display_name: 'Jonas W' }),
      staff('jonas weber', 'jonas@acme.example'),
      staff('Priya Shah', 'priya@acme.example'),
    ];
    reamaze().get('/api/v1/staff').query({ page: '1' }).reply(200, page(team));
    const found = await run({ name: 'Jonas Weber' });
    expect(found.map((item) => item.id)).toEqual(['jonas@acme.example', 'jw@acme.example']);

    reamaze().get('/api/v1/staff').query({ page: '1' }).reply(200, page(team));
    expect((await run({ name: 'jonas', email: 'priya@acme.example' })).map((i) => i.id)).toEqual([
      'priya@acme.example',
    ]);
  });

  it('reads at most MAX_STAFF_PAGES pages; no match is no result', async () => {
    const scope = reamaze()
      .get('/api/v1/staff')
      .query(true)
      .times(MAX_STAFF_PAGES)
      .reply(200, page([staff('Someone', 'someone@acme.example')], 50));
    expect(await run({ email: 'nobody@acme.example' })).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('refuses no criterion, and an email that is not one, before any request', async () => {
    expect(await failure(run({}))).toEqual({
      name: 'HaltedError',
      message: 'Fill in Email or Name to search staff by.',
    });
    expect(await failure(run({ email: 'jo' }))).toEqual({
      name: 'HaltedError',
      message: 'Email "jo" is not an email address. Use the form name@example.com.',
    });
  });
});
