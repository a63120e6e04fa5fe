import fc from 'fast-check';
import { CUT_NOTE, PLAIN_TEXT_LIMIT, toPlainText } from '../../lib/plain-text';
import {
  HOSTILE_KINDS,
  MAX_GROWTH,
  growthRatios,
  hostileBody,
  hostileShape,
} from '../fixtures/hostile-bodies';

/**
 * The big run of plain-text.test.ts's hostile-body properties (`npm run test:long`): more shapes
 * per kind, more repetitions per timing. Same assertions, same generators.
 */
const SHAPES_PER_KIND = 20;

describe('toPlainText on hostile bodies (long run)', () => {
  it.each(HOSTILE_KINDS)(
    `%s: 10× the body costs at most ${MAX_GROWTH}× the time`,
    (kind) => {
      fc.assert(
        fc.property(hostileShape(kind), (shape) => {
          const { belowCap, pastCap } = growthRatios(shape, 7);
          expect(belowCap).toBeLessThan(MAX_GROWTH);
          expect(pastCap).toBeLessThan(MAX_GROWTH);
        }),
        { numRuns: SHAPES_PER_KIND, seed: 1212 },
      );
    },
    600_000,
  );

  it.each(HOSTILE_KINDS)(
    '%s: the output of a 1 MB body is bounded and says it was cut',
    (kind) => {
      const end = `…\n\n${CUT_NOTE}`;
      fc.assert(
        fc.property(hostileShape(kind), (shape) => {
          const text = toPlainText(hostileBody(shape, 1_000_000));
          expect(text.length).toBeLessThanOrEqual(PLAIN_TEXT_LIMIT + end.length);
          if (text.length > PLAIN_TEXT_LIMIT) expect(text.endsWith(end)).toBe(true);
          expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(text)).toBe(false);
        }),
        { numRuns: SHAPES_PER_KIND, seed: 1213 },
      );
    },
    600_000,
  );
});
