import { invalid, quoted, requiredTrimmed } from './read';

/**
 * What a Re:amaze slug or ID looks like: letters (any script) or digits first, then letters,
 * digits, marks, `-`, `_`, `.` or `~`. So `.`, `..`, empty segments, slashes, spaces, `%` escapes
 * and control characters never pass, and the value can only name one record.
 */
const SLUG = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}._~-]{0,199}$/u;

export function isSlug(value: string): boolean {
  return SLUG.test(value);
}

/**
 * A required record slug or ID chosen from a dropdown or mapped; refused, with `hint` saying
 * where to find a good one, when it could not be one.
 */
export function requiredSlug(value: unknown, label: string, hint: string): string {
  const given = requiredTrimmed(value, label);
  if (!isSlug(given)) throw invalid(`${label} ${quoted(given)} is not ${hint}`);
  return given;
}
