import App from '../../index';
import updateContact, { perform as operationPerform } from '../../creates/update_contact';
import { contactSample } from '../../lib/records/contact';
import { runWithInput, failure, reamaze, resetNock } from '../helpers';

const run = (inputData: Record<string, unknown>) => runWithInput(operationPerform, inputData);

const updated = {
  name: 'Maya Lindqvist',
  email: 'maya.lindqvist@example.com',
  friendly_name: 'Maya',
  mobile: '+14155550123',
  id: 'crm-10442',
  _id: 48211907,
  data: { plan: 'Enterprise' },
  notes: [],
  created_at: '2026-03-09T14:22:05.118-05:00',
  updated_at: '2026-03-10T08:00:00.000-05:00',
};

afterEach(resetNock);

describe('Update Contact', () => {
  it('is registered and named the Zapier way; the contact can come from Find Contact', () => {
    expect(App.creates?.update_contact?.key).toBe('update_contact');
    expect(updateContact.display.label).toBe('Update Contact');
    expect(updateContact.display.description).toMatch(/^Updates .*\.$/);
    const [contact] = updateContact.operation.inputFields as {
      key: string;
      required?: boolean;
      search?: string;
    }[];
    expect(contact).toMatchObject({
      key: 'contact',
      required: true,
      dynamic: 'contact_list.id.name',
      search: 'find_contact.identifier',
    });
    expect(updateContact.operation.sample).toBe(contactSample);
  });

  it('PUTs only the fields set, to the contact named by its email', async () => {
    const scope = reamaze()
      .matchHeader('content-type', 'application/json')
      .put('/api/v1/contacts/maya.lindqvist%40example.com', {
        contact: {
          friendly_name: 'Maya ✨',
          data: { plan: 'Enterprise' },
          notes: ['Upgraded on the phone.'],
        },
      })
      .query((query) => Object.keys(query).length === 0)
      .reply(200, updated);
    const result = await run({
      contact: 'maya.lindqvist@example.com',
      name: '',
      friendly_name: 'Maya ✨',
      avatar_url: ' ',
      data: { plan: 'Enterprise' },
      notes: ['Upgraded on the phone.'],
    });
    expect(scope.isDone()).toBe(true);
    expect(result).toEqual({
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
      data: { plan: 'Enterprise' },
      notes: [],
      created_at: '2026-03-09T14:22:05.118-05:00',
      updated_at: '2026-03-10T08:00:00.000-05:00',
      contact_url: 'https://acme.reamaze.io/admin/users/48211907',
    });
  });

  it('names a contact by mobile number with identifier_type=mobile', async () => {
    const scope = reamaze()
      .put('/api/v1/contacts/%2B14155550123', {
        contact: { name: 'Maya L.', external_avatar_url: 'https://cdn.example.com/m.png' },
      })
      .query({ identifier_type: 'mobile' })
      .reply(200, { contact: updated });
    await run({
      contact: '+14155550123',
      name: 'Maya L.',
      avatar_url: 'https://cdn.example.com/m.png',
    });
    expect(scope.isDone()).toBe(true);
  });

  describe('refuses bad input before any request', () => {
    const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
      [
        'nothing to update',
        { contact: 'maya@example.com', name: ' ', data: {}, notes: [] },
        {
          name: 'HaltedError',
          message:
            'Nothing to update: set at least one of Name, Friendly Name, Avatar URL, Custom Data or Notes to Add.',
        },
      ],
      [
        'no contact',
        { contact: '', name: 'Maya' },
        { name: 'HaltedError', message: 'Contact is required: map a value to it or type one in.' },
      ],
      [
        'a contact that is neither an email nor a mobile number',
        { contact: 'Maya Lindqvist', name: 'Maya' },
        { name: 'HaltedError' },
      ],
      [
        'a phone number not in E.164 form',
        { contact: '415 555 0123', name: 'Maya' },
        { name: 'HaltedError' },
      ],
      [
        'nested custom data',
        { contact: 'maya@example.com', data: { tags: ['a', 'b'] } },
        {
          name: 'HaltedError',
          message:
            'Custom Data "tags" must be a single value; Re:amaze keeps custom data one level deep.',
        },
      ],
    ];
    it.each(cases)('%s', async (_, inputData, expected) => {
      const scope = reamaze().put(/.*/).query(true).reply(200, updated);
      expect(await failure(run(inputData))).toMatchObject({ name: 'HaltedError', ...expected });
      expect(scope.isDone()).toBe(false);
    });
  });

  it('an unknown contact is named in the error', async () => {
    reamaze()
      .put('/api/v1/contacts/%2B14155550199')
      .query({ identifier_type: 'mobile' })
      .reply(404, { error: 'not found' });
    expect(await failure(run({ contact: '+14155550199', name: 'X' }))).toEqual({
      name: 'AppError',
      code: 'NotFound',
      status: 404,
      message: 'No contact with the mobile number "+14155550199" was found on acme.reamaze.io.',
    });
  });

  it("passes on Re:amaze's explanation of a refusal", async () => {
    reamaze()
      .put('/api/v1/contacts/maya%40example.com')
      .reply(422, { error: 'External avatar url is invalid' });
    expect(
      await failure(run({ contact: 'maya@example.com', avatar_url: 'https://x.example/a' })),
    ).toMatchObject({
      code: 'InvalidInput',
      message:
        'Re:amaze refused the request (HTTP 422 Unprocessable Entity): External avatar url is invalid.',
    });
  });

  it('an answer that is not a contact is a clear error', async () => {
    reamaze().put('/api/v1/contacts/maya%40example.com').reply(200, '"ok"');
    expect(await failure(run({ contact: 'maya@example.com', name: 'M' }))).toMatchObject({
      code: 'UnexpectedResponse',
      message: expect.stringContaining('the updated contact'),
    });
  });
});
