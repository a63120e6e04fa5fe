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

/** A date-time as the API sends it, or null when it sends none: an output field is never `""`. */
export function dateTimeField(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * The instant of an ISO 8601 date-time with a time zone, in ms since the epoch (UTC), or undefined.
 * Parsed here rather than by `Date.parse` so message identity never depends on the engine; digits
 * past the millisecond are dropped, a date-time without a zone is refused (its instant is unknown).
 */
export function parseInstant(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return undefined;
  const y = Number(match[1]);
  const mo = Number(match[2]);
  const d = Number(match[3]);
  const h = Number(match[4]);
  const mi = Number(match[5]);
  const s = Number(match[6] ?? '0');
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  if (d > daysInMonth(y, mo)) return undefined; // e.g. 31 April
  const ms = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  const zone = match[8] as string;
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const digits = zone.slice(1).replace(':', '');
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2) || '0');
    if (hours > 23 || minutes > 59) return undefined;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
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
