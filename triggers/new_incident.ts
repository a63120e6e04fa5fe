import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import {
  flattenIncident,
  incidentCreatedAt,
  incidentId,
  incidentOutputFields,
  incidentSample,
  incidentsPage,
  type IncidentItem,
} from '../lib/records/incident';
import { pollNewestFirst } from '../lib/polling/paging';
import { zapWatermarks } from '../lib/polling/zap-state';

/** No options: every incident of the brand fires it. */
export const inputFields = defineInputFields([]);

/**
 * Polls `GET /incidents` (newest first by `created_at`) under the shared rule of
 * lib/polling/paging.ts; Zapier deduplicates on the incident's `id`, so each incident fires once,
 * however often it is updated afterwards.
 */
export const perform = (async (z, bundle) => {
  const incidents = await pollNewestFirst({
    fetchPage: (page, timeoutMs) => incidentsPage(z, bundle, page, incidentCreatedAt, timeoutMs),
    createdAt: incidentCreatedAt,
    identity: incidentId,
    meta: bundle.meta,
    watermarks: zapWatermarks(z, bundle, 'new_incident'),
    log: (line) => z.console.log(`New Incident: ${line}`),
  });
  return incidents.map(flattenIncident);
}) satisfies PollingTriggerPerform<typeof inputFields, IncidentItem>;

export default defineTrigger({
  key: 'new_incident',
  noun: 'Incident',
  display: {
    label: 'New Incident',
    description: 'Triggers when an incident is posted on your status page.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: incidentSample,
    outputFields: incidentOutputFields,
  },
});
