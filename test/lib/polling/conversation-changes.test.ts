import { errors as zapierErrors, type Bundle, type ZObject } from 'zapier-platform-core';
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
    errors: { ThrottledError: zapierErrors.ThrottledError },
    console: { log: (line: string) => logs.push(line) },
  } as unknown as ZObject;
  return { z, store, logs, calls, options };
}

/** A listing that returns these conversations (what `GET /conversations?sort=changed` gave). */
const listed =
  (...conversations: Record<string, unknown>[]) =>
  async () =>
    conversations;

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
    const changes = await findChanges(z, bundle, watch, async () => conversations);
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

  it('a conversation created since the last poll started Open: a follow-up is no change, a reply or resolving is', async () => {
    const poll = zap(statusWatch(undefined));
    await poll([conversation('old', 0, { status: 2 })]);
    const created = at(1);
    expect(
      await poll([
        conversation('follow-up', 3, { status: 0, createdAt: created }),
        conversation('resolved', 3, { status: 2, createdAt: created }),
        conversation('old', 0, { status: 2 }),
      ]),
    ).toEqual([`resolved:conversation_status_changed:2@${at(3)}`]);
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
    await findChanges(
      z,
      bundle,
      statusWatch(undefined),
      listed(conversation('a', 0, { status: 1 })),
    );
    const [change] = await findChanges(
      z,
      bundle,
      statusWatch(undefined),
      listed(conversation('a', 1, { status: 2 })),
    );
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
  it('is kept per Zap, trigger, account and filters, for 30 days, with the watched value and the change it fired as', async () => {
    const { z, store, calls } = fakeZ();
    const bundle = bundleFor('zap-7', { status: '2', channel: 'support' });
    await findChanges(z, bundle, statusWatch('2'), listed(conversation('a', 0, { status: 0 })));
    await findChanges(z, bundle, statusWatch('2'), listed(conversation('a', 1, { status: 2 })));
    const [key] = [...store.keys()];
    expect(key).toMatch(/^conversation-changes:conversation_status_changed:[0-9a-f]{32}$/);
    expect(calls).toEqual([
      `get ${key}`,
      `set ${key} ttl=${STATE_TTL_SECONDS}`,
      `get ${key}`,
      `set ${key} ttl=${STATE_TTL_SECONDS}`,
    ]);
    expect(JSON.parse(store.get(key as string) as string)).toEqual({
      v: 2,
      seen: [['a', '2', `a:conversation_status_changed:2@${at(1)}`, at(1)]],
      asOf: at(1),
    });
    await findChanges(z, bundleFor('zap-7', { status: '0' }), statusWatch('0'), listed());
    await findChanges(
      z,
      { ...bundle, authData: { brand: 'other' } } as Bundle,
      statusWatch('2'),
      listed(),
    );
    expect(store.size).toBe(3);
  });

  it('without a Zap (the editor’s test, a local run) nothing is read or saved, and every value shows', async () => {
    const { z, calls } = fakeZ();
    const changes = await findChanges(
      z,
      bundleFor(undefined),
      statusWatch(undefined),
      listed(conversation('a', 1, { status: 2 })),
    );
    expect(changes.map((c) => c.id)).toEqual([`a:conversation_status_changed:2@${at(1)}`]);
    expect(calls).toEqual([]);
  });

  it('lost state (evicted): the poll records the present and fires nothing; the next change fires', async () => {
    const fake = fakeZ();
    const poll = zap(statusWatch('2'), fake.z);
    await poll([conversation('a', 0, { status: 0 }), conversation('b', 0, { status: 0 })]);
    expect(
      await poll([conversation('a', 1, { status: 2 }), conversation('b', 1, { status: 2 })]),
    ).toHaveLength(2);
    fake.store.clear(); // evicted
    const edited = [
      conversation('b', 2, { status: 2, tags: ['x'] }),
      conversation('c', 2, { status: 2 }),
    ];
    expect(await poll(edited)).toEqual([]);
    expect(fake.logs).toContain(
      'Conversation change state is not there: recording the present, firing nothing.',
    );
    expect(await poll([conversation('b', 3, { status: 2, tags: [] })])).toEqual([]);
    expect(
      await poll([conversation('c', 4, { status: 0 }), conversation('c', 4, { status: 0 })]),
    ).toEqual([]);
    expect(await poll([conversation('c', 5, { status: 2 })])).toEqual([
      `c:conversation_status_changed:2@${at(5)}`,
    ]);
  });

  it('a state that cannot be read fails the poll as temporary before any request; nothing fires', async () => {
    const { z, logs } = fakeZ({ failGet: true });
    let listedAt = 0;
    const error = await findChanges(z, bundleFor('zap-x'), statusWatch(undefined), async () => {
      listedAt += 1;
      return [conversation('a', 1, { status: 2 })];
    }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('ThrottledError');
    expect(JSON.parse((error as Error).message)).toEqual({
      message:
        "Zapier's storage for this Zap did not answer in time, so the changes since the last check cannot be told apart from edits that changed nothing. Nothing is lost: Zapier will check again shortly.",
      delay: 60,
    });
    expect(listedAt).toBe(0);
    expect(logs).toEqual([
      'Conversation change state could not be read: Error: zcache unavailable.',
    ]);
  });

  it('a state that cannot be saved fails the poll as temporary, so Zapier records none of its changes', async () => {
    const fake = fakeZ();
    const poll = zap(statusWatch(undefined), fake.z);
    await poll([conversation('a', 0, { status: 0 })]);
    fake.options.failSet = true;
    await expect(poll([conversation('a', 1, { status: 2 })])).rejects.toMatchObject({
      name: 'ThrottledError',
    });
    fake.options.failSet = false;
    expect(await poll([conversation('a', 2, { status: 2, tags: ['x'] })])).toEqual([
      `a:conversation_status_changed:2@${at(2)}`,
    ]);
  });

  it('a state of another shape reads as none, and bad rows are dropped one by one', async () => {
    const { z, store } = fakeZ();
    const bundle = bundleFor('zap-odd');
    await findChanges(z, bundle, statusWatch(undefined), listed());
    const [key] = [...store.keys()] as [string];
    store.set(
      key,
      JSON.stringify({ v: 2, seen: [['a', '2', 7, 'x'], ['b', '1', null, at(0)], 'junk'] }),
    );
    const changes = await findChanges(
      z,
      bundle,
      statusWatch(undefined),
      listed(conversation('a', 1, { status: 2 }), conversation('b', 1, { status: 1 })),
    );
    expect(changes.map((c) => c.id)).toEqual([`a:conversation_status_changed:2@${at(1)}`]);
    store.set(key, JSON.stringify({ v: 1, seen: { b: ['0', null, at(0)] } }));
    expect(
      await findChanges(
        z,
        bundle,
        statusWatch(undefined),
        listed(conversation('b', 2, { status: 2 })),
      ),
    ).toEqual([]);
  });

  it('slugs named like Object.prototype properties are conversations like any other', async () => {
    const slugs = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
    const poll = zap(statusWatch(undefined));
    await poll(slugs.map((slug) => conversation(slug, 0, { status: 0 })));
    expect(
      await poll(slugs.map((slug) => conversation(slug, 1, { status: 0, tags: ['x'] }))),
    ).toEqual([]);
    expect(await poll(slugs.map((slug) => conversation(slug, 2, { status: 2 })))).toEqual(
      slugs.map((slug) => `${slug}:conversation_status_changed:2@${at(2)}`),
    );
    expect(
      await poll(slugs.map((slug) => conversation(slug, 3, { status: 2, tags: ['y'] }))),
    ).toEqual([]);
  });

  it(`remembers at most ${MAX_REMEMBERED} conversations, the most recently changed`, async () => {
    const { z, store } = fakeZ();
    const many = Array.from({ length: MAX_REMEMBERED + 5 }, (_, i) =>
      conversation(`c${i}`, i, { status: 1 }),
    );
    await findChanges(z, bundleFor('zap-big'), statusWatch(undefined), listed(...many));
    const saved = JSON.parse([...store.values()][0] as string) as { seen: [string][] };
    const kept = saved.seen.map(([slug]) => slug);
    expect(kept).toHaveLength(MAX_REMEMBERED);
    expect(kept).not.toContain('c4');
    expect(kept).toContain('c5');
  });

  it('leaves out conversations without a slug or a changed time', async () => {
    const changes = await findChanges(
      fakeZ().z,
      bundleFor(undefined),
      statusWatch(undefined),
      listed(
        { ...conversation('', 1, { status: 2 }) },
        liveConversation({
          slug: 'no-time',
          status: 2,
          created_at: null,
          updated_at: null,
          last_customer_message: null,
        }),
        conversation('ok', 1, { status: 2 }),
      ),
    );
    expect(changes.map((c) => c.item.id)).toEqual(['ok']);
  });
});
