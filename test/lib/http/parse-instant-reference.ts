import fc from 'fast-check';

/**
 * parseInstant as it was with Date setters (main before the arithmetic rewrite): the reference the
 * arithmetic version must match on every string. Kept only for that comparison.
 */
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i;

export function parseInstantWithDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second = '0', fraction = '', zone = 'Z'] = match;
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number) as number[] &
    [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const local = new Date(0);
  local.setUTCFullYear(y, mo - 1, d);
  local.setUTCHours(h, mi, s, Number(fraction.padEnd(3, '0').slice(0, 3)));
  if (local.getUTCDate() !== d) return undefined;
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const zoneDigits = zone.slice(1).replace(':', '');
    const hours = Number(zoneDigits.slice(0, 2));
    const minutes = Number(zoneDigits.slice(2) || '0');
    if (hours > 23 || minutes > 59) return undefined;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
  return local.getTime() - offsetMinutes * 60_000;
}

const digits = (length: number, min: number, max: number) =>
  fc.integer({ min, max }).map((n) => String(n).padStart(length, '0'));
/** Mostly in range, sometimes just out of it, sometimes anything of that width. */
const field = (min: number, max: number) =>
  fc.oneof(
    { arbitrary: digits(2, min, max), weight: 24 },
    { arbitrary: fc.constant(min === 1 ? '00' : String(max + 1)), weight: 1 },
    { arbitrary: digits(2, 0, 99), weight: 1 },
  );

/** Date-time strings near and inside the accepted shape: any digits, zones, fractions, cases. */
export const dateTimeStrings: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .tuple(
        fc.oneof(digits(4, 0, 9999), fc.constantFrom('0000', '1600', '1900', '2000', '2100')),
        field(1, 12),
        fc.oneof(field(1, 28), fc.constantFrom('29', '30', '31')),
        fc.constantFrom(...'TTTTTTTTt '),
        field(0, 23),
        field(0, 59),
        fc.option(field(0, 59), { nil: undefined, freq: 4 }),
        fc.option(fc.tuple(fc.constantFrom('.', ','), fc.stringMatching(/^\d{0,9}$/)), {
          nil: undefined,
        }),
        fc.oneof(
          fc.constantFrom('Z', 'Z', 'Z', 'z', '', '+', '-0', 'UTC'),
          fc
            .tuple(
              fc.constantFrom('+', '-'),
              field(0, 23),
              fc.constantFrom('', ':', ':', ':', ':', ';'),
              fc.oneof(fc.constant(''), field(0, 59), digits(1, 0, 9)),
            )
            .map((parts) => parts.join('')),
        ),
      )
      .map(([y, mo, d, t, h, mi, s, fraction, zone]) => {
        const seconds = s === undefined ? '' : `:${s}${fraction ? fraction.join('') : ''}`;
        return `${y}-${mo}-${d}${t}${h}:${mi}${seconds}${zone}`;
      }),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);
