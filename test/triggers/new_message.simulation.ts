import { createAppTester } from 'zapier-platform-core';
import App from '../../index';
import { messageIdentity } from '../../lib/records/message';
import newMessage, { MESSAGE_HORIZON_MS, perform } from '../../triggers/new_message';
import { authData } from '../helpers';
import { CHANNELS, STAFF, renderInstant, type ApiMessageFixture } from '../fixtures/messages';
import { serveMessages } from '../fixtures/messages-api';
import { generator } from '../random';

/**
 * The harness for the New Message simulations (test/triggers/new_message*.simulation.test.ts):
 * New Message as Zapier runs it, over simulated hours of a brand: the Zap is switched on (a seed
 * poll fills the dedupe list), then Zapier polls every 1–15 minutes and fires every `id` it has
 * not seen. Messages arrive in quiet stretches and bursts (150+ between two polls, bulk replies
 * sharing an instant, replies with a collision notice in the same millisecond, messages landing
 * between two page requests of one poll); Re:amaze renders each response with a different UTC
 * offset and returns same-instant messages in row order, as a database sort does (what happens
 * when it does not is pinned in new_message.test.ts). Some polls fail and Zapier just polls again
 * next time. Each scenario asserts that every message fires exactly once, in the first
 * successful poll after it was created (never later, as "new"); that nothing from before the Zap
 * was switched on fires; and that a poll with fewer than a page of messages in the last hour
 * costs exactly one request. `SIMULATION_REPORT=1` prints the figures per scenario.
 *
 * Core counts runner calls per test file and, past 250, exits the process when the worker's memory
 * is above 450 MB (memory-checker.js): each simulation file stays under 250 polls.
 */

export const PAGE_SIZE = 30;

/** Zapier's runner over the app with only this trigger: the same code path, ~20 ms less per poll. */
const appTester = createAppTester({
  ...App,
  triggers: { [newMessage.key]: newMessage },
  creates: {},
  searches: {},
  searchOrCreates: {},
});

export const MINUTE = 60_000;
export const START = Date.parse('2026-03-09T08:00:00.000-05:00');
const OFFSETS = [-360, -300, -240, 0, 60]; // Central time either side of DST, UTC, Europe

export interface SimMessage {
  at: number;
  slug: string;
  conversationAt: number;
  channel: keyof typeof CHANNELS;
  visibility: 0 | 1 | 2;
  staff: 'jonas' | 'priya' | undefined;
  customer: number;
  body: string;
  /** Shown only from the second request of the poll it arrived in (it landed mid-poll). */
  midPoll?: number;
  /** Database row order: ties in `created_at` come back in this order, as a database sorts them. */
  row?: number;
}

export interface PollRecord {
  index: number;
  at: number;
  failed: boolean;
  requests: number;
  returned: number;
  fired: string[];
  /** Messages the API lists (its filters applied) created within the horizon before the poll. */
  inHorizon: number;
}

export class SimulatedBrand {
  readonly messages: SimMessage[] = [];
  clock = START;
  poll = -1;
  requestsThisPoll = 0;
  private conversations: { slug: string; at: number; channel: keyof typeof CHANNELS }[] = [];
  private count = 0;

  constructor(readonly random: () => number) {}

