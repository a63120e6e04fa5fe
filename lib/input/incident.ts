import { choice, choicesOf, list, requiredChoice, requiredText } from './read';
import { requiredSlug } from './slug';

/** An incident update's status (the status page's words). */
export const INCIDENT_STATUSES = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
} as const;

/** An affected system's status. */
export const SYSTEM_STATUSES = {
  operational: 'Operational',
  degraded_performance: 'Degraded Performance',
  partial_outage: 'Partial Outage',
  major_outage: 'Major Outage',
  under_maintenance: 'Under Maintenance',
} as const;

/** The status and message of the update both incident actions post (`updates_attributes`). */
export function updateFields(statusHelp: string, messageHelp: string, initial?: 'investigating') {
  return [
    {
      key: 'status',
      label: 'Status',
      required: true,
      ...(initial === undefined ? {} : { default: initial }),
      choices: choicesOf(INCIDENT_STATUSES),
      helpText: statusHelp,
    },
    { key: 'message', label: 'Message', required: true, type: 'text', helpText: messageHelp },
  ] as const;
}

export function incidentUpdate(input: { status?: unknown; message?: unknown }): {
  status: keyof typeof INCIDENT_STATUSES;
  message: string;
} {
  return {
    status: requiredChoice(input.status, 'Status', INCIDENT_STATUSES),
    message: requiredText(input.message, 'Message'),
  };
}

/** The status the affected systems are set to. */
export function systemStatusField(helpText: string) {
  return {
    key: 'system_status',
    label: 'Affected Systems Status',
    required: false,
    choices: choicesOf(SYSTEM_STATUSES),
    helpText,
  } as const;
}

export function systemStatus(value: unknown): keyof typeof SYSTEM_STATUSES | undefined {
  return choice(value, 'Affected Systems Status', SYSTEM_STATUSES);
}

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
