/**
 * Message bodies as plain text for Slack, Sheets and email steps. Re:amaze bodies are Markdown
 * ("can be formatted with markdown", https://push.reamaze.com/api/post_messages) unless they are
 * HTML emails, so a body is read as HTML when it has real tags and as Markdown otherwise; either
 * way the result has no markup, no entities, and links as "text (url)". One linear pass, capped
 * at PLAIN_TEXT_LIMIT characters of output: see docs/plain-text.md. No library, for cold starts.
 */

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
  let end = Math.min(PLAIN_TEXT_LIMIT, text.length);
  if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return `${text.slice(0, end).trimEnd()}…\n\n${CUT_NOTE}`;
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

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
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

/** A link being written: its text is compared with its address when it closes. */
interface OpenLink {
  url: string;
  /** Index of the first part of the link's own text; -1 until it has some. */
  firstPart: number;
  /** The link's text so far, kept only while it could still equal the address. */
  text: string;
}

/**
 * Output of the HTML reader, normalised as it is written: source whitespace collapses to one
 * space (a tab between table cells), at most one blank line, no blanks at either end of a line.
 * Stops taking text once it holds more than the limit.
 */
class TextWriter {
  private readonly parts: string[] = [];
  length = 0;
  private gap: '' | ' ' | '\t' = '';
  private breaks = 0;
  private link: OpenLink | undefined;

  get full(): boolean {
    return this.length > PLAIN_TEXT_LIMIT;
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

  /** Text without source whitespace (entities already decoded). */
  word(text: string): void {
    if (this.parts.length > 0) {
      if (this.breaks > 0) this.emit(this.breaks > 1 ? '\n\n' : '\n');
      else if (this.gap !== '') this.emit(this.gap);
    }
    this.breaks = 0;
    this.gap = '';
    if (this.link && this.link.firstPart < 0) this.link.firstPart = this.parts.length;
    this.emit(text);
  }

  private emit(text: string): void {
    this.parts.push(text);
    this.length += text.length;
    const link = this.link;
    if (link && link.firstPart >= 0 && link.text.length <= link.url.length) link.text += text;
  }

  /** Text as it stands in the source, read slice by slice until the writer is full. */
  text(source: string): void {
    for (let from = 0; from < source.length && !this.full;) {
      const end = sliceEnd(source, from);
      this.textSlice(end - from === source.length ? source : source.slice(from, end));
      from = end;
    }
  }

  /** Whitespace runs collapse; entities are decoded. */
  private textSlice(source: string): void {
    const words = /\S+/g;
    let last = 0;
    for (let match = words.exec(source); match && !this.full; match = words.exec(source)) {
      if (match.index > last) this.space();
      last = match.index + match[0].length;
      const decoded = decodeEntities(match[0]);
      if (!/\s/.test(decoded)) {
        this.word(decoded);
        continue;
      }
      // A decoded &#10;, &#9; or &nbsp; keeps its meaning: a break, a tab, a space.
      for (const piece of decoded.match(/\S+|\s/g) ?? []) {
        if (piece === '\n') this.newline(1);
        else if (piece === '\t') this.tab();
        else if (/\s/.test(piece)) this.space();
        else this.word(piece);
      }
    }
    if (last < source.length) this.space();
  }

  openLink(href: string): void {
    this.closeLink();
    this.link = { url: decodeEntities(href.trim()), firstPart: -1, text: '' };
  }

  /** "text (url)"; the bare address when the text is empty or is the address itself. */
  closeLink(): void {
    const link = this.link;
    this.link = undefined;
    if (!link || !/^(?:https?:|mailto:)/i.test(link.url)) return;
    const bare = link.url.replace(/^mailto:/i, '');
    if (link.firstPart < 0) {
      this.word(bare);
    } else if (link.text === link.url || link.text === bare) {
      this.parts.length = link.firstPart;
      this.length -= link.text.length;
      this.emit(bare);
    } else {
      this.space();
      this.word(`(${bare})`);
    }
  }

  result(): string {
    return this.parts.join('');
  }
}

/** Elements whose content is not text; found by their end tag, never by a nested search. */
const SKIPPED_ELEMENTS: ReadonlyMap<string, RegExp> = new Map(
  ['script', 'style', 'head', 'title'].map((name) => [name, new RegExp(`</${name}[\\s/>]`, 'gi')]),
);
/** Browsers hide an unclosed script or style to the end; an unclosed head or title hides nothing. */
const HIDDEN_TO_THE_END = new Set(['script', 'style']);
const BREAK_BEFORE = new Set([
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'table', 'pre'],
  ...['div', 'tr', 'section', 'article', 'header', 'footer'],
]);
const PARAGRAPH_AFTER = new Set([
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'table', 'pre'],
]);
const BREAK_AFTER = new Set(['div', 'tr', 'section', 'article', 'header', 'footer']);

