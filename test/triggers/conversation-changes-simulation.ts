import { Clock } from '../../tools/sandbox/clock';
import type { Sandbox } from '../../tools/sandbox/server';
import type { ConversationChanges } from '../../tools/sandbox/store';
import { perform as assignedPerform } from '../../triggers/conversation_assigned';
import { perform as statusPerform } from '../../triggers/conversation_status_changed';
import { perform as tagPerform } from '../../triggers/conversation_tag_added';
import { perform as updatedPerform } from '../../triggers/conversation_updated';
import { perform as waitingPerform } from '../../triggers/conversation_waiting_for_reply';
import { run, startE2eSandbox, stopE2eSandbox } from '../e2e/helpers';

/**
 * The harness for the conversation-change simulations: the three triggers as Zapier runs them,
 * against the sandbox (real HTTP, `sort=changed`), while staff resolve, reopen, assign and tag
 * conversations between polls. Each Zap is switched on with one dedupe-seeding poll (nothing
 * fires), then fires every ID it has not seen; z.cache is the runner's in-memory one. Each file
 * stays under 250 polls (zapier-platform-core's memory checker counts runner calls per file).
 */

export const MINUTE = 60_000;
export const START = Date.parse('2026-03-09T15:00:00.000Z');

type Perform = Parameters<typeof run>[0];

export const TRIGGERS: Record<'status' | 'assigned' | 'tag' | 'updated' | 'waiting', Perform> = {
  status: statusPerform as Perform,
  assigned: assignedPerform as Perform,
  tag: tagPerform as Perform,
  updated: updatedPerform as Perform,
  waiting: waitingPerform as Perform,
};

let zapCount = 0;

/** One Zap on one trigger: its own ID (so its own z.cache state) and Zapier's dedupe list. */
export class Zap {
  readonly id = `sim-zap-${++zapCount}`;
  readonly seen = new Set<string>();
  /** What each poll fired, by poll index (the switch-on poll is index 0 and never fires). */
  readonly fired: string[][] = [];
  requests: number[] = [];

  constructor(
    private readonly brand: SimulatedBrand,
    readonly trigger: keyof typeof TRIGGERS,
    readonly inputData: Record<string, unknown>,
  ) {}

  async poll(): Promise<string[]> {
    const first = this.fired.length === 0;
    const before = this.brand.sandbox.requests.length;
    const items = await run<{ id: string }[]>(TRIGGERS[this.trigger], this.inputData, {
      zap: { id: this.id },
      isPopulatingDedupe: first,
    });
    this.requests.push(this.brand.sandbox.requests.length - before);
    const fresh = first ? [] : items.map((item) => item.id).filter((id) => !this.seen.has(id));
    items.forEach((item) => this.seen.add(item.id));
    this.fired.push(fresh);
    return fresh;
  }
}

/** The sandbox brand on a frozen clock that the code under test reads as Date.now. */
export class SimulatedBrand {
  readonly clock = new Clock();
  sandbox!: Sandbox;

  async start(): Promise<void> {
    this.clock.freeze(START);
    this.sandbox = await startE2eSandbox({ clock: this.clock });
    jest.spyOn(Date, 'now').mockImplementation(() => this.clock.now());
  }

  async stop(): Promise<void> {
    jest.restoreAllMocks();
    await stopE2eSandbox(this.sandbox);
  }

  get now(): number {
    return this.clock.now();
  }

  advance(minutes: number): void {
    this.clock.advance(Math.round(minutes * MINUTE));
  }

  /** A staff edit now: status, assignee, tags (an empty change is an edit that changes nothing). */
  edit(slug: string, changes: ConversationChanges): void {
    this.sandbox.store.updateConversation(slug, changes, this.now);
  }

  /** A message now: from the conversation's customer, or a staff reply (`staff` is the email). */
  message(slug: string, staff?: string): void {
    const conversation = this.sandbox.store.conversation(slug);
    if (!conversation) throw new Error(`unknown ${slug}`);
    this.sandbox.store.addMessage({
      conversation: slug,
      body: staff ? 'On it.' : 'Any news?',
      sender: staff
        ? { kind: 'staff', email: staff }
        : { kind: 'customer', contactId: conversation.authorId },
      createdAt: this.now,
    });
  }

  /** `count` more conversations in the support channel, created `minutesAgo` before now, untouched since. */
  addConversations(count: number, minutesAgo: number, prefix = 'extra'): string[] {
    const author = this.sandbox.store.contactFor({ email: `${prefix}@customers.example` });
    return Array.from(
      { length: count },
      (_, i) =>
        this.sandbox.store.addConversation({
          subject: `${prefix} ${i + 1}`,
          channel: 'support',
          author: author.internalId,
          createdAt: this.now - minutesAgo * MINUTE,
          message: { body: `Question ${i + 1}` },
        }).conversation.slug,
    );
  }

  slugs(): string[] {
    return [...this.sandbox.store.conversations.keys()];
  }

  /** What every change trigger's ID is made of, for the conversation as it is now. */
  snapshot(): Map<string, { status: number; assignee: string; tags: string[] }> {
    return new Map(
      [...this.sandbox.store.conversations.values()].map((c) => [
        c.slug,
        { status: c.status, assignee: c.assigneeEmail ?? '', tags: [...c.tags] },
      ]),
    );
  }

  zap(trigger: keyof typeof TRIGGERS, inputData: Record<string, unknown> = {}): Zap {
    return new Zap(this, trigger, inputData);
  }
}

/**
 * A fresh sandbox brand for each test of the file (started before, stopped after), reached through
 * the returned proxy.
 */
export function simulatedBrand(): SimulatedBrand {
  let current: SimulatedBrand | undefined;
  beforeEach(async () => {
    current = new SimulatedBrand();
    await current.start();
  });
  afterEach(async () => {
    await current?.stop();
  });
  return new Proxy({} as SimulatedBrand, {
    get: (_target, key) => {
      if (!current) throw new Error('the simulated brand is only there inside a test');
      const value = Reflect.get(current, key, current) as unknown;
      return typeof value === 'function' ? (value as () => unknown).bind(current) : value;
    },
  });
}

/** The slugs in a poll's fired IDs (an ID starts with the conversation's slug). */
export const slugsOf = (ids: string[]): string[] => ids.map((id) => id.split(':')[0] as string);
