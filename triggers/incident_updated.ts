import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import {
  flattenIncident,
  incidentChangedAt,
  incidentId,
  incidentOutputFields,
  incidentsPage,
  API_INCIDENT_SAMPLE,
  type IncidentItem,
} from '../lib/records/incident';
import { pollNewestFirst } from '../lib/polling/paging';
import { zapWatermarks } from '../lib/polling/zap-state';
import { lazySample } from '../lib/records/lazy-sample';

/** An incident as of one change: `id` names the change, `incident_id` the incident. */
export type IncidentChangeItem = IncidentItem & { incident_id: string };

/**
 * The change's identity: the incident's id and the instant it last changed (the later of
 * `updated_at` and its newest update), so each new state fires once. Without any instant, the
 * number of updates stands in for it.
 */
export function incidentChangeKey(incident: Record<string, unknown>): string | undefined {
  const id = incidentId(incident);
  if (id === undefined) return undefined;
  const at = incidentChangedAt(incident);
  const count = Array.isArray(incident.updates) ? incident.updates.length : 0;
  return `${id}@${at === undefined ? `update-${count}` : new Date(at).toISOString()}`;
}

export function incidentChange(incident: Record<string, unknown>): IncidentChangeItem {
  const { id, ...rest } = flattenIncident(incident);
  return { id: incidentChangeKey(incident) ?? '', incident_id: id, ...rest };
}

/** No options: every incident of the brand fires it. */
export const inputFields = defineInputFields([]);

/**
 * Polls `GET /incidents`, newest change first, under the shared rule of lib/polling/paging.ts;
 * Zapier deduplicates on the change key. What it cannot see: docs/help-center-status-reports.md.
 */
export const perform = (async (z, bundle) => {
  const incidents = await pollNewestFirst({
    fetchPage: (page, timeoutMs) => incidentsPage(z, bundle, page, incidentChangedAt, timeoutMs),
    createdAt: incidentChangedAt,
    identity: incidentChangeKey,
    meta: bundle.meta,
    watermarks: zapWatermarks(z, bundle, 'incident_updated'),
    log: (line) => z.console.log(`Incident Updated: ${line}`),
  });
  return incidents.map(incidentChange);
}) satisfies PollingTriggerPerform<typeof inputFields, IncidentChangeItem>;

const [idField, ...otherFields] = incidentOutputFields;

export default defineTrigger({
  key: 'incident_updated',
  noun: 'Incident',
  display: {
    label: 'Incident Updated',
    description:
      'Triggers when a status-page incident is posted or changes (a new update, status or system).',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: lazySample(() => incidentChange(API_INCIDENT_SAMPLE)),
    outputFields: [
      { key: 'id', label: 'Change ID (Incident and Date)', required: true },
      { ...idField, key: 'incident_id', required: false },
      ...otherFields,
    ],
  },
});