/** HTML to text in one pass over the source; every search resumes where the last one ended. */
function htmlToText(html: string): string {
  const out = new TextWriter();
  const unclosed = new Set<string>();
  let cellEndedAt = -1; // output length when a table cell closed: the next cell is a tab away
  let i = 0;
  while (i < html.length && !out.full) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out.text(html.slice(i));
      break;
    }
    if (lt > i) out.text(html.slice(i, lt));
    const next = html.charCodeAt(lt + 1);
    if (html.startsWith('<!--', lt) || next === 33 || next === 63) {
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
    const cellStarts = !closing && (name === 'td' || name === 'th');
    if (cellStarts && cellEndedAt === out.length) out.tab();
    cellEndedAt = closing && (name === 'td' || name === 'th') ? out.length : -1;

    const endTag = SKIPPED_ELEMENTS.get(name);
    if (!closing && endTag && !unclosed.has(name)) {
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
      continue;
    }
    if (name === 'a') {
      if (closing) out.closeLink();
      else out.openLink(tag.attributes?.get('href') ?? '');
    } else if (name === 'br') {
      out.newline(1);
    } else if (name === 'hr') {
      out.newline(1);
      out.word('---');
      out.newline(1);
    } else if (name === 'li') {
      if (!closing) {
        out.newline(1);
        out.word('-');
        out.space();
      }
    } else if (name === 'img') {
      const alt = (tag.attributes?.get('alt') ?? '').trim();
      if (alt) {
        out.word('[');
        out.text(alt);
        out.word(']');
      }
    } else if (closing) {
      if (PARAGRAPH_AFTER.has(name)) out.newline(2);
      else if (BREAK_AFTER.has(name)) out.newline(1);
    } else if (BREAK_BEFORE.has(name)) {
      out.newline(1);
    }
  }
  if (!out.full) out.closeLink();
  return out.result();
}

const KNOWN_TAGS = new Set([
  ...['p', 'div', 'span', 'a', 'b', 'i', 'u', 's', 'strong', 'em', 'ul', 'ol', 'li'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'td', 'th'],
  ...['blockquote', 'pre', 'code', 'html', 'body', 'head', 'font', 'center', 'section'],
  ...['article', 'header', 'footer', 'small', 'sup', 'sub', 'style', 'script'],
]);
const VOID_MARKERS = new Set(['br', 'hr', 'img']);

/**
 * A body is HTML when it closes a known tag or has a line-break, rule or image tag; a stray `<`
 * in plain text ("if a<b and c>d") does not make it HTML. Linear: once a tag runs to the end of
 * the text, later line-break, rule or image tags are not read again.
 */
