import { requiredSlug, isSlug } from './slug';
import { invalid, quoted, trimmed } from './read';

/** The Article input of Update Article: the slug, from the article dropdown or a New Article step. */
export const articleField = {
  key: 'article',
  label: 'Article',
  required: true,
  dynamic: 'article_list.id.name',
  helpText:
    'Choose an article, or map the Article ID (Slug) from New Article or an earlier Create Article step.',
} as const;

export function articleSlug(value: unknown): string {
  return requiredSlug(
    value,
    articleField.label,
    'an article. Choose one from the list, or map the Article ID (Slug), for example "how-do-i-return-an-item".',
  );
}

/** An optional topic (Create Article, New Article's filter): a slug, from the dropdown or typed. */
export function topicSlug(value: unknown, label = 'Topic'): string | undefined {
  const given = trimmed(value, label);
  if (given === undefined) return undefined;
  if (!isSlug(given)) {
    throw invalid(
      `${label} ${quoted(given)} is not a topic. Choose one from the list, or type the topic's slug: the part after /kb/ in its help-center address, for example "returns".`,
    );
  }
  return given;
}
