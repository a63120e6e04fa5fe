/**
 * Message bodies as plain text for Slack, Sheets and email steps: HTML tags removed, entities
 * decoded, paragraphs, line breaks and list items kept. Text that is not HTML (plain or Markdown)
 * is left as written. Written here rather than taken from a library to keep cold starts small.
 */

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  deg: '°',
  times: '×',
  divide: '÷',
  zwj: '\u200d',
  zwnj: '\u200c',
  lrm: '\u200e',
  rlm: '\u200f',
};

/** Decodes named and numeric character references; unknown or invalid ones stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text; // most bodies have none: skip the regex
  return text.replace(
    /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi,
    (whole, ref: string) => {
      if (ref.startsWith('#')) {
        const code =
          ref[1] === 'x' || ref[1] === 'X'
            ? parseInt(ref.slice(2), 16)
            : parseInt(ref.slice(1), 10);
        const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
        return valid ? String.fromCodePoint(code) : whole;
      }
      return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
    },
  );
}

/** A tag's attributes: a `>` inside a quoted value (title="a > b") does not end the tag. */
const ATTRIBUTES = `(?:[^<>"']|"[^"]*"|'[^']*')*`;

function tags(source: string): RegExp {
  return new RegExp(source, 'gi');
}

const KNOWN_TAGS =
  'p|div|span|a|b|i|u|s|strong|em|ul|ol|li|h[1-6]|table|thead|tbody|tr|td|th|blockquote|pre|code|html|body|head|font|center|section|article|header|footer|small|sup|sub|style|script';

/**
 * A body is HTML when it closes a known tag or has a line-break, rule or image tag; a stray `<`
 * in plain text ("if a<b and c>d") does not make it HTML.
 */
const HTML_MARKER = new RegExp(`</(?:${KNOWN_TAGS})\\s*>|<(?:br|hr|img)\\b${ATTRIBUTES}>`, 'i');

export function looksLikeHtml(text: string): boolean {
  return HTML_MARKER.test(text);
}

const ANY_TAG = tags(`</?[a-z][a-z0-9:-]*(?:\\s${ATTRIBUTES})?/?>`);

function linkText(attributes: string, inner: string): string {
  const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
  const url = decodeEntities((href?.[1] ?? href?.[2] ?? href?.[3] ?? '').trim());
  const text = inner.replace(ANY_TAG, '').trim();
  if (!/^(?:https?:|mailto:)/i.test(url)) return inner;
  const bareUrl = url.replace(/^mailto:/i, '');
  if (!text || decodeEntities(text) === url || decodeEntities(text) === bareUrl) return bareUrl;
  return `${inner} (${bareUrl})`;
}

/** Converts an HTML (or plain) message body to readable plain text. Never throws. */
export function toPlainText(body: unknown): string {
  if (typeof body !== 'string' || body === '') return '';
  const normalised = body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body;
  if (!looksLikeHtml(normalised)) return decodeEntities(normalised).trim();

  const text = normalised
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(tags(`<(script|style|head|title)\\b${ATTRIBUTES}>[\\s\\S]*?</\\1\\s*>`), '')
    // HTML collapses source whitespace; structure comes from the tags below. Only runs that are not
    // already a single space are matched: the same result with far fewer replacements.
    .replace(/\s{2,}|[^\S ]/g, ' ')
    .replace(
      tags(`<a\\b(${ATTRIBUTES})>([\\s\\S]*?)</a\\s*>`),
      (_m, attributes: string, inner: string) => linkText(attributes, inner),
    )
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(tags(`<hr\\b${ATTRIBUTES}>`), '\n---\n')
    .replace(tags(`<li\\b${ATTRIBUTES}>`), '\n- ')
    .replace(/<\/(?:p|h[1-6]|blockquote|ul|ol|table|pre)\s*>/gi, '\n\n')
    .replace(
      tags(
        `<(?:p|h[1-6]|blockquote|ul|ol|table|pre|div|tr|section|article|header|footer)\\b${ATTRIBUTES}>`,
      ),
      '\n',
    )
    .replace(/<\/li\s*>/gi, '')
    .replace(/<\/(?:div|tr|section|article|header|footer)\s*>/gi, '\n')
    .replace(tags(`</t[dh]\\s*>\\s*<t[dh]\\b${ATTRIBUTES}>`), '\t')
    .replace(tags(`<img\\b${ATTRIBUTES}?\\balt\\s*=\\s*"([^"]+)"${ATTRIBUTES}>`), '[$1]')
    .replace(ANY_TAG, '');

  return (
    decodeEntities(text)
      // A run of blanks becomes one tab if it holds one, else one space; a lone space stays as is.
      .replace(/[ \t\u00a0]{2,}|[\t\u00a0]/g, (run) => (run.includes('\t') ? '\t' : ' '))
      // Each line trimmed as String#trim would (\s is the same set), in two passes over the text.
      .replace(/(^|\n)[^\S\n]+/g, '$1')
      .replace(/[^\S\n]+(?=\n|$)/g, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}
