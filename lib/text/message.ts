/**
 * Every error message a user sees stays readable: at most MESSAGE_LIMIT characters, cut with a
 * note, and a data: URL (a whole file written into an address) is named by its size, never shown.
 */

/** The longest message shown; an API answer or a mapped value longer than this is cut. */
export const MESSAGE_LIMIT = 2_000;

/** A data: URL long enough to be a file rather than a word (`data:` in a sentence is left). */
const DATA_URL = /data:[^\s"',]*,[^\s"']{32,}/gi;

/** "a data: URL of 5.2 MB": the size of a data: URL as text, for a message. */
export function dataUrlSummary(url: string): string {
  const size =
    url.length >= 1_000_000
      ? `${(url.length / 1_000_000).toFixed(1)} MB`
      : `${Math.max(1, Math.round(url.length / 1_000))} kB`;
  return `a data: URL of ${size}`;
}

/** The first `length` characters of `text`, one fewer if the last would be half a surrogate pair. */
export function head(text: string, length: number): string {
  if (text.length <= length) return text;
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}

/** The message as shown: data: URLs summarised, then cut to MESSAGE_LIMIT with a note. */
export function readableMessage(message: string): string {
  const summarised = message.includes('data:')
    ? message.replace(DATA_URL, dataUrlSummary)
    : message;
  if (summarised.length <= MESSAGE_LIMIT) return summarised;
  return `${head(summarised, MESSAGE_LIMIT).trimEnd()}… [message cut to ${MESSAGE_LIMIT.toLocaleString('en-US')} characters]`;
}
