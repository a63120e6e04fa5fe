import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { dropdownPage } from '../lib/http/client';
import { stringField } from '../lib/http/api-values';

/** A help-center topic as the Topic dropdown shows it: the slug is what `/topics/{slug}/articles` takes. */
export type TopicChoice = { id: string; name: string };

export const topicChoiceSample: TopicChoice = { id: 'returns', name: 'Returns' };

/** No options: the list is the same for every Zap. */
export const inputFields = defineInputFields([]);

/**
 * `GET /topics`: not on Re:amaze's published API pages (only `/topics/{slug}/articles` is), so
 * its answer is read in either form the other lists take (`{topics: [...]}` paged, or a bare
 * array), and a 404 gives an empty dropdown: the Topic field then takes a typed slug.
 */
export const perform = (async (z, bundle) => {
  const topics = await dropdownPage(z, bundle, '/topics', 'topics', {
    bare: true,
    notFoundIsAbsent: true,
  });
  return topics
    .map((topic) => ({ topic, slug: stringField(topic.slug).trim() }))
    .filter(({ slug }) => slug !== '')
    .map(({ topic, slug }) => ({
      id: slug,
      name: stringField(topic.name).trim() || stringField(topic.title).trim() || slug,
    }));
}) satisfies PollingTriggerPerform<typeof inputFields, TopicChoice>;

export default defineTrigger({
  key: 'topic_list',
  noun: 'Topic',
  display: {
    label: 'List Topics',
    description: 'Triggers when a help-center topic is added; lists topics for dropdowns.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    inputFields,
    perform,
    sample: topicChoiceSample,
    outputFields: [
      { key: 'id', label: 'Topic ID (Slug)' },
      { key: 'name', label: 'Topic Name' },
    ],
  },
});
