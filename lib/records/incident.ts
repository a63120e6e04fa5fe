import type { Bundle, PlainOutputField, ZObject } from 'zapier-platform-core';
import { getPage, type Page } from '../http/client';
import { INCIDENT_STATUSES, SYSTEM_STATUSES } from '../input/incident';
import { dateTimeField, parseInstant, record, records, stringField } from '../http/api-values';
import { lazySample } from './lazy-sample';

/**
 * A status-page incident as every incident operation outputs it. Documented keys
 * (https://support.typewell.com/api/get_incident and a client built from real answers): `id`
 * (text), `title`, `status`, `created_at`, `updated_at`, `external_url`, `updates[{id, status,
 * message, created_at}]`, `incidents_systems[{id, system_id, status, system{id, title}}]`.
 */

/** A status code as its words; a code added later reads as its own words ("new_state" → "New State"). */
export function statusWords(table: Readonly<Record<string, string>>, code: unknown): string {
  const value = stringField(code).trim();
  if (value === '') return '';
  const known = table[value.toLowerCase()];
  if (known !== undefined) return known;
  return value
    .split(/[\s_-]+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join(' ');
}

export type AffectedSystemLine = { name: string; status: string };

export type IncidentItem = {
  [key: string]: unknown;
  id: string;
  title: string;
  status: string;
  latest_update: string;
  latest_update_at: string | null;
  update_count: number;
  affected_systems: AffectedSystemLine[];
  external_url: string;
  created_at: string | null;
  updated_at: string | null;
};

export function incidentId(incident: Record<string, unknown>): string | undefined {
  return stringField(incident.id).trim() || undefined;
}

/** The updates, newest first (by `created_at`; without one, the later in the list is newer). */
function updatesNewestFirst(incident: Record<string, unknown>): Record<string, unknown>[] {
  return records(incident.updates)
    .map((update, index) => ({ update, index, at: parseInstant(update.created_at) ?? -Infinity }))
    .sort((a, b) => b.at - a.at || b.index - a.index)
    .map(({ update }) => update);
}

export function incidentCreatedAt(incident: Record<string, unknown>): number | undefined {
  return parseInstant(incident.created_at);
}

/**
 * When the incident last changed: the later of its `updated_at` and its newest update's
 * `created_at`, so an update is seen even if Re:amaze did not move `updated_at` for it.
 */
export function incidentChangedAt(incident: Record<string, unknown>): number | undefined {
  const instants = [
    parseInstant(incident.updated_at),
    ...records(incident.updates).map((update) => parseInstant(update.created_at)),
  ].filter((at): at is number => at !== undefined);
  return instants.length > 0 ? Math.max(...instants) : undefined;
}

/** Flattens one incident from any incident endpoint. Never throws on an odd body. */
export function flattenIncident(incident: Record<string, unknown>): IncidentItem {
  const latest = updatesNewestFirst(incident)[0] ?? {};
  return {
    id: incidentId(incident) ?? '',
    title: stringField(incident.title),
    // The incident's own status, else its newest update's: the status page shows the latter.
    status: statusWords(INCIDENT_STATUSES, stringField(incident.status) || latest.status),
    latest_update: stringField(latest.message),
    latest_update_at: dateTimeField(latest.created_at),
    update_count: records(incident.updates).length,
    affected_systems: records(incident.incidents_systems).map((link) => {
      const system = record(link.system);
      return {
        name: stringField(system.title) || stringField(system.name) || stringField(link.system_id),
        status: statusWords(SYSTEM_STATUSES, link.status),
      };
    }),
    external_url: stringField(incident.external_url),
    created_at: dateTimeField(incident.created_at),
    updated_at: dateTimeField(incident.updated_at),
  };
}

export const incidentOutputFields: PlainOutputField[] = [
  { key: 'id', label: 'Incident ID', required: true },
  { key: 'title', label: 'Title' },
  { key: 'status', label: 'Status' },
  { key: 'latest_update', label: 'Latest Update' },
  { key: 'latest_update_at', label: 'Latest Update Date', type: 'datetime' },
  { key: 'update_count', label: 'Number of Updates', type: 'integer' },
  { key: 'affected_systems[]name', label: 'Affected Systems' },
  { key: 'affected_systems[]status', label: 'Affected Systems: Status' },
  { key: 'external_url', label: 'External Link' },
  { key: 'created_at', label: 'Date Created', type: 'datetime' },
  { key: 'updated_at', label: 'Date Updated', type: 'datetime' },
];

/** What `promisedRecord` expects of an incident answer, bare or under `incident`. */
export const INCIDENT_RECORD = { key: 'incident', ids: ['id'], noun: 'incident' };

/** One incident as `GET /incidents` lists it (the documented keys). */
export const API_INCIDENT_SAMPLE = {
  id: '5310',
  title: 'Checkout payments failing',
  account_id: 1201,
  brand_id: 2210,
  created_at: '2026-03-09T08:02:11.314-07:00',
  updated_at: '2026-03-09T08:31:47.902-07:00',
  status: 'identified',
  external_url: 'https://status.acme.example/incidents/5310',
  updates: [
    {
      id: '9101',
      status: 'investigating',
      message: 'Some card payments fail at checkout. We are looking into it.',
      created_at: '2026-03-09T08:02:11.320-07:00',
    },
    {
      id: '9102',
      status: 'identified',
      message: 'Our payment provider has an outage; a fix is rolling out.',
      created_at: '2026-03-09T08:31:47.880-07:00',
    },
  ],
  incidents_systems: [
    {
      id: '7701',
      system_id: '410',
      status: 'major_outage',
      system: { id: '410', title: 'Checkout' },
    },
  ],
};

export const incidentSample: IncidentItem = lazySample(() => flattenIncident(API_INCIDENT_SAMPLE));

/** The most incidents one poll returns: the list is unpaged, so a long history must not grow each poll. */
export const INCIDENTS_PER_POLL = 100;

/**
 * One page of `GET /incidents`, documented as a bare array of every incident (a paged
 * `{incidents: [...]}` is read too), put newest first by `at` (the list's own order is not
 * documented) and cut to the newest {@link INCIDENTS_PER_POLL}.
 */
export async function incidentsPage(
  z: ZObject,
  bundle: Bundle,
  page: number,
  at: (incident: Record<string, unknown>) => number | undefined,
  timeoutMs?: number,
): Promise<Page<Record<string, unknown>>> {
  const result = await getPage(
    z,
    bundle,
    '/incidents',
    'incidents',
    { page },
    {
      bare: true,
      timeoutMs,
    },
  );
  return {
    ...result,
    items: newestIncidentsFirst(result.items, at).slice(0, INCIDENTS_PER_POLL),
  };
}

/** Incidents newest first by `at`; equal or unknown instants keep their order. */
export function newestIncidentsFirst(
  incidents: Record<string, unknown>[],
  at: (incident: Record<string, unknown>) => number | undefined,
): Record<string, unknown>[] {
  return incidents
    .map((incident, index) => ({ incident, index, at: at(incident) ?? -Infinity }))
    .sort((a, b) => b.at - a.at || a.index - b.index)
    .map(({ incident }) => incident);
}
