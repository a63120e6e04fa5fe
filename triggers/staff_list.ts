import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { getPage } from '../lib/client';

/** A staff member as the Staff dropdowns show it: the email is the value Re:amaze expects. */
export type StaffChoice = {
  id: string;
  name: string;
};

export const staffSample: StaffChoice = {
  id: 'jonas.weber@acme.example',
  name: 'Jonas Weber',
};

function string(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * `GET /staff`, sorted by when each user joined. Dropdown pages are 0-based in Zapier and 1-based
 * in Re:amaze; a page past the last one is empty rather than a repeat of the last. Users without
 * an email are left out: the email is what `sent_by` and the assignee take.
 */
export const perform = (async (z, bundle) => {
  const page = (bundle.meta?.page ?? 0) + 1;
  const result = await getPage(z, bundle, '/staff', 'staff', { page });
  if (page > 1 && page > result.pageCount) return [];
  const seen = new Set<string>();
  const choices: StaffChoice[] = [];
  for (const staff of result.items) {
    const email = string(staff.email);
    if (email === '' || seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    choices.push({
      id: email,
      name: string(staff.name) || string(staff.display_name) || email,
    });
  }
  return choices;
}) satisfies PollingTriggerPerform<Record<string, never>, StaffChoice>;

export default defineTrigger({
  key: 'staff_list',
  noun: 'Staff Member',
  display: {
    label: 'List Staff Members',
    description: 'Triggers when a staff member is added; lists staff for dropdowns.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform,
    sample: staffSample,
    outputFields: [
      { key: 'id', label: 'Staff Email' },
      { key: 'name', label: 'Staff Name' },
    ],
  },
});
