import { createHash } from 'node:crypto';
import type { Bundle, ZObject } from 'zapier-platform-core';
import {
  AS_CREATED_MS,
  MAX_REMEMBERED,
  STATE_TTL_SECONDS,
  conversationChangedAt,
  findChanges,
  onlyChange,
  sampleChange,
  tagChanges,
  type ChangeWatch,
} from '../../../lib/polling/conversation-changes';
import { assigneeWatch } from '../../../triggers/conversation_assigned';
import { statusWatch } from '../../../triggers/conversation_status_changed';
import { liveConversation } from '../../fixtures/conversation-samples';

const MINUTE = 60_000;
const T0 = Date.parse('2026-03-09T15:00:00.000Z');
const at = (minutes: number): number => T0 + minutes * MINUTE;
const iso = (ms: number): string => new Date(ms).toISOString();

/** A conversation created a day before T0 unless told, last changed `changed` minutes after T0. */
function conversation(
  slug: string,
  changed: number,
  fields: { status?: number; assignee?: string | null; tags?: string[]; createdAt?: number } = {},
): Record<string, unknown> {
  return liveConversation({
    slug,
    status: fields.status ?? 0,
    created_at: iso(fields.createdAt ?? T0 - 24 * 60 * MINUTE),
    updated_at: iso(at(changed)),
    assignee:
      fields.assignee === undefined || fields.assignee === null
        ? null
        : { name: fields.assignee.split('@')[0], email: fields.assignee },
    tag_list: fields.tags ?? [],
  });
}

/** z with an in-memory z.cache (values stored as JSON, as Zapier does) and a call log. */
function fakeZ(options: { failGet?: boolean; failSet?: boolean } = {}) {
  const store = new Map<string, string>();
  const logs: string[] = [];
  const calls: string[] = [];
  const z = {
    cache: {
      get: async (key: string) => {
        calls.push(`get ${key}`);
        if (options.failGet) throw new Error('zcache unavailable');
        const value = store.get(key);
        return value === undefined ? null : JSON.parse(value);
      },
      set: async (key: string, value: unknown, ttl?: number) => {
        calls.push(`set ${key} ttl=${ttl}`);
        if (options.failSet) throw new Error('zcache unavailable');
        store.set(key, JSON.stringify(value));
        return true;
      },
      delete: async (key: string) => store.delete(key),
    },
    hash: (algorithm: string, data: string) => createHash(algorithm).update(data).digest('hex'),
    console: { log: (line: string) => logs.push(line) },
  } as unknown as ZObject;
  return { z, store, logs, calls };
}

function bundleFor(zapId: string | undefined, inputData: Record<string, unknown> = {}): Bundle {
  return {
    authData: { brand: 'acme' },
    inputData,
    meta: zapId === undefined ? {} : { zap: { id: zapId } },
  } as unknown as Bundle;
}

/**
 * Zapier's side: the first poll fills the dedupe list (nothing fires), every later one fires the
 * IDs it has not seen. Returns what each poll fired.
 */
function zap(watch: ChangeWatch, z = fakeZ().z, bundle = bundleFor('zap-1')) {
  const seen = new Set<string>();
  let polls = 0;
  return async (conversations: Record<string, unknown>[]): Promise<string[]> => {
    const changes = await findChanges(z, bundle, watch, conversations);
    const fresh = changes.map((change) => change.id).filter((id) => !seen.has(id));
    changes.forEach((change) => seen.add(change.id));
    polls += 1;
    return polls === 1 ? [] : fresh;
  };
}

describe('conversationChangedAt', () => {
  it('is updated_at, offsets normalised', () => {
    expect(conversationChangedAt({ updated_at: '2026-03-09T10:00:00.250-05:00' })).toBe(
      Date.parse('2026-03-09T15:00:00.250Z'),
    );
  });

  it('without updated_at: the latest message or the creation, whichever is newest', () => {
    expect(
      conversationChangedAt({
        created_at: iso(at(0)),
        last_customer_message: { created_at: iso(at(5)) },
        last_staff_message: { created_at: iso(at(9)) },
      }),
    ).toBe(at(9));
    expect(conversationChangedAt({ created_at: iso(at(1)), updated_at: 'yesterday' })).toBe(at(1));
    expect(conversationChangedAt({ last_staff_message: null })).toBeUndefined();
    expect(conversationChangedAt('nothing')).toBeUndefined();
  });
});

