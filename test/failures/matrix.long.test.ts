import { FAULTS } from './faults';
import { faultMatrix } from './matrix';
import { operationCases } from './operations';

/** The full fault matrix (`npm run test:long`): every fault against every operation case. */

jest.setTimeout(20_000);

const { cases } = faultMatrix({ full: true });

it('runs every fault against the first and last request of every case', () => {
  const positions = operationCases().reduce(
    (sum, { case: entry }) => sum + Math.min(entry.requests.length, 2),
    0,
  );
  expect(cases).toBe(positions * FAULTS.length);
});
