import fc from 'fast-check';
import { parseInstant } from '../../../lib/http/api-values';
import { dateTimeStrings, parseInstantWithDate } from './parse-instant-reference';

it('parseInstant gives what the Date-setter version gave on 200,000 random strings', () => {
  fc.assert(
    fc.property(dateTimeStrings, (text) => parseInstant(text) === parseInstantWithDate(text)),
    { numRuns: 200_000 },
  );
});
