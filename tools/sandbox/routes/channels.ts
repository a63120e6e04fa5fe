import { notFound, ok, PAGE_SIZE, pageNumber, param, type Route } from '../http';
import { channelShape } from '../shapes';

/**
 * GET /channels and GET /channels/{slug}. The list is not paged like the others: open-source clients
 * built from real answers see only `total_count` and `channels`.
 */

/** `channel=` filter words and the channel types each one covers. */
const CHANNEL_FILTERS: Record<string, number[]> = {
  email: [1],
  twitter: [2],
  facebook: [3, 12, 13],
  chat: [6],
};

const routes: Route[] = [
  {
    method: 'GET',
    path: '/channels',
    handle: ({ store, query }) => {
      const kind = param(query, 'channel')?.toLowerCase();
      const types = kind === undefined ? undefined : (CHANNEL_FILTERS[kind] ?? []);
      const channels = store.channels.filter((c) => !types || types.includes(c.channelType));
      const start = (pageNumber(query) - 1) * PAGE_SIZE;
      return ok({
        total_count: channels.length,
        channels: channels.slice(start, start + PAGE_SIZE).map((c) => channelShape(store, c)),
      });
    },
  },
  {
    method: 'GET',
    path: '/channels/:slug',
    handle: ({ store, params }) => {
      const channel = store.channel(params.slug ?? '');
      return channel ? ok(channelShape(store, channel)) : notFound();
    },
  },
];

export default routes;
