import App from '../../index';
import before from '../fixtures/output-before.json';
import { itemDigests, runOnPage, type OutputPages } from '../fixtures/output-pages';

/**
 * Performance work must not change a byte of what the triggers return: output-before.json holds,
 * for fixed pages, the digest of every item the code returned when last recorded (its `recordedFrom`)
 * (recorded with test/fixtures/output-pages.ts); the code of today must return the same.
 */

const recorded = before as OutputPages & { outputs: Record<string, string[]> };
const triggers = App.triggers as Record<string, { operation: { perform: unknown } }>;

describe('trigger outputs on the recorded pages', () => {
  it.each(recorded.cases.map((entry) => [entry.name, entry] as const))('%s', async (_, entry) => {
    const perform = triggers[entry.trigger]?.operation.perform;
    const items = await runOnPage(perform, entry, recorded.pages[entry.page] as string);
    expect(itemDigests(items)).toEqual(recorded.outputs[entry.name]);
  });
});