describe('Conversation Status Changed: which edits fire', () => {
  it('resolved, reopened, resolved again: Done fires twice; edits that keep the status do not', async () => {
    const poll = zap(statusWatch('2'));
    expect(await poll([conversation('a', 0, { status: 0 })])).toEqual([]); // the Zap is switched on
    expect(await poll([conversation('a', 1, { status: 2 })])).toEqual([
      `a:conversation_status_changed:2@${at(1)}`,
    ]);
    expect(await poll([conversation('a', 2, { status: 2, tags: ['late'] })])).toEqual([]);
    expect(await poll([conversation('a', 3, { status: 0 })])).toEqual([]);
    expect(await poll([conversation('a', 4, { status: 0, assignee: 'jo@acme.example' })])).toEqual(
      [],
    );
    expect(await poll([conversation('a', 5, { status: 2 })])).toEqual([
      `a:conversation_status_changed:2@${at(5)}`,
    ]);
    expect(await poll([conversation('a', 5, { status: 2 })])).toEqual([]);
  });

  it('any status: each change fires once, with the status it changed to', async () => {
    const poll = zap(statusWatch(undefined));
    await poll([conversation('a', 0, { status: 0 }), conversation('b', 0, { status: 1 })]);
    expect(
      await poll([conversation('b', 2, { status: 5 }), conversation('a', 1, { status: 2 })]),
    ).toEqual([
      `b:conversation_status_changed:5@${at(2)}`,
      `a:conversation_status_changed:2@${at(1)}`,
    ]);
    expect(
      await poll([conversation('a', 3, { status: 0 }), conversation('b', 2, { status: 5 })]),
    ).toEqual([`a:conversation_status_changed:0@${at(3)}`]);
  });

  it('a round trip between two polls (reopened and resolved again before the next poll) does not fire', async () => {
    const poll = zap(statusWatch('2'));
    await poll([conversation('a', 0, { status: 2 })]);
    expect(await poll([conversation('a', 30, { status: 2 })])).toEqual([]);
  });

  it('a new conversation untouched since it was created has not changed status; its first change has', async () => {
    const poll = zap(statusWatch(undefined));
    await poll([]);
    const created = at(1);
    expect(
      await poll([conversation('new', 1, { status: 0, createdAt: created - AS_CREATED_MS })]),
    ).toEqual([]);
    // A customer follow-up keeps it open: still no status change.
    expect(await poll([conversation('new', 3, { status: 0, createdAt: created })])).toEqual([]);
    expect(await poll([conversation('new', 4, { status: 1, createdAt: created })])).toEqual([
      `new:conversation_status_changed:1@${at(4)}`,
    ]);
  });

  it('a conversation this Zap has not seen before counts as having entered its status at its first change', async () => {
    const poll = zap(statusWatch('2'));
    await poll([]);
    // An old Done conversation, first seen because a tag was added: fires (see the docs).
    expect(await poll([conversation('old', 2, { status: 2, tags: ['vip'] })])).toEqual([
      `old:conversation_status_changed:2@${at(2)}`,
    ]);
    expect(await poll([conversation('old', 3, { status: 2, tags: [] })])).toEqual([]);
  });

  it('reports the status before the change when this Zap saw it', async () => {
    const { z } = fakeZ();
    const bundle = bundleFor('zap-prev');
    await findChanges(z, bundle, statusWatch(undefined), [conversation('a', 0, { status: 1 })]);
    const [change] = await findChanges(z, bundle, statusWatch(undefined), [
      conversation('a', 1, { status: 2 }),
    ]);
    expect(change).toMatchObject({
      value: '2',
      previous: '1',
      item: { id: 'a', status: 'Done' },
    });
  });
});

describe('Conversation Status Changed: the status read', () => {
  it('is the code as the API sends it, a numeric string alike; anything else is no status', () => {
    const watch = statusWatch(undefined);
    expect(watch.valueOf(liveConversation({ status: 2 }))).toBe('2');
    expect(watch.valueOf(liveConversation({ status: ' 5 ' }))).toBe('5');
    expect(watch.valueOf(liveConversation({ status: 'open' }))).toBe('');
    expect(watch.valueOf(liveConversation({ status: null }))).toBe('');
  });

  it('a conversation without a readable status never fires', async () => {
    const poll = zap(statusWatch(undefined));
    await poll([conversation('a', 0, { status: 0 })]);
    expect(
      await poll([liveConversation({ slug: 'a', status: 'x', updated_at: iso(at(1)) })]),
    ).toEqual([]);
  });
});

