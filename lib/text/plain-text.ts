/**
 * Message bodies as plain text for Slack, Sheets and email steps. Re:amaze bodies are Markdown
 * ("can be formatted with markdown", https://push.reamaze.com/api/post_messages) unless they are
 * HTML emails, so a body is read as HTML when it has real tags and as Markdown otherwise; either
 * way the result has no markup, no entities, and links as "text (url)". One linear pass, capped
 * at PLAIN_TEXT_LIMIT characters of output: see docs/plain-text.md. No library, for cold starts.
 */

import { head } from './message';

/** How much text one body may become; the rest is cut, and the cut is said. */
export const PLAIN_TEXT_LIMIT = 100_000;

/** Ends a cut body, after "…" and a blank line. */
export const CUT_NOTE = '[Message cut: only the first 100,000 characters are shown.]';

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
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  lsaquo: '‹',
  rsaquo: '›',
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
  dagger: '†',
  permil: '‰',
  larr: '←',
  rarr: '→',
  hearts: '♥',
  oelig: 'œ',
  OElig: 'Œ',
  scaron: 'š',
  Scaron: 'Š',
  zwj: '\u200d',
  zwnj: '\u200c',
  lrm: '\u200e',
  rlm: '\u200f',
  shy: '',
};

/** The Latin-1 names (é, ü, ß…), U+00A1 onwards in code-point order; case matters (É is Eacute). */
const LATIN_1 =
  'iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';
const ENTITIES: ReadonlyMap<string, string> = new Map([
  ...LATIN_1.split(' ').map((name, i): [string, string] => [name, String.fromCharCode(0xa1 + i)]),
  ...Object.entries(NAMED_ENTITIES),
]);

/** Decodes named and numeric character references; unknown or invalid ones stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text; // most text has none: skip the regex
  // Linear: each `&` looks at most 33 characters ahead.
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
      return ENTITIES.get(ref) ?? ENTITIES.get(ref.toLowerCase()) ?? whole;
    },
  );
}

/** Ends a text that had to be cut: never inside a surrogate pair. */
function cut(text: string): string {
  return `${head(text, PLAIN_TEXT_LIMIT).trimEnd()}…\n\n${CUT_NOTE}`;
}

/**
 * Text is read in slices of this size, so that one huge word or line costs no more than the
 * output it can still add; a slice never ends inside a character reference.
 */
const SLICE = 65_536;

function sliceEnd(text: string, from: number, size = SLICE): number {
  const end = from + size;
  if (end >= text.length) return text.length;
  const amp = text.slice(end - 40, end).lastIndexOf('&'); // a reference is at most 40 long
  return amp >= 0 && end - 40 + amp > from ? end - 40 + amp : end;
}

/** Text that needs more than its end spaces removed: an entity, or whitespace but single spaces. */
const NOT_PLAIN = /&|[^\S ]| {2}/;
const isPlainRun = (text: string): boolean => !NOT_PLAIN.test(text);
/** Whitespace but single spaces: a decoded &#10;, &#9; or &nbsp; that keeps its meaning. */
const SPACING = /[^\S ]| {2}/;

const isAsciiLetter = (code: number): boolean => (code | 32) >= 97 && (code | 32) <= 122;
const isSpaceAt = (text: string, i: number): boolean =>
  i < 0 || i >= text.length || /\s/.test(text[i] as string);
const isWordAt = (text: string, i: number): boolean => {
  const code = text.charCodeAt(i);
  if (Number.isNaN(code)) return false; // outside the text
  if (code < 128) return (code >= 48 && code <= 57) || isAsciiLetter(code);
  return /[\p{L}\p{N}]/u.test(text[i] as string);
};

// ---------------------------------------------------------------------------------------------
// HTML

/** The tag whose `<` is at `start`: its lower-case name, where it ends (-1: never), attributes. */
interface Tag {
  name: string;
  closing: boolean;
  end: number;
  /** Only for the tags whose attributes are shown (a, img). */
  attributes?: Map<string, string>;
}

const isTagSpace = (code: number): boolean =>
  code === 32 || code === 9 || code === 10 || code === 12 || code === 13;

/** Name characters run to a space, `/` or `>` (as browsers read them). */
function nameEnd(html: string, from: number, alsoStopAt = -1): number {
  let i = from;
  for (; i < html.length; i += 1) {
    const code = html.charCodeAt(i);
    if (isTagSpace(code) || code === 47 || code === 62 || code === alsoStopAt) break;
  }
  return i;
}

