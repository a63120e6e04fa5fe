import type { Bundle, ZObject } from 'zapier-platform-core';
import incidentUpdated, {
  incidentChangeKey,
  perform as operationPerform,
} from '../../triggers/incident_updated';
import { appTester, authData, reamaze, resetNock } from '../helpers';

type Item = Record<string, unknown>;
const perform = operationPerform as unknown as (z: ZObject, bundle: Bundle) => Promise<Item[]>;

afterEach(resetNock);

const base = {
  id: '5311',
  title: 'Checkout payments failing',
  created_at: '2026-03-09T08:00:00.000-07:00',
  updated_at: '2026-03-09T08:00:00.000-07:00',
  updates: [
    {
      id: 'u1',
      status: 'investigating',
      message: 'Looking.',
      created_at: '2026-03-09T08:00:00.000-07:00',
    },
  ],
};

describe('Incident Updated: the identity of a change', () => {
  it('is the incident id and its last change, in UTC: a new rendering of the same instant is not a change', () => {
    expect(incidentChangeKey(base)).toBe('5311@2026-03-09T15:00:00.000Z');
    expect(
      incidentChangeKey({
        ...base,
        updated_at: '2026-03-09T16:00:00.000+01:00',
        updates: [{ ...base.updates[0], created_at: '2026-03-09T15:00:00Z' }],
      }),
    ).toBe('5311@2026-03-09T15:00:00.000Z');
  });

  it('moves with a new update even when updated_at does not', () => {
    const later = {
      ...base,
      updates: [
        ...base.updates,
        {
          id: 'u2',
          status: 'identified',
          message: 'Found.',
          created_at: '2026-03-09T08:20:00.000-07:00',
        },
      ],
    };
    expect(incidentChangeKey(later)).toBe('5311@2026-03-09T15:20:00.000Z');
  });

  it('without any date, counts the updates; without an id, there is none', () => {
    expect(incidentChangeKey({ id: 'x', updates: [{}, {}] })).toBe('x@update-2');
    expect(incidentChangeKey({ title: 'no id' })).toBeUndefined();
  });
});

describe('Incident Updated: polls', () => {
  it('outputs the change key as id and the incident’s own id beside it, newest change first', async () => {
    reamaze()
      .get('/api/v1/incidents')
      .query({ page: '1' })
      .reply(200, [
        base,
        {
          id: '5310',
          title: 'Older, but just changed',
          created_at: '2026-03-01T00:00:00Z',
          updated_at: '2026-03-09T16:00:00Z',
        },
      ]);
    const items = await appTester(perform, { authData, inputData: {}, meta: {} });
    expect(items.map((item) => [item.id, item.incident_id])).toEqual([
      ['5310@2026-03-09T16:00:00.000Z', '5310'],
      ['5311@2026-03-09T15:00:00.000Z', '5311'],
    ]);
    expect(Object.keys(items[0] as Item).slice(0, 3)).toEqual(['id', 'incident_id', 'title']);
  });

  it('labels the change key apart from the incident ID', () => {
    const fields = incidentUpdated.operation.outputFields as { key: string; label: string }[];
    expect(fields.slice(0, 2)).toEqual([
      { key: 'id', label: 'Change ID (Incident and Date)', required: true },
      { key: 'incident_id', label: 'Incident ID', required: false },
    ]);
  });
});
