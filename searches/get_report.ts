import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { reamazeRequest, requestTimeout } from '../lib/http/client';
import { DEFAULT_REPORT_DAYS, reportRange } from '../lib/input/report-dates';
import { choicesOf, invalid, list, quoted } from '../lib/input/read';
import {
  REPORTS,
  flattenReport,
  reportAnswer,
  reportOutputFields,
  reportSample,
  reportsPermission,
  type ReportItem,
  type ReportName,
} from '../lib/records/report';

/** Time for all the reports together, inside Zapier's 30 s for a step. */
const REPORTS_BUDGET_MS = 25_000;

export const inputFields = defineInputFields([
  {
    key: 'start_date',
    label: 'Start Date',
    required: false,
    type: 'datetime',
    helpText: `The first day counted. Leave both dates empty for the last ${DEFAULT_REPORT_DAYS} full days (up to yesterday, in the Zap's time zone), e.g. last week when a Zap runs on Mondays.`,
  },
  {
    key: 'end_date',
    label: 'End Date',
    required: false,
    type: 'datetime',
    helpText: `The last day counted (included). Empty means yesterday; an empty Start Date then means ${DEFAULT_REPORT_DAYS} days before. At most a year in all.`,
  },
  {
    key: 'reports',
    label: 'Reports',
    required: false,
    list: true,
    choices: choicesOf(REPORTS),
    helpText:
      "Which of Re:amaze's reports to include: each is one request. Leave empty for all five; the fields of a report left out stay empty.",
  },
]);

/** The reports chosen (values or labels), in Re:amaze's order; all when none is chosen. */
export function chosenReports(value: unknown): ReportName[] {
  const given = list(value, 'Reports');
  if (given === undefined) return Object.keys(REPORTS) as ReportName[];
  const wanted = new Set<ReportName>();
  for (const item of given) {
    const lower = item.trim().toLowerCase();
    const match = (Object.entries(REPORTS) as [ReportName, string][]).find(
      ([name, label]) => lower === name || lower === label.toLowerCase(),
    );
    if (!match) {
      throw invalid(
        `Reports ${quoted(item.trim())} is not a report: use ${Object.values(REPORTS).join(', ')}, or leave it empty for all.`,
      );
    }
    wanted.add(match[0]);
  }
  return (Object.keys(REPORTS) as ReportName[]).filter((name) => wanted.has(name));
}

/**
 * `GET /reports/{name}?start_date=&end_date=` for each chosen report, one after the other within
 * one time budget, merged into one item. Reports need the Reports permission: a 403 says so.
 */
export const perform = (async (z, bundle) => {
  const input = bundle.inputData;
  const names = chosenReports(input.reports);
  const range = reportRange(
    input.start_date,
    input.end_date,
    Date.now(),
    bundle.meta?.timezone ?? undefined,
  );
  const started = Date.now();
  const answers: Partial<Record<ReportName, Record<string, unknown>>> = {};
  for (const name of names) {
    const left = REPORTS_BUDGET_MS - (Date.now() - started);
    const body = await reamazeRequest(z, bundle, {
      path: `/reports/${name}`,
      params: { start_date: range.start, end_date: range.end },
      timeoutMs: Math.min(requestTimeout.ms, Math.max(1_000, left)),
      forbiddenMessage: reportsPermission('reading reports'),
    });
    answers[name] = reportAnswer(z, name, body);
  }
  return [flattenReport(range, answers)];
}) satisfies SearchPerform<typeof inputFields, ReportItem>;

export default defineSearch({
  key: 'get_report',
  noun: 'Report',
  display: {
    label: 'Get Report',
    description:
      "Finds a date range's figures: volume, response times, staff, tags and channels, as one item.",
  },
  operation: {
    inputFields,
    perform,
    sample: reportSample,
    outputFields: reportOutputFields,
  },
});
