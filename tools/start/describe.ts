/** Short, readable lines for what `npm start` shows of each step. */
import { MESSAGE_VISIBILITIES } from '../../lib/records/labels';

export type Item = Record<string, unknown>;

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

export function ago(iso: unknown, now = Date.now()): string {
  const at = Date.parse(str(iso));
  if (Number.isNaN(at)) return 'at an unknown time';
  const minutes = Math.round((now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 90) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 36 ? `${hours} h ago` : `${Math.round(hours / 24)} d ago`;
}

export function excerpt(text: unknown, length = 64): string {
  const flat = str(text).replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/** `5 min ago · Alex Morgan (staff, Internal Note) · Sales · "Subject": text…` */
export function messageLine(item: Item, now?: number): string {
  const who =
    str(item.author_name) || str(item.author_email) || str(item.author_mobile) || 'someone';
  const role =
    item.author_is_staff === true ? 'staff' : item.author_is_staff === false ? 'customer' : '?';
  const kind =
    str(item.visibility) === MESSAGE_VISIBILITIES[0] ? str(item.sent_via) : str(item.visibility);
  return (
    `${ago(item.created_at, now)} · ${who} (${role}, ${kind}) · ${str(item.channel_name) || '?'} · ` +
    `"${excerpt(item.conversation_subject, 40)}": ${excerpt(item.body_text)}`
  );
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
