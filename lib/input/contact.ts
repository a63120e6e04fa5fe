import { email, invalid, quoted, requiredTrimmed, trimmed } from './read';

/**
 * What the contact actions take from a Zap step: mobile numbers in E.164 form, and the email or
 * mobile number that names an existing contact (Re:amaze's contact endpoints take either).
 */

/** E.164: +, a country code not starting with 0, at most 15 digits in all (7 at least in practice). */
const E164 = /^\+[1-9]\d{6,14}$/;

export const E164_EXAMPLE = '+14155550123';

/** An optional mobile number in E.164 form, surrounding spaces removed; refused otherwise. */
export function mobileNumber(value: unknown, label: string): string | undefined {
  const present = trimmed(value, label);
  if (present === undefined) return undefined;
  if (!E164.test(present)) {
    // Suggest the number without separators when that alone would make it valid.
    const compact = present.replace(/[\s().-]/g, '');
    const hint = E164.test(compact) && compact !== present ? ` Did you mean ${compact}?` : '';
    throw invalid(
      `${label} ${quoted(present)} is not a mobile number in E.164 form. Use + and the country code, then the number, digits only, for example ${E164_EXAMPLE}.${hint}`,
    );
  }
  return present;
}

/** What a contact answer must hold (lib/http/client.ts `promisedRecord`): the record, named by one of these. */
export const CONTACT_RECORD = { key: 'contact', ids: ['email', 'mobile', 'id'], noun: 'contact' };

export interface ContactIdentifier {
  identifier: string;
  /** `mobile` is sent as `identifier_type`; an email is Re:amaze's default and needs none. */
  type: 'email' | 'mobile';
}

/**
 * The Contact input of Update Contact and Add Contact Note: an email address or a mobile
 * number, chosen from the contact dropdown, or search-powered so a Zap can look the contact up
 * (by name, custom data, …) first.
 */
export const contactField = {
  key: 'contact',
  label: 'Contact',
  required: true,
  dynamic: 'contact_list.id.name',
  search: 'find_contact.identifier',
  helpText: `The contact's email address, or mobile number in E.164 form (for example \`${E164_EXAMPLE}\`). From an earlier contact step, map its Email or Mobile field, which holds whichever the contact has.`,
} as const;

/** Reads the Contact input: an email (contains @) or an E.164 mobile number; refused otherwise. */
export function contactIdentifier(
  value: unknown,
  label: string = contactField.label,
): ContactIdentifier {
  const given = requiredTrimmed(value, label);
  // The identifier becomes a path segment: a slash or a %-escape is refused, whatever the syntax allows.
  if (given.includes('@') && !/[/\\%]/.test(given)) {
    return { identifier: email(given, label) as string, type: 'email' };
  }
  if (/^\+?[\d\s().-]+$/.test(given)) {
    return { identifier: mobileNumber(given, label) as string, type: 'mobile' };
  }
  throw invalid(
    `${label} ${quoted(given)} is not an email address or a mobile number. Map the contact's email address (name@example.com) or mobile number in E.164 form (${E164_EXAMPLE}), or look the contact up with Find Contact first.`,
  );
}

/** The `identifier_type` query parameter for a contact path: only a mobile number needs one. */
export function identifierParams(contact: ContactIdentifier): Record<string, string> {
  return contact.type === 'mobile' ? { identifier_type: 'mobile' } : {};
}

/** What a 404 on a contact's path means, naming the contact as the user gave it. */
export function contactNotFound(contact: ContactIdentifier): string {
  const kind = contact.type === 'mobile' ? 'mobile number' : 'email address';
  return `No contact with the ${kind} "${contact.identifier}" was found`;
}
