import { perform } from '../../creates/create_incident_update';
import { failure, reamaze, resetNock, runWithInput } from '../helpers';

afterEach(resetNock);

const incident = {
  id: '5311',
  title: 'Checkout payments failing',
  incidents_systems: [
    { id: '7701', system_id: '411', status: 'major_outage' },
    { system_id: 412, status: 'partial_outage' },
    { id: '7703', status: 'partial_outage' },
  ],
};

describe('Add Incident Update', () => {
  it('without a systems status: one PUT adding the update as a nested record', async () => {
    const scope = reamaze()
      .put('/api/v1/incidents/5311', {
        incident: { updates_attributes: [{ status: 'monitoring', message: 'A fix is out.' }] },
      })
      .reply(200, { ...incident, status: 'monitoring' });
    const item = await runWithInput(perform, {
      incident: '5311',
      status: 'monitoring',
      message: 'A fix is out.',
      system_status: '',
    });
    expect(scope.isDone()).toBe(true);
    expect(item).toMatchObject({ id: '5311', status: 'Monitoring' });
  });

  it('with one: reads the incident, then sets each linked system by its link id', async () => {
    const scope = reamaze()
      .get('/api/v1/incidents/5311')
      .reply(200, incident)
      .put('/api/v1/incidents/5311', {
        incident: {
          updates_attributes: [{ status: 'resolved', message: 'Fixed.' }],
          incidents_systems_attributes: [
            { id: '7701', system_id: '411', status: 'operational' },
            { system_id: '412', status: 'operational' },
          ],
        },
      })
      .reply(200, incident);
    await runWithInput(perform, {
      incident: '5311',
      status: 'Resolved',
      message: 'Fixed.',
      system_status: 'Operational',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('refuses a systems status for an incident without systems, after the read and before any write', async () => {
    const scope = reamaze()
      .get('/api/v1/incidents/5311')
      .reply(200, { id: '5311', incidents_systems: [] });
    expect(
      await failure(
        runWithInput(perform, {
          incident: '5311',
          status: 'resolved',
          message: 'Fixed.',
          system_status: 'operational',
        }),
      ),
    ).toEqual({
      name: 'HaltedError',
      message:
        'Incident 5311 affects no systems, so Affected Systems Status has nothing to set: leave it empty.',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('refuses a missing message before any request', async () => {
    expect(await failure(runWithInput(perform, { incident: '5311', status: 'resolved' }))).toEqual({
      name: 'HaltedError',
      message: 'Message is required: map a value to it or type one in.',
    });
  });
});
