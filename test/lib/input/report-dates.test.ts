import { reportRange, today } from '../../../lib/input/report-dates';
import { thrownBy } from '../../helpers';

/** Monday 9 March 2026, 01:30 UTC: still Sunday 8 March in New York. */
const NOW = Date.parse('2026-03-09T01:30:00Z');

const halted = (message: string) => ({ name: 'HaltedError', message });

describe('reportRange', () => {
  it('empty: the 7 full days up to yesterday, in the Zap’s time zone (UTC without one)', () => {
    expect(reportRange('', undefined, NOW, 'Europe/Berlin')).toEqual({
      start: '2026-03-02',
      end: '2026-03-08',
      days: 7,
    });
    expect(reportRange('', '', NOW, 'America/New_York')).toEqual({
      start: '2026-03-01',
      end: '2026-03-07',
      days: 7,
    });
    expect(reportRange(undefined, undefined, NOW, 'Not/AZone')).toEqual(
      reportRange(undefined, undefined, NOW),
    );
  });

  it('takes a date, or the date of a date-time as written in its own zone', () => {
    expect(reportRange('2026-02-01T00:00:00-08:00', '2026-02-28T23:59:59+09:00', NOW)).toEqual({
      start: '2026-02-01',
      end: '2026-02-28',
      days: 28,
    });
    expect(reportRange(undefined, '2026-02-10', NOW)).toEqual({
      start: '2026-02-04',
      end: '2026-02-10',
      days: 7,
    });
    expect(reportRange('2026-02-10', '2026-02-10', NOW).days).toBe(1);
  });

  it('refuses what Re:amaze cannot run, before any request, saying what to fix', () => {
    expect(thrownBy(() => reportRange('2026-02-30', '', NOW))).toEqual(
      halted(
        'Start Date "2026-02-30" is not a date. Use the form 2026-03-09, or pick a date in Zapier\'s date field.',
      ),
    );
    expect(thrownBy(() => reportRange('last week', '', NOW))).toMatchObject({
      name: 'HaltedError',
    });
    expect(thrownBy(() => reportRange('2026-03-05', '2026-03-01', NOW))).toEqual(
      halted(
        'Start Date 2026-03-05 is after End Date 2026-03-01: swap them, or leave Start Date empty for the 7 days up to End Date.',
      ),
    );
    expect(thrownBy(() => reportRange('2025-01-01', '2026-01-02', NOW))).toEqual(
      halted(
        'From 2025-01-01 to 2026-01-02 is 367 days; Re:amaze reports cover at most a year (366 days). Choose a shorter range.',
      ),
    );
  });

  it('today is a day number', () => {
    expect(today(NOW)).toBe(Date.parse('2026-03-09T00:00:00Z') / 86_400_000);
  });
});
