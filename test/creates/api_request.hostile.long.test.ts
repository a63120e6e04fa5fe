import fc from 'fast-check';
import { resetNock } from '../helpers';
import { holdsBoundary, hostilePath } from './api-request-paths';

/** The everyday hostile-path property (api_request.hostile.test.ts) over many more seeded paths. */

afterEach(resetNock);

it('API Request never sends a request off the brand’s /api/v1, over 2,000 seeded paths', async () => {
  const tally = { refused: 0, sent: 0 };
  await fc.assert(fc.asyncProperty(hostilePath, holdsBoundary(tally)), {
    numRuns: 2_000,
    seed: 2026,
  });
  expect(tally.refused).toBeGreaterThan(500);
  expect(tally.sent).toBeGreaterThan(50);
}, 120_000);
