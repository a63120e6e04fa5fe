import { errors } from 'zapier-platform-core';
import { withoutTrail } from '../http/client';
import { parseInstant } from '../http/api-values';
import { dataUrlSummary, readableMessage } from '../text/message';

/**
 * What a Zap step gives us, turned into what Re:amaze should receive: one rule per kind of field,
 * shared by every operation. Zapier passes unmapped fields as empty strings: values that are
 * empty, or only spaces, zero-width or control characters, count as absent. Text is sent as the
 * user gave it (no trimming, no case changes) except that control characters other than tab and
 * line breaks are removed; identifiers (emails, numbers, dates, choices) are trimmed and refused
 * when they hold anything else. The policy for input mistakes is in docs/errors.md.
 */

/**
 * An input mistake: the run stops with this message, and the Zap stays on (Zapier switches a Zap
 * off after repeated errors, never after halts). See docs/errors.md.
 */
export function invalid(message: string): Error {
  // Without core's "What happened" trail, which would repeat the whole input under the message.
  return withoutTrail(new errors.HaltedError(readableMessage(message)));
}

/** C0 and C1 control characters except tab, line feed and carriage return. */
const CONTROL = /(?![\t\n\r])\p{Cc}/gu;
/** Characters that show nothing: spaces, controls, zero-width and other format characters. */
const INVISIBLE = /^[\s\p{Cc}\p{Cf}]*$/u;

/** True when a text shows nothing: only spaces, controls, zero-width or other format characters. */
export function showsNothing(text: string): boolean {
  return INVISIBLE.test(text);
}

/**
 * The value as a string, untouched, or undefined when it shows nothing. Numbers and booleans are
 * written out; an object or a list (a field mapped from a whole record or line items) is refused,
 * so it is never sent as "[object Object]" or silently joined.
 */
function given(value: unknown, label: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  let string: string;
  if (typeof value === 'string') string = value;
  else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    string = String(value);
  } else {
    throw invalid(
      `${label} takes a single value, but ${Array.isArray(value) ? 'a list' : 'a set of fields'} was mapped to it. Map one field from the earlier step.`,
    );
  }
  return INVISIBLE.test(string) ? undefined : string;
}

/** Free text as given, without control characters (tabs and line breaks kept); undefined when blank. */
export function text(value: unknown, label: string): string | undefined {
  return given(value, label)?.replace(CONTROL, '');
}

/**
 * An identifier (email, number, slug, date, choice, filter) as given, trimmed; undefined when
 * blank. One holding a control or invisible character is refused: removing it would change
 * which thing the value names.
 */
export function trimmed(value: unknown, label: string): string | undefined {
  const present = given(value, label)?.trim();
  if (present !== undefined && /[\p{Cc}\p{Cf}]/u.test(present)) {
    throw invalid(
      `${label} ${quoted(present)} contains invisible or control characters. Remove them and map the value again.`,
    );
  }
  return present;
}

function missing(label: string): Error {
  return invalid(`${label} is required: map a value to it or type one in.`);
}

/** Refuses a missing required value before any request, naming the field. */
export function requiredText(value: unknown, label: string): string {
  const present = text(value, label);
  if (present === undefined) throw missing(label);
  return present;
}

/** A required identifier, trimmed. */
export function requiredTrimmed(value: unknown, label: string): string {
  const present = trimmed(value, label);
  if (present === undefined) throw missing(label);
  return present;
}

/**
 * One @; a local part and a dotted domain without spaces, control or invisible characters; a
 * top-level domain of two letters or more (or its punycode form). Re:amaze does the strict check.
 */
const EMAIL = /^[^\s@\p{Cc}\p{Cf}]+@(?:[^\s@.\p{Cc}\p{Cf}]+\.)+(?:\p{L}{2,}|xn--[a-z0-9-]{2,})$/iu;

/** An optional email address, trimmed; refused with the field's name when it is not one. */
export function email(value: unknown, label: string): string | undefined {
  const present = trimmed(value, label);
  if (present === undefined) return undefined;
  if (!EMAIL.test(present)) {
    throw invalid(
      `${label} ${quoted(present)} is not an email address. Use the form name@example.com.`,
    );
  }
  return present;
}

export function requiredEmail(value: unknown, label: string): string {
  const present = email(value, label);
  if (present === undefined) throw missing(label);
  return present;
}

/** A list field: keeps the non-empty items as given (text rule per item); undefined when none are left. */
export function list(value: unknown, label: string): string[] | undefined {
  const items = (Array.isArray(value) ? value : [value])
    .map((item) => text(item, label))
    .filter((item) => item !== undefined);
  return items.length > 0 ? items : undefined;
}

export function emailList(value: unknown, label: string): string[] | undefined {
  const items = (Array.isArray(value) ? value : [value])
    .map((item) => email(item, label))
    .filter((item) => item !== undefined);
  return items.length > 0 ? items : undefined;
}

