import { SYSTEM_STATUSES } from '../../../lib/input/incident';
import {
  API_INCIDENT_SAMPLE,
  flattenIncident,
  incidentChangedAt,
  incidentSample,
  newestIncidentsFirst,
  statusWords,
} from '../../../lib/records/incident';

describe('flattenIncident', () => {
  it('turns the documented incident into labelled fields: its newest update, its systems in words', () => {
    expect(incidentSample).toEqual({
      id: '5310',
      title: 'Checkout payments failing',
      status: 'Identified',
      latest_update: 'Our payment provider has an outage; a fix is rolling out.',
      latest_update_at: '2026-03-09T08:31:47.880-07:00',
      update_count: 2,
      affected_systems: [{ name: 'Checkout', status: 'Major Outage' }],
      external_url: 'https://status.acme.example/incidents/5310',
      created_at: '2026-03-09T08:02:11.314-07:00',
      updated_at: '2026-03-09T08:31:47.902-07:00',
    });
  });

  it('takes the newest update by date whatever the list order, and the status from it when the incident has none', () => {
    const [first, second] = API_INCIDENT_SAMPLE.updates;
    const item = flattenIncident({ id: 7, updates: [second, first] });
    expect(item).toMatchObject({
      id: '7',
      status: 'Identified',
      latest_update_at: second?.created_at,
    });
  });

  it('never throws on an odd body', () => {
    expect(
      flattenIncident({ id: null, updates: 'x', incidents_systems: [null, { system: 'x' }] }),
    ).toEqual({
      id: '',
      title: '',
      status: '',
      latest_update: '',
      latest_update_at: null,
      update_count: 0,
      affected_systems: [{ name: '', status: '' }],
      external_url: '',
      created_at: null,
      updated_at: null,
    });
  });
});

describe('statusWords', () => {
  it('names known codes and spells a code added later in words, never raw', () => {
    expect(statusWords(SYSTEM_STATUSES, 'degraded_performance')).toBe('Degraded Performance');
    expect(statusWords(SYSTEM_STATUSES, 'MAJOR_OUTAGE')).toBe('Major Outage');
    expect(statusWords(SYSTEM_STATUSES, 'scheduled_maintenance')).toBe('Scheduled Maintenance');
    expect(statusWords(SYSTEM_STATUSES, undefined)).toBe('');
  });
});

describe('incidentChangedAt', () => {
  it('is the later of updated_at and the newest update, offsets normalised', () => {
    expect(
      incidentChangedAt({
        updated_at: '2026-03-09T08:00:00.000-07:00',
        updates: [{ created_at: '2026-03-09T16:30:00.000+01:00' }],
      }),
    ).toBe(Date.parse('2026-03-09T15:30:00.000Z'));
    expect(incidentChangedAt({ updated_at: '2026-03-09T15:00:00Z', updates: [] })).toBe(
      Date.parse('2026-03-09T15:00:00Z'),
    );
    expect(incidentChangedAt({ updates: [{ created_at: 'soon' }] })).toBeUndefined();
  });

  it('orders a list newest first by the chosen instant; unknown instants last, in their order', () => {
    const list = [
      { id: 'a' },
      { id: 'b', created_at: '2026-03-09T10:00:00Z' },
      { id: 'c', created_at: '2026-03-09T12:00:00Z' },
      { id: 'd' },
    ];
    const at = (i: Record<string, unknown>) =>
      typeof i.created_at === 'string' ? Date.parse(i.created_at) : undefined;
    expect(newestIncidentsFirst(list, at).map((i) => i.id)).toEqual(['c', 'b', 'a', 'd']);
  });
});
