import { faultMatrix } from './matrix';

/** The fault matrix for the auth test and every trigger (dropdown triggers included); see matrix.ts. */

jest.setTimeout(20_000);

const { cases } = faultMatrix(
  (operation) => operation.kind === 'auth' || operation.kind === 'trigger',
);

it('covers every fault for the auth test and each trigger', () => {
  expect(cases).toBeGreaterThanOrEqual(7 * 25);
});
