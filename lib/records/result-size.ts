/**
 * One poll's items must fit what Zapier accepts as a trigger's result: core refuses or stashes a
 * response over 6,291,456 bytes. Paging stops at an estimate (lib/polling/paging.ts), but page 1
 * is returned whole, and a page of huge bodies alone can pass the limit; so the long text fields
 * are cut here, the longest first, each saying so. Ordinary results come back untouched.
 */

/** Bytes of JSON the items may take: core's 6,291,456-byte limit, less room for its envelope. */
export const RESULT_LIMIT_BYTES = 5_500_000;

/** Ends a field cut to fit the result, after "…" and a blank line. */
export const resultCutNote = (shown: number, total: number): string =>
  `[Cut to fit Zapier's size limit for one poll: ${shown.toLocaleString('en-US')} of ` +
  `${total.toLocaleString('en-US')} characters shown.]`;

/** What JSON writes other than as the character itself (lone surrogates included). */
// eslint-disable-next-line no-control-regex -- the control characters are what JSON escapes
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** Bytes of the value's JSON; a string without escapes is counted without writing it. */
const bytesOf = (value: unknown): number =>
  typeof value === 'string' && !ESCAPED.test(value)
    ? Buffer.byteLength(value, 'utf8') + 2
    : Buffer.byteLength(JSON.stringify(value), 'utf8');

/**
 * At least `bytesOf(value)`, without writing the JSON: a UTF-16 unit takes at most 6 bytes
 * (`\u001f`), a number at most 24 characters. Infinity for what JSON writes its own way (`toJSON`).
 */
function mostBytesOf(value: unknown): number {
  if (typeof value === 'string') return 2 + 6 * value.length;
  if (typeof value === 'number') return 24;
  if (value === null || value === undefined || typeof value === 'boolean') return 5;
  if (Array.isArray(value)) {
    let bytes = 2;
    for (const entry of value) bytes += 1 + mostBytesOf(entry);
    return bytes;
  }
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) {
    return Infinity;
  }
  let bytes = 2;
  // Every enumerable key, inherited ones too: more than JSON writes, never less.
  for (const key in value) {
    bytes += 4 + 6 * key.length + mostBytesOf((value as Record<string, unknown>)[key]);
  }
  return bytes;
}

/** `text` cut to its first `chars` characters (never inside a surrogate pair), and the note. */
function cutTo(text: string, chars: number): string {
  let end = Math.max(0, Math.min(chars, text.length));
  const code = text.charCodeAt(end - 1);
  if (end > 0 && code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}…\n\n${resultCutNote(end, text.length)}`;
}

/**
 * The items, with the string fields named in `keys` (in that order of preference: raw bodies
 * before their plain text) cut evenly, longest first, until the whole list fits `limitBytes`.
 * Identities and every other field are left as they are.
 */
export function fitResult<T extends object>(
  items: T[],
  keys: (keyof T & string)[],
  limitBytes = RESULT_LIMIT_BYTES,
): T[] {
  // Ordinary results are far under the limit: the bound says so without writing their JSON.
  if (mostBytesOf(items) <= limitBytes) return items;
  const fitted = items.map((item) => ({ ...item }));
  const long = keys.map((key) => {
    const fields = fitted.filter((item) => typeof item[key] === 'string');
    const texts = fields.map((item) => item[key] as unknown as string);
    return { key, fields, texts, whole: texts.map(bytesOf) };
  });
  // The list's exact size, each long text written once: the rest with them empty (`""`), plus theirs.
  const rest = fitted.map((item) => {
    const copy: Record<string, unknown> = { ...(item as Record<string, unknown>) };
    for (const { key } of long) if (typeof copy[key] === 'string') copy[key] = '';
    return copy;
  });
  let total = long.reduce(
    (sum, { whole }) => whole.reduce((bytes, size) => bytes + size - 2, sum),
    bytesOf(rest),
  );
  if (total <= limitBytes) return items;
  for (const { key, fields, texts, whole } of long) {
    // Kept up to date as fields are cut, so no text is written twice.
    const sizes = [...whole];
    // Each pass lowers one cap on the field's bytes until the list fits, or the field is spent.
    for (let pass = 0; pass < 8 && total > limitBytes; pass += 1) {
      const cap = capFor(sizes, total - limitBytes);
      fields.forEach((item, i) => {
        const size = sizes[i] as number;
        if (size <= cap) return;
        const text = texts[i] as string;
        // Characters kept in proportion to the bytes allowed: JSON escapes and UTF-8 vary per text.
        const keep = Math.floor(((cap - 160) * text.length) / (whole[i] as number));
        const shown = cutTo(text, keep);
        (item as Record<string, unknown>)[key] = shown;
        sizes[i] = bytesOf(shown);
        total -= size - (sizes[i] as number);
      });
      if (cap <= 160) break;
    }
    if (total <= limitBytes) break;
  }
  return fitted;
}

/** The highest cap on each field's size that removes at least `excess` bytes (water-filling). */
function capFor(sizes: number[], excess: number): number {
  const sorted = [...sizes].sort((a, b) => b - a);
  let removed = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    const next = sorted[i + 1] ?? 0;
    // Lowering the i + 1 largest fields from sorted[i] to `next` removes this much more.
    const step = (i + 1) * ((sorted[i] as number) - next);
    if (removed + step >= excess) {
      return Math.floor((sorted[i] as number) - (excess - removed) / (i + 1));
    }
    removed += step;
  }
  return 0;
}
