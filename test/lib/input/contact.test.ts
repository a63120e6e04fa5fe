import { contactIdentifier, identifierParams, mobileNumber } from '../../../lib/input/contact';
import { thrownBy } from '../../helpers';

describe('mobileNumber (E.164)', () => {
  it('accepts E.164 numbers as given, surrounding spaces removed; empty is absent', () => {
    expect(mobileNumber('+14155550123', 'Mobile')).toBe('+14155550123');
    expect(mobileNumber(' +447700900123 ', 'Mobile')).toBe('+447700900123');
    expect(mobileNumber('+861012345678901', 'Mobile')).toBe('+861012345678901');
    expect(mobileNumber('', 'Mobile')).toBeUndefined();
    expect(mobileNumber('  ', 'Mobile')).toBeUndefined();
    expect(mobileNumber(undefined, 'Mobile')).toBeUndefined();
  });

  it('refuses other forms with the expected form, and suggests the fix when separators are all that is wrong', () => {
    expect(thrownBy(() => mobileNumber('+1 (415) 555-0123', 'Mobile'))).toEqual({
      name: 'HaltedError',
      message:
        'Mobile "+1 (415) 555-0123" is not a mobile number in E.164 form. Use + and the country code, then the number, digits only, for example +14155550123. Did you mean +14155550123?',
    });
    expect(thrownBy(() => mobileNumber('4155550123', 'Mobile')).message).toBe(
      'Mobile "4155550123" is not a mobile number in E.164 form. Use + and the country code, then the number, digits only, for example +14155550123.',
    );
    for (const bad of ['+04155550123', '+1415555012345678', '+123', 'call me', '+1415555O123']) {
      expect(thrownBy(() => mobileNumber(bad, 'Mobile')).name).toBe('HaltedError');
    }
  });
});

describe('contactIdentifier', () => {
  it('an email address is the default identifier', () => {
    expect(contactIdentifier(' maya@example.com ')).toEqual({
      identifier: 'maya@example.com',
      type: 'email',
    });
    expect(identifierParams({ identifier: 'maya@example.com', type: 'email' })).toEqual({});
  });

  it('a mobile number needs identifier_type=mobile', () => {
    const contact = contactIdentifier('+14155550123');
    expect(contact).toEqual({ identifier: '+14155550123', type: 'mobile' });
    expect(identifierParams(contact)).toEqual({ identifier_type: 'mobile' });
  });

  it('refuses a phone number not in E.164 form, a malformed email, and anything else, naming the field', () => {
    expect(thrownBy(() => contactIdentifier('(415) 555-0123')).name).toBe('HaltedError');
    expect(thrownBy(() => contactIdentifier('maya@')).name).toBe('HaltedError');
    expect(thrownBy(() => contactIdentifier('Maya Lindqvist'))).toEqual({
      name: 'HaltedError',
      message:
        'Contact "Maya Lindqvist" is not an email address or a mobile number. Map the contact\'s email address (name@example.com) or mobile number in E.164 form (+14155550123), or look the contact up with Find Contact first.',
    });
    expect(thrownBy(() => contactIdentifier('')).message).toBe(
      'Contact is required: map a value to it or type one in.',
    );
  });
});
