import { perform } from '../../triggers/new_conversation';
import { DEFAULT_HORIZON_MS } from '../../lib/polling/paging';
import { appTester, authData, reamaze } from '../helpers';

/**
 * Zapier's side of New Conversation over simulated days of a brand: conversations arrive in quiet
 * stretches and bursts, Zapier polls every 1–15 minutes and deduplicates on `id`. Each scenario
 * asserts that every conversation fires exactly once, in the first poll after it was started
 * (never later, as "new"), that nothing from before the Zap was switched on fires, and that a quiet
 * poll costs exactly one request.
 *
 * Each scenario file stays under 250 polls: zapier-platform-core's memory checker ends a process
 * that has run more invocations than that while above 450 MB, and jest counts them per test file.
 */

export const PAGE_SIZE = 30;
export const MINUTE = 60_000;
export const START = Date.parse('2026-03-02T08:00:00.000Z');

/** A small seeded generator, so every run simulates the same brand. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Conversation {
  slug: string;
  createdAt: number;
  /** Re:amaze renders the same instant with different offsets; the trigger must not care. */
  offsetMinutes: number;
  /** Open-list membership: resolved at, reopened at (undefined = never). */
  resolvedAt?: number;
  reopenedAt?: number;
}

export function render(ms: number, offsetMinutes: number): string {
  if (offsetMinutes === 0) return new Date(ms).toISOString();
  const local = new Date(ms + offsetMinutes * MINUTE).toISOString().slice(0, -1);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function isOpen(conversation: Conversation, at: number): boolean {
  if (conversation.resolvedAt === undefined || at < conversation.resolvedAt) return true;
  return conversation.reopenedAt !== undefined && at >= conversation.reopenedAt;
}

/** A fake `GET /conversations`: newest first by creation, 30 a page, as Re:amaze lists them. */
export class FakeBrand {
  conversations: Conversation[] = [];
  clock = START;
  requests = 0;
  queries: Record<string, string>[] = [];

  private sorted: Conversation[] | undefined;

  private newestFirst(): Conversation[] {
    this.sorted ??= [...this.conversations].sort((a, b) => b.createdAt - a.createdAt);
    return this.sorted;
  }

  install(): void {
    reamaze()
      .persist()
      .get('/api/v1/conversations')
      .query(true)
      .reply((uri) => {
        this.requests += 1;
        const query = Object.fromEntries(new URL(uri, 'https://acme.reamaze.io').searchParams);
        this.queries.push(query);
        const page = Number(query.page ?? '1');
        const visible = this.newestFirst()
          .filter((c) => c.createdAt <= this.clock)
          .filter((c) => (query.filter === 'open' ? isOpen(c, this.clock) : true));
        const items = visible.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
        return [
          200,
          {
            page_size: PAGE_SIZE,
            page_count: Math.ceil(visible.length / PAGE_SIZE),
            total_count: visible.length,
            conversations: items.map((c) => ({
              subject: `Subject of ${c.slug}`,
              slug: c.slug,
              status: 0,
              created_at: render(c.createdAt, c.offsetMinutes),
              tag_list: [],
              message: { body: 'Hello' },
              author: { name: 'Customer', email: `${c.slug}@example.com` },
              assignee: null,
              category: {
                name: 'Support',
                slug: 'support',
                email: 'support@acme.reamaze.io',
                channel: 1,
              },
            })),
          },
        ];
      });
  }
}

export interface PollRecord {
  at: number;
  requests: number;
  returned: number;
  fired: string[];
  /** Conversations started inside the look-back horizon before this poll. */
  inHorizon: number;
}

/** Zapier's dedupe: the seed poll fills the seen-list, later polls fire what is new to it. */
export async function runZap(
  brand: FakeBrand,
  pollTimes: number[],
  inputData: Record<string, unknown>,
  /** The Zap's id: its polls keep watermarks in the runner's in-memory z.cache. */
  zapId?: string,
): Promise<PollRecord[]> {
  jest.spyOn(Date, 'now').mockImplementation(() => brand.clock);
  const seen = new Set<string>();
  const records: PollRecord[] = [];
  for (const [index, at] of pollTimes.entries()) {
    brand.clock = at;
    brand.requests = 0;
    const items = (await appTester(perform, {
      authData,
      inputData,
      meta: {
        ...(index === 0 ? { isPopulatingDedupe: true } : {}),
        ...(zapId ? { zap: { id: zapId, user: { timezone: 'UTC' } } } : {}),
      },
    })) as { id: string }[];
    const fired = index === 0 ? [] : items.map((i) => i.id).filter((id) => !seen.has(id));
    items.forEach((i) => seen.add(i.id));
    records.push({
      at,
      requests: brand.requests,
      returned: items.length,
      fired,
      inHorizon: brand.conversations.filter(
        (c) => c.createdAt <= at && c.createdAt >= at - DEFAULT_HORIZON_MS,
      ).length,
    });
  }
  return records;
}

/** Poll times every 1–15 minutes, and arrivals: quiet stretches, and bursts of up to 150. */
export function scenario(seed: number, hours: number) {
  const next = random(seed);
  const brand = new FakeBrand();
  let count = 0;
  const add = (createdAt: number) => {
    count += 1;
    brand.conversations.push({
      slug: `conversation-${seed}-${count}`,
      createdAt,
      offsetMinutes: [0, -300, -240, 120, 330][Math.floor(next() * 5)] as number,
    });
  };
  // History from before the Zap was switched on: none of it may ever fire.
  for (let i = 0; i < 400; i += 1) add(START - 1 - Math.floor(next() * 10 * 24 * 60 * MINUTE));

  const pollTimes = [START];
  let lastBurst = -Infinity;
  while (pollTimes[pollTimes.length - 1]! < START + hours * 60 * MINUTE) {
    const previous = pollTimes[pollTimes.length - 1]!;
    const at = previous + (1 + Math.floor(next() * 15)) * MINUTE;
    const burst = next() < 0.15 && previous - lastBurst > 60 * MINUTE;
    const arrivals = burst ? 30 + Math.floor(next() * 121) : Math.floor(next() * 4);
    if (burst) lastBurst = previous;
    for (let i = 0; i < arrivals; i += 1)
      add(previous + 1 + Math.floor(next() * (at - previous - 1)));
    pollTimes.push(at);
  }
  return { brand, pollTimes, next };
}

/** The poll in which a conversation should fire: the first one at or after its start. */
export function firstPollAfter(pollTimes: number[], createdAt: number): number {
  return pollTimes.find((at) => at >= createdAt) as number;
}

/** When each conversation fired, by slug. */
export function firedAt(records: PollRecord[]): Map<string, number[]> {
  const fired = new Map<string, number[]>();
  for (const record of records) {
    for (const id of record.fired) fired.set(id, [...(fired.get(id) ?? []), record.at]);
  }
  return fired;
}
