import { faultMatrix } from './matrix';

/** The fault matrix for every create and search; see matrix.ts. */

jest.setTimeout(20_000);

const { cases } = faultMatrix(
  (operation) => operation.kind === 'create' || operation.kind === 'search',
);

it('covers every fault for each create and search', () => {
  expect(cases).toBeGreaterThanOrEqual(8 * 25);
});
