import { liveConversation } from '../fixtures/conversation-samples';
import { appTester, authData, resetNock } from '../helpers';

/** Shared by the nock tests of the three conversation-change triggers. */

export const NOW = Date.parse('2026-03-09T20:00:00.000Z');
export const MINUTE = 60_000;

export type Item = Record<string, unknown> & { id: string };

/** Freezes Date.now at {@link NOW} for each test and clears nock after it. */
export function atFixedNow(): void {
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    resetNock();
  });
}

/** Runs a trigger's perform through Zapier's runner with the test credentials. */
export function poller(perform: unknown) {
  return (inputData: Record<string, unknown> = {}, meta: Record<string, unknown> = {}) =>
    appTester(perform as Parameters<typeof appTester>[0], { authData, inputData, meta }) as Promise<
      Item[]
    >;
}

/** A listed conversation last changed `minutesAgo` before {@link NOW}, created a day before that. */
export function changedAgo(
  slug: string,
  minutesAgo: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const at = NOW - minutesAgo * MINUTE;
  return liveConversation({
    slug,
    created_at: new Date(at - 24 * 60 * MINUTE).toISOString(),
    updated_at: new Date(at).toISOString(),
    ...overrides,
  });
}