describe('samples', () => {
  it('sampleChange is what a poll finds when the Zap last saw the value given', () => {
    const change = sampleChange(
      statusWatch(undefined),
      conversation('a', 1, { status: 2 }),
      '0',
      'acme',
    );
    expect(change).toMatchObject({
      id: `a:conversation_status_changed:2@${at(1)}`,
      value: '2',
      previous: '0',
      item: { id: 'a', status: 'Done' },
    });
  });

  it('a sample that shows no change, or several, is refused', () => {
    expect(() =>
      sampleChange(statusWatch(undefined), conversation('a', 1, { status: 2 }), '2', 'acme'),
    ).toThrow('A sample must show one change');
    const two = tagChanges('acme', 't', 'vip', [
      conversation('a', 1, { tags: ['vip'] }),
      conversation('b', 1, { tags: ['vip'] }),
    ]);
    expect(() => onlyChange(two)).toThrow('A sample must show one change');
  });
});

describe('Conversation Assigned: which edits fire', () => {
  it('A → B → A fires three times for anyone, twice for A; reassigning to the same person and unassigning never', async () => {
    const anyone = zap(assigneeWatch(undefined));
    const onlyJo = zap(assigneeWatch('jo@acme.example'));
    const both = async (c: Record<string, unknown>) => [await anyone([c]), await onlyJo([c])];
    expect(await both(conversation('a', 0))).toEqual([[], []]);
    const jo = (minute: number) => `a:conversation_assigned:jo@acme.example@${at(minute)}`;
    const priya = (minute: number) => `a:conversation_assigned:priya@acme.example@${at(minute)}`;
    expect(await both(conversation('a', 1, { assignee: 'jo@acme.example' }))).toEqual([
      [jo(1)],
      [jo(1)],
    ]);
    expect(await both(conversation('a', 2, { assignee: 'JO@acme.example' }))).toEqual([[], []]);
    expect(await both(conversation('a', 3, { assignee: 'priya@acme.example' }))).toEqual([
      [priya(3)],
      [],
    ]);
    expect(await both(conversation('a', 4, { assignee: 'jo@acme.example' }))).toEqual([
      [jo(4)],
      [jo(4)],
    ]);
    expect(await both(conversation('a', 5, { assignee: null }))).toEqual([[], []]);
    expect(await both(conversation('a', 6, { assignee: 'jo@acme.example' }))).toEqual([
      [jo(6)],
      [jo(6)],
    ]);
  });

  it('a conversation created already assigned counts as assigned', async () => {
    const poll = zap(assigneeWatch(undefined));
    await poll([]);
    expect(
      await poll([conversation('new', 1, { assignee: 'jo@acme.example', createdAt: at(1) })]),
    ).toEqual([`new:conversation_assigned:jo@acme.example@${at(1)}`]);
  });
});

describe('Tag Added: once per conversation and tag', () => {
  const fired = new Set<string>();
  const poll = (conversations: Record<string, unknown>[]) => {
    const ids = tagChanges('acme', 'conversation_tag_added', 'VIP', conversations)
      .map((change) => change.id)
      .filter((id) => !fired.has(id));
    ids.forEach((id) => fired.add(id));
    return ids;
  };

  it('added fires, kept does not, removed and added again does not (the conversation carried it before)', () => {
    expect(
      poll([
        conversation('a', 1, { tags: ['vip', 'late'] }),
        conversation('b', 1, { tags: ['late'] }),
      ]),
    ).toEqual(['a:conversation_tag_added:vip']);
    expect(poll([conversation('a', 2, { tags: ['vip'] })])).toEqual([]);
    expect(poll([conversation('a', 3, { tags: [] })])).toEqual([]);
    expect(poll([conversation('a', 4, { tags: ['Vip'] })])).toEqual([]);
    expect(poll([conversation('b', 5, { tags: ['late', 'vip'] })])).toEqual([
      'b:conversation_tag_added:vip',
    ]);
  });

  it('outputs the tag as the conversation carries it', () => {
    const [change] = tagChanges('acme', 'conversation_tag_added', ' vip ', [
      conversation('a', 1, { tags: ['VIP'] }),
    ]);
    expect(change).toMatchObject({ value: 'VIP', item: { id: 'a', tags: ['VIP'] } });
  });
});

