import { simulatedBrand } from './conversation-changes-simulation';
import { updatedRun, waitingRun } from './conversation-updated-waiting-simulation';

/** Hours of a busy inbox for the two triggers: several seeds, thresholds and bulk edits. */

jest.setTimeout(600_000);

const brand = simulatedBrand();

it.each([1, 2, 3, 4])('Conversation Updated, seed %i: 0 missed, 0 twice, 0 false', async (seed) => {
  const result = await updatedRun(brand, { seed, polls: 30, bulk: seed * 30 });
  console.log(
    `updated seed ${seed}: ${JSON.stringify({ ...result, mismatches: result.mismatches.length })}`,
  );
  expect(result.mismatches).toEqual([]);
  expect(result.wrongWhat).toEqual([]);
});

it.each([
  [1, 5],
  [2, 30],
  [3, 90],
])(
  'Conversation Waiting for a Reply, seed %i, %i minutes: 0 missed, 0 twice, 0 false',
  async (seed, thresholdMinutes) => {
    const result = await waitingRun(brand, { seed, polls: 40, thresholdMinutes });
    console.log(
      `waiting seed ${seed} ${thresholdMinutes} min: ${JSON.stringify({ ...result, mismatches: result.mismatches.length })}`,
    );
    expect(result.mismatches).toEqual([]);
  },
);
