import { simulatedBrand } from './conversation-changes-simulation';
import { updatedRun, waitingRun } from './conversation-updated-waiting-simulation';

/** A small seeded slice; the long runs are conversation_updated_waiting.simulation.long.test.ts. */

jest.setTimeout(120_000);

const brand = simulatedBrand();

it('Conversation Updated: each poll fires once per conversation changed since the last one, What Changed right', async () => {
  const result = await updatedRun(brand, { seed: 1, polls: 8, bulk: 45 });
  expect(result.mismatches).toEqual([]);
  expect(result.wrongWhat).toEqual([]);
  expect(result.fired).toBeGreaterThan(45);
});

it('Conversation Waiting for a Reply: each episode fires once, at the first poll past the threshold', async () => {
  const result = await waitingRun(brand, { seed: 1, polls: 12, thresholdMinutes: 20 });
  expect(result.outsideHorizon).toBeGreaterThan(0); // the documented limit is exercised
  expect(result.mismatches).toEqual([]);
  expect(result.fired).toBeGreaterThanOrEqual(3);
});
