import App from '../../index';
import createContact, { perform as operationPerform } from '../../creates/create_contact';
import { contactSample } from '../../lib/records/contact';
import { runWithInput, failure, reamaze, resetNock } from '../helpers';

const run = (inputData: Record<string, unknown>) => runWithInput(operationPerform, inputData);

/** What Re:amaze answers: the new contact's JSON. */
const created = {
  name: 'Maya Lindqvist',
  email: 'maya.lindqvist@example.com',
  friendly_name: '',
  mobile: '+14155550123',
  id: 'crm-10442',
  _id: 48211907,
  data: { plan: 'Wholesale', orders: '12' },
  notes: [{ id: 1, note: 'Met at the trade fair.', created_at: '2026-03-09T14:22:05.200-05:00' }],
  created_at: '2026-03-09T14:22:05.118-05:00',
  updated_at: '2026-03-09T14:22:05.118-05:00',
};

afterEach(resetNock);

describe('Create Contact', () => {
  it('is registered, named the Zapier way, and says that either email or mobile will do', () => {
    expect(App.creates?.create_contact?.key).toBe('create_contact');
    expect(createContact.display).toEqual({
      label: 'Create Contact',
      description: 'Creates a new contact with an email address or mobile number.',
    });
    const fields = createContact.operation.inputFields as {
      key: string;
      helpText?: string;
      required?: boolean;
    }[];
    expect(fields.map((f) => f.key)).toEqual([
      'email',
      'mobile',
      'name',
      'external_id',
      'avatar_url',
      'notes',
      'data',
    ]);
    for (const key of ['email', 'mobile']) {
      const field = fields.find((f) => f.key === key);
      expect(field?.required).toBe(false);
      expect(field?.helpText).toContain('Email or Mobile is required: give at least one, or both.');
    }
    expect(createContact.operation.sample).toBe(contactSample);
  });

  it('sends every field, exactly as given, in the documented body', async () => {
    const scope = reamaze()
      .matchHeader('content-type', 'application/json')
      .post('/api/v1/contacts', {
        contact: {
          email: 'maya.lindqvist@example.com',
          mobile: '+14155550123',
          name: '  Maya Lindqvist 🌷 ',
          id: 'crm-10442',
          external_avatar_url: 'https://cdn.example.com/avatars/maya.png',
          notes: ['Met at the trade fair.', 'שלום – prefers Hebrew'],
          data: { plan: 'Wholesale', orders: '12' },
        },
      })
      .reply(200, created);
    const result = await run({
      email: ' maya.lindqvist@example.com ',
      mobile: '+14155550123',
      name: '  Maya Lindqvist 🌷 ',
      external_id: 'crm-10442',
      avatar_url: 'https://cdn.example.com/avatars/maya.png',
      notes: ['Met at the trade fair.', '', 'שלום – prefers Hebrew'],
      data: { plan: 'Wholesale', orders: '12', '': 'ignored', empty: '' },
    });
    expect(scope.isDone()).toBe(true);
    expect(result).toEqual({
      id: '48211907',
      name: 'Maya Lindqvist',
      first_name: 'Maya',
      last_name: 'Lindqvist',
      friendly_name: '',
      email: 'maya.lindqvist@example.com',
      mobile: '+14155550123',
      identifier: 'maya.lindqvist@example.com',
      external_id: 'crm-10442',
      twitter: '',
      facebook: '',
      instagram: '',
      data: { plan: 'Wholesale', orders: '12' },
      notes: [
        {
          note: 'Met at the trade fair.',
          created_at: '2026-03-09T14:22:05.200-05:00',
          author_name: '',
        },
      ],
      created_at: '2026-03-09T14:22:05.118-05:00',
      updated_at: '2026-03-09T14:22:05.118-05:00',
      contact_url: 'https://acme.reamaze.io/admin/users/48211907',
    });
  });

  it('an email alone is enough, and empty fields are not sent', async () => {
    const scope = reamaze()
      .post('/api/v1/contacts', { contact: { email: 'ana@example.com' } })
      .reply(200, { email: 'ana@example.com', name: '', _id: 3 });
    await run({
      email: 'ana@example.com',
      mobile: '',
      name: ' ',
      notes: [],
      data: {},
      avatar_url: '',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('a mobile number alone is enough', async () => {
    const scope = reamaze()
      .post('/api/v1/contacts', { contact: { mobile: '+447700900123', name: 'Olly' } })
      .reply(200, { contact: { mobile: '+447700900123', name: 'Olly', _id: 4 } });
    const result = await run({ mobile: ' +447700900123', name: 'Olly' });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ id: '4', identifier: '+447700900123', email: '' });
  });

  describe('refuses bad input before any request', () => {
    const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
      [
        'neither email nor mobile',
        { name: 'Maya', email: ' ', mobile: '' },
        {
          name: 'HaltedError',
          message: 'Email or Mobile is required: give at least one, or both. Map one of them.',
        },
      ],
      [
        'a mobile number not in E.164 form',
        { mobile: '(415) 555-0123' },
        {
          name: 'HaltedError',
          message:
            'Mobile "(415) 555-0123" is not a mobile number in E.164 form. Use + and the country code, then the number, digits only, for example +14155550123.',
        },
      ],
      [
        'a malformed email',
        { email: 'maya@example' },
        {
          name: 'HaltedError',
          message: 'Email "maya@example" is not an email address. Use the form name@example.com.',
        },
      ],
      [
        'a relative avatar URL',
        { email: 'maya@example.com', avatar_url: '/avatars/maya.png' },
        {
          name: 'HaltedError',
          message:
            'Avatar URL "/avatars/maya.png" is not a web address. Use a full address starting with https://, or a file from an earlier step.',
        },
      ],
      [
        'nested custom data',
        { email: 'maya@example.com', data: { address: { city: 'Malmö' } } },
        {
          name: 'HaltedError',
          message:
            'Custom Data "address" must be a single value; Re:amaze keeps custom data one level deep.',
        },
      ],
    ];
    it.each(cases)('%s', async (_, inputData, expected) => {
      const scope = reamaze().post(/.*/).reply(200, created);
      expect(await failure(run(inputData))).toEqual({ name: 'HaltedError', ...expected });
      expect(scope.isDone()).toBe(false);
    });
  });

  it("passes on Re:amaze's own explanation of a refusal", async () => {
    reamaze()
      .post('/api/v1/contacts')
      .reply(422, { errors: { email: ['has already been taken'] } });
    expect(await failure(run({ email: 'maya@example.com' }))).toEqual({
      name: 'AppError',
      code: 'InvalidInput',
      status: 422,
      message:
        'Re:amaze refused the request (HTTP 422 Unprocessable Entity): email has already been taken.',
    });
  });

  it('an answer that is not a contact is a clear error', async () => {
    reamaze().post('/api/v1/contacts').reply(200, [created]);
    expect(await failure(run({ email: 'maya@example.com' }))).toMatchObject({
      name: 'AppError',
      code: 'UnexpectedResponse',
      message: expect.stringContaining('the new contact'),
    });
  });
});

describe('avatar addresses', () => {
  it('refuses an avatar on a private network address, as every address Re:amaze fetches', async () => {
    const error = await failure(
      runWithInput(createContact.operation.perform, {
        email: 'maya@example.com',
        avatar_url: 'http://169.254.169.254/latest/meta-data/',
      }),
    );
    expect(error.name).toBe('HaltedError');
    expect(error.message).toContain(
      'points at a private or local network address (169.254.169.254)',
    );
  });
});
