import type { Sandbox } from '../../tools/sandbox/server';
import { perform as incidentUpdated } from '../../triggers/incident_updated';
import { perform as newIncident } from '../../triggers/new_incident';
import { run, startE2eSandbox, stopE2eSandbox, type Item } from '../e2e/helpers';
import { generator } from '../random';

/**
 * Seeded random status-page traffic against the sandbox, polled through Zapier's runner with
 * Zapier's dedupe (an id fires once, ever). Per poll, what must fire is known from the traffic:
 * New Incident, each incident created since the last poll; Incident Updated, each incident that
 * changed at least once since the last poll (once, with its latest state). Counted: missed,
 * fired twice, fired without a change.
 */

type Perform = Parameters<typeof run>[0];
const MINUTE = 60_000;
const SYSTEM_STATUSES = ['operational', 'degraded_performance', 'partial_outage', 'major_outage'];
const UPDATE_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'];

export async function simulate(sandbox: Sandbox, seed: number, rounds: number) {
  const random = generator(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;
  const page = sandbox.store.statusPage;
  const seen = { created: new Set<string>(), changed: new Set<string>() };
  const counts = { missed: 0, twice: 0, falseFires: 0, fired: 0 };
  const fires = new Map<string, number>();

  const poll = async (perform: unknown, ids: Set<string>, meta: Item = {}) => {
    const items = await run<Item[]>(
      perform as Perform,
      {},
      { zap: { id: `sim-${seed}` }, ...meta },
    );
    const fired = items.filter((item) => !ids.has(item.id as string));
    for (const item of items) ids.add(item.id as string);
    return fired;
  };
  await poll(newIncident, seen.created, { isPopulatingDedupe: true });
  await poll(incidentUpdated, seen.changed, { isPopulatingDedupe: true });

  for (let round = 0; round < rounds; round += 1) {
    const created = new Set<string>();
    const changed = new Set<string>();
    for (let step = Math.floor(random() * 4); step > 0; step -= 1) {
      sandbox.store.clock.advance((1 + Math.floor(random() * 3)) * MINUTE);
      const roll = random();
      if (roll < 0.3 || page.incidents.length === 0) {
        const system = pick(page.systems);
        const incident = page.addIncident(`Incident ${seed}-${round}-${step}`, {
          updates: [{ status: 'investigating', message: 'Looking.' }],
          systems: [{ systemId: system.id, status: pick(SYSTEM_STATUSES) }],
        });
        created.add(incident.id);
        changed.add(incident.id);
      } else {
        const incident = pick(page.incidents);
        const link = incident.systems[0];
        page.updateIncident(
          incident.id,
          roll < 0.75 || !link
            ? { updates: [{ status: pick(UPDATE_STATUSES), message: `Step ${round}.${step}` }] }
            : {
                systems: [{ id: link.id, systemId: link.systemId, status: pick(SYSTEM_STATUSES) }],
              },
        );
        changed.add(incident.id);
      }
    }
    for (const [perform, ids, expected, key] of [
      [newIncident, seen.created, created, 'id'],
      [incidentUpdated, seen.changed, changed, 'incident_id'],
    ] as const) {
      const fired = (await poll(perform, ids)).map((item) => String(item[key]));
      counts.fired += fired.length;
      for (const id of fired) {
        const label = `${perform === newIncident ? 'new' : 'changed'}:${id}:${round}`;
        fires.set(label, (fires.get(label) ?? 0) + 1);
        if ((fires.get(label) ?? 0) > 1) counts.twice += 1;
        if (!expected.has(id)) counts.falseFires += 1;
      }
      for (const id of expected) if (!fired.includes(id)) counts.missed += 1;
    }
  }
  return counts;
}

/** Declares the simulation for `seeds` seeds of `rounds` polls each, one fresh sandbox per seed. */
export function simulationSuite(seeds: number, rounds: number): void {
  let sandbox: Sandbox;
  beforeEach(async () => {
    sandbox = await startE2eSandbox();
    sandbox.store.clock.freeze();
  });
  afterEach(async () => {
    await stopE2eSandbox(sandbox);
  });
  it.each(Array.from({ length: seeds }, (_, i) => i + 1))(
    `seed %i, ${rounds} polls: 0 missed, 0 twice, 0 false fires`,
    async (seed) => {
      const counts = await simulate(sandbox, seed, rounds);
      expect({ ...counts, fired: counts.fired > 0 }).toEqual({
        missed: 0,
        twice: 0,
        falseFires: 0,
        fired: true,
      });
    },
  );
}
