import type { Sandbox } from '../../../tools/sandbox/server';
import { call, get, testSandbox } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await testSandbox();
});

afterAll(async () => {
  await sandbox.stop();
});

interface RatingsBody {
  page_count: number;
  total_count: number;
  satisfaction_ratings: Record<string, unknown>[];
}

describe('GET /satisfaction_ratings', () => {
  it('lists ratings newest first, everyone named by internal id', async () => {
    const body = await get<RatingsBody>(sandbox, '/satisfaction_ratings');
    expect(body.total_count).toBe(6);
    expect(body.satisfaction_ratings.map((r) => r.rating)).toEqual([5, 2, 4, 1, 3, 5]);
    const [first] = body.satisfaction_ratings;
    const dana = sandbox.store.contactByEmail('dana.whitfield@example.com');
    expect(first).toEqual({
      id: expect.stringMatching(/^\d+$/),
      rating: 5,
      comment: 'Priya found my parcel in a day. Thank you!',
      user_id: String(dana?.internalId),
      assignee_id: '40002', // Priya, the second staff user
      conversation_id: expect.stringMatching(/^\d+$/),
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/), // UTC, as documented
      updated_at: first?.created_at,
    });
  });

  it('filters by rating and created_after', async () => {
    const fives = await get<RatingsBody>(sandbox, '/satisfaction_ratings?rating=5');
    expect(fives.satisfaction_ratings.map((r) => r.rating)).toEqual([5, 5]);
    const since = new Date(sandbox.store.now() - 60 * 60_000).toISOString();
    const recent = await get<RatingsBody>(sandbox, `/satisfaction_ratings?created_after=${since}`);
    expect(recent.satisfaction_ratings.map((r) => r.rating)).toEqual([5, 2]);
  });

  it('filters by updated_after and updated_before: a revised rating is listed by its change', async () => {
    const old = sandbox.store.satisfactionRatings.find((r) => r.rating === 3);
    if (!old) throw new Error('no seeded 3');
    sandbox.store.reviseSatisfactionRating(old.id, 1);
    try {
      const since = new Date(sandbox.store.now() - 60 * 60_000).toISOString();
      const changed = await get<RatingsBody>(
        sandbox,
        `/satisfaction_ratings?updated_after=${since}`,
      );
      expect(changed.satisfaction_ratings.map((r) => [r.id, r.rating])).toEqual([
        [expect.any(String), 5],
        [expect.any(String), 2],
        [String(old.id), 1],
      ]);
      const before = await get<RatingsBody>(
        sandbox,
        `/satisfaction_ratings?updated_before=${since}&created_before=${since}`,
      );
      expect(before.satisfaction_ratings.map((r) => r.rating)).toEqual([4, 1, 5]);
    } finally {
      sandbox.store.reviseSatisfactionRating(old.id, 3, old.createdAt);
    }
  });

  it('answers 403 to a user whose role lacks Reports', async () => {
    const user = sandbox.store.staffByEmail('agent@acme.example');
    if (!user) throw new Error('no API user');
    user.admin = false;
    try {
      const answer = await call(sandbox, '/satisfaction_ratings');
      expect([answer.status, answer.json]).toEqual([
        403,
        { error: 'You are not allowed to access reports' },
      ]);
    } finally {
      user.admin = true;
    }
  });
});

describe('GET /response_templates', () => {
  it("lists the brand's templates by name, searched by name or body", async () => {
    const all = await get<{ response_templates: Record<string, unknown>[] }>(
      sandbox,
      '/response_templates',
    );
    // The documented shape: the list alone, no page counters.
    expect(Object.keys(all)).toEqual(['response_templates']);
    // Priya's personal template is not shown to another user.
    expect(all.response_templates.map((t) => t.name)).toEqual([
      'Delivery delayed',
      'Order shipped',
      'Return label',
      'Thanks for your feedback',
      'Warranty claim received',
    ]);
    const found = await get<{ response_templates: Record<string, unknown>[] }>(
      sandbox,
      '/response_templates?q=RETURN',
    );
    expect(found.response_templates.map((t) => t.name)).toEqual(['Return label']);
    expect(found.response_templates[0]).toEqual({
      id: expect.any(Number),
      name: 'Return label',
      body: expect.stringContaining('prepaid return label'),
      response_template_group: { id: 72, name: 'Returns' },
      created_at: expect.stringMatching(/-07:00$/),
    });
  });

  it('shows one template by id, and 404 for an unknown or personal one of someone else', async () => {
    const [shipped, , , , , personal] = sandbox.store.responseTemplates;
    expect(await get(sandbox, `/response_templates/${shipped?.id}`)).toMatchObject({
      name: 'Order shipped',
    });
    expect((await call(sandbox, `/response_templates/${personal?.id}`)).status).toBe(404);
    expect((await call(sandbox, '/response_templates/999999')).status).toBe(404);
  });
});
