import {
  LIVE_CONVERSATION_ITEM,
  conversationsPage,
  liveConversation,
} from '../fixtures/conversation-samples';
import { appTester, authData, reamaze, resetNock } from '../helpers';

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

/**
 * A change trigger's item for a conversation item (by default {@link liveConversation}()'s) with
 * `overrides`: the conversation's ID as `conversation_id`, its other fields unchanged.
 */
export function changeItemOf(
  overrides: Record<string, unknown>,
  conversationItem: Record<string, unknown> & { id: string } = LIVE_CONVERSATION_ITEM,
): Record<string, unknown> {
  const { id, ...conversation } = conversationItem;
  return { conversation_id: id, ...conversation, ...overrides };
}

type ChangeTrigger = { operation: { outputFields?: unknown; sample?: object } };

/**
 * Polls once with `listed` as the only conversation, and checks the item and the trigger's
 * sample have exactly the labelled output keys, in the labelled order.
 */
export async function expectLiveShape(
  trigger: ChangeTrigger,
  poll: ReturnType<typeof poller>,
  listed: Record<string, unknown>,
  inputData: Record<string, unknown> = {},
): Promise<void> {
  reamaze()
    .get('/api/v1/conversations')
    .query(true)
    .reply(200, conversationsPage([listed]));
  const labelled = (trigger.operation.outputFields as { key: string }[]).map((field) => field.key);
  expect((await poll(inputData)).map((item) => Object.keys(item))).toEqual([labelled]);
  expect(Object.keys(trigger.operation.sample ?? {})).toEqual(labelled);
}

/** The ISO form of the instant `minutesAgo` before {@link NOW} (how the tests list changed times). */
export const isoAgo = (minutesAgo: number): string =>
  new Date(NOW - minutesAgo * MINUTE).toISOString();
