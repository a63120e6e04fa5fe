import { generator } from '../random';
import { run } from '../e2e/helpers';
import { MINUTE, TRIGGERS, type SimulatedBrand } from './conversation-changes-simulation';

/**
 * Multi-poll simulations of Conversation Updated and Conversation Waiting for a Reply against the
 * sandbox, with Zapier's dedupe semantics: a switch-on poll whose IDs never fire, then every ID
 * not seen before fires once. Between polls 1–15 minutes apart, staff and customers act at random;
 * each poll must fire exactly what the trigger's sentence says, judged from the sandbox itself.
 */

const STAFF = ['priya@acme.example', 'marco@acme.example', 'jo@acme.example'];
const STATUSES = [0, 0, 1, 2, 3, 5];
const TAGS = ['urgent', 'vip', 'returns'];

type Item = Record<string, unknown> & { id: string };

/** One Zap: its dedupe list, polled through Zapier's runner. */
function zapOf(brand: SimulatedBrand, trigger: 'updated' | 'waiting', inputData: Item | object) {
  const id = `sim-${trigger}-${Math.random()}`;
  const dedupe = new Set<string>();
  let seeded = false;
  return {
    requests: [] as number[],
    async poll(): Promise<Item[]> {
      const before = brand.sandbox.requests.length;
      const items = await run<Item[]>(TRIGGERS[trigger], inputData as Item, {
        zap: { id },
        isPopulatingDedupe: !seeded,
      });
      this.requests.push(brand.sandbox.requests.length - before);
      const fresh = seeded ? items.filter((item) => !dedupe.has(item.id)) : [];
      seeded = true;
      items.forEach((item) => dedupe.add(item.id));
      return fresh;
    },
  };
}

export interface SimulationResult {
  polls: number;
  fired: number;
  expected: number;
  /** Per poll: [poll, zap, fired, expected] where they differ. */
  mismatches: [number, string, string[], string[]][];
  /** Fires whose What Changed names nothing done to the conversation since the last poll. */
  wrongWhat: string[];
  /** Waiting: episodes that began to match more than an hour after passing the threshold (not fired, documented). */
  outsideHorizon?: number;
}

/** Conversation Updated: one fire per conversation changed since the last poll, whatever changed. */
export async function updatedRun(
  brand: SimulatedBrand,
  options: { seed: number; polls: number; bulk?: number },
): Promise<SimulationResult> {
  const random = generator(options.seed * 104_729);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  brand.addConversations(40, 24 * 60);
  const slugs = brand.slugs();
  const zaps = {
    any: zapOf(brand, 'updated', {}),
    support: zapOf(brand, 'updated', { channel: 'support' }),
  };
  for (const zap of Object.values(zaps)) await zap.poll();
  const result: SimulationResult = {
    polls: 0,
    fired: 0,
    expected: 0,
    mismatches: [],
    wrongWhat: [],
  };
  const changedAt = () =>
    new Map([...brand.sandbox.store.conversations.values()].map((c) => [c.slug, c.updatedAt]));
  let previous = changedAt();

  for (let poll = 1; poll <= options.polls; poll += 1) {
    const gap = 1 + random() * 14;
    const edits = poll === 3 && options.bulk ? options.bulk : Math.floor(random() * 8);
    const done = new Map<string, Set<string>>();
    for (let e = 0; e < edits; e += 1) {
      brand.advance((gap * 0.9) / Math.max(edits, 1));
      const slug = pick(slugs);
      const current = brand.sandbox.store.conversation(slug);
      if (!current) throw new Error(`unknown ${slug}`);
      const kinds = done.get(slug) ?? new Set<string>();
      done.set(slug, kinds);
      const roll = random();
      if (roll < 0.2) {
        const status = pick(STATUSES);
        if (status !== current.status) kinds.add('Status');
        brand.edit(slug, { status });
      } else if (roll < 0.35) {
        const assigneeEmail = pick(STAFF);
        if (assigneeEmail !== current.assigneeEmail) kinds.add('Assignee');
        brand.edit(slug, { assigneeEmail });
      } else if (roll < 0.5) {
        const tag = pick(TAGS);
        kinds.add('Tags');
        brand.edit(slug, {
          tags: current.tags.includes(tag)
            ? current.tags.filter((t) => t !== tag)
            : [...current.tags, tag],
        });
      } else if (roll < 0.6) {
        kinds.add('Custom Data');
        brand.edit(slug, { data: { ...current.data, order: String(Math.floor(random() * 1e6)) } });
      } else if (roll < 0.75) {
        kinds.add('New Customer Message');
        brand.message(slug);
      } else if (roll < 0.9) {
        kinds.add('New Staff Reply');
        brand.message(slug, pick(STAFF));
      } else {
        kinds.add('Other');
        brand.edit(slug, {}); // an update that changes nothing watched
      }
    }
    brand.advance(gap * 0.1);
    const now = changedAt();
    const changed = [...now]
      .filter(([slug, at]) => at !== previous.get(slug))
      .map(([slug]) => slug);
    const inChannel = (slug: string) =>
      brand.sandbox.store.conversation(slug)?.channelSlug === 'support';
    const notArchived = (slug: string) => brand.sandbox.store.conversation(slug)?.status !== 4;
    const expected = {
      any: changed.filter(notArchived).sort(),
      support: changed.filter((s) => notArchived(s) && inChannel(s)).sort(),
    };
    for (const [name, zap] of Object.entries(zaps)) {
      const fired = await zap.poll();
      const firedSlugs = fired.map((item) => String(item.conversation_id)).sort();
      const wanted = expected[name as keyof typeof expected];
      result.polls += 1;
      result.fired += fired.length;
      result.expected += wanted.length;
      if (JSON.stringify(firedSlugs) !== JSON.stringify(wanted)) {
        result.mismatches.push([poll, name, firedSlugs, wanted]);
      }
      for (const item of fired) {
        const what = String(item.what_changed);
        const kinds = done.get(String(item.conversation_id)) ?? new Set<string>();
        const named = what === '' ? [] : what.split(', ');
        // A status edit back and forth leaves the status as it was: "Other" is then right.
        if (named.some((part) => !kinds.has(part) && part !== 'Other')) {
          result.wrongWhat.push(`${item.id}: ${what} (done: ${[...kinds].join(', ')})`);
        }
      }
    }
    previous = now;
  }
  return result;
}

