import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { writtenRecord } from '../lib/http/client';
import {
  INCIDENT_RECORD,
  flattenIncident,
  incidentOutputFields,
  incidentSample,
  type IncidentItem,
} from '../lib/records/incident';
import {
  incidentUpdate,
  systemIds,
  systemStatus,
  systemStatusField,
  updateFields,
} from '../lib/input/incident';
import { invalid, requiredText } from '../lib/input/read';

export const inputFields = defineInputFields([
  {
    key: 'title',
    label: 'Title',
    required: true,
    helpText: 'What is wrong, as customers read it.',
  },
  ...updateFields(
    'Where the work on it stands.',
    'The first update shown under the incident on your status page.',
    'investigating',
  ),
  {
    key: 'systems',
    label: 'Affected Systems',
    required: false,
    list: true,
    dynamic: 'system_list.id.name',
    helpText: 'The status-page systems this incident affects. Leave empty for none.',
  },
  systemStatusField(
    'Shown for every affected system. Required when systems are chosen, and only then.',
  ),
]);

/**
 * `POST /incidents` with `{"incident": {title, updates_attributes: [{status, message}],
 * incidents_systems_attributes: [{system_id, status}]}}` (https://push.reamaze.com/api/post_incident).
 * The answer is read bare or under `incident`.
 */
export const perform = (async (z, bundle) => {
  const input = bundle.inputData;
  const title = requiredText(input.title, 'Title');
  const update = incidentUpdate(input);
  const systems = systemIds(input.systems, 'Affected Systems');
  const status = systemStatus(input.system_status);
  if (systems !== undefined && status === undefined) {
    throw invalid(
      'Affected Systems Status is required when Affected Systems are chosen: pick how they are doing, for example Major Outage.',
    );
  }
  if (systems === undefined && status !== undefined) {
    throw invalid(
      'Affected Systems Status applies to Affected Systems, and none is chosen: choose the systems, or leave the status empty.',
    );
  }
  const incident = {
    title,
    updates_attributes: [update],
    ...(systems === undefined
      ? {}
      : {
          incidents_systems_attributes: systems.map((id) => ({
            system_id: id,
            status,
          })),
        }),
  };
  const created = await writtenRecord(
    z,
    bundle,
    { method: 'POST', path: '/incidents', body: { incident } },
    { ...INCIDENT_RECORD, what: 'the new incident' },
  );
  return flattenIncident(created);
}) satisfies CreatePerform<typeof inputFields, IncidentItem>;

export default defineCreate({
  key: 'create_incident',
  noun: 'Incident',
  display: {
    label: 'Create Incident',
    description:
      'Creates an incident on your status page, with its first update and affected systems.',
  },
  operation: {
    inputFields,
    perform,
    sample: incidentSample,
    outputFields: incidentOutputFields,
  },
});
