import {
  absoluteUrl,
  boolean,
  compact,
  dict,
  email,
  emailList,
  list,
  requiredEmail,
  requiredText,
  text,
} from '../../lib/input';
import { thrownBy } from '../helpers';

describe('input cleaning', () => {
  it('treats empty and whitespace-only values as absent, and keeps everything else exactly', () => {
    expect(text('')).toBeUndefined();
    expect(text('  \n\t')).toBeUndefined();
    expect(text(null)).toBeUndefined();
    expect(text('  padded  ')).toBe('  padded  ');
    expect(text('שלום 🎉\n**bold**')).toBe('שלום 🎉\n**bold**');
    expect(text(0)).toBe('0');
  });

  it('refuses a missing required value naming the field', () => {
    expect(thrownBy(() => requiredText(' ', 'Subject'))).toEqual({
      name: 'AppError',
      code: 'MissingField',
      status: 400,
      message: 'Subject is required: map a value to it or type one in.',
    });
  });

  it('checks and trims email addresses', () => {
    expect(email(' bob@example.com ', 'Customer Email')).toBe('bob@example.com');
    expect(email('', 'Customer Email')).toBeUndefined();
    expect(thrownBy(() => email('bob at example', 'Customer Email'))).toEqual({
      name: 'AppError',
      code: 'InvalidEmail',
      status: 400,
      message:
        'Customer Email "bob at example" is not an email address. Use the form name@example.com.',
    });
    expect(() => requiredEmail('', 'Customer Email')).toThrow('Customer Email is required');
    expect(emailList(['a@x.io', '', ' b@y.io'], 'Recipients')).toEqual(['a@x.io', 'b@y.io']);
  });

  it('keeps list items as given, dropping empty ones', () => {
    expect(list(['vip customer', '', '  ', 'refund'])).toEqual(['vip customer', 'refund']);
    expect(list('single')).toEqual(['single']);
    expect(list(['', ' '])).toBeUndefined();
  });

  it('keeps dict values as strings and refuses nested values', () => {
    expect(
      dict({ plan: 'Pro', seats: '42', trial: 'false', '': 'x', empty: '' }, 'Customer Data'),
    ).toEqual({
      plan: 'Pro',
      seats: '42',
      trial: 'false',
    });
    expect(dict('', 'Customer Data')).toBeUndefined();
    expect(thrownBy(() => dict({ address: { city: 'Oslo' } }, 'Customer Data')).message).toBe(
      'Customer Data "address" must be a single value; Re:amaze keeps custom data one level deep.',
    );
  });

  it('reads Zapier booleans', () => {
    expect([true, 'true', 'yes', 'no', 'false', false, '', 'maybe'].map(boolean)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      undefined,
      undefined,
    ]);
  });

  it('accepts only absolute web addresses', () => {
    expect(absoluteUrl('https://files.example/a.pdf', 'Attachment URL')).toBe(
      'https://files.example/a.pdf',
    );
    expect(thrownBy(() => absoluteUrl('files/a.pdf', 'Attachment URL')).message).toBe(
      'Attachment URL "files/a.pdf" is not a web address. Use a full address starting with https://.',
    );
    expect(() => absoluteUrl('javascript:alert(1)', 'Attachment URL')).toThrow(
      'is not a web address',
    );
  });

  it('compact drops only undefined', () => {
    expect(compact({ a: undefined, b: '', c: 0, d: false })).toEqual({ b: '', c: 0, d: false });
  });
});