describe('per-Zap state', () => {
  it('is kept per Zap, trigger and filters, for 30 days, with the watched value and the change it fired as', async () => {
    const { z, store, calls } = fakeZ();
    const bundle = bundleFor('zap-7', { status: '2', channel: 'support' });
    await findChanges(z, bundle, statusWatch('2'), [conversation('a', 1, { status: 2 })]);
    const [key] = [...store.keys()];
    expect(key).toMatch(/^conversation-changes:conversation_status_changed:zap-7:[0-9a-f]{16}$/);
    expect(calls).toEqual([`get ${key}`, `set ${key} ttl=${STATE_TTL_SECONDS}`]);
    expect(JSON.parse(store.get(key as string) as string)).toEqual({
      v: 1,
      seen: { a: ['2', `a:conversation_status_changed:2@${at(1)}`, at(1)] },
    });
    await findChanges(z, bundleFor('zap-7', { status: '0' }), statusWatch('0'), []);
    expect(store.size).toBe(2);
  });

  it('without a Zap (the editor’s test, a local run) nothing is read or saved', async () => {
    const { z, calls } = fakeZ();
    const changes = await findChanges(z, bundleFor(undefined), statusWatch(undefined), [
      conversation('a', 1, { status: 2 }),
    ]);
    expect(changes.map((c) => c.id)).toEqual([`a:conversation_status_changed:2@${at(1)}`]);
    expect(calls).toEqual([]);
  });

  it('lost state: a change not edited since keeps its ID (no second run); one edited since fires again', async () => {
    const fake = fakeZ();
    const poll = zap(statusWatch('2'), fake.z);
    await poll([conversation('a', 0, { status: 0 }), conversation('b', 0, { status: 0 })]);
    expect(
      await poll([conversation('a', 1, { status: 2 }), conversation('b', 1, { status: 2 })]),
    ).toHaveLength(2);
    expect(await poll([conversation('b', 2, { status: 2, tags: ['x'] })])).toEqual([]);
    fake.store.clear(); // evicted
    expect(
      await poll([
        conversation('b', 2, { status: 2, tags: ['x'] }),
        conversation('a', 1, { status: 2 }),
      ]),
    ).toEqual([`b:conversation_status_changed:2@${at(2)}`]);
  });

  it('a store that cannot be read or written is logged and the poll goes on as without state', async () => {
    for (const failure of [{ failGet: true }, { failSet: true }]) {
      const { z, logs } = fakeZ(failure);
      const changes = await findChanges(z, bundleFor('zap-x'), statusWatch(undefined), [
        conversation('a', 1, { status: 2 }),
      ]);
      expect(changes.map((c) => c.id)).toEqual([`a:conversation_status_changed:2@${at(1)}`]);
      expect(logs).toEqual([
        expect.stringMatching(
          /^Conversation change state could not be (read in time, or is not there|saved in time)\.$/,
        ),
      ]);
    }
  });

  it('a stored value of another shape is ignored, and bad entries are dropped one by one', async () => {
    const { z, store } = fakeZ();
    const bundle = bundleFor('zap-odd');
    await findChanges(z, bundle, statusWatch(undefined), []);
    const [key] = [...store.keys()] as [string];
    store.set(key, JSON.stringify({ v: 1, seen: { a: ['2', 7, 'x'], b: ['1', null, at(0)] } }));
    const changes = await findChanges(z, bundle, statusWatch(undefined), [
      conversation('a', 1, { status: 2 }),
      conversation('b', 1, { status: 1 }),
    ]);
    expect(changes.map((c) => c.id)).toEqual([`a:conversation_status_changed:2@${at(1)}`]);
    store.set(key, JSON.stringify(['not', 'state']));
    expect(
      await findChanges(z, bundle, statusWatch(undefined), [conversation('b', 1, { status: 1 })]),
    ).toHaveLength(1);
  });

  it(`remembers at most ${MAX_REMEMBERED} conversations, the most recently changed`, async () => {
    const { z, store } = fakeZ();
    const many = Array.from({ length: MAX_REMEMBERED + 5 }, (_, i) =>
      conversation(`c${i}`, i, { status: 1 }),
    );
    await findChanges(z, bundleFor('zap-big'), statusWatch(undefined), many);
    const saved = JSON.parse([...store.values()][0] as string) as { seen: Record<string, unknown> };
    expect(Object.keys(saved.seen)).toHaveLength(MAX_REMEMBERED);
    expect(saved.seen.c0).toBeUndefined();
    expect(saved.seen.c4).toBeUndefined();
    expect(saved.seen.c5).toBeDefined();
  });

  it('leaves out conversations without a slug or a changed time', async () => {
    const { z } = fakeZ();
    const changes = await findChanges(z, bundleFor('zap-skip'), statusWatch(undefined), [
      { ...conversation('', 1, { status: 2 }) },
      liveConversation({
        slug: 'no-time',
        status: 2,
        created_at: null,
        updated_at: null,
        last_customer_message: null,
      }),
      conversation('ok', 1, { status: 2 }),
    ]);
    expect(changes.map((c) => c.item.id)).toEqual(['ok']);
  });
});
