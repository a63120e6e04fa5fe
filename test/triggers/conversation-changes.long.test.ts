import { generator } from '../random';
import { MINUTE, simulatedBrand, slugsOf, type Zap } from './conversation-changes-simulation';

/**
 * Hours of a busy inbox against the sandbox: between polls 1–15 minutes apart, staff resolve,
 * reopen, hold, assign, reassign (sometimes to the same person), tag and untag conversations, edit
 * without changing anything, undo their own edits before the next poll, and now and then act on
 * 40–100 conversations at once. Five Zaps poll the same brand. For every poll, what each Zap fires
 * must be exactly what its sentence says, judged from the brand as the previous and this poll saw
 * it: a status or assignee that differs (a round trip between two polls is no change, the
 * documented limit), a tag a conversation carries for the first time at a poll. A poll with fewer
 * than a page of conversations changed in the last hour costs one request.
 */

jest.setTimeout(300_000);

const STAFF = ['agent@acme.example', 'priya@acme.example', 'marco@acme.example', 'jo@acme.example'];
const STATUSES = [0, 1, 2, 2, 2, 3, 5, 6];
const TAGS = ['urgent', 'vip', 'returns'];
const POLLS = 22; // 2 scenarios × 5 Zaps × 23 runs (with the switch-on poll) stay under core’s 250 per file

const brand = simulatedBrand();

it.each([1, 2])(
  'five Zaps, seed %i: every poll fires exactly the changes since the last one',
  async (seed) => {
    const random = generator(seed * 7919);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    brand.addConversations(60, 24 * 60);
    const slugs = brand.slugs();
    const zaps: Record<string, Zap> = {
      anyStatus: brand.zap('status'),
      done: brand.zap('status', { status: '2' }),
      anyone: brand.zap('assigned'),
      jo: brand.zap('assigned', { assignee: 'jo@acme.example' }),
      urgent: brand.zap('tag', { tag: 'urgent' }),
    };
    for (const zap of Object.values(zaps)) await zap.poll();
    let previous = brand.snapshot();
    const everUrgent = new Set(
      [...previous].filter(([, c]) => c.tags.includes('urgent')).map(([slug]) => slug),
    );
    let bulkPolls = 0;
    let roundTrips = 0;

    for (let poll = 1; poll <= POLLS; poll += 1) {
      const gap = 1 + random() * 14;
      const bulk = random() < 0.1;
      if (bulk) bulkPolls += 1;
      const edits = bulk ? 40 + Math.floor(random() * 61) : Math.floor(random() * 7);
      for (let e = 0; e < edits; e += 1) {
        brand.advance((gap * 0.9) / Math.max(edits, 1));
        const slug = pick(slugs);
        const roll = random();
        const current = brand.sandbox.store.conversation(slug);
        if (!current) throw new Error(`unknown ${slug}`);
        if (roll < 0.35) brand.edit(slug, { status: pick(STATUSES) });
        else if (roll < 0.6)
          brand.edit(slug, { assigneeEmail: random() < 0.15 ? null : pick(STAFF) });
        else if (roll < 0.8) {
          const tag = pick(TAGS);
          const tags = current.tags.includes(tag)
            ? current.tags.filter((t) => t !== tag)
            : [...current.tags, tag];
          brand.edit(slug, { tags });
        } else if (roll < 0.9) {
          brand.edit(slug, {}); // an edit that changes nothing the triggers watch
        } else {
          // Undone before the next poll: resolved and reopened, or reassigned and back.
          const before = { status: current.status, assigneeEmail: current.assigneeEmail };
          brand.edit(slug, { status: 2, assigneeEmail: pick(STAFF) });
          brand.advance(0.05);
          brand.edit(slug, before);
          roundTrips += 1;
        }
      }
      brand.advance(gap * 0.1);

      const now = brand.snapshot();
      const differs = (key: 'status' | 'assignee', wanted: (value: string) => boolean) =>
        [...now]
          .filter(
            ([slug, c]) =>
              String(c[key]) !== String(previous.get(slug)?.[key]) && wanted(String(c[key])),
          )
          .map(([slug]) => slug)
          .sort();
      const expected: Record<string, string[]> = {
        anyStatus: differs('status', () => true),
        done: differs('status', (status) => status === '2'),
        anyone: differs('assignee', (assignee) => assignee !== ''),
        jo: differs('assignee', (assignee) => assignee === 'jo@acme.example'),
        urgent: [...now]
          .filter(([slug, c]) => c.tags.includes('urgent') && !everUrgent.has(slug))
          .map(([slug]) => slug)
          .sort(),
      };
      const changedInHour = [...brand.sandbox.store.conversations.values()].filter(
        (c) => c.updatedAt >= brand.now - 60 * MINUTE,
      ).length;
      for (const [name, zap] of Object.entries(zaps)) {
        const fired = slugsOf(await zap.poll()).sort();
        expect([poll, name, fired]).toEqual([poll, name, expected[name]]);
        if (name !== 'urgent' && changedInHour < 30)
          expect([poll, name, zap.requests.at(-1)]).toEqual([poll, name, 1]);
      }
      expected.urgent?.forEach((slug) => everUrgent.add(slug));
      previous = now;
    }
    expect(bulkPolls).toBeGreaterThan(0);
    expect(roundTrips).toBeGreaterThan(0);
    const total = (name: string) => zaps[name]?.fired.flat().length ?? 0;
    expect(total('anyStatus')).toBeGreaterThan(20);
    expect(total('urgent')).toBeGreaterThan(2);
  },
);
