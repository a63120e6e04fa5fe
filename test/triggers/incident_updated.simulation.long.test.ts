import type { Sandbox } from '../../tools/sandbox/server';
import { startE2eSandbox, stopE2eSandbox } from '../e2e/helpers';
import { simulate } from './incident-simulation';

let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await startE2eSandbox();
  sandbox.store.clock.freeze();
});

afterEach(async () => {
  await stopE2eSandbox(sandbox);
});

jest.setTimeout(60_000);

describe('Incident Updated and New Incident over random status-page traffic (100 seeds, 12 polls each)', () => {
  it.each(Array.from({ length: 100 }, (_, i) => i + 1))(
    'seed %i: 0 missed, 0 twice, 0 false fires',
    async (seed) => {
      const counts = await simulate(sandbox, seed, 12);
      expect({ ...counts, fired: counts.fired > 0 }).toEqual({
        missed: 0,
        twice: 0,
        falseFires: 0,
        fired: true,
      });
    },
  );
});
