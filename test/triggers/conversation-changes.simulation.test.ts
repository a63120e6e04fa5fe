import { simulatedBrand, slugsOf } from './conversation-changes-simulation';

/**
 * Each sentence of the three change triggers as a sequence of staff edits over several polls of
 * the sandbox, asserting exactly what each poll fires. The seeded brand (tools/sandbox/seed.ts) is the
 * starting point; the big randomised run is conversation-changes.long.test.ts.
 */

jest.setTimeout(60_000);

const brand = simulatedBrand();

const TENT = 'tent-pole-snapped-on-first-trip'; // open, assigned to Alex, tagged warranty + returns
const SMS = 'sms-with-1-415-555-0134'; // open, unassigned, no tags

describe('Conversation Status Changed', () => {
  it('resolved, reopened, resolved again fires twice; edits that keep the status never', async () => {
    const done = brand.zap('status', { status: '2' });
    const any = brand.zap('status');
    const both = async () => [await done.poll(), await any.poll()];
    expect(await both()).toEqual([[], []]); // switched on

    brand.advance(5);
    brand.edit(TENT, { status: 2 });
    const resolved = `${TENT}:conversation_status_changed:2@${brand.now}`;
    brand.advance(5);
    expect(await both()).toEqual([[resolved], [resolved]]);

    brand.advance(1);
    brand.edit(TENT, { tags: ['warranty'] }); // an edit that leaves the status alone
    brand.advance(4);
    expect(await both()).toEqual([[], []]);

    brand.edit(TENT, { status: 0 });
    const reopened = `${TENT}:conversation_status_changed:0@${brand.now}`;
    brand.advance(5);
    expect(await both()).toEqual([[], [reopened]]);

    brand.edit(TENT, { status: 2 });
    const resolvedAgain = `${TENT}:conversation_status_changed:2@${brand.now}`;
    brand.advance(5);
    expect(await both()).toEqual([[resolvedAgain], [resolvedAgain]]);

    brand.advance(5);
    expect(await both()).toEqual([[], []]);
  });

  it('a reopen and resolve between two polls is no change (the documented limit)', async () => {
    const done = brand.zap('status', { status: '2' });
    await done.poll();
    brand.edit('do-you-ship-to-canada', { status: 0 });
    brand.advance(1);
    brand.edit('do-you-ship-to-canada', { status: 2 });
    brand.advance(5);
    expect(await done.poll()).toEqual([]);
  });

  it('the Channel filter keeps other channels out', async () => {
    const chat = brand.zap('status', { channel: 'chat' });
    await chat.poll();
    brand.edit(TENT, { status: 2 });
    brand.edit('do-you-ship-to-canada', { status: 0 });
    brand.advance(5);
    expect(slugsOf(await chat.poll())).toEqual(['do-you-ship-to-canada']);
    expect(brand.sandbox.requests.at(-1)?.query).toEqual({
      sort: 'changed',
      filter: 'all',
      category: 'chat',
      page: '1',
    });
  });

  it('a new conversation is not a status change until it changes', async () => {
    const any = brand.zap('status');
    await any.poll();
    brand.advance(2);
    const [fresh] = brand.addConversations(1, 1, 'new') as [string];
    brand.advance(3);
    expect(await any.poll()).toEqual([]);
    brand.edit(fresh, { status: 1 });
    brand.advance(5);
    expect(slugsOf(await any.poll())).toEqual([fresh]);
  });
});

describe('Conversation Assigned', () => {
  it('A → B → A fires each time for anyone and twice for A; the same person again or nobody never', async () => {
    const anyone = brand.zap('assigned');
    const jo = brand.zap('assigned', { assignee: 'jo@acme.example' });
    const both = async () => [await anyone.poll(), await jo.poll()];
    await both();
    const id = (email: string) => `${SMS}:conversation_assigned:${email}@${brand.now}`;

    brand.edit(SMS, { assigneeEmail: 'jo@acme.example' });
    const toJo = id('jo@acme.example');
    brand.advance(5);
    expect(await both()).toEqual([[toJo], [toJo]]);

    brand.edit(SMS, { assigneeEmail: 'jo@acme.example' }); // reassigned to the same person
    brand.advance(5);
    expect(await both()).toEqual([[], []]);

    brand.edit(SMS, { assigneeEmail: 'priya@acme.example' });
    const toPriya = id('priya@acme.example');
    brand.advance(5);
    expect(await both()).toEqual([[toPriya], []]);

    brand.edit(SMS, { assigneeEmail: 'jo@acme.example' });
    const backToJo = id('jo@acme.example');
    brand.advance(5);
    expect(await both()).toEqual([[backToJo], [backToJo]]);

    brand.edit(SMS, { assigneeEmail: null });
    brand.advance(5);
    expect(await both()).toEqual([[], []]);
  });
});

