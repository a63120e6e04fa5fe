import { errors, type ZObject } from 'zapier-platform-core';
import {
  API_REPORT_SAMPLES,
  flattenReport,
  reportAnswer,
  reportSample,
} from '../../../lib/records/report';
import { thrownBy } from '../../helpers';

const WEEK = { start: '2026-03-02', end: '2026-03-08', days: 7 };

describe('flattenReport', () => {
  it('merges the five reports into one flat item: totals, minutes, percentages, line items largest first', () => {
    expect(reportSample).toEqual({
      start_date: '2026-03-02',
      end_date: '2026-03-08',
      summary:
        '2026-03-02 to 2026-03-08: 119 new conversations; average response time 42.5 minutes; 81.2% answered within 1 hour; top tag shipping (32); most responses Priya Raman (58).',
      new_conversations: 119,
      new_conversations_per_day: 17,
      busiest_day: '2026-03-03',
      busiest_day_conversations: 34,
      average_response_minutes: 42.5,
      within_1_hour_percent: 81.2,
      within_1_day_percent: 96.8,
      within_1_week_percent: 100,
      staff: [
        {
          name: 'Priya Raman',
          responses: 58,
          resolved: 37,
          average_rating: 4.8,
          response_minutes: 33,
        },
        {
          name: 'Marco Bellini',
          responses: 44,
          resolved: 29,
          average_rating: 4.5,
          response_minutes: 51,
        },
      ],
      tags: [
        { tag: 'shipping', conversations: 32 },
        { tag: 'returns', conversations: 14 },
        { tag: 'warranty', conversations: 5 },
      ],
      channels: [
        {
          name: 'Support',
          customer_messages: 97,
          staff_responses: 83,
          resolved: 52,
          response_minutes: 45.5,
          average_rating: 4.7,
        },
        {
          name: 'Website Chat',
          customer_messages: 26,
          staff_responses: 19,
          resolved: 15,
          response_minutes: 4,
          average_rating: 4.4,
        },
      ],
    });
  });

  it('reads ratios already given as percentages as they are', () => {
    const item = flattenReport(WEEK, {
      response_time: {
        response_times: {},
        summary: { ratio: { under_1_hour: 64, under_1_day: '93.5', under_1_week: 100 } },
      },
    });
    expect(item).toMatchObject({
      within_1_hour_percent: 64,
      within_1_day_percent: 93.5,
      within_1_week_percent: 100,
      average_response_minutes: null,
    });
  });

  it('leaves the figures of reports not run empty, and says only what it has', () => {
    const item = flattenReport(WEEK, { tags: API_REPORT_SAMPLES.tags });
    expect(item).toMatchObject({
      summary: '2026-03-02 to 2026-03-08: top tag shipping (32).',
      new_conversations: null,
      busiest_day: '',
      within_1_hour_percent: null,
      staff: [],
      channels: [],
    });
  });

  it('never throws on odd figures: they become null, names are kept', () => {
    const item = flattenReport(WEEK, {
      volume: { conversation_counts: { '2026-03-02': 'many', '2026-03-03': 4 } },
      staff: { report: { Jo: 'x', Sam: { response_count: '7', satisfaction_average: null } } },
      channel_summary: { channels: { '9': null } },
    });
    expect(item).toMatchObject({
      new_conversations: 4,
      busiest_day: '2026-03-03',
      staff: [
        { name: 'Sam', responses: 7, resolved: null, average_rating: null, response_minutes: null },
        {
          name: 'Jo',
          responses: null,
          resolved: null,
          average_rating: null,
          response_minutes: null,
        },
      ],
      channels: [
        {
          name: '9',
          customer_messages: null,
          staff_responses: null,
          resolved: null,
          response_minutes: null,
          average_rating: null,
        },
      ],
    });
  });
});

describe('reportAnswer', () => {
  const z = { errors } as unknown as ZObject;
  it('refuses an answer without its documented map, naming the report', () => {
    expect(thrownBy(() => reportAnswer(z, 'staff', { report: [] }))).toEqual({
      name: 'AppError',
      code: 'UnexpectedResponse',
      status: 502,
      message:
        "Re:amaze sent the staff report in a form this integration does not recognise. Try again; if it persists, contact the integration's support.",
    });
    expect(reportAnswer(z, 'tags', { tags: {} })).toEqual({ tags: {} });
  });
});
