import { conversationListParams, statusGroup } from '../../../lib/input/conversation-filters';
import { describeError } from '../../helpers';

describe('conversation list filters', () => {
  it('leaves every empty filter out, so Re:amaze applies its default (all but archived)', () => {
    expect(conversationListParams({ status_group: '', channel: ' ', tags: ['', '  '] })).toEqual({
      filter: undefined,
      category: undefined,
      tag: undefined,
    });
    expect(conversationListParams({})).toEqual({
      filter: undefined,
      category: undefined,
      tag: undefined,
    });
  });

  it('sends status group as filter, channel slug as category and tags comma-separated', () => {
    expect(
      conversationListParams({
        status_group: 'open',
        channel: 'support',
        tags: ['vip', ' late order '],
      }),
    ).toEqual({ filter: 'open', category: 'support', tag: 'vip,late order' });
  });

  it('accepts each status group by value or label, in any case', () => {
    expect(statusGroup('unassigned')).toBe('unassigned');
    expect(statusGroup('ALL')).toBe('all');
    expect(statusGroup('All, Including Archived')).toBe('all');
    expect(statusGroup('open (unresolved)')).toBe('open');
    expect(statusGroup('archived')).toBe('archived');
  });

  it('refuses an unknown status group, listing the choices', () => {
    let error: unknown;
    try {
      statusGroup('closed');
    } catch (caught) {
      error = caught;
    }
    expect(describeError(error)).toEqual({
      name: 'HaltedError',
      message:
        'Status Group "closed" is not one of the choices: use Open (Unresolved), Unassigned, Archived, All, Including Archived, or leave it empty.',
    });
  });
});
