import { perform as operationPerform, newNote } from '../../creates/create_contact_note';
import { runWithInput, failure, reamaze, resetNock } from '../helpers';

const run = (inputData: Record<string, unknown>) => runWithInput(operationPerform, inputData);

/** What Re:amaze answers: every note of the contact, the new one included. */
const allNotes = [
  {
    id: 7781,
    note: 'Prefers email over phone.',
    created_at: '2026-03-09T14:25:40.512-05:00',
    updated_at: '2026-03-09T14:25:40.512-05:00',
    creator: { email: 'sam.ortiz@acme.example', name: 'Sam Ortiz' },
  },
  {
    id: 7782,
    note: 'Asked for a wholesale price list; sent on 9 March.',
    created_at: '2026-03-09T20:02:11.204Z',
    updated_at: '2026-03-09T20:02:11.204Z',
    creator: { email: 'agent@acme.example', name: 'Alex Agent' },
  },
];

afterEach(resetNock);

describe('Add Contact Note', () => {
  it('POSTs the note as a top-level body, as the official page documents, and returns the new note', async () => {
    const scope = reamaze()
      .matchHeader('content-type', 'application/json')
      .post('/api/v1/contacts/maya%40example.com/notes', {
        body: 'Asked for a wholesale price list; sent on 9 March.',
      })
      .query((query) => Object.keys(query).length === 0)
      .reply(200, allNotes);
    expect(
      await run({
        contact: 'maya@example.com',
        note: 'Asked for a wholesale price list; sent on 9 March.',
        creator_email: '',
        created_at: '',
      }),
    ).toEqual({
      id: '7782',
      note: 'Asked for a wholesale price list; sent on 9 March.',
      created_at: '2026-03-09T20:02:11.204Z',
      creator_name: 'Alex Agent',
      creator_email: 'agent@acme.example',
      contact: 'maya@example.com',
      contact_note_count: 2,
    });
    expect(scope.isDone()).toBe(true);
  });

  it('sends the author and time when set, the note exactly as written, and a mobile number with identifier_type', async () => {
    const note = '  Called back 📞\n- wants **blue**\n- مرحبا  ';
    const scope = reamaze()
      .post('/api/v1/contacts/%2B14155550123/notes', {
        body: note,
        creator_email: 'sam.ortiz@acme.example',
        created_at: '2026-03-01T14:00:00.000Z', // the same instant, in UTC
      })
      .query({ identifier_type: 'mobile' })
      .reply(200, [...allNotes, { id: 7790, note, created_at: '2026-03-01T09:00:00.000-05:00' }]);
    const result = await run({
      contact: '+14155550123',
      note,
      creator_email: ' sam.ortiz@acme.example ',
      created_at: '2026-03-01T09:00:00-05:00',
    });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({
      id: '7790',
      note,
      contact: '+14155550123',
      contact_note_count: 3,
    });
  });

  it('finds the new note among the others: the newest with the text sent, else the newest', () => {
    const same = { id: 1, note: 'Same text', created_at: '2026-01-01T00:00:00.000Z' };
    const newer = { id: 2, note: 'Same text', created_at: '2026-03-01T00:00:00.000+02:00' };
    const other = { id: 3, note: 'Other', created_at: '2026-03-02T00:00:00.000Z' };
    expect(newNote([same, newer, other], 'Same text')).toBe(newer);
    expect(newNote([same, other], 'Missing')).toBe(other);
    expect(newNote([], 'x')).toBeUndefined();
  });

  it('accepts a {"notes": [...]} answer or the single note', async () => {
    reamaze().post('/api/v1/contacts/a%40example.com/notes').reply(200, { notes: allNotes });
    expect(
      await run({ contact: 'a@example.com', note: 'Prefers email over phone.' }),
    ).toMatchObject({
      id: '7781',
      contact_note_count: 2,
    });
    reamaze().post('/api/v1/contacts/a%40example.com/notes').reply(200, allNotes[1]);
    expect(await run({ contact: 'a@example.com', note: 'x' })).toMatchObject({ id: '7782' });
  });

  it('an answer with no notes in it is a clear error', async () => {
    reamaze().post('/api/v1/contacts/a%40example.com/notes').reply(200, { ok: true });
    expect(await failure(run({ contact: 'a@example.com', note: 'x' }))).toMatchObject({
      code: 'UnexpectedResponse',
      message: expect.stringContaining('the contact’s notes'),
    });
  });

  describe('refuses bad input before any request', () => {
    const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
      [
        'an empty note',
        { contact: 'a@example.com', note: '  ' },
        { name: 'HaltedError', message: 'Note is required: map a value to it or type one in.' },
      ],
      ['no contact', { contact: '', note: 'x' }, { name: 'HaltedError' }],
      ['a bad contact', { contact: 'Maya', note: 'x' }, { name: 'HaltedError' }],
      [
        'an author that is not an email',
        { contact: 'a@example.com', note: 'x', creator_email: 'Sam' },
        {
          name: 'HaltedError',
          message: 'Author "Sam" is not an email address. Use the form name@example.com.',
        },
      ],
    ];
    it.each(cases)('%s', async (_, inputData, expected) => {
      const scope = reamaze().post(/.*/).query(true).reply(200, allNotes);
      expect(await failure(run(inputData))).toMatchObject({ name: 'HaltedError', ...expected });
      expect(scope.isDone()).toBe(false);
    });
  });
});
