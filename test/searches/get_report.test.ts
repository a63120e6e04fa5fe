import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import getReport, { chosenReports, perform as operationPerform } from '../../searches/get_report';
import { API_REPORT_SAMPLES, reportSample } from '../../lib/records/report';
import { appTester, authData, failure, reamaze, resetNock, thrownBy } from '../helpers';

type Item = Record<string, unknown>;
const perform = operationPerform as unknown as (z: ZObject, bundle: Bundle) => Promise<Item[]>;
const run = (inputData: Item, meta: Item = {}) => appTester(perform, { authData, inputData, meta });

/** Monday 9 March 2026, 07:00 UTC. */
const NOW = Date.parse('2026-03-09T07:00:00Z');

beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => {
  jest.restoreAllMocks();
  resetNock();
});

describe('Get Report', () => {
  it('is a search labelled Get Report whose sample is the flattener’s', () => {
    expect(getReport.key).toBe('get_report');
    expect(getReport.display.label).toBe('Get Report');
    expect(getReport.operation.sample).toBe(reportSample);
  });

  it('with no input: last week’s five reports, one after another, merged into one item', async () => {
    const query = { start_date: '2026-03-02', end_date: '2026-03-08' };
    let scope = reamaze();
    for (const [name, body] of Object.entries(API_REPORT_SAMPLES)) {
      scope = scope.get(`/api/v1/reports/${name}`).query(query).reply(200, body);
    }
    expect(await run({}, { timezone: 'Europe/Berlin' })).toEqual([reportSample]);
    expect(scope.isDone()).toBe(true);
  });

  it('runs only the reports chosen, by value or label', async () => {
    const scope = reamaze()
      .get('/api/v1/reports/tags')
      .query({ start_date: '2026-02-01', end_date: '2026-02-28' })
      .reply(200, API_REPORT_SAMPLES.tags);
    const [item] = await run({
      start_date: '2026-02-01',
      end_date: '2026-02-28T12:00:00-05:00',
      reports: ['Tags'],
    });
    expect(scope.isDone()).toBe(true);
    expect(item).toMatchObject({
      new_conversations: null,
      tags: reportSample.tags,
    });
  });

  it('keeps Re:amaze’s order of reports and refuses an unknown one before any request', () => {
    expect(chosenReports(['tags', 'Conversation Volume', 'tags'])).toEqual(['volume', 'tags']);
    expect(chosenReports('')).toEqual([
      'volume',
      'response_time',
      'staff',
      'tags',
      'channel_summary',
    ]);
    expect(thrownBy(() => chosenReports(['csat']))).toEqual({
      name: 'HaltedError',
      message:
        'Reports "csat" is not a report: use Conversation Volume, Response Time, Staff, Tags, Channel Summary, or leave it empty for all.',
    });
  });

  it('stops at the first report that fails: no request after it', async () => {
    reamaze().get('/api/v1/reports/volume').query(true).reply(200, { conversation_counts: [] });
    expect(await failure(run({ reports: ['volume', 'tags'] }))).toMatchObject({
      code: 'UnexpectedResponse',
      message:
        "Re:amaze sent the conversation volume report in a form this integration does not recognise. Try again; if it persists, contact the integration's support.",
    });
    expect(nock.pendingMocks()).toEqual([]);
  });
});
