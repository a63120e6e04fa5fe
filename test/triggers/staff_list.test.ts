import { perform, staffSample } from '../../triggers/staff_list';
import { appTester, authData, failure, reamaze, resetNock } from '../helpers';

afterEach(resetNock);

const list = (page?: number) =>
  appTester(perform, {
    authData,
    inputData: {},
    meta: page === undefined ? {} : { page },
  });

/** A staff member as `GET /staff` lists them (role hash abridged). */
const staff = (name: unknown, email: unknown, extra: Record<string, unknown> = {}) => ({
  name,
  created_at: '2025-11-02T09:14:22.512-06:00',
  email,
  role: { name: 'Agent', 'admin?': false },
  ...extra,
});

describe('staff_list (hidden dropdown of staff)', () => {
  it('shows each staff member’s name and uses the email as the value, in the order Re:amaze lists them', async () => {
    const scope = reamaze()
      .get('/api/v1/staff')
      .query({ page: '1' })
      .reply(200, {
        page_size: 30,
        page_count: 1,
        total_count: 3,
        staff: [
          staff('Jonas Weber', 'jonas.weber@acme.example'),
          staff('سارا', 'sara@acme.example'),
          staff(null, 'bot@acme.example', { display_name: 'Acme Bot' }),
        ],
      });
    expect(await list(0)).toEqual([
      staffSample,
      { id: 'sara@acme.example', name: 'سارا' },
      { id: 'bot@acme.example', name: 'Acme Bot' },
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('falls back to the email as the name, and leaves out staff without an email or listed twice', async () => {
    reamaze()
      .get('/api/v1/staff')
      .query({ page: '1' })
      .reply(200, {
        page_size: 30,
        page_count: 1,
        total_count: 5,
        staff: [
          staff('', 'nameless@acme.example'),
          staff('No Email', null),
          staff('Blank Email', '  '),
          staff('Jonas Weber', 'jonas.weber@acme.example'),
          staff('Jonas Again', 'Jonas.Weber@acme.example'),
        ],
      });
    expect(await list()).toEqual([
      {
        id: 'nameless@acme.example',
        name: 'nameless@acme.example',
      },
      staffSample,
    ]);
  });

  it('asks Re:amaze for the next page on "load more" (Zapier pages from 0, Re:amaze from 1)', async () => {
    const scope = reamaze()
      .get('/api/v1/staff')
      .query({ page: '2' })
      .reply(200, {
        page_size: 30,
        page_count: 2,
        total_count: 31,
        staff: [staff('Priya Natarajan', 'priya@acme.example')],
      });
    expect(await list(1)).toEqual([{ id: 'priya@acme.example', name: 'Priya Natarajan' }]);
    expect(scope.isDone()).toBe(true);
  });

  it('returns nothing past the last page, rather than repeating it', async () => {
    reamaze()
      .get('/api/v1/staff')
      .query({ page: '3' })
      .reply(200, {
        page_size: 30,
        page_count: 2,
        total_count: 31,
        staff: [staff('Jonas Weber', 'jonas.weber@acme.example')],
      });
    expect(await list(2)).toEqual([]);
  });

  it('returns nothing for a brand without staff, whether page_count is 0 or 1', async () => {
    for (const pageCount of [0, 1]) {
      reamaze()
        .get('/api/v1/staff')
        .query({ page: '1' })
        .reply(200, { page_size: 30, page_count: pageCount, total_count: 0, staff: [] });
      expect(await list(0)).toEqual([]);
    }
  });

  it('refuses a response of the wrong shape with a clear error', async () => {
    reamaze().get('/api/v1/staff').query({ page: '1' }).reply(200, { staff: 'everyone' });
    expect(await failure(list())).toEqual({
      name: 'AppError',
      message:
        "Re:amaze sent the list of staff in a form this integration does not recognise. Try again; if it persists, contact the integration's support.",
      code: 'UnexpectedResponse',
      status: 502,
    });
  });
});
