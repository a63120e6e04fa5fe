import { distinctChoiceLabels } from '../lib/records/choice-labels';
import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { dropdownPage } from '../lib/http/client';
import { stringField } from '../lib/http/api-values';
import { CHANNEL_TYPES, labelFor } from '../lib/records/labels';

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

/** No options: the list is the same for every Zap. */
export const inputFields = defineInputFields([]);

/**
 * GET /channels may come back without `page_count` (it is not always paged): then the first page
 * is the whole list.
 */
export const perform = (async (z, bundle) => {
  const channels = await dropdownPage(z, bundle, '/channels', 'channels');
  const choices = channels
    .map((channel) => ({ channel, slug: stringField(channel.slug) }))
    .filter(({ slug }) => slug !== '')
    .map(({ channel, slug }) => ({
      id: slug,
      name: stringField(channel.name) || slug,
      email: stringField(channel.email),
      channel_type: labelFor(CHANNEL_TYPES, channel.channel),
    }));
  return distinctChoiceLabels(choices, (choice) => choice.email || choice.channel_type);
}) satisfies PollingTriggerPerform<typeof inputFields, ChannelChoice>;

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
    inputFields,
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
