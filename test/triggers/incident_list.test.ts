import type { Bundle, ZObject } from 'zapier-platform-core';
import { perform as operationPerform } from '../../triggers/incident_list';
import { appTester, authData, reamaze, resetNock } from '../helpers';

const perform = operationPerform as unknown as (z: ZObject, bundle: Bundle) => Promise<unknown>;

afterEach(resetNock);

describe('List Incidents', () => {
  it('offers incidents newest first, an untitled one by its ID', async () => {
    reamaze()
      .get('/api/v1/incidents')
      .query({ page: '1' })
      .reply(200, [
        { id: '1', title: 'Old', status: 'resolved', created_at: '2026-01-01T00:00:00Z' },
        { id: '2', title: '', status: 'monitoring', created_at: '2026-03-01T00:00:00Z' },
      ]);
    expect(await appTester(perform, { authData, meta: {} })).toEqual([
      { id: '2', name: 'Incident 2', status: 'Monitoring' },
      { id: '1', name: 'Old', status: 'Resolved' },
    ]);
  });
});