/** Reads a tag like a browser: quotes only open after `=`, so a `>` inside them does not end it. */
function readTag(html: string, start: number): Tag {
  const closing = html.charCodeAt(start + 1) === 47;
  const nameFrom = start + (closing ? 2 : 1);
  let i = nameEnd(html, nameFrom);
  const name = html.slice(nameFrom, i).toLowerCase();
  const attributes = name === 'a' || name === 'img' ? new Map<string, string>() : undefined;
  while (i < html.length) {
    const code = html.charCodeAt(i);
    if (code === 62) return { name, closing, end: i + 1, attributes };
    if (isTagSpace(code) || code === 47) {
      i += 1;
      continue;
    }
    const attributeFrom = i;
    i = Math.max(nameEnd(html, i, 61), i + 1); // 61 '=': a leading one belongs to the name
    const attribute = html.slice(attributeFrom, i).toLowerCase();
    while (isTagSpace(html.charCodeAt(i))) i += 1;
    if (html.charCodeAt(i) !== 61) continue;
    i += 1;
    while (isTagSpace(html.charCodeAt(i))) i += 1;
    const quote = html[i];
    let value: string;
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, i + 1);
      if (close < 0) break;
      value = html.slice(i + 1, close);
      i = close + 1;
    } else {
      const valueFrom = i;
      while (i < html.length && !isTagSpace(html.charCodeAt(i)) && html.charCodeAt(i) !== 62) {
        i += 1;
      }
      value = html.slice(valueFrom, i);
    }
    if (attributes && !attributes.has(attribute)) attributes.set(attribute, value);
  }
  return { name, closing, end: -1, attributes };
}

/**
 * Output of the HTML reader, normalised as it is written: source whitespace collapses to one
 * space (a tab between table cells), at most one blank line, no blanks at either end of a line.
 * Text is appended a run at a time (not word by word); stops taking text once over the limit.
 */
class TextWriter {
  out = '';
  private gap: '' | ' ' | '\t' = '';
  private breaks = 0;
  /**
   * The open link: its address, where its text starts in `out` (-1: no text yet), and that text
   * while it is no longer than the address (kept aside: slicing `out` would copy all of it).
   */
  private link: { url: string; start: number; text: string | undefined } | undefined;

  get length(): number {
    return this.out.length;
  }

  get full(): boolean {
    return this.out.length > PLAIN_TEXT_LIMIT;
  }

  space(): void {
    if (this.breaks === 0 && this.gap === '') this.gap = ' ';
  }

  tab(): void {
    if (this.breaks === 0) this.gap = '\t';
  }

  newline(count: number): void {
    this.breaks += count;
    this.gap = '';
  }

  /** Text without source whitespace at either end (entities already decoded). */
  word(text: string): void {
    let separator = '';
    if (this.out !== '') separator = this.breaks > 0 ? (this.breaks > 1 ? '\n\n' : '\n') : this.gap;
    this.out += separator;
    this.breaks = 0;
    this.gap = '';
    const link = this.link;
    if (link && link.start < 0) {
      link.start = this.out.length;
      link.text = '';
      separator = '';
    }
    if (link?.text !== undefined) {
      const linkText = link.text + separator + text;
      link.text = linkText.length <= link.url.length ? linkText : undefined;
    }
    this.out += text;
  }

  /** Text as it stands in the source, read slice by slice until the writer is full. */
  text(source: string): void {
    for (let from = 0; from < source.length && !this.full;) {
      const end = sliceEnd(source, from);
      this.textSlice(end - from === source.length ? source : source.slice(from, end));
      from = end;
    }
  }

  /** Whitespace runs collapse; entities are decoded, and a decoded &#10;, &#9; or &nbsp; keeps its meaning. */
  private textSlice(source: string): void {
    const text = isPlainRun(source) ? source : decodeEntities(source.replace(/\s+/g, ' '));
    // Single spaces only (most text, decoded or not): written as one run, not word by word.
    if (text === source || !SPACING.test(text)) {
      const from = text.charCodeAt(0) === 32 ? 1 : 0;
      const to = text.length > from && text.endsWith(' ') ? text.length - 1 : text.length;
      if (from === 1) this.space();
      if (to > from) this.word(from === 0 && to === text.length ? text : text.slice(from, to));
      if (to < text.length) this.space();
      return;
    }
    for (const piece of text.split(/(\s)/)) {
      if (piece === '\n') this.newline(1);
      else if (piece === '\t') this.tab();
      else if (piece === ' ' || /^\s$/.test(piece)) this.space();
      else if (piece !== '') this.word(piece);
    }
  }