  private store(message: SimMessage): void {
    this.messages.push({ ...message, row: this.messages.length });
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  private conversationFor(at: number, fresh = false) {
    const recent = this.conversations.filter((c) => c.at > at - 6 * 60 * MINUTE && c.at <= at);
    if (!fresh && recent.length > 0 && this.random() < 0.6) return this.pick(recent);
    const conversation = {
      slug: `conversation-${this.conversations.length + 1}`,
      at,
      channel: this.pick(Object.keys(CHANNELS) as (keyof typeof CHANNELS)[]),
    };
    this.conversations.push(conversation);
    return conversation;
  }

  /** One message at `at`: a customer message, a staff reply, a note, or a reply + collision notice. */
  add(at: number, midPoll?: number): void {
    const conversation = this.conversationFor(at);
    const roll = this.random();
    this.count += 1;
    const base = {
      at,
      slug: conversation.slug,
      conversationAt: conversation.at,
      channel: conversation.channel,
      customer: 1 + Math.floor(this.random() * 400),
      midPoll,
    };
    if (roll < 0.55) {
      this.store({
        ...base,
        visibility: 0,
        staff: undefined,
        body: `Question ${this.count}`,
      });
    } else if (roll < 0.8) {
      this.store({
        ...base,
        visibility: 0,
        staff: 'priya',
        body: `<p>Reply ${this.count}</p>`,
      });
    } else if (roll < 0.92) {
      this.store({ ...base, visibility: 1, staff: 'jonas', body: `Note ${this.count}` });
    } else {
      // A reply and the collision notice beside it, in the same millisecond.
      this.store({ ...base, visibility: 0, staff: 'jonas', body: `Reply ${this.count}` });
      this.store({
        ...base,
        visibility: 2,
        staff: 'priya',
        body: 'Priya Natarajan was also replying to this conversation.',
      });
    }
  }

  /** One bulk reply: the same body, at the same instant, in `count` conversations. */
  bulk(at: number, count: number): void {
    for (let i = 0; i < count; i += 1) {
      const conversation = this.conversationFor(at - 1 - i * 7 * MINUTE, true);
      this.store({
        at,
        slug: conversation.slug,
        conversationAt: conversation.at,
        channel: conversation.channel,
        visibility: 0,
        staff: 'priya',
        customer: 0,
        body: 'Our warehouse is closed today; orders ship again tomorrow.',
      });
    }
  }

  static toApi(message: SimMessage, offset: number): ApiMessageFixture {
    const user = message.staff
      ? STAFF[message.staff]
      : {
          name: `Customer ${message.customer}`,
          email: message.customer % 5 === 0 ? null : `customer${message.customer}@example.com`,
          mobile:
            message.customer % 5 === 0
              ? `+1512555${String(message.customer).padStart(4, '0')}`
              : null,
          'staff?': false,
        };
    return {
      body: message.body,
      visibility: message.visibility,
      origin: message.staff ? 1 : 0,
      origin_id: null,
      created_at: renderInstant(message.at, offset),
      user,
      recipients: [],
      attachments: [],
      conversation: {
        subject: `Subject of ${message.slug}`,
        slug: message.slug,
        created_at: renderInstant(message.conversationAt, offset),
        category: CHANNELS[message.channel],
      },
    };
  }

  private rendered = new Map<string, ApiMessageFixture>();

  /** {@link SimulatedBrand.toApi}, remembered: the same message in the same offset is the same JSON. */
  private render(message: SimMessage, offset: number): ApiMessageFixture {
    const key = `${message.row}/${offset}`;
    let api = this.rendered.get(key);
    if (!api) this.rendered.set(key, (api = SimulatedBrand.toApi(message, offset)));
    return api;
  }

  /** What `GET /messages` lists right now: newest first (ties by row), in a new offset each time. */
  list(): ApiMessageFixture[] {
    this.requestsThisPoll += 1;
    const offset = this.pick(OFFSETS);
    return this.messages
      .filter((m) =>
        m.midPoll === this.poll
          ? this.requestsThisPoll > 1
          : m.midPoll !== undefined
            ? m.midPoll < this.poll
            : m.at <= this.clock,
      )
      .sort((a, b) => b.at - a.at || (b.row ?? 0) - (a.row ?? 0))
      .map((message) => this.render(message, offset));
  }
}

export interface Scenario {
  seed: number;
  hours: number;
  /** Minutes until the next poll. */
  interval: (random: () => number) => number;
  /** Whether the poll with this index fails (Zapier polls again next interval). */
  fails?: (index: number) => boolean;
  inputData?: Record<string, unknown>;
  /** Which messages the Zap should fire (its filters). */
  wanted?: (message: SimMessage) => boolean;
  /** The Zap's id: its polls keep watermarks in the runner's in-memory z.cache. */
  zapId?: string;
  /** Messages arriving between poll `index` and the next; `sinceBurst` polls since the last 100+. */
  arrivals?: (random: () => number, index: number, sinceBurst: number) => number;
  /** How long Re:amaze takes to answer one page (the fake clock moves; nothing waits). */
  latencyMs?: number;
}

function build(scenario: Scenario) {
  const random = generator(scenario.seed);
  const brand = new SimulatedBrand(random);
  // Five days of history, and a burst in the hour before the Zap is switched on: none may fire.
  for (let i = 0; i < 600; i += 1)
    brand.add(START - 1 - Math.floor(random() * 5 * 24 * 60 * MINUTE));
  for (let i = 0; i < 120; i += 1) brand.add(START - 1 - Math.floor(random() * 40 * MINUTE));

  const times = [START];
  let lastBurst = -100;
  while ((times[times.length - 1] as number) < START + scenario.hours * 60 * MINUTE) {
    const index = times.length - 1;
    const previous = times[index] as number;
    const at = previous + scenario.interval(random) * MINUTE;
    const gap = at - previous;
    const spread = (n: number) => {
      for (let i = 0; i < n; i += 1) brand.add(previous + 1 + Math.floor(random() * gap));
    };
    const arriving = (scenario.arrivals ?? quietWithBursts)(random, index, index - lastBurst);
    if (arriving >= 100) {
      lastBurst = index;
      // Part of some bursts is one bulk reply: one body, one instant, 25 conversations.
      const bulk = random() < 0.5 ? 25 : 0;
      if (bulk > 0) brand.bulk(previous + 1 + Math.floor(random() * gap), bulk);
      spread(arriving - bulk);
      // Messages landing between two page requests of the next poll.
      for (let i = 0; i < 3; i += 1) brand.add(at + 1 + i, index + 1);
    } else {
      spread(arriving);
    }
    times.push(at);
  }
  return { brand, times };
}

/** Mostly 0–3 messages between polls; now and then (not within 4 polls of the last) 150–160. */
const quietWithBursts = (random: () => number, _index: number, sinceBurst: number) => {
  if (sinceBurst > 4 && random() < 0.08) return 150 + Math.floor(random() * 11);
  return random() < 0.6 ? 0 : 1 + Math.floor(random() * 3);
};

export async function run(scenario: Scenario) {
  const { brand, times } = build(scenario);
  const served = serveMessages(() => {
    brand.clock += scenario.latencyMs ?? 0;
    return brand.list();
  });
  jest.spyOn(Date, 'now').mockImplementation(() => brand.clock);
  const wanted = scenario.wanted ?? (() => true);
  const query = queryFor(scenario.inputData ?? {});
  const listed = (m: SimMessage) => {
    const user = SimulatedBrand.toApi(m, 0).user as Record<string, unknown>;
    if (query.filter === 'staff' && user['staff?'] !== true) return false;
    if (query.filter === 'customer' && user['staff?'] === true) return false;
    if (query.category !== undefined && m.channel !== query.category) return false;
    if (query.sent_by !== undefined && user.email !== query.sent_by) return false;
    return true;
  };

  const seen = new Set<string>();
  const records: PollRecord[] = [];
  for (const [index, at] of times.entries()) {
    brand.clock = at;
    brand.poll = index;
    brand.requestsThisPoll = 0;
    const inHorizon = brand.messages.filter(
      (m) => m.midPoll === undefined && m.at <= at && m.at >= at - MESSAGE_HORIZON_MS && listed(m),
    ).length;
    if (index > 0 && scenario.fails?.(index)) {
      records.push({ index, at, failed: true, requests: 0, returned: 0, fired: [], inHorizon });
      continue;
    }
    const before = served.requests.length;
    const items = (await appTester(perform, {
      authData,
      inputData: scenario.inputData ?? {},
      meta: {
        ...(index === 0 ? { isPopulatingDedupe: true } : {}),
        ...(scenario.zapId ? { zap: { id: scenario.zapId, user: { timezone: 'UTC' } } } : {}),
      },
    })) as { id: string }[];
    const fired = index === 0 ? [] : items.map((i) => i.id).filter((id) => !seen.has(id));
    items.forEach((item) => seen.add(item.id));
    records.push({
      index,
      at,
      failed: false,
      requests: served.requests.length - before,
      returned: items.length,
      fired,
      inHorizon,
    });
  }
  return { brand, times, records, wanted, served };
}

/** The query the trigger should send for the scenario's fields (empty ones left out). */
export function queryFor(inputData: Record<string, unknown>): Record<string, string> {
  const query: Record<string, string> = {};
  if (inputData.sender_type === 'staff' || inputData.sender_type === 'customer') {
    query.filter = inputData.sender_type;
  }
  if (typeof inputData.channel === 'string') query.category = inputData.channel;
  if (typeof inputData.staff_member === 'string') query.sent_by = inputData.staff_member;
  return query;
}

/** When each message should fire: the first successful poll at or after it was created. */
export function expectedFirings(
  records: PollRecord[],
  brand: SimulatedBrand,
  wanted: (m: SimMessage) => boolean,
) {
  const successful = records.filter((r) => !r.failed && r.index > 0);
  const expected = new Map<string, number>();
  for (const message of brand.messages) {
    if (message.at < START || !wanted(message)) continue;
    const due = successful.find((r) => r.at >= message.at);
    if (due) expected.set(messageIdentity(SimulatedBrand.toApi(message, 0)), due.at);
  }
  return expected;
}

export function firings(records: PollRecord[]): Map<string, number[]> {
  const fired = new Map<string, number[]>();
  for (const record of records) {
    for (const id of record.fired) fired.set(id, [...(fired.get(id) ?? []), record.at]);
  }
  return fired;
}

export function report(name: string, records: PollRecord[], firedCount: number): void {
  if (!process.env.SIMULATION_REPORT) return;
  const polls = records.filter((r) => !r.failed && r.index > 0);
  const histogram: Record<number, number> = {};
  for (const r of polls) histogram[r.requests] = (histogram[r.requests] ?? 0) + 1;
  const quiet = polls.filter((r) => r.inHorizon < PAGE_SIZE);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  console.log(
    `${name}\n` +
      JSON.stringify({
        polls: polls.length,
        failedPolls: records.filter((r) => r.failed).length,
        seedRequests: records[0]?.requests,
        seedItems: records[0]?.returned,
        messagesFired: firedCount,
        requests: sum(polls.map((r) => r.requests)),
        requestsPerPoll: histogram,
        quietPolls: quiet.length,
        quietPollRequests: [...new Set(quiet.map((r) => r.requests))],
        meanRequestsPerPoll: Number((sum(polls.map((r) => r.requests)) / polls.length).toFixed(2)),
        maxItemsPerPoll: Math.max(...polls.map((r) => r.returned)),
        meanItemsPerPoll: Number((sum(polls.map((r) => r.returned)) / polls.length).toFixed(1)),
        maxFiredPerPoll: Math.max(...polls.map((r) => r.fired.length)),
      }),
  );
}

/** Runs a scenario and asserts the rule: each wanted message fires once, on time; quiet polls cost one request. */
export async function checkScenario(name: string, scenario: Scenario): Promise<PollRecord[]> {
  const { brand, records, wanted, served } = await run(scenario);
  const expected = expectedFirings(records, brand, wanted);
  const fired = firings(records);

  // The scenario has what it claims: distinct identities, and (unfiltered) bursts of 150+.
  const all = brand.messages.map((m) => messageIdentity(SimulatedBrand.toApi(m, 0)));
  expect(new Set(all).size).toBe(all.length);
  if (!scenario.inputData) {
    expect(Math.max(...records.map((r) => r.fired.length))).toBeGreaterThanOrEqual(150);
  }

  // Every wanted message fires exactly once, in the first successful poll after it was created.
  for (const [id, due] of expected) expect([id, fired.get(id)]).toEqual([id, [due]]);
  // Nothing else fires: nothing from before the Zap was switched on, nothing filtered out.
  expect(fired.size).toBe(expected.size);

  for (const record of records.filter((r) => !r.failed)) {
    if (record.inHorizon < PAGE_SIZE) {
      expect([record.index, record.requests]).toEqual([record.index, 1]);
    }
    // Pages until the horizon: one more than it holds, and one for messages landing mid-poll.
    expect(record.requests).toBeLessThanOrEqual(Math.ceil(record.inHorizon / PAGE_SIZE) + 2);
  }
  // Every request asks for exactly the filters chosen, and a page.
  const query = queryFor(scenario.inputData ?? {});
  for (const { page, ...rest } of served.requests) {
    expect(rest).toEqual(query);
    expect(Number(page)).toBeGreaterThanOrEqual(1);
  }
  report(name, records, expected.size);
  return records;
}

/** Polls every 1–15 minutes, as Zaps on different plans do. */
export const mixedPlans = (random: () => number) => 1 + Math.floor(random() * 15);
