import { LONG } from '../runs';
import { FAULTS } from './faults';
import { faultMatrix, REPRESENTATIVES } from './matrix';
import { operationCases } from './operations';

/**
 * The fault matrix (matrix.ts): every day, every fault for the representatives and the specific
 * faults for every case; in `npm run test:long`, every fault for every case.
 */

jest.setTimeout(20_000);

const { cases } = faultMatrix({ full: LONG });

it('runs the faults it should at the first and last request of each case', () => {
  const positions = operationCases().reduce(
    (sum, { case: entry }) => sum + Math.min(entry.requests.length, 2),
    0,
  );
  const specific = FAULTS.filter((fault) => fault.specific).length;
  expect(REPRESENTATIVES.length).toBe(4);
  // The four representatives make five requests (update_conversation reads, then writes).
  expect(cases).toBe(
    LONG ? positions * FAULTS.length : positions * specific + 5 * (FAULTS.length - specific),
  );
});