export function looksLikeHtml(text: string): boolean {
  let tagsRunToTheEnd = false;
  for (let lt = text.indexOf('<'); lt >= 0; lt = text.indexOf('<', lt + 1)) {
    if (text.charCodeAt(lt + 1) === 47) {
      const end = nameEnd(text, lt + 2, 60); // 60 '<': a name never spans another tag
      if (!KNOWN_TAGS.has(text.slice(lt + 2, end).toLowerCase())) continue;
      let j = end;
      while (isTagSpace(text.charCodeAt(j))) j += 1;
      if (text.charCodeAt(j) === 62) return true;
    } else if (!tagsRunToTheEnd) {
      const end = nameEnd(text, lt + 1, 60);
      if (!VOID_MARKERS.has(text.slice(lt + 1, end).toLowerCase())) continue;
      if (readTag(text, lt).end > 0) return true;
      tagsRunToTheEnd = true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** Backtick runs of one line by length, each list in order, read from the front as the line is. */
class CodeSpans {
  private readonly runs = new Map<number, { starts: number[]; next: number }>();

  constructor(line: string) {
    for (let i = line.indexOf('`'); i >= 0; i = line.indexOf('`', i)) {
      const from = i;
      while (line.charCodeAt(i) === 96) i += 1;
      const runs = this.runs.get(i - from) ?? { starts: [], next: 0 };
      runs.starts.push(from);
      this.runs.set(i - from, runs);
    }
  }

  /** Where the run of `length` backticks closing the one at `from` starts, or -1. */
  closing(from: number, length: number): number {
    const runs = this.runs.get(length);
    if (!runs) return -1;
    while (runs.next < runs.starts.length && (runs.starts[runs.next] as number) <= from) {
      runs.next += 1;
    }
    return runs.starts[runs.next] ?? -1;
  }
}

const ESCAPABLE = new Set(['*', '_', '~', '`', '#', '[', ']', '\\']);
/** The address of a link or autolink is shown only for these schemes (as for HTML links). */
const SHOWN_URL = /^(?:https?:|mailto:)/i;
const AUTOLINK = /^(?:(?:https?:\/\/|mailto:)\S+|[^\s@]+@[^\s@]+\.[^\s@]+)$/i;
const BARE_URL = /^(?:https?:\/\/|www\.)/i;

function linkWithText(text: string, url: string): string {
  if (!SHOWN_URL.test(url)) return text;
  const bare = url.replace(/^mailto:/i, '');
  return !text || text === url || text === bare ? bare : `${text} (${bare})`;
}

/**
 * One line of Markdown without its inline markup. Emphasis needs a non-word character outside
 * its markers (CommonMark's rule for `_`, applied to `*` too), so 2*3*4 and snake_case_names
 * stay; a bare URL is copied as is. Every scan stops at a character the main loop then passes, or
 * reuses the previous scan's stop, so the line is read a bounded number of times.
 */
function inlineMarkdown(line: string, cutShort = false): string {
  const hasUrl = /https?:\/\/|www\./i.test(line);
  if (!hasUrl && !/[\\`[!<*_~]/.test(line)) return line; // most lines: nothing to do
  const out: string[] = [];
  const openers = new Map<string, number[]>();
  const code = line.includes('`') ? new CodeSpans(line) : undefined;
  let urlScan = { from: -1, stop: -1 }; // first ')' or space at or after `from`
  let literalFrom = 0;
  const take = (from: number, piece: string, to: number): number => {
    if (from > literalFrom) out.push(line.slice(literalFrom, from));
    out.push(piece);
    literalFrom = to;
    return to;
  };
  /** `[text](url)` at `at`, if it is one. */
  const link = (at: number): { text: string; url: string; end: number } | undefined => {
    let j = at + 1;
    while (j < line.length && line[j] !== ']' && line[j] !== '[') j += 1;
    if (line[j] !== ']' || line[j + 1] !== '(') return undefined;
    const from = j + 2;
    if (!(urlScan.from <= from && from <= urlScan.stop)) {
      let stop = from;
      while (stop < line.length && line[stop] !== ')' && !isSpaceAt(line, stop)) stop += 1;
      urlScan = { from, stop };
    }
    if (line[urlScan.stop] !== ')') return undefined;
    const url = line.slice(from, urlScan.stop).replace(/^<(.*)>$/, '$1');
    return { text: inlineMarkdown(line.slice(at + 1, j)).trim(), url, end: urlScan.stop + 1 };
  };

  let i = 0;
  while (i < line.length) {
    const c = line[i] as string;
    if (c === '\\' && ESCAPABLE.has(line[i + 1] ?? '') && line[i + 1] !== '\\') {
      i = take(i, line[i + 1] as string, i + 2);
    } else if (c === '`' && code) {
      let end = i;
      while (line.charCodeAt(end) === 96) end += 1;
      const close = code.closing(i, end - i);
      if (close < 0) i = end;
      else {
        const inner = line.slice(end, close);
        const padded = inner.length > 2 && inner.startsWith(' ') && inner.endsWith(' ');
        i = take(i, padded ? inner.slice(1, -1) : inner, close + (end - i));
      }
    } else if (c === '[' || (c === '!' && line[i + 1] === '[')) {
      const found = link(c === '!' ? i + 1 : i);
      if (!found) i += 1;
      else if (c === '!') i = take(i, found.text ? `[${found.text}]` : '', found.end);
      else i = take(i, linkWithText(found.text, found.url), found.end);
    } else if (c === '<') {
      let end = i + 1;
      while (end < line.length && !isSpaceAt(line, end) && line[end] !== '<' && line[end] !== '>')
        end += 1;
      const inner = line.slice(i + 1, end);
      if (line[end] === '>' && AUTOLINK.test(inner))
        i = take(i, inner.replace(/^mailto:/i, ''), end + 1);
      else i += 1;
    } else if (hasUrl && 'hHwW'.includes(c) && !isWordAt(line, i - 1)) {
      if (!BARE_URL.test(line.slice(i, i + 8))) {
        i += 1;
        continue;
      }
      let end = i;
      while (end < line.length && !isSpaceAt(line, end)) end += 1;
      while (end > i && '*_~'.includes(line[end - 1] as string)) end -= 1; // **https://…**
      i = take(i, line.slice(i, end), end);
    } else if (c === '*' || c === '_' || c === '~') {
      let end = i;
      while (line[end] === c) end += 1;
      const run = line.slice(i, end);
      const delimiter = run.length <= 3 && (c !== '~' || run.length === 2);
      const canOpen = delimiter && !isSpaceAt(line, end) && !isWordAt(line, i - 1);
      const canClose = delimiter && !isSpaceAt(line, i - 1) && !isWordAt(line, end);
      const waiting = openers.get(run) ?? [];
      openers.set(run, waiting);
      if (canClose && waiting.length > 0) {
        out[waiting.pop() as number] = '';
        i = take(i, '', end);
      } else {
        i = take(i, run, end);
        if (canOpen) waiting.push(out.length - 1);
      }
    } else {
      i += 1;
    }
  }
  if (literalFrom < line.length) out.push(line.slice(literalFrom));
  // A line read only in part: its open markers would have closed in the part not read.
  if (cutShort) for (const waiting of openers.values()) for (const at of waiting) out[at] = '';
  return out.join('');
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

/** Markdown (or plain text) to text, line by line, until the limit is passed. */
function markdownToText(markdown: string): { text: string; stopped: boolean } {
  const lines: string[] = [];
  let length = 0;
  let fence = ''; // the fence of the open code block, if any
  const lineBreak = /\r\n?|\n/g;
  let from = 0;
  while (from <= markdown.length) {
    if (length > PLAIN_TEXT_LIMIT) return { text: lines.join('\n').trim(), stopped: true };
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
        fenceMark !== undefined &&
        fenceMark[0] === fence[0] &&
        fenceMark.length >= fence.length &&
        line.trim() === fenceMark;
      if (closes) fence = '';
      else lines.push(line);
    } else if (fenceMark) {
      fence = fenceMark;
      continue;
    } else {
      lines.push(decodeEntities(markdownLine(line, truncated)));
    }
    length += (lines[lines.length - 1] ?? '').length + 1;
    if (truncated) return { text: lines.join('\n').trim(), stopped: true };
  }
  return { text: lines.join('\n').trim(), stopped: false };
}

/** One line outside code blocks: block markers first, then inline markup. */
function markdownLine(line: string, cutShort: boolean): string {
  const quote = /^(?: {0,3}>[ \t]?)+/.exec(line);
  const rest = quote ? line.slice(quote[0].length) : line;
  if (isStarOrUnderscoreRule(rest)) return '---';
  const heading = headingText(rest);
  if (heading !== undefined) return inlineMarkdown(heading, cutShort);
  const item = /^([ \t]*)[*+]([ \t]+)/.exec(rest);
  const marker = item ? `${item[1]}-${item[2]}` : '';
  return marker + inlineMarkdown(rest.slice(item ? item[0].length : 0), cutShort);
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
