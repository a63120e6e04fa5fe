import type { Bundle, ZObject } from 'zapier-platform-core';
import { perform as operationPerform } from '../../triggers/system_list';
import { appTester, authData, reamaze, resetNock } from '../helpers';

const perform = operationPerform as unknown as (z: ZObject, bundle: Bundle) => Promise<unknown>;

afterEach(resetNock);

describe('List Systems', () => {
  it('reads the documented bare array, and a wrapped list too', async () => {
    const systems = [
      { id: '410', title: 'Website', status: 'operational' },
      { id: 411, name: 'API', status: 'under_maintenance' },
      { title: 'No id' },
    ];
    const expected = [
      { id: '410', name: 'Website', status: 'Operational' },
      { id: '411', name: 'API', status: 'Under Maintenance' },
    ];
    reamaze().get('/api/v1/systems').query({ page: '1' }).reply(200, systems);
    expect(await appTester(perform, { authData, meta: {} })).toEqual(expected);
    reamaze().get('/api/v1/systems').query(true).reply(200, { systems });
    expect(await appTester(perform, { authData, meta: {} })).toEqual(expected);
  });
});
