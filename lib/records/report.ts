import type { PlainOutputField, ZObject } from 'zapier-platform-core';
import { unexpectedShape } from '../http/client';
import { isRecord, record, stringField } from '../http/api-values';
import { lazySample } from './lazy-sample';

/**
 * Re:amaze's reports (`GET /reports/{name}?start_date=&end_date=`, shapes from open-source clients
 * built from real answers; no official page shows them) as ONE flat item for a digest: totals
 * and averages as labelled numbers, the per-staff, per-tag and per-channel figures as line items,
 * durations in minutes, and a one-line summary ready for a chat message.
 */

export const REPORTS = {
  volume: 'Conversation Volume',
  response_time: 'Response Time',
  staff: 'Staff',
  tags: 'Tags',
  channel_summary: 'Channel Summary',
} as const;
export type ReportName = keyof typeof REPORTS;

/** The key each report's answer must hold as an object (the rest is read leniently). */
export const REPORT_KEYS: Readonly<Record<ReportName, string>> = {
  volume: 'conversation_counts',
  response_time: 'response_times',
  staff: 'report',
  tags: 'tags',
  channel_summary: 'channels',
};

/** Why a 403 on a report or a satisfaction rating is not a login problem. */
export function reportsPermission(reading: string): string {
  return `${reading} needs the Reports permission (access_reports) in your Re:amaze role. An account owner or admin can turn it on under Settings → Staff → Roles, or you can connect Zapier as a user whose role has it.`;
}

/** The answer of one report, checked: an object holding its documented map. */
export function reportAnswer(z: ZObject, name: ReportName, body: unknown): Record<string, unknown> {
  if (!isRecord(body) || !isRecord(body[REPORT_KEYS[name]])) {
    throw unexpectedShape(z, `the ${REPORTS[name].toLowerCase()} report`);
  }
  return body;
}

/** A finite number from a number or a numeric string; null otherwise. */
function numberOf(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : null;
}

const round1 = (value: number): number => Math.round(value * 10) / 10;
const minutes = (seconds: unknown): number | null => {
  const value = numberOf(seconds);
  return value === null ? null : round1(value / 60);
};

export type StaffLine = {
  name: string;
  responses: number | null;
  resolved: number | null;
  average_rating: number | null;
  response_minutes: number | null;
};
export type TagLine = { tag: string; conversations: number | null };
export type ChannelLine = {
  name: string;
  customer_messages: number | null;
  staff_responses: number | null;
  resolved: number | null;
  response_minutes: number | null;
  average_rating: number | null;
};

export type ReportItem = {
  [key: string]: unknown;
  start_date: string;
  end_date: string;
  summary: string;
  new_conversations: number | null;
  new_conversations_per_day: number | null;
  busiest_day: string;
  busiest_day_conversations: number | null;
  average_response_minutes: number | null;
  within_1_hour_percent: number | null;
  within_1_day_percent: number | null;
  within_1_week_percent: number | null;
  staff: StaffLine[];
  tags: TagLine[];
  channels: ChannelLine[];
};

/** Larger first, by `by`; ties keep the answer's order. */
function largestFirst<T>(lines: T[], by: (line: T) => number | null): T[] {
  return lines
    .map((line, index) => ({ line, index }))
    .sort((a, b) => (by(b.line) ?? -1) - (by(a.line) ?? -1) || a.index - b.index)
    .map(({ line }) => line);
}

/**
 * Ratios as percentages. The answer's scale is not documented: values all at most 1 are read as
 * fractions (0.81 → 81), otherwise as percentages already.
 */
function percentages(ratio: Record<string, unknown>, keys: string[]): (number | null)[] {
  const values = keys.map((key) => numberOf(ratio[key]));
  const fractions = values.every((value) => value === null || value <= 1);
  return values.map((value) => (value === null ? null : round1(fractions ? value * 100 : value)));
}

function volumeFields(volume: Record<string, unknown> | undefined, days: number) {
  if (volume === undefined) {
    return {
      new_conversations: null,
      new_conversations_per_day: null,
      busiest_day: '',
      busiest_day_conversations: null,
    };
  }
  let total = 0;
  let busiest: [string, number] | undefined;
  for (const [date, count] of Object.entries(record(volume.conversation_counts))) {
    const value = numberOf(count);
    if (value === null) continue;
    total += value;
    if (busiest === undefined || value > busiest[1] || (value === busiest[1] && date < busiest[0]))
      busiest = [date, value];
  }
  return {
    new_conversations: total,
    new_conversations_per_day: round1(total / days),
    busiest_day: busiest?.[0].slice(0, 10) ?? '',
    busiest_day_conversations: busiest?.[1] ?? null,
  };
}

