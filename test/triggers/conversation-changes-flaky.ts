import type { Bundle, ZObject } from 'zapier-platform-core';
import { generator } from '../random';
import { run } from '../e2e/helpers';
import { TRIGGERS, type SimulatedBrand } from './conversation-changes-simulation';

/**
 * The change triggers over a z.cache that misbehaves: reads that fail, reads and writes slower
 * than the 1.5 s a poll waits, keys evicted between polls, or a cache that never works. Each Zap
 * runs as Zapier does (a dedupe-seeding poll, then live polls whose IDs fire once; a poll that
 * throws records nothing). Every fire is judged against the staff edits made since the last poll
 * Zapier recorded: a fire no edit explains is false; a value that differs from that poll's and is
 * not fired is lost (documented when the Zap's state was missing at that poll).
 */

export type CacheFault = 'fail' | 'slow' | 'evict' | 'never';

export interface FlakyOptions {
  fault: CacheFault;
  /** Chance per cache call (per read for `evict`). */
  rate: number;
  seed: number;
  polls: number;
  /** Conversations edited between two polls, each a watched change or an edit that changes nothing. */
  editsPerPoll: number;
  /** For `slow`: only reads are slow (writes answer in time). */
  slowReadsOnly?: boolean;
  /** Slugs given to a few of the conversations edited (e.g. `constructor`, `__proto__`). */
  slugs?: string[];
}

export interface FlakyResult {
  fired: number;
  /** Real changes: a watched value that differs at a recorded poll from the recorded poll before. */
  real: number;
  falseFires: number;
  lost: number;
  /** Of `lost`: at a poll that found no state (evicted), where the docs say the Zap re-baselines. */
  lostWithoutState: number;
  failedPolls: number;
}

const SLOW_MS = 1_600;
const STAFF = ['priya@acme.example', 'marco@acme.example', 'jo@acme.example'];
const STATUSES = [0, 1, 2, 3, 5];

/** A z.cache of its own per Zap, misbehaving as told; `missed` counts reads that found no key. */
class FlakyCache {
  readonly values = new Map<string, string>();
  missedChangeState = false;

  constructor(
    private readonly fault: CacheFault,
    private readonly rate: number,
    private readonly random: () => number,
    private readonly slowReadsOnly = false,
  ) {}

  private hit(): boolean {
    return this.fault === 'never' || this.random() < this.rate;
  }

  async get(key: string): Promise<unknown> {
    if (this.fault === 'evict' && this.hit()) this.values.clear();
    if ((this.fault === 'fail' || this.fault === 'never') && this.hit()) {
      throw new Error('zcache unavailable');
    }
    const value = this.values.get(key);
    if (this.fault === 'slow' && this.hit()) await new Promise((r) => setTimeout(r, SLOW_MS));
    if (value === undefined && key.startsWith('conversation-changes:')) {
      this.missedChangeState = true;
    }
    return value === undefined ? null : JSON.parse(value);
  }

  async set(key: string, value: unknown): Promise<boolean> {
    if ((this.fault === 'fail' || this.fault === 'never') && this.hit()) {
      throw new Error('zcache unavailable');
    }
    this.values.set(key, JSON.stringify(value));
    // Saved, but confirmed later than the poll waits.
    if (this.fault === 'slow' && !this.slowReadsOnly && this.hit()) {
      await new Promise((r) => setTimeout(r, SLOW_MS));
    }
    return true;
  }

  async delete(key: string): Promise<boolean> {
    return this.values.delete(key);
  }
}

type Perform = (z: ZObject, bundle: Bundle) => Promise<unknown>;

interface Watched {
  trigger: 'status' | 'assigned';
  input: Record<string, unknown>;
  valueOf: (c: { status: number; assignee: string }) => string;
  wanted: (value: string) => boolean;
}

const WATCHED: Watched[] = [
  { trigger: 'status', input: {}, valueOf: (c) => String(c.status), wanted: () => true },
  {
    trigger: 'status',
    input: { status: '2' },
    valueOf: (c) => String(c.status),
    wanted: (v) => v === '2',
  },
  { trigger: 'assigned', input: {}, valueOf: (c) => c.assignee, wanted: (v) => v !== '' },
];