  openLink(href: string): void {
    this.closeLink();
    this.link = { url: decodeEntities(href.trim()), start: -1, text: undefined };
  }

  /** "text (url)"; the bare address when the text is empty or is the address itself. */
  closeLink(): void {
    const link = this.link;
    this.link = undefined;
    if (!link || !SHOWN_URL.test(link.url)) return;
    const bare = link.url.replace(/^mailto:/i, '');
    const text = link.text;
    if (link.start < 0) {
      this.word(bare);
    } else if (text === bare) {
      // The text is the address already: nothing to add.
    } else if (text === link.url) {
      this.out = this.out.slice(0, link.start) + bare;
    } else {
      this.space();
      this.word(`(${bare})`);
    }
  }
}

/** What a tag does to the text; tags not listed do nothing. */
type TagKind = 'skip' | 'link' | 'br' | 'hr' | 'li' | 'img' | 'cell' | 'paragraph' | 'block';
const TAG_KINDS: ReadonlyMap<string, TagKind> = new Map<string, TagKind>([
  ...['script', 'style', 'head', 'title'].map((name): [string, TagKind] => [name, 'skip']),
  ['a', 'link'],
  ['br', 'br'],
  ['hr', 'hr'],
  ['li', 'li'],
  ['img', 'img'],
  ['td', 'cell'],
  ['th', 'cell'],
  // A line break before, a blank line after.
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'table', 'pre'].map(
    (name): [string, TagKind] => [name, 'paragraph'],
  ),
  // A line break before and after.
  ...['div', 'tr', 'section', 'article', 'header', 'footer'].map((name): [string, TagKind] => [
    name,
    'block',
  ]),
]);
/** Skipped elements' content is found by their end tag, never by a nested search. */
const END_TAGS: ReadonlyMap<string, RegExp> = new Map(
  ['script', 'style', 'head', 'title'].map((name) => [name, new RegExp(`</${name}[\\s/>]`, 'gi')]),
);
/** Browsers hide an unclosed script or style to the end; an unclosed head or title hides nothing. */
const HIDDEN_TO_THE_END = new Set(['script', 'style']);

/** HTML to text in one pass over the source; every search resumes where the last one ended. */
function htmlToText(html: string): string {
  const out = new TextWriter();
  const unclosed = new Set<string>();
  let cellEndedAt = -1; // output length when a table cell closed: the next cell is a tab away
  let i = 0;
  while (i < html.length && !out.full) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out.text(i === 0 ? html : html.slice(i));
      break;
    }
    if (lt > i) out.text(html.slice(i, lt));
    const next = html.charCodeAt(lt + 1);
    if (next === 33 || next === 63) {
      // A comment, doctype or processing instruction; unterminated, it hides the rest.
      const comment = html.startsWith('<!--', lt);
      const close = comment ? html.indexOf('-->', lt + 4) : html.indexOf('>', lt + 2);
      i = close < 0 ? html.length : close + (comment ? 3 : 1);
      continue;
    }
    if (!isAsciiLetter(next === 47 ? html.charCodeAt(lt + 2) : next)) {
      out.word('<');
      i = lt + 1;
      continue;
    }
    const tag = readTag(html, lt);
    if (tag.end < 0) break; // the body ends inside a tag: browsers show nothing of it
    i = tag.end;
    const { name, closing } = tag;
    const kind = TAG_KINDS.get(name);
    if (kind === 'cell' && !closing && cellEndedAt === out.length) out.tab();
    cellEndedAt = kind === 'cell' && closing ? out.length : -1;
    if (kind === undefined || kind === 'cell') continue;

    if (kind === 'skip') {
      if (closing || unclosed.has(name)) continue;
      const endTag = END_TAGS.get(name) as RegExp;
      endTag.lastIndex = i;
      const found = endTag.exec(html);
      if (found) {
        const close = html.indexOf('>', found.index);
        i = close < 0 ? html.length : close + 1;
      } else if (HIDDEN_TO_THE_END.has(name)) {
        i = html.length;
      } else {
        unclosed.add(name);
      }
    } else if (kind === 'link') {
      if (closing) out.closeLink();
      else out.openLink(tag.attributes?.get('href') ?? '');
    } else if (kind === 'br') {
      out.newline(1);
    } else if (kind === 'hr') {
      out.newline(1);
      out.word('---');
      out.newline(1);
    } else if (kind === 'li') {
      if (!closing) {
        out.newline(1);
        out.word('-');
        out.space();
      }
    } else if (kind === 'img') {
      const alt = (tag.attributes?.get('alt') ?? '').trim();
      if (alt) {
        out.word('[');
        out.text(alt);
        out.word(']');
      }
    } else {
      out.newline(closing && kind === 'paragraph' ? 2 : 1);
    }
  }
  if (!out.full) out.closeLink();
  return out.out;
}