function responseFields(times: Record<string, unknown> | undefined) {
  const summary = record(times?.summary);
  const [hour, day, week] = percentages(record(summary.ratio), [
    'under_1_hour',
    'under_1_day',
    'under_1_week',
  ]);
  return {
    average_response_minutes: minutes(record(summary.averages).in_range),
    within_1_hour_percent: times === undefined ? null : (hour ?? null),
    within_1_day_percent: times === undefined ? null : (day ?? null),
    within_1_week_percent: times === undefined ? null : (week ?? null),
  };
}

function staffLines(staff: Record<string, unknown> | undefined): StaffLine[] {
  const lines = Object.entries(record(staff?.report)).map(([name, figures]) => {
    const row = record(figures);
    return {
      name,
      responses: numberOf(row.response_count),
      resolved: numberOf(row.resolved_count),
      average_rating: numberOf(row.satisfaction_average),
      response_minutes: minutes(row.response_time_seconds),
    };
  });
  return largestFirst(lines, (line) => line.responses);
}

function tagLines(tags: Record<string, unknown> | undefined): TagLine[] {
  const lines = Object.entries(record(tags?.tags)).map(([tag, count]) => ({
    tag,
    conversations: numberOf(count),
  }));
  return largestFirst(lines, (line) => line.conversations);
}

function channelLines(summary: Record<string, unknown> | undefined): ChannelLine[] {
  const lines = Object.entries(record(summary?.channels)).map(([key, figures]) => {
    const row = record(figures);
    const category = record(row.category);
    return {
      name: stringField(category.name) || key,
      customer_messages: numberOf(row.customer_responses),
      staff_responses: numberOf(row.staff_responses),
      resolved: numberOf(row.resolved_conversations),
      response_minutes: minutes(row.average_response_time_seconds),
      average_rating: numberOf(row.average_satisfaction_rating),
    };
  });
  return largestFirst(lines, (line) => line.customer_messages);
}

/** One line for a chat message, from the figures that were asked for. */
function summaryOf(
  item: Omit<ReportItem, 'summary'> & { tags: TagLine[]; staff: StaffLine[] },
): string {
  const parts: string[] = [];
  if (item.new_conversations !== null) parts.push(`${item.new_conversations} new conversations`);
  if (item.average_response_minutes !== null)
    parts.push(`average response time ${item.average_response_minutes} minutes`);
  if (item.within_1_hour_percent !== null)
    parts.push(`${item.within_1_hour_percent}% answered within 1 hour`);
  const topTag = item.tags[0];
  if (topTag?.conversations != null) parts.push(`top tag ${topTag.tag} (${topTag.conversations})`);
  const topStaff = item.staff[0];
  if (topStaff?.responses != null)
    parts.push(`most responses ${topStaff.name} (${topStaff.responses})`);
  const range = `${item.start_date} to ${item.end_date}`;
  return parts.length > 0 ? `${range}: ${parts.join('; ')}.` : `${range}.`;
}

/** The flat item from the answers of the reports that were run (the others leave their fields empty). */
export function flattenReport(
  range: { start: string; end: string; days: number },
  answers: Partial<Record<ReportName, Record<string, unknown>>>,
): ReportItem {
  const item = {
    start_date: range.start,
    end_date: range.end,
    ...volumeFields(answers.volume, range.days),
    ...responseFields(answers.response_time),
    staff: staffLines(answers.staff),
    tags: tagLines(answers.tags),
    channels: channelLines(answers.channel_summary),
  };
  const { start_date, end_date, ...figures } = item;
  return { start_date, end_date, summary: summaryOf(item), ...figures };
}

