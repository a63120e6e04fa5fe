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
  const [, year, month, day, hour, minute, second = '0', fraction = '', zone = 'Z'] = match;
  const fields = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [y, mo, d, h, mi, s] = fields;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const local = new Date(0);
  local.setUTCFullYear(y, mo - 1, d);
  local.setUTCHours(h, mi, s, Number(fraction.padEnd(3, '0').slice(0, 3)));
  if (local.getUTCDate() !== d) return undefined; // e.g. 31 April
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2) || '0');
    if (hours > 23 || minutes > 59) return undefined;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
  return local.getTime() - offsetMinutes * 60_000;
}
