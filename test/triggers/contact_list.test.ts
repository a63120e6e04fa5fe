import { contactChoiceSample, perform } from '../../triggers/contact_list';
import { appTester, authData, failure, reamaze, resetNock } from '../helpers';

afterEach(resetNock);

const list = (page?: number) =>
  appTester(perform, {
    authData,
    inputData: {},
    meta: page === undefined ? {} : { page },
  });

/** A contact as `GET /contacts` lists it (notes and data left out). */
const contact = (fields: Record<string, unknown>) => ({
  _id: 48211907,
  id: null,
  name: 'Maya Lindqvist',
  friendly_name: 'Maya',
  email: 'maya.lindqvist@example.com',
  mobile: null,
  created_at: '2026-03-09T14:22:05.118-05:00',
  ...fields,
});

const page = (contacts: Record<string, unknown>[], pageCount = 1) => ({
  page_size: 30,
  page_count: pageCount,
  total_count: contacts.length,
  contacts,
});

describe('contact_list (hidden dropdown of contacts)', () => {
  it('shows each contact’s name and uses the email, else the mobile number, as the value', async () => {
    const scope = reamaze()
      .get('/api/v1/contacts')
      .query({ page: '1' })
      .reply(
        200,
        page([
          contact({}),
          contact({ _id: 5, name: 'Diego Ramírez', email: null, mobile: '+15125550147' }),
          contact({ _id: 6, name: '', friendly_name: 'Lena', email: 'lena@example.com' }),
          contact({ _id: 7, name: null, friendly_name: null, email: 'x@example.com' }),
        ]),
      );
    expect(await list(0)).toEqual([
      contactChoiceSample,
      { id: '+15125550147', name: 'Diego Ramírez' },
      { id: 'lena@example.com', name: 'Lena' },
      { id: 'x@example.com', name: 'x@example.com' },
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('leaves out contacts that neither field can name (no email, no mobile) and repeats', async () => {
    reamaze()
      .get('/api/v1/contacts')
      .query({ page: '1' })
      .reply(
        200,
        page([
          contact({ _id: 8, name: 'Insta Only', email: null, instagram: 'lena.travels' }),
          contact({}),
          contact({ _id: 9, email: 'MAYA.lindqvist@example.com' }),
        ]),
      );
    expect(await list()).toEqual([contactChoiceSample]);
  });

  it('asks Re:amaze for the next page on "load more" (Zapier pages from 0, Re:amaze from 1)', async () => {
    const scope = reamaze()
      .get('/api/v1/contacts')
      .query({ page: '2' })
      .reply(200, page([contact({ _id: 3, name: 'Zoe', email: 'zoe@example.com' })], 2));
    expect(await list(1)).toEqual([{ id: 'zoe@example.com', name: 'Zoe' }]);
    expect(scope.isDone()).toBe(true);
  });

  it('returns nothing past the last page, rather than repeating it', async () => {
    reamaze()
      .get('/api/v1/contacts')
      .query({ page: '3' })
      .reply(200, page([contact({})], 2));
    expect(await list(2)).toEqual([]);
  });

  it('refuses a response of the wrong shape with a clear error', async () => {
    reamaze().get('/api/v1/contacts').query({ page: '1' }).reply(200, { contacts: 'everyone' });
    expect(await failure(list())).toEqual({
      name: 'AppError',
      message:
        "Re:amaze sent the list of contacts in a form this integration does not recognise. Try again; if it persists, contact the integration's support.",
      code: 'UnexpectedResponse',
      status: 502,
    });
  });
});
