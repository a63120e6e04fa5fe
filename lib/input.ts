import { errors } from 'zapier-platform-core';

/**
 * What a Zap step gives us, turned into what Re:amaze should receive. Zapier passes unmapped
 * fields as empty strings: empty and whitespace-only values count as absent. Everything else is
 * sent exactly as the user gave it (no trimming, no case changes), except email addresses, whose
 * surrounding spaces are removed because Re:amaze would refuse them.
 */

/** The value as given, or undefined when it is missing, empty or whitespace only. */
export function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const string = typeof value === 'string' ? value : String(value);
  return string.trim() === '' ? undefined : string;
}

/** Refuses a missing required value before any request, naming the field. */
export function requiredText(value: unknown, label: string): string {
  const present = text(value);
  if (present === undefined) {
    throw new errors.Error(
      `${label} is required: map a value to it or type one in.`,
      'MissingField',
      400,
    );
  }
  return present;
}

/** Deliberately loose (Re:amaze does the strict check): one @, no spaces, a dot in the domain. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An optional email address, trimmed; refused with the field's name when it is not one. */
export function email(value: unknown, label: string): string | undefined {
  const present = text(value)?.trim();
  if (present === undefined) return undefined;
  if (!EMAIL.test(present)) {
    throw new errors.Error(
      `${label} "${present}" is not an email address. Use the form name@example.com.`,
      'InvalidEmail',
      400,
    );
  }
  return present;
}

export function requiredEmail(value: unknown, label: string): string {
  return email(requiredText(value, label), label) as string;
}

/** A list field: keeps the non-empty items as given; undefined when none are left. */
export function list(value: unknown): string[] | undefined {
  const items = (Array.isArray(value) ? value : [value])
    .map(text)
    .filter((item) => item !== undefined);
  return items.length > 0 ? (items as string[]) : undefined;
}

export function emailList(value: unknown, label: string): string[] | undefined {
  return list(value)?.map((item) => email(item, label) as string);
}

/**
 * A key/value field. Values stay strings, exactly as typed: "42" or "true" is not turned into
 * a number or a boolean, because Zapier passes every dict value as text and the user's data
 * must reach Re:amaze unchanged. Empty keys and values are left out.
 */
export function dict(value: unknown, label: string): Record<string, string> | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new errors.Error(`${label} must be a set of keys and values.`, 'InvalidField', 400);
  }
  const entries: [string, string][] = [];
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (key.trim() === '') continue;
    if (inner !== null && typeof inner === 'object') {
      throw new errors.Error(
        `${label} "${key}" must be a single value; Re:amaze keeps custom data one level deep.`,
        'InvalidField',
        400,
      );
    }
    const present = text(inner);
    if (present !== undefined) entries.push([key, present]);
  }
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** Zapier booleans arrive as true/false or the strings "true"/"false"/"yes"/"no"; empty is absent. */
export function boolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const present = text(value)?.trim().toLowerCase();
  if (present === undefined) return undefined;
  if (['true', 'yes', '1'].includes(present)) return true;
  if (['false', 'no', '0'].includes(present)) return false;
  return undefined;
}

/** An absolute http(s) URL, or undefined; refused with the field's name otherwise. */
export function absoluteUrl(value: unknown, label: string): string | undefined {
  const present = text(value)?.trim();
  if (present === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(present);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new errors.Error(
      `${label} "${present}" is not a web address. Use a full address starting with https://.`,
      'InvalidUrl',
      400,
    );
  }
  return present;
}

/** Drops keys whose value is undefined, so absent fields are never sent. */
export function compact<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