/** Runs {@link WATCHED}'s three Zaps over one flaky cache model and counts what they fired. */
export async function flakyRun(brand: SimulatedBrand, options: FlakyOptions): Promise<FlakyResult> {
  const random = generator(options.seed * 7919 + options.fault.length);
  const named = (options.slugs ?? []).map((slug) => {
    const [made] = brand.addConversations(1, 24 * 60, `named-${slug}`) as [string];
    const conversation = brand.sandbox.store.conversations.get(made);
    if (!conversation) throw new Error('no conversation');
    brand.sandbox.store.conversations.delete(made);
    conversation.slug = slug;
    brand.sandbox.store.conversations.set(slug, conversation);
    return slug;
  });
  brand.addConversations(40, 24 * 60);
  const slugs = [...named, ...brand.slugs().filter((slug) => !named.includes(slug))];
  const result: FlakyResult = {
    fired: 0,
    real: 0,
    falseFires: 0,
    lost: 0,
    lostWithoutState: 0,
    failedPolls: 0,
  };

  const zaps = WATCHED.map((watched, i) => {
    const random = generator(options.seed * 31 + i);
    const cache = new FlakyCache(options.fault, options.rate, random, options.slowReadsOnly);
    const perform = TRIGGERS[watched.trigger] as Perform;
    const withCache: Perform = (z, bundle) =>
      perform(Object.assign(Object.create(z) as ZObject, { cache }), bundle);
    return {
      watched,
      cache,
      id: `flaky-${options.fault}-${options.seed}-${i}-${Math.random()}`,
      dedupe: new Set<string>(),
      recorded: brand.snapshot(),
      recordedAt: brand.now,
      perform: withCache,
      seeded: false,
    };
  });
  /** Every watched edit: slug → the instants it took each value. */
  const history = new Map<string, { at: number; status: number; assignee: string }[]>();
  for (const [slug, c] of brand.snapshot()) history.set(slug, [{ at: -Infinity, ...c }]);
  const note = (slug: string) => {
    const c = brand.snapshot().get(slug);
    if (c) history.set(slug, [...(history.get(slug) ?? []), { at: brand.now, ...c }]);
  };

  for (let poll = 0; poll <= options.polls; poll += 1) {
    if (poll > 0) {
      for (let e = 0; e < options.editsPerPoll; e += 1) {
        brand.advance(0.2);
        const slug =
          e < named.length && random() < 0.5
            ? named[e]
            : slugs[Math.floor(random() * slugs.length)];
        if (slug === undefined) continue;
        const roll = random();
        if (roll < 0.3) brand.edit(slug, { status: STATUSES[Math.floor(random() * 5)] as number });
        else if (roll < 0.5) brand.edit(slug, { assigneeEmail: STAFF[Math.floor(random() * 3)] });
        else brand.edit(slug, {}); // a message, a note, a custom-data edit: nothing watched
        note(slug);
      }
      brand.advance(5);
    }
    for (const zap of zaps) {
      zap.cache.missedChangeState = false;
      let items: { id: string }[];
      try {
        items = await run<{ id: string }[]>(zap.perform, zap.watched.input, {
          zap: { id: zap.id },
          isPopulatingDedupe: !zap.seeded,
        });
      } catch (error) {
        if ((error as Error).name !== 'ThrottledError') throw error;
        result.failedPolls += 1;
        continue;
      }
      const now = brand.snapshot();
      const seeding = !zap.seeded;
      zap.seeded = true;
      const fresh = items.map((item) => item.id).filter((id) => !zap.dedupe.has(id));
      items.forEach((item) => zap.dedupe.add(item.id));
      if (!seeding) {
        const { valueOf, wanted } = zap.watched;
        const expected = [...now]
          .filter(([slug, c]) => {
            const before = zap.recorded.get(slug);
            return before !== undefined && valueOf(before) !== valueOf(c) && wanted(valueOf(c));
          })
          .map(([slug]) => slug);
        const firedSlugs = new Set<string>();
        for (const id of fresh) {
          const [slug, value] = /^(.*):conversation_[a-z_]+:(.*)@\d+$/.exec(id)?.slice(1) ?? [];
          firedSlugs.add(slug as string);
          const edits = history.get(slug as string) ?? [];
          const explained = edits.some(
            (edit, k) =>
              k > 0 &&
              edit.at > zap.recordedAt &&
              valueOf(edit) === value &&
              valueOf(edits[k - 1] as typeof edit) !== value,
          );
          if (!explained) {
            result.falseFires += 1;
            if (process.env.FLAKY_DEBUG)
              console.log(poll, zap.watched.trigger, id, zap.recordedAt, JSON.stringify(edits));
          }
        }
        result.fired += fresh.length;
        result.real += expected.length;
        const lost = expected.filter((slug) => !firedSlugs.has(slug)).length;
        result.lost += lost;
        if (zap.cache.missedChangeState) result.lostWithoutState += lost;
      }
      zap.recorded = now;
      zap.recordedAt = brand.now;
    }
  }
  return result;
}
