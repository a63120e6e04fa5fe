import type { Sandbox } from '../../tools/sandbox/server';
import { REPORTS_PERMISSION } from '../../triggers/new_satisfaction_rating';
import { authData, failure } from '../helpers';
import {
  performOf,
  requestLines,
  run,
  startE2eSandbox,
  stopE2eSandbox,
  type Item,
} from './helpers';

let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await startE2eSandbox();
});

afterEach(async () => {
  await stopE2eSandbox(sandbox);
});

const poll = (inputData: Item = {}, meta: Item = {}): Promise<Item[]> =>
  run<Item[]>(performOf('triggers', 'new_satisfaction_rating'), inputData, meta);

const ratingId = (slug: string): string =>
  String(sandbox.store.satisfactionRatings.find((r) => r.conversationSlug === slug)?.id);

describe('New Satisfaction Rating against the sandbox', () => {
  it('reads the last hour by updated_after, and each new rating’s conversation by its database id', async () => {
    const items = await poll();
    const [list, ...lookups] = requestLines(sandbox);
    expect(list).toMatch(/^GET \/satisfaction_ratings\?updated_after=[^&]+Z&page=1$/);
    expect(lookups).toEqual([
      expect.stringMatching(/^GET \/conversations\/88\d{4}$/),
      expect.stringMatching(/^GET \/conversations\/88\d{4}$/),
    ]);
    expect(items.map((item) => [item.rating, item.conversation_id])).toEqual([
      [5, 'where-is-my-order-10482'],
      [2, 'tent-pole-snapped-on-first-trip'],
    ]);
    const dana = sandbox.store.contactByEmail('dana.whitfield@example.com');
    expect(items[0]).toMatchObject({
      comment: 'Priya found my parcel in a day. Thank you!',
      conversation_subject: 'Where is my order #10482?',
      conversation_url: 'https://acme.reamaze.io/admin/conversations/where-is-my-order-10482',
      customer_name: 'Dana Whitfield',
      customer_first_name: 'Dana',
      customer_last_name: 'Whitfield',
      customer_email: 'dana.whitfield@example.com',
      customer_id: String(dana?.internalId),
      customer_url: `https://acme.reamaze.io/admin/users/${dana?.internalId}`,
      assignee_name: 'Priya Shah',
      assignee_email: 'priya@acme.example',
    });
  });

  it('the editor’s test shows the latest ratings, however old', async () => {
    const items = await poll({}, { isLoadingSample: true, limit: 3 });
    expect(requestLines(sandbox)[0]).toBe('GET /satisfaction_ratings?page=1');
    expect(items.map((item) => item.rating)).toEqual([5, 2, 4]);
  });

  it('fires a new rating once, and reads only its conversation: ratings returned before cost nothing', async () => {
    const meta = { zap: { id: 'ratings-e2e' } };
    const before = new Set((await poll({}, meta)).map((item) => item.id));
    sandbox.store.addSatisfactionRating({
      conversation: 'sizing-question-for-the-ridge-jacket',
      rating: 1,
      comment: 'Wrong size advice.',
    });
    sandbox.clearLog();
    const fresh = (await poll({}, meta)).filter((item) => !before.has(item.id));
    expect(
      requestLines(sandbox).filter((line) => line.startsWith('GET /conversations/')),
    ).toHaveLength(1);
    expect(fresh).toEqual([
      expect.objectContaining({
        rating: 1,
        rating_label: 'Very Dissatisfied',
        comment: 'Wrong size advice.',
        conversation_id: 'sizing-question-for-the-ridge-jacket',
      }),
    ]);
  });

  it('a rating revised into "Only Ratings of 1" (5 → 1, days old) fires once, with its new value', async () => {
    const meta = { zap: { id: 'unhappy' } };
    const input = { ratings: ['1'] };
    expect(await poll(input, meta)).toEqual([]);
    const id = ratingId('warranty-replacement-for-stove-x2');
    sandbox.store.reviseSatisfactionRating(Number(id), 1);
    const fired = await poll(input, meta);
    expect(fired.map((item) => [item.id, item.rating, item.conversation_id])).toEqual([
      [id, 1, 'warranty-replacement-for-stove-x2'],
    ]);
    // Zapier has its ID now: the next polls return it again, and Zapier drops it.
    expect((await poll(input, meta)).map((item) => item.id)).toEqual([id]);
  });

  it('with only unhappy ratings chosen, fires only those', async () => {
    const items = await poll({ ratings: ['1', '2'] });
    expect(items.map((item) => item.rating)).toEqual([2]);
    sandbox.clearLog();
    await poll({ ratings: ['5'] });
    expect(requestLines(sandbox)[0]).toMatch(
      /^GET \/satisfaction_ratings\?rating=5&updated_after=[^&]+&page=1$/,
    );
  });

  it("a rating's Conversation ID is the slug every conversation step takes", async () => {
    const [newest] = await poll();
    sandbox.clearLog();
    const [conversation] = await run<Item[]>(performOf('searches', 'find_conversation'), {
      conversation: newest?.conversation_id,
    });
    expect(requestLines(sandbox)).toEqual(['GET /conversations/where-is-my-order-10482']);
    expect(conversation).toMatchObject({
      id: 'where-is-my-order-10482',
      customer_email: 'dana.whitfield@example.com',
      assignee_email: 'priya@acme.example',
    });
  });

  it('a user whose role lacks Reports is told what to ask for', async () => {
    const user = sandbox.store.staffByEmail(authData.username);
    if (user) user.admin = false;
    expect(await failure(poll())).toEqual({
      name: 'AppError',
      code: 'PermissionDenied',
      status: 403,
      message: `Re:amaze refused this on acme.reamaze.io (HTTP 403 Forbidden): ${REPORTS_PERMISSION}`,
    });
  });
});
