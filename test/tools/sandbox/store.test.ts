import { Clock } from '../../../tools/sandbox/clock';
import { seedBrand } from '../../../tools/sandbox/seed';
import { Store } from '../../../tools/sandbox/store';

const AT = Date.parse('2026-05-04T10:00:00.000Z');

function seeded(): Store {
  const clock = new Clock();
  clock.freeze(AT);
  const store = new Store({ clock });
  seedBrand(store);
  return store;
}

describe('Clock', () => {
  it('runs in real time, or frozen and moved by hand', () => {
    const clock = new Clock();
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(50);
    clock.advance(60_000);
    expect(clock.now() - Date.now()).toBeGreaterThan(59_000);
    clock.freeze(AT);
    clock.advance(1_500);
    expect(clock.now()).toBe(AT + 1_500);
    clock.reset();
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(50);
  });
});

describe('seedBrand', () => {
  it('is deterministic for a given instant', () => {
    const a = seeded();
    const b = seeded();
    expect(a.messagesNewestFirst()).toEqual(b.messagesNewestFirst());
    expect([...a.conversations.keys()]).toEqual([...b.conversations.keys()]);
    expect(a.messagesNewestFirst()[0]?.createdAt).toBe(AT - 5 * 60_000);
  });
});

describe('Store.addBurst', () => {
  it('adds customer messages ending now, one second apart, spread over the conversations', () => {
    const store = seeded();
    const before = store.messages.length;
    const burst = store.addBurst(40);
    expect(store.messages.length).toBe(before + 40);
    expect(burst.map((m) => m.createdAt)).toEqual(
      Array.from({ length: 40 }, (_, i) => AT - (39 - i) * 1_000),
    );
    expect(burst.every((m) => m.sender.kind === 'customer')).toBe(true);
    expect(new Set(burst.map((m) => m.conversationSlug)).size).toBe(18);
    expect(store.messagesNewestFirst().slice(0, 40)).toEqual([...burst].reverse());
    for (const message of burst) {
      const conversation = store.conversation(message.conversationSlug);
      expect(message.sender).toEqual({ kind: 'customer', contactId: conversation?.authorId });
    }
  });

  it('can end at a given instant, use a spacing, one conversation, or new conversations', () => {
    const store = seeded();
    const one = store.addBurst(3, {
      at: AT + 10_000,
      spacingMs: 250,
      conversation: 'do-you-ship-to-canada',
    });
    expect(one.map((m) => [m.createdAt, m.conversationSlug])).toEqual([
      [AT + 9_500, 'do-you-ship-to-canada'],
      [AT + 9_750, 'do-you-ship-to-canada'],
      [AT + 10_000, 'do-you-ship-to-canada'],
    ]);
    const fresh = store.addBurst(2, { newConversations: true, channel: 'sales' });
    expect(fresh.map((m) => store.conversation(m.conversationSlug)?.channelSlug)).toEqual([
      'sales',
      'sales',
    ]);
    expect(store.conversations.size).toBe(20);
    expect(() => store.addBurst(1, { conversation: 'nope' })).toThrow('unknown conversation nope');
  });

  it('orders equal instants by insertion, the later first', () => {
    const store = seeded();
    const [first] = store.addBurst(1, { at: AT + 1 });
    const [second] = store.addBurst(1, { at: AT + 1 });
    expect(store.messagesNewestFirst().slice(0, 2)).toEqual([second, first]);
  });
});

describe('Store.uniqueSlug', () => {
  it('makes a slug from the subject, numbered when taken', () => {
    const store = seeded();
    expect(store.uniqueSlug('  Ça ne marche pas! (URGENT)  ')).toBe('ca-ne-marche-pas-urgent');
    expect(store.uniqueSlug('Do you ship to Canada?')).toBe('do-you-ship-to-canada-2');
    expect(store.uniqueSlug('¿¿??')).toBe('conversation');
  });
});

describe('Store.updateConversation', () => {
  it('applies the changes and moves updated_at forward, never back', () => {
    const clock = new Clock();
    clock.freeze(Date.parse('2026-03-01T12:00:00Z'));
    const store = new Store({ clock });
    seedBrand(store);
    const slug = 'do-you-ship-to-canada';
    const before = store.conversation(slug)?.updatedAt as number;
    clock.advance(5_000);
    const changed = store.updateConversation(slug, {
      status: 0,
      assigneeEmail: 'marco@acme.example',
      tags: ['canada'],
    });
    expect(changed).toMatchObject({
      status: 0,
      assigneeEmail: 'marco@acme.example',
      tags: ['canada'],
      updatedAt: clock.now(),
    });
    store.updateConversation(slug, { status: 2 }, before);
    expect(store.conversation(slug)).toMatchObject({ status: 2, updatedAt: clock.now() });
    expect(() => store.updateConversation('nope', {})).toThrow('unknown conversation nope');
  });
});
