import { list } from './read';
import { requiredSlug } from './slug';

/** The Incident input of Add Incident Update: from the incident dropdown or a trigger's Incident ID. */
export const incidentField = {
  key: 'incident',
  label: 'Incident',
  required: true,
  dynamic: 'incident_list.id.name',
  helpText: 'Choose an incident, or map the Incident ID from New Incident or Incident Updated.',
} as const;

export function incidentIdInput(value: unknown): string {
  return requiredSlug(
    value,
    incidentField.label,
    'an incident. Choose one from the list, or map the Incident ID from an incident trigger.',
  );
}

/** Affected Systems: system IDs from the dropdown; undefined when none is chosen. */
export function systemIds(value: unknown, label: string): string[] | undefined {
  const ids = list(value, label)?.map((id) =>
    requiredSlug(id, label, 'a system. Choose systems from the list.'),
  );
  return ids === undefined ? undefined : [...new Set(ids)];
}