/** Tags that give a body a layout: with one of them it is an HTML email, not Markdown. */
const LAYOUT_TAGS =
  'p|div|br|hr|table|tr|td|th|ul|ol|li|h[1-6]|blockquote|pre|html|head|body|title|style|script|center|section|article|header|footer';
/** Tags Markdown bodies carry inline (Markdown allows raw HTML): removed, links and images shown. */
const INLINE_TAGS =
  'a|abbr|b|big|cite|code|del|em|font|i|img|ins|kbd|mark|q|s|small|span|strike|strong|sub|sup|u';
/** A tag's attributes, each with a value (so "a<b and c>d" is no tag), and its end; never past a < or >. */
const ATTRIBUTES =
  String.raw`((?:\s+[a-z_:][\w:.-]*\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'=<>` +
  '`' +
  String.raw`]+))*)\s*\/?>`;
const LAYOUT_TAG = new RegExp(
  String.raw`<(?:(?:${LAYOUT_TAGS})${ATTRIBUTES}|\/(?:${LAYOUT_TAGS})\s*>|!doctype[\s>])`,
  'i',
);
const INLINE_TAG = new RegExp(String.raw`<(\/?)(${INLINE_TAGS})(?=[\s/>])${ATTRIBUTES}`, 'iy');

/**
 * A body is HTML when it has a layout tag (`<p>`, `<div>`, `<br>`, `</td>`…: see LAYOUT_TAGS);
 * otherwise it is Markdown, whose inline tags (`<b>`, `<a href>`…) are read within the line.
 * A stray `<` in plain text ("if a<b and c>d", "<3") makes no tag. One regular-expression search
 * whose every attempt stops at the next `<` or `>`: linear.
 */
