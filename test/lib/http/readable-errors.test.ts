import type { Bundle, ZObject } from 'zapier-platform-core';
import { brandHost } from '../../../lib/http/brand';
import { reamazeRequest } from '../../../lib/http/client';
import { publicUrl } from '../../../lib/input/public-url';
import { MESSAGE_LIMIT, readableMessage } from '../../../lib/text/message';
import { appTester, authData, failure, reamaze, resetNock, thrownBy } from '../../helpers';

/** Issue 22, "Wrong or unreadable errors": messages stay short and never echo a file. */
afterEach(resetNock);

const send = () =>
  appTester(
    (z: ZObject, bundle: Bundle) =>
      reamazeRequest(z, bundle, { method: 'POST', path: '/conversations', body: {} }),
    { authData },
  );

describe('error messages a user can read', () => {
  it('a 422 nested 20,000 levels deep is a refusal, not a RangeError', async () => {
    const deep = `{"errors":${'{"a":'.repeat(20_000)}"too deep"${'}'.repeat(20_000)}}`;
    reamaze()
      .post('/api/v1/conversations')
      .reply(422, deep, { 'Content-Type': 'application/json' });
    expect(await failure(send())).toEqual({
      name: 'AppError',
      message: 'Re:amaze refused the request (HTTP 422 Unprocessable Entity).',
      code: 'InvalidInput',
      status: 422,
    });
  });

  it('a 422 listing 20,000 errors gives a message of at most a few thousand characters', async () => {
    const errors = { email: Array.from({ length: 20_000 }, (_, i) => `is invalid (${i})`) };
    reamaze().post('/api/v1/conversations').reply(422, { errors });
    const { message } = await failure(send());
    expect(message.length).toBeLessThanOrEqual(MESSAGE_LIMIT + 200);
    expect(message).toMatch(
      /^Re:amaze refused the request \(HTTP 422 Unprocessable Entity\): email is invalid \(0\); email is invalid \(1\); .*… \[message cut to 2,000 characters\]\.$/,
    );
  });

  it('a 5 MB data: URL attachment is refused by its size, without its content', () => {
    const file = `data:application/pdf;base64,${'QUJD'.repeat(1_300_000)}`;
    const { name, message } = thrownBy(() => publicUrl(file, 'Attachments'));
    expect({ name, message }).toEqual({
      name: 'HaltedError',
      message:
        'Attachments a data: URL of 5.2 MB is not a web address. Use a full address starting with https://, or a file from an earlier step.',
    });
  });

  it('a pasted brand of 100,000 characters is refused in a short message', () => {
    const { message } = thrownBy(() => brandHost(`${'a'.repeat(100_000)}..x`));
    expect(message.length).toBeLessThanOrEqual(MESSAGE_LIMIT + 200);
    expect(message).toMatch(/^"a+… \[message cut to 2,000 characters\] Enter your brand as/);
  });

  it('cuts any long message at the limit, never inside a surrogate pair, and says so', () => {
    expect(readableMessage('short')).toBe('short');
    const long = `${'a'.repeat(MESSAGE_LIMIT - 1)}😀 and more`;
    expect(readableMessage(long)).toBe(
      `${'a'.repeat(MESSAGE_LIMIT - 1)}… [message cut to 2,000 characters]`,
    );
    expect(readableMessage(`see data:image/png;base64,${'A'.repeat(3_000)} here`)).toBe(
      'see a data: URL of 3 kB here',
    );
  });
});
