import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { dropdownPage } from '../lib/http/client';
import { stringField } from '../lib/http/api-values';
import { SYSTEM_STATUSES } from '../lib/input/incident';
import { statusWords } from '../lib/records/incident';

/** A status-page system (a component such as "Checkout") as the Affected Systems dropdown shows it. */
export type SystemChoice = { id: string; name: string; status: string };

export const systemChoiceSample: SystemChoice = {
  id: '410',
  name: 'Checkout',
  status: 'Operational',
};

/** No options: the list is the same for every Zap. */
export const inputFields = defineInputFields([]);

/** `GET /systems`, documented as a bare array (one dropdown page); systems without an id are left out. */
export const perform = (async (z, bundle) => {
  const systems = await dropdownPage(z, bundle, '/systems', 'systems', { bare: true });
  return systems
    .map((system) => ({ system, id: stringField(system.id).trim() }))
    .filter(({ id }) => id !== '')
    .map(({ system, id }) => ({
      id,
      name: stringField(system.title).trim() || stringField(system.name).trim() || `System ${id}`,
      status: statusWords(SYSTEM_STATUSES, system.status),
    }));
}) satisfies PollingTriggerPerform<typeof inputFields, SystemChoice>;

export default defineTrigger({
  key: 'system_list',
  noun: 'System',
  display: {
    label: 'List Systems',
    description: 'Triggers when a status-page system is added; lists systems for dropdowns.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    inputFields,
    perform,
    sample: systemChoiceSample,
    outputFields: [
      { key: 'id', label: 'System ID' },
      { key: 'name', label: 'System Name' },
      { key: 'status', label: 'Current Status' },
    ],
  },
});