export const reportOutputFields: PlainOutputField[] = [
  { key: 'start_date', label: 'Start Date' },
  { key: 'end_date', label: 'End Date' },
  { key: 'summary', label: 'Summary' },
  { key: 'new_conversations', label: 'New Conversations', type: 'integer' },
  { key: 'new_conversations_per_day', label: 'New Conversations per Day', type: 'number' },
  { key: 'busiest_day', label: 'Busiest Day' },
  { key: 'busiest_day_conversations', label: 'New Conversations on Busiest Day', type: 'integer' },
  { key: 'average_response_minutes', label: 'Average Response Time (Minutes)', type: 'number' },
  { key: 'within_1_hour_percent', label: 'Answered Within 1 Hour (%)', type: 'number' },
  { key: 'within_1_day_percent', label: 'Answered Within 1 Day (%)', type: 'number' },
  { key: 'within_1_week_percent', label: 'Answered Within 1 Week (%)', type: 'number' },
  { key: 'staff[]name', label: 'Staff: Name' },
  { key: 'staff[]responses', label: 'Staff: Responses', type: 'integer' },
  { key: 'staff[]resolved', label: 'Staff: Resolved', type: 'integer' },
  { key: 'staff[]average_rating', label: 'Staff: Average Rating', type: 'number' },
  { key: 'staff[]response_minutes', label: 'Staff: Response Time (Minutes)', type: 'number' },
  { key: 'tags[]tag', label: 'Tags: Tag' },
  { key: 'tags[]conversations', label: 'Tags: Conversations', type: 'integer' },
  { key: 'channels[]name', label: 'Channels: Name' },
  { key: 'channels[]customer_messages', label: 'Channels: Customer Messages', type: 'integer' },
  { key: 'channels[]staff_responses', label: 'Channels: Staff Responses', type: 'integer' },
  { key: 'channels[]resolved', label: 'Channels: Resolved', type: 'integer' },
  { key: 'channels[]response_minutes', label: 'Channels: Response Time (Minutes)', type: 'number' },
  { key: 'channels[]average_rating', label: 'Channels: Average Rating', type: 'number' },
];

/** The five answers for one week, as the reports return them. */
export const API_REPORT_SAMPLES: Record<ReportName, Record<string, unknown>> = {
  volume: {
    conversation_counts: {
      '2026-03-02': 21,
      '2026-03-03': 34,
      '2026-03-04': 18,
      '2026-03-05': 16,
      '2026-03-06': 15,
      '2026-03-07': 6,
      '2026-03-08': 9,
    },
    start_date: '2026-03-02',
    end_date: '2026-03-08',
  },
  response_time: {
    response_times: { '2026-03-02': 2_940, '2026-03-03': 3_420 },
    summary: {
      averages: { in_range: 2_550, this_month: 2_700, this_week: 2_490 },
      trends: { last_30_days: { average: 2_800, change_rate: '-4.2' } },
      ratio: { under_1_hour: 0.812, under_1_day: 0.968, under_1_week: 1 },
    },
    start_date: '2026-03-02',
    end_date: '2026-03-08',
  },
  staff: {
    report: {
      'Priya Raman': {
        response_count: 58,
        archived_count: 3,
        resolved_count: 37,
        satisfaction_average: 4.8,
        appreciations_count: 6,
        response_time_seconds: 1_980,
      },
      'Marco Bellini': {
        response_count: 44,
        archived_count: 1,
        resolved_count: 29,
        satisfaction_average: 4.5,
        appreciations_count: 2,
        response_time_seconds: 3_060,
      },
    },
    start_date: '2026-03-02',
    end_date: '2026-03-08',
  },
  tags: {
    tags: { shipping: 32, returns: 14, warranty: 5 },
    start_date: '2026-03-02',
    end_date: '2026-03-08',
  },
  channel_summary: {
    channels: {
      '101': {
        category: { id: 101, name: 'Support', channel_type: 1, channel_type_name: 'Email' },
        brand: { id: 2210, name: 'Acme', url: 'acme.reamaze.com' },
        staff_responses: 83,
        customer_responses: 97,
        average_response_time_seconds: 2_730,
        appreciations: 7,
        active_conversations: 12,
        resolved_conversations: 52,
        archived_conversations: 4,
        average_satisfaction_rating: 4.7,
        average_thread_size: 3.2,
      },
      '102': {
        category: { id: 102, name: 'Website Chat', channel_type: 6, channel_type_name: 'Chat' },
        brand: { id: 2210, name: 'Acme', url: 'acme.reamaze.com' },
        staff_responses: 19,
        customer_responses: 26,
        average_response_time_seconds: 240,
        appreciations: 1,
        active_conversations: 2,
        resolved_conversations: 15,
        archived_conversations: 0,
        average_satisfaction_rating: 4.4,
        average_thread_size: 5.1,
      },
    },
    start_date: '2026-03-02',
    end_date: '2026-03-08',
  },
};

export const reportSample: ReportItem = lazySample(() =>
  flattenReport({ start: '2026-03-02', end: '2026-03-08', days: 7 }, API_REPORT_SAMPLES),
);
