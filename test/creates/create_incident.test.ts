import nock from 'nock';
import { perform } from '../../creates/create_incident';
import { failure, reamaze, resetNock, runWithInput } from '../helpers';

afterEach(resetNock);

describe('Create Incident', () => {
  it('without systems sends the title and first update only, and reads a wrapped answer', async () => {
    const scope = reamaze()
      .post('/api/v1/incidents', {
        incident: {
          title: 'Chat offline',
          updates_attributes: [{ status: 'identified', message: 'A bad deploy.' }],
        },
      })
      .reply(201, { incident: { id: '77', title: 'Chat offline', status: 'identified' } });
    const item = await runWithInput(perform, {
      title: 'Chat offline',
      status: 'Identified',
      message: 'A bad deploy.',
      systems: [],
      system_status: '',
    });
    expect(scope.isDone()).toBe(true);
    expect(item).toMatchObject({ id: '77', status: 'Identified', affected_systems: [] });
  });

  it('refuses systems without their status before any request', async () => {
    expect(
      await failure(
        runWithInput(perform, {
          title: 'x',
          status: 'investigating',
          message: 'y',
          systems: ['410'],
        }),
      ),
    ).toEqual({
      name: 'HaltedError',
      message:
        'Affected Systems Status is required when Affected Systems are chosen: pick how they are doing, for example Major Outage.',
    });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('refuses a systems status without systems: it would be lost', async () => {
    expect(
      await failure(
        runWithInput(perform, {
          title: 'x',
          status: 'investigating',
          message: 'y',
          system_status: 'operational',
        }),
      ),
    ).toEqual({
      name: 'HaltedError',
      message:
        'Affected Systems Status applies to Affected Systems, and none is chosen: choose the systems, or leave the status empty.',
    });
  });
});
