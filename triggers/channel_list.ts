import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { getPage } from '../lib/client';
import { CHANNEL_TYPES, labelFor } from '../lib/labels';

/** A channel as the Channel dropdowns show it: its ID (slug) is the value Re:amaze calls `category`. */
export type ChannelChoice = {
  id: string;
  name: string;
  email: string;
  channel_type: string;
};

export const channelSample: ChannelChoice = {
  id: 'support',
  name: 'Support',
  email: 'support@acme.reamaze.io',
  channel_type: 'Email',
};

/**
 * Dropdown pages are 0-based in Zapier and 1-based in Re:amaze. GET /channels may come back
 * without `page_count` (it is not always paged): then the first page is the whole list.
 */
const perform = (async (z, bundle) => {
  const page = (bundle.meta?.page ?? 0) + 1;
  const result = await getPage(z, bundle, '/channels', 'channels', { page });
  if (page > 1 && (result.pageCount === 0 || page > result.pageCount)) return [];
  return result.items
    .filter((channel) => typeof channel.slug === 'string' && channel.slug !== '')
    .map((channel) => ({
      id: channel.slug as string,
      name:
        typeof channel.name === 'string' && channel.name ? channel.name : (channel.slug as string),
      email: typeof channel.email === 'string' ? channel.email : '',
      channel_type: labelFor(CHANNEL_TYPES, channel.channel),
    }));
}) satisfies PollingTriggerPerform<Record<string, never>, ChannelChoice>;

export default defineTrigger({
  key: 'channel_list',
  noun: 'Channel',
  display: {
    label: 'List Channels',
    description: 'Triggers when a channel is added; lists channels for dropdowns.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform,
    sample: channelSample,
    outputFields: [
      { key: 'id', label: 'Channel ID (Start of Its Email Address)' },
      { key: 'name', label: 'Channel Name' },
      { key: 'email', label: 'Channel Email' },
      { key: 'channel_type', label: 'Channel Type' },
    ],
  },
});