/**
 * A key/value field. Values stay strings, exactly as typed: "42" or "true" is not turned into
 * a number or a boolean, because Zapier passes every dict value as text and the user's data
 * must reach Re:amaze unchanged. Empty keys and values are left out.
 */
export function dict(value: unknown, label: string): Record<string, string> | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw invalid(`${label} must be a set of keys and values.`);
  }
  const entries: [string, string][] = [];
  for (const [rawKey, inner] of Object.entries(value as Record<string, unknown>)) {
    const key = rawKey.replace(CONTROL, '');
    if (INVISIBLE.test(key)) continue;
    if (inner !== null && typeof inner === 'object') {
      throw invalid(
        `${label} "${key}" must be a single value; Re:amaze keeps custom data one level deep.`,
      );
    }
    const present = text(inner, `${label} "${key}"`);
    if (present !== undefined) entries.push([key, present]);
  }
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** A custom-data field as Re:amaze's list filters take it: `data[key]=value` for each key. */
export function dataParams(value: unknown, label: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(dict(value, label) ?? {}).map(([key, inner]) => [`data[${key}]`, inner]),
  );
}

const YES = ['true', 'yes'];
const NO = ['false', 'no'];

/**
 * A yes/no field: a real boolean, or true/false/yes/no in any letter case (what Zapier's boolean
 * fields deliver); empty is absent; anything else is refused, never silently dropped.
 */
export function boolean(value: unknown, label: string): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const present = trimmed(value, label);
  if (present === undefined) return undefined;
  if (YES.includes(present.toLowerCase())) return true;
  if (NO.includes(present.toLowerCase())) return false;
  throw invalid(`${label} ${quoted(present)} must be yes or no (or true or false).`);
}

/**
 * A date and time: ISO 8601 with a time zone (Zapier's datetime fields deliver that form, with
 * the Zap's time zone), sent as the same instant in UTC (`2026-03-10T14:00:00.000Z`). A date
 * without a time or a time zone is refused: its instant would be a guess.
 */
export function dateTime(value: unknown, label: string): string | undefined {
  const present = trimmed(value, label);
  if (present === undefined) return undefined;
  const instant = parseInstant(present);
  if (instant === undefined) {
    throw invalid(
      `${label} ${quoted(present)} is not a date and time with a time zone. Use the form 2026-03-10T09:00:00-05:00 (or end with Z for UTC), or pick a date in Zapier's date field.`,
    );
  }
  return new Date(instant).toISOString();
}

/** A required whole number from `min` to `max` (digits, as typed or mapped); anything else is refused. */
export function wholeNumber(value: unknown, label: string, min: number, max: number): number {
  const present = typeof value === 'number' ? String(value) : trimmed(value, label);
  if (present === undefined) throw missing(label);
  const number = /^\d+$/.test(present) ? Number(present) : NaN;
  if (!(number >= min && number <= max)) {
    throw invalid(`${label} ${quoted(present)} must be a whole number from ${min} to ${max}.`);
  }
  return number;
}

/** Choices offered by a dropdown: value → label. */
export type ChoiceMap = Readonly<Record<string, string>>;

/** A dropdown's choices from its value → label map, each value its own sample. */
export function choicesOf(map: ChoiceMap): { value: string; label: string; sample: string }[] {
  return Object.entries(map).map(([value, label]) => ({ value, label, sample: value }));
}

/**
 * A dropdown value: the choice's value, or its label mapped from another step (any letter case).
 * Undefined when empty; anything else is refused, listing the choices.
 */
export function choice<K extends string>(
  value: unknown,
  label: string,
  map: Readonly<Record<K, string>>,
  required = false,
): K | undefined {
  const present = trimmed(value, label);
  if (present === undefined) {
    if (required) throw missing(label);
    return undefined;
  }
  const lower = present.toLowerCase();
  for (const [code, name] of Object.entries(map) as [K, string][]) {
    if (lower === code.toLowerCase() || lower === name.toLowerCase()) return code;
  }
  throw invalid(
    `${label} ${quoted(present)} is not one of the choices: use ${Object.values(map).join(', ')}${required ? '' : ', or leave it empty'}.`,
  );
}

/** A required dropdown value. */
export function requiredChoice<K extends string>(
  value: unknown,
  label: string,
  map: Readonly<Record<K, string>>,
): K {
  return choice(value, label, map, true) as K;
}

/**
 * A value quoted for a message, with control characters shown as escapes rather than sent raw;
 * at most 200 characters of it, and a data: URL (a file) only by its size.
 */
export function quoted(value: string): string {
  if (/^data:/i.test(value)) return dataUrlSummary(value);
  const shown = value.length > 200 ? `${value.slice(0, 200)}…` : value;
  const escaped = shown.replace(
    /[\p{Cc}\p{Cf}]/gu,
    (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
  return `"${escaped}"`;
}

/** Drops keys whose value is undefined, so absent fields are never sent. */
export function compact<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
