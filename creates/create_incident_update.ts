import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { apiPath, promisedRecord, reamazeRequest, writtenRecord } from '../lib/http/client';
import { records, stringField } from '../lib/http/api-values';
import { invalid } from '../lib/input/read';
import {
  INCIDENT_RECORD,
  flattenIncident,
  incidentOutputFields,
  incidentSample,
  type IncidentItem,
} from '../lib/records/incident';
import {
  incidentField,
  incidentIdInput,
  incidentUpdate,
  systemStatus,
  systemStatusField,
  updateFields,
} from '../lib/input/incident';

export const inputFields = defineInputFields([
  incidentField,
  ...updateFields(
    'Where the work on it stands now, for example Resolved.',
    'The update shown under the incident on your status page.',
  ),
  systemStatusField(
    'Sets every system the incident affects to this, for example Operational once resolved. Leave empty to keep their status.',
  ),
]);

/**
 * Re:amaze adds an update through `PUT /incidents/{id}` with `{"incident": {updates_attributes:
 * [{status, message}]}}` (a nested record without an id is a new one; there is no separate
 * updates endpoint). Setting the systems' status needs their link ids, so the incident is read
 * first (`GET /incidents/{id}`) only then.
 */
export const perform = (async (z, bundle) => {
  const input = bundle.inputData;
  const id = incidentIdInput(input.incident);
  const update = incidentUpdate(input);
  const status = systemStatus(input.system_status);
  const path = apiPath('incidents', id);
  const notFoundMessage = `No incident with ID ${id} was found`;
  let systems: Record<string, unknown>[] = [];
  if (status !== undefined) {
    const current = promisedRecord(z, await reamazeRequest(z, bundle, { path, notFoundMessage }), {
      ...INCIDENT_RECORD,
      what: 'the incident',
    });
    systems = records(current.incidents_systems)
      .filter((link) => stringField(link.system_id) !== '')
      .map((link) => ({
        ...(stringField(link.id) === '' ? {} : { id: stringField(link.id) }),
        system_id: stringField(link.system_id),
        status,
      }));
    if (systems.length === 0) {
      throw invalid(
        `Incident ${id} affects no systems, so Affected Systems Status has nothing to set: leave it empty.`,
      );
    }
  }
  const incident = {
    updates_attributes: [update],
    ...(systems.length === 0 ? {} : { incidents_systems_attributes: systems }),
  };
  const updated = await writtenRecord(
    z,
    bundle,
    { method: 'PUT', path, body: { incident }, notFoundMessage },
    { ...INCIDENT_RECORD, what: 'the updated incident' },
  );
  return flattenIncident(updated);
}) satisfies CreatePerform<typeof inputFields, IncidentItem>;

export default defineCreate({
  key: 'create_incident_update',
  noun: 'Incident',
  display: {
    label: 'Add Incident Update',
    description: 'Adds an update to a status-page incident, and can set its systems’ status.',
  },
  operation: {
    inputFields,
    perform,
    sample: incidentSample,
    outputFields: incidentOutputFields,
  },
});
