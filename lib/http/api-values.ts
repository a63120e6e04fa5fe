/**
 * Reading Re:amaze answers without ever throwing: every field of an API body may be missing, null or
 * of another type, and the operations must still produce a full item (or a clear error), never a
 * TypeError. Shared by the message, conversation and contact flatteners and the paging rule.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The object, or an empty one. */
export function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

/** The objects of a list; anything else gives an empty list. */
export function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** A text field; a number (a mobile sent unquoted, say) is written out; anything else is empty. */
export function stringField(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

/** An integer code (`status`, `visibility`, `origin`, a rating), also when sent as a numeric string. */
export function integerField(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  return typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;
}

/** A date-time as the API sends it, or null when it sends none: an output field is never `""`. */
export function dateTimeField(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The number written by `count` ASCII digits at `at`, or -1 when any of them is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i += 1) {
    const digit = text.charCodeAt(i) - 48; // NaN past the end
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The instant of an ISO 8601 date-time with a time zone, in ms since the epoch (UTC), or undefined:
 * `YYYY-MM-DDThh:mm[:ss[.fraction]]` then `Z` or `±hh[[:]mm]` (`T` and `Z` in either case).
 * Parsed here rather than by `Date.parse` so message identity never depends on the engine; digits
 * past the millisecond are dropped, a date-time without a zone is refused (its instant is unknown).
 * Read character by character: it runs for every message of every poll.
 */
export function parseInstant(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const y = digitsAt(value, 0, 4);
  const mo = digitsAt(value, 5, 2);
  const d = digitsAt(value, 8, 2);
  const h = digitsAt(value, 11, 2);
  const mi = digitsAt(value, 14, 2);
  const separators = value[4] === '-' && value[7] === '-' && value[13] === ':';
  if (!separators || (value[10] !== 'T' && value[10] !== 't')) return undefined;
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59) return undefined;
  if (d > daysInMonth(y, mo)) return undefined; // e.g. 31 April
  let at = 16;
  let s = 0;
  let ms = 0;
  if (value[at] === ':') {
    s = digitsAt(value, at + 1, 2);
    if (s < 0 || s > 59) return undefined;
    at += 3;
    if (value[at] === '.' || value[at] === ',') {
      const start = (at += 1);
      for (let scale = 100; digitsAt(value, at, 1) >= 0; at += 1, scale /= 10) {
        if (scale >= 1) ms += scale * digitsAt(value, at, 1);
      }
      if (at === start) return undefined;
    }
  }
  let offsetMinutes = 0;
  const zone = value[at];
  if (zone === 'Z' || zone === 'z') {
    at += 1;
  } else if (zone === '+' || zone === '-') {
    const hours = digitsAt(value, at + 1, 2);
    if (hours < 0) return undefined;
    at += 3;
    let minutes = 0;
    if (at < value.length) {
      if (value[at] === ':') at += 1;
      minutes = digitsAt(value, at, 2);
      if (minutes < 0) return undefined;
      at += 2;
    }
    if (hours > 23 || minutes > 59) return undefined;
    offsetMinutes = (zone === '-' ? -1 : 1) * (hours * 60 + minutes);
  } else {
    return undefined;
  }
  if (at !== value.length) return undefined;
  return (
    daysSinceEpoch(y, mo, d) * 86_400_000 +
    h * 3_600_000 +
    mi * 60_000 +
    s * 1000 +
    ms -
    offsetMinutes * 60_000
  );
}

// Arithmetic, not Date setters: parseInstant runs for every message of every poll.
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (as `Date` counts them). */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
