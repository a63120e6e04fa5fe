import { FAULTS } from './faults';
import { faultMatrix, REPRESENTATIVES } from './matrix';
import { operationCases } from './operations';

/** The everyday fault matrix: every fault for the representatives, the specific ones for all. */

jest.setTimeout(20_000);

const { cases } = faultMatrix({ full: false });

it('runs every fault against each representative and the specific faults against every case', () => {
  const positions = operationCases().reduce(
    (sum, { case: entry }) => sum + Math.min(entry.requests.length, 2),
    0,
  );
  const specific = FAULTS.filter((fault) => fault.specific).length;
  expect(REPRESENTATIVES.length).toBe(4);
  expect(cases).toBe(positions * specific + 5 * (FAULTS.length - specific));
});
