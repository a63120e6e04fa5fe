import {
  HOSTILE_KINDS,
  MAX_GROWTH,
  checkBoundedOutput,
  checkLinearGrowth,
} from '../../fixtures/hostile-bodies';

/**
 * The big run of plain-text.test.ts's hostile-body properties (`npm run test:long`): more shapes
 * per kind and more repetitions per timing; the same generators and assertions.
 */
const SHAPES_PER_KIND = 20;

describe('toPlainText on hostile bodies (long run)', () => {
  it.each(HOSTILE_KINDS)(
    `%s: 10× the body costs at most ${MAX_GROWTH}× the time`,
    (kind) => checkLinearGrowth(kind, SHAPES_PER_KIND, 7),
    600_000,
  );

  it.each(HOSTILE_KINDS)(
    '%s: the output of a 1 MB body is bounded and says it was cut',
    (kind) => checkBoundedOutput(kind, SHAPES_PER_KIND),
    600_000,
  );
});