export function looksLikeHtml(text: string): boolean {
  return text.includes('<') && LAYOUT_TAG.test(text);
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** The address of a link or autolink is shown only for these schemes (as for HTML links). */
const SHOWN_URL = /^(?:https?:|mailto:)/i;
const AUTOLINK = /^(?:(?:https?:\/\/|mailto:)\S+|[^\s@]+@[^\s@]+\.[^\s@]+)$/i;
/** Where inline markup may start; a bare URL (not inside a word) is copied as is. */
const MARKUP = /\\[*_~`#[\]]|[`[<*_~]|!\[|(?<![\p{L}\p{N}])(?:https?:\/\/|www\.)/giu;
const LINK_TEXT = /!?\[([^[\]]*)\]\(/y;
const LINK_URL = /[^\s)]*/y;
const ANGLE = /<([^\s<>]*)>/y;
const RUN = /`+|\*+|_+|~+/y;
const URL_END = /[^\s<]*/y;

/** An attribute's value in a tag's attribute text; '' when it has none. */
function attribute(attributes: string, name: 'href' | 'alt'): string {
  const value = String.raw`\s${name}\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))`;
  const found = new RegExp(value, 'i').exec(attributes);
  return (found?.[1] ?? found?.[2] ?? found?.[3] ?? '').trim();
}

/** "text (url)"; the bare address when the text is empty or is the address itself. */
function linkWithText(text: string, url: string): string {
  if (!SHOWN_URL.test(url)) return text;
  const bare = url.replace(/^mailto:/i, '');
  return !text || text === url || text === bare ? bare : `${text} (${bare})`;
}

/** The same text at `at`, read sticky; undefined when it is not there. */
function stickyMatch(pattern: RegExp, text: string, at: number): RegExpExecArray | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text) ?? undefined;
}

/**
 * One line of Markdown without its inline markup. Emphasis needs a non-word character outside
 * its markers (CommonMark's rule for `_`, applied to `*` too), so 2*3*4 and snake_case_names
 * stay. Linear: every match stops at the next bracket, `<`, `>` or space, and a code span whose
 * closing run is missing (only runs of 1–3 backticks open one) is looked for once per line.
 */
function inlineMarkdown(line: string, cutShort = false): string {
  const out: string[] = [];
  const openers = new Map<string, number[]>();
  const unclosedCode = new Set<number>();
  let link: { url: string; at: number } | undefined; // an open <a href>
  let noUrlBefore = -1;
  let last = 0;
  const markup = new RegExp(MARKUP); // a nested call (link text) keeps its own position
  for (let found = markup.exec(line); found; found = markup.exec(line)) {
    const i = found.index;
    const c = found[0];
    if (i > last) out.push(line.slice(last, i));
    let piece = c;
    let end = i + c.length;
    if (c[0] === '\\') {
      piece = c.slice(1); // an escaped marker
    } else if (c === '[' || c === '![') {
      const text = stickyMatch(LINK_TEXT, line, i);
      const from = text ? i + text[0].length : -1;
      // An address runs to a ')' or a space; one that reaches a space fails from any later start too.
      const url =
        text && from >= noUrlBefore
          ? (stickyMatch(LINK_URL, line, from) as RegExpExecArray)[0]
          : undefined;
      if (url !== undefined && line[from + url.length] !== ')') noUrlBefore = from + url.length;
      else if (text && url !== undefined) {
        const shown = inlineMarkdown(text[1] as string).trim();
        const address = url.replace(/^<(.*)>$/, '$1');
        piece = c === '![' ? (shown ? `[${shown}]` : '') : linkWithText(shown, address);
        end = from + url.length + 1;
      }
    } else if (c === '<') {
      const angle = stickyMatch(ANGLE, line, i)?.[1] ?? '';
      const tag = stickyMatch(INLINE_TAG, line, i);
      if (AUTOLINK.test(angle)) {
        [piece, end] = [angle.replace(/^mailto:/i, ''), i + angle.length + 2];
      } else if (tag) {
        const [whole, closing, name = '', attributes = ''] = tag;
        const tagName = name.toLowerCase();
        [piece, end] = ['', i + whole.length];
        if (tagName === 'img') {
          const alt = attribute(attributes, 'alt');
          if (alt) piece = `[${alt}]`;
        } else if (tagName === 'a' && !closing) {
          link = { url: attribute(attributes, 'href'), at: out.length };
        } else if (tagName === 'a' && link) {
          piece = linkWithText(out.slice(link.at).join('').trim(), link.url);
          out.fill('', link.at);
          link = undefined;
        }
      }
    } else if (c === '`') {
      const run = (stickyMatch(RUN, line, i) as RegExpExecArray)[0];
      end = i + run.length;
      const close =
        run.length > 3 || unclosedCode.has(run.length) ? -1 : closingRun(line, run, end);
      if (close < 0) {
        unclosedCode.add(run.length);
        piece = run;
      } else {
        const inner = line.slice(end, close);
        const padded = inner.length > 2 && inner.startsWith(' ') && inner.endsWith(' ');
        [piece, end] = [padded ? inner.slice(1, -1) : inner, close + run.length];
      }
    } else if (c === '*' || c === '_' || c === '~') {
      const run = (stickyMatch(RUN, line, i) as RegExpExecArray)[0];
      [piece, end] = [run, i + run.length];
      const delimiter = run.length <= 3 && (c !== '~' || run.length === 2);
      const canOpen = delimiter && !isSpaceAt(line, end) && !isWordAt(line, i - 1);
      const canClose = delimiter && !isSpaceAt(line, i - 1) && !isWordAt(line, end);
      const waiting = openers.get(run) ?? [];
      openers.set(run, waiting);
      if (canClose && waiting.length > 0) {
        out[waiting.pop() as number] = '';
        piece = '';
      } else if (canOpen) {
        waiting.push(out.length);
      }
    } else {
      // A bare URL, copied up to the next space or tag; **https://…** keeps its closing markers.
      const url = (stickyMatch(URL_END, line, i) as RegExpExecArray)[0].replace(/[*_~]+$/, '');
      [piece, end] = [url, i + url.length];
    }
    out.push(piece);
    last = end;
    markup.lastIndex = end;
  }
  if (last < line.length) out.push(line.slice(last));
  // A line read only in part: its open markers would have closed in the part not read.
  if (cutShort) for (const waiting of openers.values()) for (const at of waiting) out[at] = '';
  return out.join('');
}

