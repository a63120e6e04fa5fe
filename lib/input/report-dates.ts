import { invalid, quoted, trimmed } from './read';

/**
 * The date range of a report: Re:amaze's reports take `start_date` and `end_date` as calendar
 * dates (`yyyy-mm-dd`), a window of one day to one year. Empty fields mean the last 7 full days
 * in the Zap's time zone, so a Monday schedule reports the week before.
 */

const DAY_MS = 86_400_000;
/** The longest window Re:amaze's reports accept. */
export const MAX_REPORT_DAYS = 366;
/** The window used when no start date is given. */
export const DEFAULT_REPORT_DAYS = 7;

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

/** Days since the epoch of a valid `yyyy-mm-dd`, or undefined. */
function dayNumber(date: string): number | undefined {
  const match = DATE.exec(date);
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const at = Date.UTC(y, m - 1, d);
  const back = new Date(at);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) {
    return undefined;
  }
  return at / DAY_MS;
}

const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * A calendar date: `2026-03-09`, or a date and time (what Zapier's date fields deliver), whose
 * date is taken as written, in its own time zone. Undefined when empty.
 */
export function calendarDay(value: unknown, label: string): number | undefined {
  const given = trimmed(value, label);
  if (given === undefined) return undefined;
  const day = dayNumber(given);
  if (day === undefined) {
    throw invalid(
      `${label} ${quoted(given)} is not a date. Use the form 2026-03-09, or pick a date in Zapier's date field.`,
    );
  }
  return day;
}

/** Today's day number in `timezone` (an IANA name such as Europe/Berlin), or in UTC without a valid one. */
export function today(now: number, timezone?: string): number {
  try {
    if (timezone) {
      const local = new Intl.DateTimeFormat('en-CA', {
        timeZone: timezone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).format(now);
      const day = dayNumber(local);
      if (day !== undefined) return day;
    }
  } catch {
    // an unknown time zone: UTC below
  }
  return Math.floor(now / DAY_MS);
}

export interface ReportRange {
  start: string;
  end: string;
  days: number;
}

/** The range asked for, with the defaults filled in; refused before any request when it cannot be run. */
export function reportRange(
  startValue: unknown,
  endValue: unknown,
  now: number,
  timezone?: string,
): ReportRange {
  const end = calendarDay(endValue, 'End Date') ?? today(now, timezone) - 1;
  const start = calendarDay(startValue, 'Start Date') ?? end - (DEFAULT_REPORT_DAYS - 1);
  if (start > end) {
    throw invalid(
      `Start Date ${dateOf(start)} is after End Date ${dateOf(end)}: swap them, or leave Start Date empty for the 7 days up to End Date.`,
    );
  }
  const days = end - start + 1;
  if (days > MAX_REPORT_DAYS) {
    throw invalid(
      `From ${dateOf(start)} to ${dateOf(end)} is ${days} days; Re:amaze reports cover at most a year (${MAX_REPORT_DAYS} days). Choose a shorter range.`,
    );
  }
  return { start: dateOf(start), end: dateOf(end), days };
}
