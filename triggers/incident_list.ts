import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { dropdownPage } from '../lib/http/client';
import { INCIDENT_STATUSES } from '../lib/input/incident';
import { stringField } from '../lib/http/api-values';
import {
  incidentCreatedAt,
  incidentId,
  newestIncidentsFirst,
  statusWords,
} from '../lib/records/incident';

/** An incident as the Incident dropdown shows it, newest first. */
export type IncidentChoice = { id: string; name: string; status: string };

export const incidentChoiceSample: IncidentChoice = {
  id: '5310',
  name: 'Checkout payments failing',
  status: 'Identified',
};

/** No options: the list is the same for every Zap. */
export const inputFields = defineInputFields([]);

/** `GET /incidents` (a bare array: one dropdown page); incidents without an id are left out. */
export const perform = (async (z, bundle) => {
  const incidents = await dropdownPage(z, bundle, '/incidents', 'incidents', { bare: true });
  const choices: IncidentChoice[] = [];
  for (const incident of newestIncidentsFirst(incidents, incidentCreatedAt)) {
    const id = incidentId(incident);
    if (id === undefined) continue;
    choices.push({
      id,
      name: stringField(incident.title).trim() || `Incident ${id}`,
      status: statusWords(INCIDENT_STATUSES, incident.status),
    });
  }
  return choices;
}) satisfies PollingTriggerPerform<typeof inputFields, IncidentChoice>;

export default defineTrigger({
  key: 'incident_list',
  noun: 'Incident',
  display: {
    label: 'List Incidents',
    description: 'Triggers when an incident is posted; lists incidents for dropdowns.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    inputFields,
    perform,
    sample: incidentChoiceSample,
    outputFields: [
      { key: 'id', label: 'Incident ID' },
      { key: 'name', label: 'Title' },
      { key: 'status', label: 'Status' },
    ],
  },
});
