import { messageIdentity } from '../../lib/records/message';
import { Clock } from '../../tools/sandbox/clock';
import type { Sandbox } from '../../tools/sandbox/server';
import { messageShape } from '../../tools/sandbox/shapes';
import type { Fault } from '../../tools/sandbox/switches';
import { lowerRequestTimeout } from '../failures/matrix';
import { describeError, type ZapierErrorInfo } from '../helpers';
import { perform as newMessage } from '../../triggers/new_message';
import { run, startE2eSandbox, stopE2eSandbox } from './helpers';

/**
 * The harness of new_message.failed-polls.long.test.ts: New Message as Zapier runs it, over real HTTP
 * against the sandbox, through hours of simulated traffic. Date.now() is the sandbox clock, so
 * the trigger's look-back horizon, the sandbox's `created_at` and HTTP-date Retry-After all read
 * the same time. A poll may fail (5xx, 429, an HTML page, a timeout or a reset connection, on any
 * page of the poll); Zapier then just polls again at the next interval. Every message has the
 * identity the trigger gives it, so the test can say which poll each one fired in.
 */

export const MINUTE = 60_000;
export const START = Date.parse('2026-03-09T14:00:00.000Z');
/** The client's timeout during the simulation, so a timed-out poll costs a third of a second. */
const TIMEOUT_MS = 300;

export { generator } from '../random';

/** How a failed poll fails, and the retry delay Zapier must be given (seconds). */
export interface PollFault {
  name: string;
  fault: (now: number) => Fault;
  delay: number;
}

