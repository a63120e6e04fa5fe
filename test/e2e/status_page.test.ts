import { perform as createIncident } from '../../creates/create_incident';
import { perform as addUpdate } from '../../creates/create_incident_update';
import type { Sandbox } from '../../tools/sandbox/server';
import { perform as incidentUpdated } from '../../triggers/incident_updated';
import { perform as listSystems } from '../../triggers/system_list';
import { perform as newIncident } from '../../triggers/new_incident';
import { failure } from '../helpers';
import { requestLines, run, startE2eSandbox, stopE2eSandbox, type Item } from './helpers';

type Perform = Parameters<typeof run>[0];
const loose = (perform: unknown): Perform => perform as Perform;

let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await startE2eSandbox();
  sandbox.store.clock.freeze();
});

afterEach(async () => {
  await stopE2eSandbox(sandbox);
});

const MINUTE = 60_000;

/** Zapier's dedupe for one trigger: the ids a Zap has seen; each poll returns what fires. */
function zap(perform: unknown) {
  const seen = new Set<string>();
  const poll = async (meta: Item = {}): Promise<Item[]> => {
    const items = await run<Item[]>(loose(perform), {}, { zap: { id: 'zap-1' }, ...meta });
    const fired = items.filter((item) => !seen.has(item.id as string));
    for (const item of items) seen.add(item.id as string);
    return fired;
  };
  return { seed: () => poll({ isPopulatingDedupe: true }), poll };
}

describe('Status page against the sandbox', () => {
  it('the systems dropdown lists each system with its current status', async () => {
    expect(await run<Item[]>(loose(listSystems))).toEqual([
      { id: '410', name: 'Website', status: 'Operational' },
      { id: '411', name: 'Checkout', status: 'Major Outage' },
      { id: '412', name: 'Email Support', status: 'Operational' },
      { id: '413', name: 'Live Chat', status: 'Operational' },
    ]);
    expect(requestLines(sandbox)).toEqual(['GET /systems?page=1']);
  });

  it('Create Incident sends the first update and the affected systems as nested attributes', async () => {
    const created = await run<Item>(loose(createIncident), {
      title: 'Live chat down',
      status: 'investigating',
      message: 'Chat does not load on the website.',
      systems: ['413', '410'],
      system_status: 'partial_outage',
    });
    expect(requestLines(sandbox)).toEqual(['POST /incidents']);
    expect(sandbox.requests[0]?.body).toEqual({
      incident: {
        title: 'Live chat down',
        updates_attributes: [
          { status: 'investigating', message: 'Chat does not load on the website.' },
        ],
        incidents_systems_attributes: [
          { system_id: '413', status: 'partial_outage' },
          { system_id: '410', status: 'partial_outage' },
        ],
      },
    });
    expect(created).toMatchObject({
      id: '5312',
      status: 'Investigating',
      latest_update: 'Chat does not load on the website.',
      update_count: 1,
      affected_systems: [
        { name: 'Live Chat', status: 'Partial Outage' },
        { name: 'Website', status: 'Partial Outage' },
      ],
    });
  });

  it('Add Incident Update resolving the incident sets its systems operational (read, then one write)', async () => {
    const updated = await run<Item>(loose(addUpdate), {
      incident: '5311',
      status: 'resolved',
      message: 'Payments work again.',
      system_status: 'operational',
    });
    expect(requestLines(sandbox)).toEqual(['GET /incidents/5311', 'PUT /incidents/5311']);
    const link = sandbox.store.statusPage.incident('5311')?.systems[0];
    expect(sandbox.requests[1]?.body).toEqual({
      incident: {
        updates_attributes: [{ status: 'resolved', message: 'Payments work again.' }],
        incidents_systems_attributes: [{ id: link?.id, system_id: '411', status: 'operational' }],
      },
    });
    expect(sandbox.store.statusPage.incident('5311')?.systems).toHaveLength(1);
    expect(updated).toMatchObject({
      status: 'Resolved',
      latest_update: 'Payments work again.',
      update_count: 2,
      affected_systems: [{ name: 'Checkout', status: 'Operational' }],
    });
  });

  it('an unknown incident fails before anything is written', async () => {
    expect(
      await failure(run(loose(addUpdate), { incident: '999', status: 'monitoring', message: 'x' })),
    ).toEqual({
      name: 'AppError',
      code: 'NotFound',
      status: 404,
      message: 'No incident with ID 999 was found on acme.reamaze.io.',
    });
  });

  it('over polls with Zapier’s dedupe: New Incident once per incident, Incident Updated once per new state', async () => {
    const created = zap(newIncident);
    const changed = zap(incidentUpdated);
    expect(await created.seed()).toHaveLength(2);
    expect(await changed.seed()).toHaveLength(2);
    const page = sandbox.store.statusPage;
    const step = () => sandbox.store.clock.advance(MINUTE);

    // Nothing happened: nothing fires.
    expect(await created.poll()).toEqual([]);
    expect(await changed.poll()).toEqual([]);

    // An update to an incident: a change, not a new incident.
    step();
    page.updateIncident('5311', {
      updates: [{ status: 'identified', message: 'Provider outage.' }],
    });
    expect(await created.poll()).toEqual([]);
    expect((await changed.poll()).map((item) => [item.incident_id, item.status])).toEqual([
      ['5311', 'Identified'],
    ]);

    // A new incident fires both triggers once.
    step();
    page.addIncident('Login slow', { updates: [{ status: 'investigating', message: 'Slow.' }] });
    expect((await created.poll()).map((item) => item.title)).toEqual(['Login slow']);
    expect((await changed.poll()).map((item) => item.title)).toEqual(['Login slow']);
    expect(await changed.poll()).toEqual([]);

    // Only a system's status changes (no update): still a new state.
    step();
    const link = page.incident('5311')?.systems[0];
    page.updateIncident('5311', {
      systems: [{ id: link?.id, systemId: '411', status: 'partial_outage' }],
    });
    expect((await changed.poll()).map((item) => item.affected_systems)).toEqual([
      [{ name: 'Checkout', status: 'Partial Outage' }],
    ]);

    // Two updates between polls: one firing, with the latest state (the first is not seen).
    step();
    page.updateIncident('5311', { updates: [{ status: 'monitoring', message: 'Fix out.' }] });
    step();
    page.updateIncident('5311', { updates: [{ status: 'resolved', message: 'Done.' }] });
    expect((await changed.poll()).map((item) => [item.status, item.latest_update])).toEqual([
      ['Resolved', 'Done.'],
    ]);
    expect(await created.poll()).toEqual([]);
  });
});
