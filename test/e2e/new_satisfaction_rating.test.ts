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

const poll = (inputData: Item = {}): Promise<Item[]> =>
  run<Item[]>(performOf('triggers', 'new_satisfaction_rating'), inputData);

describe('New Satisfaction Rating against the sandbox', () => {
  it('lists the seeded ratings newest first with one request', async () => {
    const items = await poll();
    expect(requestLines(sandbox)).toEqual(['GET /satisfaction_ratings?page=1']);
    expect(items.map((item) => [item.rating, item.rating_label])).toEqual([
      [5, 'Very Satisfied'],
      [2, 'Dissatisfied'],
      [4, 'Satisfied'],
      [1, 'Very Dissatisfied'],
      [3, 'Neutral'],
      [5, 'Very Satisfied'],
    ]);
    const dana = sandbox.store.contactByEmail('dana.whitfield@example.com');
    expect(items[0]).toMatchObject({
      comment: 'Priya found my parcel in a day. Thank you!',
      customer_id: String(dana?.internalId),
      customer_url: `https://acme.reamaze.io/admin/users/${dana?.internalId}`,
      staff_id: '40002',
    });
  });

  it('fires a new rating once: it is the only new id on the next poll', async () => {
    const before = new Set((await poll()).map((item) => item.id));
    sandbox.store.addSatisfactionRating({
      conversation: 'sizing-question-for-the-ridge-jacket',
      rating: 1,
      comment: 'Wrong size advice.',
    });
    const fresh = (await poll()).filter((item) => !before.has(item.id));
    expect(fresh).toEqual([
      expect.objectContaining({
        rating: 1,
        rating_label: 'Very Dissatisfied',
        comment: 'Wrong size advice.',
      }),
    ]);
  });

  it('with only unhappy ratings chosen, fires only those', async () => {
    const items = await poll({ ratings: ['1', '2'] });
    expect(items.map((item) => item.rating)).toEqual([2, 1]);
    sandbox.clearLog();
    const ones = await poll({ ratings: ['1'] });
    expect(requestLines(sandbox)).toEqual(['GET /satisfaction_ratings?rating=1&page=1']);
    expect(ones.map((item) => item.rating)).toEqual([1]);
  });

  it("a rating's Conversation ID finds the conversation (customer and assignee) in a Find step", async () => {
    const [newest] = await poll();
    sandbox.clearLog();
    const [conversation] = await run<Item[]>(performOf('searches', 'find_conversation'), {
      conversation: newest?.conversation_id,
    });
    expect(requestLines(sandbox)).toEqual([
      `GET /conversations/${newest?.conversation_id as string}`,
    ]);
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