/** Where the next run of exactly as many backticks starts, or -1. */
function closingRun(line: string, run: string, from: number): number {
  for (let at = line.indexOf(run, from); at >= 0; at = line.indexOf(run, from)) {
    from = at + run.length;
    if (line[from] !== '`') return at;
    while (line[from] === '`') from += 1;
  }
  return -1;
}

/** A `***` or `___` rule (a `---` one is left as it is). */
function isStarOrUnderscoreRule(line: string): boolean {
  const marks = line.replace(/[ \t]/g, '');
  return marks.length >= 3 && (/^\*+$/.test(marks) || /^_+$/.test(marks));
}

/** A heading's text without its `#` markers (the closing ones too), or undefined. */
function headingText(line: string): string | undefined {
  const opening = /^ {0,3}#{1,6}(?:[ \t]+|$)/.exec(line);
  if (!opening) return undefined;
  const text = line.slice(opening[0].length).trimEnd();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end -= 1;
  return end === 0 || /[ \t]/.test(text[end - 1] as string) ? text.slice(0, end).trimEnd() : text;
}

/** One line outside code blocks: block markers first, then inline markup. */
function markdownLine(line: string, cutShort: boolean): string {
  const rest = line.replace(/^(?: {0,3}>[ \t]?)+/, '');
  if (isStarOrUnderscoreRule(rest)) return '---';
  const heading = headingText(rest);
  if (heading !== undefined) return inlineMarkdown(heading, cutShort);
  const item = /^([ \t]*)[*+]([ \t]+)/.exec(rest);
  const marker = item ? `${item[1]}-${item[2]}` : '';
  return marker + inlineMarkdown(rest.slice(item ? item[0].length : 0), cutShort);
}

/** Markdown (or plain text) to text, line by line, until the limit is passed. */
function markdownToText(markdown: string): { text: string; stopped: boolean } {
  const lines: string[] = [];
  let length = 0;
  let fence = ''; // the fence of the open code block, if any
  let stopped = false;
  const lineBreak = /\r\n?|\n/g;
  for (let from = 0; from <= markdown.length && !stopped;) {
    const found = lineBreak.exec(markdown);
    const lineEnd = found ? found.index : markdown.length;
    // A line longer than what may still be shown is read only as far as that (and the cut said).
    const budget = PLAIN_TEXT_LIMIT + 1 - length + 1_024; // room for markers that are removed
    const line = markdown.slice(from, Math.min(lineEnd, sliceEnd(markdown, from, budget)));
    const truncated = from + line.length < lineEnd;
    from = found ? found.index + found[0].length : markdown.length + 1;
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      const closes =
        fenceMark !== undefined && fenceMark[0] === fence[0] && fenceMark.length >= fence.length;
      if (closes && line.trim() === fenceMark) fence = '';
      else lines.push(line);
    } else if (fenceMark) {
      fence = fenceMark;
      continue;
    } else {
      lines.push(decodeEntities(markdownLine(line, truncated)));
    }
    length += (lines[lines.length - 1] ?? '').length + 1;
    stopped = truncated || length > PLAIN_TEXT_LIMIT;
  }
  return { text: lines.join('\n').trim(), stopped };
}

// ---------------------------------------------------------------------------------------------

/**
 * Converts a message body (HTML email, Markdown or plain text) to readable plain text of at most
 * PLAIN_TEXT_LIMIT characters, plus "…" and CUT_NOTE when it was cut. Never throws.
 */
export function toPlainText(body: unknown): string {
  if (typeof body !== 'string' || body === '') return '';
  if (looksLikeHtml(body)) {
    const text = htmlToText(body);
    return text.length > PLAIN_TEXT_LIMIT ? cut(text) : text;
  }
  // Without these characters no Markdown rule applies: the text stands as written.
  const { text, stopped } = /[\\`[<*_~#>+]/.test(body)
    ? markdownToText(body)
    : { text: decodeEntities(body.replace(/\r\n?/g, '\n')).trim(), stopped: false };
  return stopped || text.length > PLAIN_TEXT_LIMIT ? cut(text) : text;
}
