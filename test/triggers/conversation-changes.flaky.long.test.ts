import { flakyRun, type CacheFault } from './conversation-changes-flaky';
import { simulatedBrand } from './conversation-changes-simulation';

/**
 * The grid behind docs/conversation-changes.md's figures: every cache fault at several rates,
 * two seeds, 10 polls of 20 edits each for three Zaps (Status Changed any and Done, Assigned).
 */

jest.setTimeout(600_000);

const brand = simulatedBrand();
const PROTOTYPE_SLUGS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

const GRID: [CacheFault, number][] = [
  ['fail', 0.05],
  ['fail', 0.2],
  ['evict', 0.05],
  ['evict', 0.1],
  ['evict', 0.2],
  ['slow', 0.05],
  ['never', 1],
];

describe.each([1, 2])('seed %i', (seed) => {
  it.each(GRID)(
    '%s at %f: 0 false fires, 0 lost outside the documented case',
    async (fault, rate) => {
      const result = await flakyRun(brand, {
        fault,
        rate,
        seed,
        polls: 10,
        editsPerPoll: 20,
        slugs: seed === 2 ? PROTOTYPE_SLUGS : [],
      });
      console.log(`flaky ${fault} ${rate} seed ${seed}: ${JSON.stringify(result)}`);
      expect(result.falseFires).toBe(0);
      expect(result.lost - result.lostWithoutState).toBe(0);
    },
  );
});
