import type { Bundle, ZObject } from 'zapier-platform-core';
import newIncident, { perform as operationPerform } from '../../triggers/new_incident';
import { incidentSample } from '../../lib/records/incident';
import { appTester, authData, reamaze, resetNock } from '../helpers';

type Item = Record<string, unknown>;
const perform = operationPerform as unknown as (z: ZObject, bundle: Bundle) => Promise<Item[]>;
const run = () => appTester(perform, { authData, inputData: {}, meta: {} });

afterEach(resetNock);

describe('New Incident', () => {
  it('deduplicates on the incident’s id, with the flattener’s sample', () => {
    expect(newIncident.display.description).toBe(
      'Triggers when an incident is posted on your status page.',
    );
    expect(newIncident.operation.sample).toBe(incidentSample);
  });

  it('reads the bare list, newest created first; an incident without an id is left out', async () => {
    reamaze()
      .get('/api/v1/incidents')
      .query({ page: '1' })
      .reply(200, [
        { id: 'a', title: 'Older', created_at: '2026-03-09T08:00:00.000-07:00' },
        { id: 'b', title: 'Newer', created_at: '2026-03-09T17:00:00.000+01:00' },
        { title: 'No id', created_at: '2026-03-09T17:00:00.000Z' },
      ]);
    expect((await run()).map((item) => [item.id, item.title])).toEqual([
      ['b', 'Newer'],
      ['a', 'Older'],
    ]);
  });

  it('returns only the newest 100 of a long unpaged history', async () => {
    const history = Array.from({ length: 250 }, (_, i) => ({
      id: `i${i}`,
      created_at: new Date(Date.parse('2026-01-01T00:00:00Z') + i * 60_000).toISOString(),
    }));
    reamaze().get('/api/v1/incidents').query(true).reply(200, history);
    const items = await run();
    expect(items).toHaveLength(100);
    expect(items[0]?.id).toBe('i249');
    expect(items[99]?.id).toBe('i150');
  });

  it('reads a wrapped list too', async () => {
    reamaze()
      .get('/api/v1/incidents')
      .query(true)
      .reply(200, { incidents: [{ id: 'c', title: 'Wrapped' }] });
    expect((await run()).map((item) => item.id)).toEqual(['c']);
  });
});
