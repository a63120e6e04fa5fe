import fc from 'fast-check';
import { integerField, parseInstant } from '../../../lib/http/api-values';
import { dateTimeStrings, parseInstantWithDate } from './parse-instant-reference';

describe('parseInstant by arithmetic', () => {
  it.each([
    ['2026-03-09T14:22:05.118-05:00', Date.parse('2026-03-09T19:22:05.118Z')],
    ['2024-02-29T23:59:59,999+14:00', Date.parse('2024-02-29T09:59:59.999Z')],
    ['0000-03-01T00:00:00Z', Date.parse('0000-03-01T00:00:00Z')],
    ['2023-02-29T10:00:00Z', undefined],
    ['2026-04-31T10:00:00Z', undefined],
    ['2026-03-09T14:22:05', undefined],
  ])('%s', (text, expected) => {
    expect(parseInstant(text)).toBe(expected);
    expect(parseInstant(text)).toBe(parseInstantWithDate(text));
  });

  it('gives what the Date-setter version gave on random date-time strings (seeded)', () => {
    fc.assert(
      fc.property(dateTimeStrings, (text) => {
        expect(parseInstant(text)).toBe(parseInstantWithDate(text));
      }),
      { seed: 23, numRuns: 2_000 },
    );
  });
});

describe('integerField', () => {
  it.each([
    [1, 1],
    ['16', 16],
    [' 2 ', 2],
    [1.5, undefined],
    ['1.5', undefined],
    ['-1', undefined],
    ['', undefined],
    [null, undefined],
    [true, undefined],
  ])('%j → %j', (value, expected) => {
    expect(integerField(value)).toBe(expected);
  });
});
