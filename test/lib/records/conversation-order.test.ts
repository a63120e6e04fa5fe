import { looksOldestFirst, newestFirst } from '../../../lib/records/conversation-order';

const at = (slug: string, created_at: unknown) => ({ slug, created_at });

describe('conversation order', () => {
  it('sorts newest first by the instant, whatever the offset it is written with', () => {
    const sorted = newestFirst([
      at('a', '2026-03-09T10:00:00.000-05:00'), // 15:00Z
      at('b', '2026-03-09T16:00:00.000+02:00'), // 14:00Z
      at('c', '2026-03-09T15:30:00.000Z'),
    ]);
    expect(sorted.map((c) => c.slug)).toEqual(['c', 'a', 'b']);
  });

  it('keeps the API order for equal instants and puts unknown instants last', () => {
    const sorted = newestFirst([
      at('unknown', null),
      at('x', '2026-03-09T15:00:00.000Z'),
      at('y', '2026-03-09T10:00:00.000-05:00'),
      at('garbage', 'yesterday'),
    ]);
    expect(sorted.map((c) => c.slug)).toEqual(['x', 'y', 'unknown', 'garbage']);
  });

  it('recognises a page listed oldest first', () => {
    expect(
      looksOldestFirst([at('old', '2026-03-01T00:00:00Z'), at('new', '2026-03-09T00:00:00Z')]),
    ).toBe(true);
    expect(
      looksOldestFirst([at('new', '2026-03-09T00:00:00Z'), at('old', '2026-03-01T00:00:00Z')]),
    ).toBe(false);
    expect(looksOldestFirst([at('one', '2026-03-09T00:00:00Z')])).toBe(false);
    expect(looksOldestFirst([])).toBe(false);
    expect(
      looksOldestFirst([at('same', '2026-03-09T00:00:00Z'), at('same2', '2026-03-09T00:00:00Z')]),
    ).toBe(false);
  });
});