describe('Tag Added to Conversation', () => {
  it('fires when a conversation first carries the tag: not when kept, removed or added again', async () => {
    const urgent = brand.zap('tag', { tag: 'urgent' });
    await urgent.poll();

    brand.edit(SMS, { tags: ['urgent'] });
    brand.advance(5);
    expect(await urgent.poll()).toEqual([`${SMS}:conversation_tag_added:urgent`]);

    brand.edit(SMS, { tags: ['urgent', 'store'] });
    brand.advance(5);
    expect(await urgent.poll()).toEqual([]);

    brand.edit(SMS, { tags: ['store'] });
    brand.advance(5);
    expect(await urgent.poll()).toEqual([]);

    brand.edit(SMS, { tags: ['store', 'urgent'] });
    brand.edit(TENT, { tags: ['warranty', 'urgent'] });
    brand.advance(5);
    expect(await urgent.poll()).toEqual([`${TENT}:conversation_tag_added:urgent`]);
    expect(brand.sandbox.requests.at(-1)?.query).toMatchObject({ tag: 'urgent' });
  });

  it('conversations already carrying the tag when the Zap is switched on never fire', async () => {
    const warranty = brand.zap('tag', { tag: 'warranty' });
    await warranty.poll();
    brand.edit(TENT, { status: 2 });
    brand.edit('warranty-replacement-for-stove-x2', { assigneeEmail: 'jo@acme.example' });
    brand.advance(5);
    expect(await warranty.poll()).toEqual([]);
  });
});

describe('many changes between two polls', () => {
  it('every conversation changed since the last poll fires once, in the next poll', async () => {
    const any = brand.zap('status');
    await any.poll();
    const before = brand.snapshot();
    const slugs = brand.slugs().slice(0, 12);
    slugs.forEach((slug, i) => {
      brand.advance(0.25);
      brand.edit(slug, { status: i % 2 === 0 ? 3 : 5 });
    });
    brand.advance(2);
    const changed = slugs.filter((slug, i) => (i % 2 === 0 ? 3 : 5) !== before.get(slug)?.status);
    expect(changed.length).toBeGreaterThan(10);
    expect(new Set(slugsOf(await any.poll()))).toEqual(new Set(changed));
    expect(await any.poll()).toEqual([]);
  });

  it('more than a page (45 conversations) changing between two polls: all fire, over two requests', async () => {
    const extra = brand.addConversations(45, 24 * 60);
    const done = brand.zap('status', { status: '2' });
    await done.poll();
    brand.advance(1);
    for (const slug of extra) {
      brand.advance(0.1);
      brand.edit(slug, { status: 2 });
    }
    brand.advance(1);
    const fired = await done.poll();
    expect(new Set(slugsOf(fired))).toEqual(new Set(extra));
    expect(fired).toHaveLength(45);
    expect(done.requests.at(-1)).toBe(2);
  });

  it('a busy hour (45 changes) costs one request a quiet poll once the Zap has its watermarks', async () => {
    const extra = brand.addConversations(45, 24 * 60);
    const any = brand.zap('status');
    await any.poll();
    brand.advance(1);
    for (const slug of extra) {
      brand.advance(0.1);
      brand.edit(slug, { status: 2 });
    }
    brand.advance(1);
    expect(await any.poll()).toHaveLength(45);
    for (let quiet = 0; quiet < 3; quiet += 1) {
      brand.advance(1);
      expect(await any.poll()).toEqual([]);
    }
    // Without watermarks each of these polls re-reads both pages of the last hour.
    expect(any.requests.slice(1)).toEqual([2, 2, 1, 1]);
  });
});
