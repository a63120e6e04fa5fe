import { instantParam, ok, param, type Reply, type Route, type RouteContext } from '../http';
import type { Conversation, Message, Store } from '../store';

/**
 * GET /reports/{volume,response_time,staff,tags,channel_summary}?start_date=&end_date=
 * (`yyyy-mm-dd`, default the last 30 days; window 1 day to 1 year), computed from the brand's
 * conversations and messages in the shapes clients built from real answers read. Reports need
 * the Reports permission, as satisfaction ratings do: other users get a 403.
 */

const DAY = 86_400_000;
const day = (at: number): string => new Date(at).toISOString().slice(0, 10);

interface Window {
  start: number;
  end: number;
  startDate: string;
  endDate: string;
}

function windowOf(store: Store, query: URLSearchParams): Window | Reply {
  const end = instantParam(query, 'end_date', 'end') ?? store.now();
  const start = instantParam(query, 'start_date', 'start') ?? end - 30 * DAY;
  if (end < start || end - start > 366 * DAY) {
    return { status: 422, body: { error: 'start_date and end_date must span 1 day to 1 year' } };
  }
  return {
    start,
    end,
    startDate: param(query, 'start_date') ?? day(start),
    endDate: param(query, 'end_date') ?? day(end),
  };
}

const inWindow = (at: number, w: Window): boolean => at >= w.start && at <= w.end;

/** Seconds from each conversation's first customer message to the first staff reply after it. */
function firstResponses(store: Store, conversations: Conversation[]): Map<string, number> {
  const gaps = new Map<string, number>();
  for (const conversation of conversations) {
    const messages = store
      .messagesOf(conversation.slug)
      .filter((m) => m.visibility === 0)
      .sort((a, b) => a.createdAt - b.createdAt);
    const asked = messages.find((m) => m.sender.kind === 'customer');
    const reply =
      asked && messages.find((m) => m.sender.kind === 'staff' && m.createdAt > asked.createdAt);
    if (asked && reply)
      gaps.set(conversation.slug, Math.round((reply.createdAt - asked.createdAt) / 1000));
  }
  return gaps;
}

const average = (values: number[]): number | null =>
  values.length === 0 ? null : Math.round(values.reduce((a, b) => a + b, 0) / values.length);

type Report = (
  store: Store,
  w: Window,
  conversations: Conversation[],
  messages: Message[],
) => object;

const REPORTS: Record<string, Report> = {
  volume: (_store, w, conversations) => {
    const counts: Record<string, number> = {};
    for (let at = w.start; at <= w.end; at += DAY) counts[day(at)] = 0;
    for (const c of conversations) counts[day(c.createdAt)] = (counts[day(c.createdAt)] ?? 0) + 1;
    return { conversation_counts: counts };
  },
  response_time: (store, _w, conversations) => {
    const gaps = firstResponses(store, conversations);
    const byDay: Record<string, number[]> = {};
    for (const c of conversations) {
      const gap = gaps.get(c.slug);
      if (gap !== undefined) (byDay[day(c.createdAt)] ??= []).push(gap);
    }
    const all = [...gaps.values()];
    const share = (limit: number): number =>
      all.length === 0
        ? 0
        : Math.round((all.filter((g) => g <= limit).length / all.length) * 1000) / 1000;
    return {
      response_times: Object.fromEntries(Object.entries(byDay).map(([d, g]) => [d, average(g)])),
      summary: {
        averages: { in_range: average(all), this_month: average(all), this_week: average(all) },
        trends: {},
        ratio: {
          under_1_hour: share(3_600),
          under_1_day: share(86_400),
          under_1_week: share(604_800),
        },
      },
    };
  },
  staff: (store, _w, conversations, messages) => {
    const gaps = firstResponses(store, conversations);
    const report: Record<string, object> = {};
    for (const user of store.staff) {
      const mine = conversations.filter((c) => c.assigneeEmail === user.email);
      const ratings = store.satisfactionRatings.filter((r) => r.assigneeEmail === user.email);
      report[user.name] = {
        response_count: messages.filter(
          (m) => m.sender.kind === 'staff' && m.sender.email === user.email && m.visibility === 0,
        ).length,
        archived_count: mine.filter((c) => c.status === 4).length,
        resolved_count: mine.filter((c) => c.status === 2).length,
        satisfaction_average:
          ratings.length === 0
            ? null
            : Math.round((ratings.reduce((sum, r) => sum + r.rating, 0) / ratings.length) * 10) /
              10,
        appreciations_count: 0,
        responses_trend: {},
        response_time_seconds: average(
          mine.map((c) => gaps.get(c.slug)).filter((g): g is number => g !== undefined),
        ),
      };
    }
    return { report };
  },
  tags: (_store, _w, conversations) => {
    const tags: Record<string, number> = {};
    for (const c of conversations) for (const tag of c.tags) tags[tag] = (tags[tag] ?? 0) + 1;
    return { tags };
  },
  channel_summary: (store, _w, conversations, messages) => {
    const gaps = firstResponses(store, conversations);
    const channels: Record<string, object> = {};
    store.channels.forEach((channel, index) => {
      const mine = conversations.filter((c) => c.channelSlug === channel.slug);
      const slugs = new Set(mine.map((c) => c.slug));
      const said = messages.filter((m) => slugs.has(m.conversationSlug) && m.visibility === 0);
      channels[String(101 + index)] = {
        category: {
          id: 101 + index,
          name: channel.name,
          channel_type: channel.channelType,
          channel_type_name: '',
        },
        brand: { id: 2210, name: store.brand, url: `${store.brand}.reamaze.com` },
        staff_responses: said.filter((m) => m.sender.kind === 'staff').length,
        customer_responses: said.filter((m) => m.sender.kind === 'customer').length,
        average_response_time_seconds: average(
          mine.map((c) => gaps.get(c.slug)).filter((g): g is number => g !== undefined),
        ),
        appreciations: 0,
        active_conversations: mine.filter((c) => c.status === 0 || c.status === 1).length,
        resolved_conversations: mine.filter((c) => c.status === 2).length,
        archived_conversations: mine.filter((c) => c.status === 4).length,
        average_satisfaction_rating: null,
        average_thread_size:
          slugs.size === 0 ? 0 : Math.round((said.length / slugs.size) * 10) / 10,
      };
    });
    return { channels };
  },
};

function report(name: string) {
  return ({ store, query, user }: RouteContext): Reply => {
    if (!user.admin)
      return { status: 403, body: { error: 'You are not allowed to access reports' } };
    const w = windowOf(store, query);
    if ('status' in w) return w;
    const conversations = [...store.conversations.values()].filter((c) => inWindow(c.createdAt, w));
    const messages = store.messages.filter((m) => inWindow(m.createdAt, w));
    const body = (REPORTS[name] as Report)(store, w, conversations, messages);
    return ok({ ...body, start_date: w.startDate, end_date: w.endDate });
  };
}

const routes: Route[] = Object.keys(REPORTS).map((name) => ({
  method: 'GET',
  path: `/reports/${name}`,
  handle: report(name),
}));

export default routes;