/** Conversation Waiting for a Reply: one fire per waiting episode, at the first poll past the threshold. */
export async function waitingRun(
  brand: SimulatedBrand,
  options: { seed: number; polls: number; thresholdMinutes: number },
): Promise<SimulationResult> {
  const random = generator(options.seed * 15_485_863);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  brand.addConversations(30, 24 * 60);
  const slugs = brand.slugs();
  const threshold = options.thresholdMinutes * MINUTE;
  const input = { wait: String(options.thresholdMinutes), wait_unit: 'minutes' };
  const zaps = {
    any: zapOf(brand, 'waiting', input),
    jo: zapOf(brand, 'waiting', { ...input, assignee: 'jo@acme.example' }),
  };
  /** The episodes waiting past the threshold now: `slug@since`, from the sandbox's own messages. */
  const due = (assignee?: string): string[] =>
    [...brand.sandbox.store.conversations.values()]
      .filter((c) => c.status === 0 && (assignee === undefined || c.assigneeEmail === assignee))
      .flatMap((c) => {
        const messages = brand.sandbox.store.messagesOf(c.slug).filter((m) => m.visibility === 0);
        const last = (kind: 'customer' | 'staff') =>
          Math.max(
            -Infinity,
            ...messages.filter((m) => m.sender.kind === kind).map((m) => m.createdAt),
          );
        const since = last('customer');
        return since > last('staff') && brand.now - since >= threshold
          ? [`${c.slug}@${since}`]
          : [];
      })
      .sort();
  const firedOnce = { any: new Set(due()), jo: new Set(due('jo@acme.example')) };
  for (const zap of Object.values(zaps)) await zap.poll();
  const result: SimulationResult = {
    polls: 0,
    fired: 0,
    expected: 0,
    mismatches: [],
    wrongWhat: [],
  };

  for (let poll = 1; poll <= options.polls; poll += 1) {
    const gap = 1 + random() * 14;
    const events = Math.floor(random() * 6);
    for (let e = 0; e < events; e += 1) {
      brand.advance((gap * 0.9) / Math.max(events, 1));
      const slug = pick(slugs);
      const roll = random();
      if (roll < 0.45) {
        brand.message(slug); // a customer writes: a new episode, or a follow-up
        if (random() < 0.5) brand.edit(slug, { status: 0 });
      } else if (roll < 0.7) brand.message(slug, pick(STAFF));
      else if (roll < 0.85) brand.edit(slug, { status: pick(STATUSES) });
      else brand.edit(slug, { assigneeEmail: pick(STAFF) });
    }
    brand.advance(gap * 0.1);
    for (const [name, zap] of Object.entries(zaps) as ['any' | 'jo', ReturnType<typeof zapOf>][]) {
      const dueNow = due(name === 'jo' ? 'jo@acme.example' : undefined).filter(
        (episode) => !firedOnce[name].has(episode),
      );
      // The documented limit: an episode that starts to match (reopened, assigned to the chosen
      // person) more than an hour after passing the threshold does not fire.
      const passedAt = (episode: string) => Number(episode.split('@').at(-1)) + threshold;
      const wanted = dueNow.filter((episode) => brand.now - passedAt(episode) <= 60 * MINUTE);
      result.outsideHorizon = (result.outsideHorizon ?? 0) + dueNow.length - wanted.length;
      const fired = (await zap.poll())
        .map((item) => String(item.id).replace(':conversation_waiting_for_reply', ''))
        .sort();
      fired.forEach((episode) => firedOnce[name].add(episode));
      dueNow.forEach((episode) => firedOnce[name].add(episode));
      result.polls += 1;
      result.fired += fired.length;
      result.expected += wanted.length;
      if (JSON.stringify(fired) !== JSON.stringify(wanted)) {
        result.mismatches.push([poll, name, fired, wanted]);
      }
    }
  }
  return result;
}
