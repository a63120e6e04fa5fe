import { LONG } from '../runs';
import { FAULTS } from './faults';
import { faultMatrix, isRepresentative, REPRESENTATIVES } from './matrix';
import { operationCases, type ExpectedRequest } from './operations';

/**
 * The fault matrix (matrix.ts): every day, every fault for the representatives and, for every
 * case, the faults whose outcome its own entry decides; in `npm run test:long`, every fault.
 */

jest.setTimeout(20_000);

const { cases } = faultMatrix({ full: LONG });

it('runs the faults it should at the first and last request of each case', () => {
  const expected = operationCases().reduce((sum, { operation, case: entry }) => {
    const positions = entry.requests.length > 1 ? [0, entry.requests.length - 1] : [0];
    const every = LONG || isRepresentative(operation, entry);
    const faults = (request: ExpectedRequest) =>
      FAULTS.filter((fault) => every || fault.specific?.(request)).length;
    return sum + positions.reduce((n, at) => n + faults(entry.requests[at] as ExpectedRequest), 0);
  }, 0);
  // The four representatives' case names match the table's (their five requests get every fault).
  const representatives = operationCases().filter(({ operation, case: entry }) =>
    isRepresentative(operation, entry),
  );
  expect(representatives).toHaveLength(REPRESENTATIVES.length);
  expect(cases).toBe(expected);
});