export const POLL_FAULTS: PollFault[] = [
  { name: '500', fault: () => ({ status: 500 }), delay: 60 },
  {
    name: '502 HTML page',
    fault: () => ({ status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' }),
    delay: 60,
  },
  {
    name: '503 Retry-After 120',
    fault: () => ({ status: 503, headers: { 'Retry-After': '120' } }),
    delay: 120,
  },
  { name: '504', fault: () => ({ status: 504 }), delay: 60 },
  {
    name: '429 Retry-After 30',
    fault: () => ({ status: 429, headers: { 'Retry-After': '30' } }),
    delay: 30,
  },
  {
    // An absolute date read against Date.now(): the sandbox clock, the same time the API used.
    name: '429 Retry-After HTTP date',
    fault: (now) => ({
      status: 429,
      headers: { 'Retry-After': new Date(now + 45_000).toUTCString() },
    }),
    delay: 45,
  },
  {
    name: 'HTML page with 200',
    fault: () => ({ status: 200, body: '<html>Maintenance</html>' }),
    delay: 60,
  },
  { name: 'timeout', fault: () => ({ delayMs: 3 * TIMEOUT_MS }), delay: 60 },
  { name: 'reset connection', fault: () => ({ reset: true }), delay: 60 },
];

export interface PollRecord {
  index: number;
  at: number;
  /** The fault planned for this poll and the request (0-based) it was to hit. */
  planned?: { fault: PollFault; request: number };
  error?: ZapierErrorInfo;
  requests: number;
  returned: number;
  fired: string[];
}

export class FailedPollSimulation {
  readonly clock = new Clock();
  readonly polls: PollRecord[] = [];
  /** Identity and creation time of every message added after the Zap was switched on. */
  readonly arrived: { id: string; at: number }[] = [];
  private sandbox!: Sandbox;
  private readonly seen = new Set<string>();
  private count = 0;

  constructor(readonly random: () => number) {
    this.clock.freeze(START);
  }

  get now(): number {
    return this.clock.now();
  }

  async start(): Promise<void> {
    this.sandbox = await startE2eSandbox({ clock: this.clock });
    jest.spyOn(Date, 'now').mockImplementation(() => this.clock.now());
    lowerRequestTimeout(TIMEOUT_MS);
    // The Zap is switched on: Zapier seeds its dedupe list with one poll; none of it fires.
    const seed = await this.poll({ isPopulatingDedupe: true });
    if (seed.error) throw new Error(`the seed poll failed: ${seed.error.message}`);
  }

  async stop(): Promise<void> {
    await stopE2eSandbox(this.sandbox);
  }

  /**
   * `count` messages (customer messages, staff replies, notes) created in (from, to], at random
   * instants or evenly spaced (the last one at `to`).
   */
  arrive(count: number, from: number, to: number, spacing: 'random' | 'even' = 'random'): void {
    const conversations = [...this.sandbox.store.conversations.values()];
    const instants = Array.from({ length: count }, (_, i) =>
      spacing === 'even'
        ? from + Math.round(((i + 1) * (to - from)) / count)
        : from + 1 + Math.floor(this.random() * (to - from)),
    ).sort((a, b) => a - b);
    for (const at of instants) {
      const conversation = conversations[Math.floor(this.random() * conversations.length)];
      if (!conversation) throw new Error('the sandbox has no conversation');
      this.count += 1;
      const roll = this.random();
      const message = this.sandbox.store.addMessage({
        conversation: conversation.slug,
        body: roll < 0.6 ? `Any news on my order? (${this.count})` : `<p>Reply ${this.count}</p>`,
        sender:
          roll < 0.6
            ? { kind: 'customer', contactId: conversation.authorId }
            : { kind: 'staff', email: 'priya@acme.example' },
        visibility: roll > 0.9 ? 1 : 0,
        createdAt: at,
      });
      const id = messageIdentity(messageShape(this.sandbox.store, message));
      this.arrived.push({ id, at });
    }
  }

  /** Messages created after the last successful poll: what the next poll must catch up on. */
  backlog(): number {
    const last = [...this.polls].reverse().find((poll) => !poll.error);
    return this.arrived.filter((message) => message.at > (last?.at ?? START)).length;
  }

  /** One poll at the current time; `planned` makes one of its requests fail. */
  async poll(
    meta: Record<string, unknown> = {},
    planned?: { fault: PollFault; request: number },
  ): Promise<PollRecord> {
    let requests = 0;
    this.sandbox.setFaultRule(() => {
      requests += 1;
      return planned && requests === planned.request + 1
        ? planned.fault.fault(this.now)
        : undefined;
    });
    const record: PollRecord = {
      index: this.polls.length,
      at: this.now,
      planned,
      requests: 0,
      returned: 0,
      fired: [],
    };
    try {
      // The trigger of the sources: the lowered timeout reaches its client, not the bundle's.
      const items = await run<{ id: string }[]>(newMessage as never, {}, meta);
      record.returned = items.length;
      if (!meta.isPopulatingDedupe) {
        record.fired = items.map((item) => item.id).filter((id) => !this.seen.has(id));
      }
      for (const item of items) this.seen.add(item.id);
    } catch (error) {
      record.error = describeError(error);
    }
    record.requests = requests;
    this.polls.push(record);
    return record;
  }

  /** Where each message fired: poll times by identity. */
  firings(): Map<string, number[]> {
    const fired = new Map<string, number[]>();
    for (const poll of this.polls) {
      for (const id of poll.fired) fired.set(id, [...(fired.get(id) ?? []), poll.at]);
    }
    return fired;
  }

  /** Whether the poll's planned fault hit a later page: the poll then returned the pages before it. */
  static cut(poll: PollRecord): boolean {
    return (
      !poll.error &&
      poll.planned !== undefined &&
      poll.planned.request > 0 &&
      poll.requests === poll.planned.request + 1
    );
  }

  /**
   * The polls a message may fire in: the first successful poll at or after its creation or, when
   * that poll was cut short on a later page, a successful poll after it up to the next one not cut.
   */
  allowed(at: number): number[] {
    const successes = this.polls.filter((poll) => poll.index > 0 && !poll.error);
    const first = successes.findIndex((poll) => poll.at >= at);
    if (first < 0) return [];
    const allowed: number[] = [];
    for (const poll of successes.slice(first)) {
      allowed.push(poll.at);
      if (!FailedPollSimulation.cut(poll)) break;
    }
    return allowed;
  }

  /** When each message should fire: in the first successful poll at or after its creation. */
  expected(): Map<string, number | undefined> {
    const successes = this.polls.filter((poll) => poll.index > 0 && !poll.error);
    return new Map(
      this.arrived.map(({ id, at }) => [id, successes.find((poll) => poll.at >= at)?.at]),
    );
  }

  /** The longest run of failed polls in a row. */
  longestFailedRun(): number {
    let longest = 0;
    let current = 0;
    for (const poll of this.polls) {
      current = poll.error ? current + 1 : 0;
      longest = Math.max(longest, current);
    }
    return longest;
  }
}
