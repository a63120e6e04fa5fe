import { asRecord, created, invalid, isBlank, notFound, ok, wrapped, type Route } from '../http';
import { formatInstant } from '../shapes';
import type { Incident, IncidentChanges, StatusSystem } from '../status-page';
import type { Store } from '../store';

/**
 * The status page: GET /incidents and GET /systems as bare arrays (as documented; incidents
 * newest first), GET/PUT /incidents/{id}, POST /incidents with `{"incident": {title,
 * updates_attributes, incidents_systems_attributes}}`, answered with the bare incident.
 */

const UPDATE_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'];
const SYSTEM_STATUSES = [
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
];

function incidentShape(store: Store, incident: Incident): Record<string, unknown> {
  return {
    id: incident.id,
    title: incident.title,
    account_id: 1201,
    brand_id: 2210,
    created_at: formatInstant(incident.createdAt),
    updated_at: formatInstant(incident.updatedAt),
    status: incident.status,
    external_url: null,
    updates: incident.updates.map((update) => ({
      id: update.id,
      status: update.status,
      message: update.message,
      created_at: formatInstant(update.createdAt),
    })),
    incidents_systems: incident.systems.map((link) => ({
      id: link.id,
      system_id: link.systemId,
      status: link.status,
      system: { id: link.systemId, title: store.statusPage.system(link.systemId)?.title ?? '' },
    })),
  };
}

function systemShape(store: Store, system: StatusSystem): Record<string, unknown> {
  return {
    id: system.id,
    title: system.title,
    account_id: 1201,
    brand_id: 2210,
    created_at: formatInstant(system.createdAt),
    updated_at: formatInstant(system.updatedAt),
    status: system.status,
    active_incidents: store.statusPage.incidents
      .filter((i) => i.status !== 'resolved' && i.systems.some((s) => s.systemId === system.id))
      .map((i) => ({ id: i.id, title: i.title })),
  };
}

/** The nested attributes of a write, checked as Rails would, or the 422's field errors. */
function changesOf(
  store: Store,
  input: Record<string, unknown>,
): { changes: IncidentChanges } | { errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const updates = (Array.isArray(input.updates_attributes) ? input.updates_attributes : [])
    .map((item) => asRecord(item) ?? {})
    .map((item) => ({ status: String(item.status ?? ''), message: String(item.message ?? '') }));
  if (updates.some((u) => !UPDATE_STATUSES.includes(u.status)))
    errors['updates.status'] = ['is invalid'];
  if (updates.some((u) => u.message.trim() === '')) errors['updates.message'] = ["can't be blank"];
  const systems = (
    Array.isArray(input.incidents_systems_attributes) ? input.incidents_systems_attributes : []
  )
    .map((item) => asRecord(item) ?? {})
    .map((item) => ({
      ...(item.id === undefined ? {} : { id: String(item.id) }),
      systemId: String(item.system_id ?? ''),
      status: String(item.status ?? ''),
    }));
  if (systems.some((s) => !store.statusPage.system(s.systemId)))
    errors['incidents_systems.system'] = ['must exist'];
  if (systems.some((s) => !SYSTEM_STATUSES.includes(s.status)))
    errors['incidents_systems.status'] = ['is invalid'];
  if (Object.keys(errors).length > 0) return { errors };
  const title = typeof input.title === 'string' ? { title: input.title } : {};
  return { changes: { ...title, updates, systems } };
}

const routes: Route[] = [
  {
    method: 'GET',
    path: '/incidents',
    handle: ({ store }) =>
      ok(
        [...store.statusPage.incidents]
          .sort((a, b) => b.createdAt - a.createdAt)
          .map((incident) => incidentShape(store, incident)),
      ),
  },
  {
    method: 'GET',
    path: '/incidents/:id',
    handle: ({ store, params }) => {
      const incident = store.statusPage.incident(params.id ?? '');
      return incident ? ok(incidentShape(store, incident)) : notFound();
    },
  },
  {
    method: 'POST',
    path: '/incidents',
    handle: ({ store, body }) => {
      const input = wrapped(body, 'incident');
      if (!input) return invalid({ incident: ['is missing'] });
      if (isBlank(input.title)) return invalid({ title: ["can't be blank"] });
      const checked = changesOf(store, input);
      if ('errors' in checked) return invalid(checked.errors);
      const incident = store.statusPage.addIncident(String(input.title), checked.changes);
      return created(incidentShape(store, incident));
    },
  },
  {
    method: 'PUT',
    path: '/incidents/:id',
    handle: ({ store, params, body }) => {
      const incident = store.statusPage.incident(params.id ?? '');
      if (!incident) return notFound();
      const checked = changesOf(store, wrapped(body, 'incident') ?? {});
      if ('errors' in checked) return invalid(checked.errors);
      store.statusPage.updateIncident(incident.id, checked.changes);
      return ok(incidentShape(store, incident));
    },
  },
  {
    method: 'GET',
    path: '/systems',
    handle: ({ store }) => ok(store.statusPage.systems.map((system) => systemShape(store, system))),
  },
];

export default routes;
