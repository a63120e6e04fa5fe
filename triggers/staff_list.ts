import { distinctChoiceLabels } from '../lib/records/choice-labels';
import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { dropdownPage } from '../lib/http/client';
import { staffEmail, staffName } from '../lib/records/staff';

/** A staff member as the Staff dropdowns show it: the email is the value Re:amaze expects. */
export type StaffChoice = {
  id: string;
  name: string;
};

export const staffSample: StaffChoice = {
  id: 'jonas.weber@acme.example',
  name: 'Jonas Weber',
};

/** No options: the list is the same for every Zap. */
export const inputFields = defineInputFields([]);

/**
 * `GET /staff`, sorted by when each user joined. Users without an email are left out: the email is
 * what `sent_by` and the assignee take.
 */
export const perform = (async (z, bundle) => {
  const seen = new Set<string>();
  const choices: StaffChoice[] = [];
  for (const staff of await dropdownPage(z, bundle, '/staff', 'staff')) {
    const email = staffEmail(staff);
    if (email === '' || seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    choices.push({
      id: email,
      name: staffName(staff),
    });
  }
  return distinctChoiceLabels(choices, (choice) => choice.id);
}) satisfies PollingTriggerPerform<typeof inputFields, StaffChoice>;

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
    inputFields,
    perform,
    sample: staffSample,
    outputFields: [
      { key: 'id', label: 'Staff Email' },
      { key: 'name', label: 'Staff Name' },
    ],
  },
});
