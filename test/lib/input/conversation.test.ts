import { conversationSlug } from '../../../lib/input/conversation';
import { describeError } from '../../helpers';

const refused = (value: unknown) => {
  try {
    conversationSlug(value);
  } catch (error) {
    return describeError(error);
  }
  throw new Error('expected a refusal');
};

describe('conversationSlug', () => {
  it('takes a slug as given (surrounding spaces removed)', () => {
    expect(conversationSlug('where-is-my-order-4471')).toBe('where-is-my-order-4471');
    expect(conversationSlug('  refund-request \n')).toBe('refund-request');
  });

  it('takes the slug from a pasted Re:amaze inbox link', () => {
    expect(conversationSlug('https://acme.reamaze.io/admin/conversations/where-is-my-order')).toBe(
      'where-is-my-order',
    );
    expect(
      conversationSlug('https://acme.reamaze.com/admin/conversations/caf%C3%A9-order/?tab=notes'),
    ).toBe('café-order');
  });

  it('refuses an empty value, naming the field', () => {
    expect(refused('   ')).toEqual({
      name: 'HaltedError',
      message: 'Conversation is required: map a value to it or type one in.',
    });
    expect(refused(undefined).name).toBe('HaltedError');
  });

  it('refuses text that cannot be a slug (spaces, slashes, other links)', () => {
    for (const value of ['where is my order', 'https://example.com/x/y', 'a/b']) {
      expect(refused(value)).toMatchObject({ name: 'HaltedError' });
    }
    expect(refused('where is my order').message).toBe(
      'Conversation "where is my order" is not a conversation. Choose one from the list, or map the conversation slug (for example "where-is-my-order") from an earlier step.',
    );
  });
});
