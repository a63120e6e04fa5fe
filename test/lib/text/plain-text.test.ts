import fc from 'fast-check';
import {
  CUT_NOTE,
  PLAIN_TEXT_LIMIT,
  decodeEntities,
  looksLikeHtml,
  toPlainText,
} from '../../../lib/text/plain-text';
import {
  HOSTILE_KINDS,
  MAX_GROWTH,
  checkBoundedOutput,
  checkLinearGrowth,
  growthRatios,
} from '../../fixtures/hostile-bodies';

describe('toPlainText', () => {
  it('turns an HTML email into readable text with paragraphs, breaks, lists and links', () => {
    const html =
      '<html><head><style>p{color:red}</style></head><body>' +
      '<p>Hi&nbsp;Dave,</p>\n<p>Thanks for writing.<br>Your order &#35;1042 ships <b>today</b> &amp; arrives Friday.</p>' +
      '<ul><li>Blue mug &times; 2</li><li>Tea &ndash; green</li></ul>' +
      '<p>Track it <a href="https://track.example/1042?x=1&amp;y=2">here</a> or <a href="https://acme.example">https://acme.example</a>.</p>' +
      '<!-- signature --><div>— HAL</div><script>alert(1)</script></body></html>';
    expect(toPlainText(html)).toBe(
      'Hi Dave,\n\nThanks for writing.\nYour order #1042 ships today & arrives Friday.\n\n' +
        '- Blue mug × 2\n- Tea – green\n\n' +
        'Track it here (https://track.example/1042?x=1&y=2) or https://acme.example.\n\n— HAL',
    );
  });

  it('leaves plain text as written (trimmed) but removes Markdown markers', () => {
    const markdown = '  **Refund** requested:\n\n1. order 42\n2. a < b and c > d\n\n_thanks_ 🙏  ';
    expect(toPlainText(markdown)).toBe(
      'Refund requested:\n\n1. order 42\n2. a < b and c > d\n\nthanks 🙏',
    );
  });

  it('keeps emoji and right-to-left text, and decodes their entities', () => {
    expect(toPlainText('<p>שלום &#x1F600; مرحبا</p>')).toBe('שלום 😀 مرحبا');
  });

  it('does not end a tag at a > inside a quoted attribute', () => {
    expect(
      toPlainText(
        '<p title="a > b">Hello</p><a href="https://x.example/?q=1>2" title=\'c > d\'>link</a>',
      ),
    ).toBe('Hello\n\nlink (https://x.example/?q=1>2)');
  });

  it('shows image alt text and table cells', () => {
    expect(
      toPlainText(
        '<p><img src="https://x.example/a.png" alt="receipt"></p><table><tr><td>A</td><td>B</td></tr></table>',
      ),
    ).toBe('[receipt]\n\nA\tB');
  });

  it('gives an empty string for empty, null or non-text bodies', () => {
    for (const body of ['', null, undefined, 42, {}, []]) expect(toPlainText(body)).toBe('');
  });

  it('never throws and never loses text that is not markup', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9À-ɏא-ת😀]{1,12}$/u);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('p', 'div', 'li', 'b', 'span'),
        (words, tag) => {
          const html = words.map((w) => `<${tag}>${w}</${tag}>`).join('<br>');
          const text = toPlainText(html);
          for (const w of words) expect(text).toContain(w);
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        (anything) => typeof toPlainText(anything) === 'string',
      ),
      { numRuns: 500 },
    );
  });
});

describe('toPlainText (properties)', () => {
  /** Words of text content: letters, digits, accents, Hebrew and emoji; no markup characters. */
  const word = fc.stringMatching(/^[A-Za-z0-9À-ɏא-ת😀.,!?:;()'"-]{1,10}$/u);
  const ENTITIES: [string, string][] = [
    ['&amp;', '&'],
    ['&quot;', '"'],
    ['&#39;', "'"],
    ['&#x1F600;', '😀'],
    ['&mdash;', '—'],
    ['&euro;', '€'],
    ['&times;', '×'],
    ['&eacute;', 'é'],
    ['&Uuml;', 'Ü'],
  ];
  const TAGS = [
    'p',
    'div',
    'span',
    'b',
    'i',
    'strong',
    'em',
    'li',
    'ul',
    'ol',
    'h2',
    'td',
    'blockquote',
    'a',
    'font',
    'pre',
  ];
  const attributes = fc.constantFrom(
    '',
    ' class="note"',
    " style='color:red; font-weight:bold'",
    ' data-id=42',
    ' href="https://x.example/p?a=1&amp;b=2"',
    ' title="a > b"',
  );

  type Node =
    | { text: string }
    | { entity: [string, string] }
    | { tag: string; attrs: string; children: Node[] };
  const { node } = fc.letrec<{ node: Node }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      word.map((text) => ({ text })),
      fc.constantFrom(...ENTITIES).map((entity) => ({ entity })),
      fc.record({
        tag: fc.constantFrom(...TAGS),
        attrs: attributes,
        children: fc.array(tie('node'), { maxLength: 4 }),
      }),
    ),
  }));

  const html = (n: Node): string =>
    'text' in n
      ? n.text
      : 'entity' in n
        ? n.entity[0]
        : `<${n.tag}${n.attrs}>${n.children.map(html).join(' ')}</${n.tag}>`;
  const content = (n: Node): string[] =>
    'text' in n ? [n.text] : 'entity' in n ? [n.entity[1]] : n.children.flatMap(content);

  it('keeps every piece of text content, in order, decodes entities and leaves no tag (HTML)', () => {
    fc.assert(
      fc.property(
        fc.array(node, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (nodes, comment) => {
          // A closing paragraph marks the body as HTML even when the generated nodes have no tag.
          const body = `${comment ? '<!-- a <b>hidden</b> comment -->' : ''}${nodes.map(html).join('\r\n')}<p></p>`;
          const text = toPlainText(body);
          let from = 0;
          for (const piece of nodes.flatMap(content)) {
            const at = text.indexOf(piece, from);
            expect([piece, at >= 0]).toEqual([piece, true]);
            from = at + piece.length;
          }
          expect(text).not.toMatch(/<\/?(?:p|div|span|b|a|li|ul|h2|td|font|pre)\b/i);
          expect(text).not.toContain('hidden');
          expect(text).not.toMatch(/&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i);
          expect(text).toBe(text.trim());
        },
      ),
      { numRuns: 500, seed: 5 },
    );
  }, 20_000);

  it('gives plain text (no markup, no entity) back as written, only trimmed', () => {
    const plain = fc
      .string({ unit: 'grapheme', maxLength: 80 })
      .filter((s) => !looksLikeHtml(s) && !/[&\r*_~`[\]<>#\\+]/.test(s));
    fc.assert(
      fc.property(plain, (body) => {
        expect(toPlainText(body)).toBe(body.trim());
      }),
      { numRuns: 1000, seed: 6 },
    );
  }, 20_000);

  it('never throws on malformed markup built from the awkward pieces', () => {
    const pieces = [
      '<',
      '</',
      '>',
      'p',
      'a',
      'li',
      ' href="',
      '"',
      '<!--',
      '-->',
      '&',
      '#',
      'x',
      ';',
      '<br>',
      '\r\n',
      ' ',
      '\t',
      'script',
      '=',
      "'",
    ];
    const malformed = fc
      .array(fc.constantFrom(...pieces), { maxLength: 60 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(malformed, (body) => typeof toPlainText(body) === 'string'),
      { numRuns: 1000, seed: 7 },
    );
  }, 20_000);
});

describe('helpers', () => {
  it('decodes named and numeric entities, leaving unknown ones', () => {
    expect(decodeEntities('&lt;b&gt; &quot;x&quot; &#39;y&#39; &#x41; &bogus; &#0; &#xD800;')).toBe(
      '<b> "x" \'y\' A &bogus; &#0; &#xD800;',
    );
  });

  it('recognises HTML only by real tags', () => {
    expect(looksLikeHtml('<p>hi</p>')).toBe(true);
    expect(looksLikeHtml('if a<b and c>d')).toBe(false);
    expect(looksLikeHtml('<3 you')).toBe(false);
  });

  it('reads a body as HTML only when it has a layout tag, not for inline tags', () => {
    for (const html of ['a<br>b', '<div class="x">a', 'a</td>', '<!DOCTYPE html>a', '<P>a']) {
      expect([html, looksLikeHtml(html)]).toEqual([html, true]);
    }
    for (const markdown of ['Hi **Noor** <b>ready</b>', '<a href="u">x</a>', 'if a<p and c>d']) {
      expect([markdown, looksLikeHtml(markdown)]).toEqual([markdown, false]);
    }
  });
});

describe('toPlainText: HTML constructs', () => {
  it.each([
    ['a doctype and processing instruction', '<!DOCTYPE html><?xml x?><p>Hi</p>', 'Hi'],
    [
      'Latin-1 entities, case kept',
      '<p>Am&eacute;lie &Eacute;MILE &Uuml;ber</p>',
      'Amélie ÉMILE Über',
    ],
    [
      'invalid references as written',
      '<p>&#99999999999; &#x110000; &bogus; &amp x</p>',
      '&#99999999999; &#x110000; &bogus; &amp x',
    ],
    [
      'a mailto link whose text is the address',
      '<p><a href="mailto:a@b.example">mailto:a@b.example</a>, <a href=mailto:a@b.example>write</a></p>',
      'a@b.example, write (a@b.example)',
    ],
    [
      'a link with no text',
      '<p>See <a href="https://x.example/a"></a>.</p>',
      'See https://x.example/a.',
    ],
    ['a link that is not http', '<p><a href="javascript:alert(1)">click</a></p>', 'click'],
    ['a rule', '<p>a</p><hr><p>b</p>', 'a\n\n---\n\nb'],
    ['tag names that are object keys', '<br><constructor>x</constructor><toString>y', 'xy'],
    [
      'a decoded tab, line break and no-break space',
      '<p>a&#9;b&#10;c&nbsp;&nbsp;d</p>',
      'a\tb\nc d',
    ],
    [
      'an unclosed link at the end',
      '<p>Hi</p>see <a href="https://x.example">there',
      'Hi\n\nsee there (https://x.example)',
    ],
    ['an unclosed head (shows its text)', '<p>Hi</p><head><p>Hello', 'Hi\n\nHello'],
    ['an unclosed title (shows its text)', '<p>Hi</p><title>Hello', 'Hi\n\nHello'],
    ['an unclosed script (hides the rest, as browsers do)', '<p>Hi</p><script>alert(1)<p>x', 'Hi'],
    ['an unclosed comment (hides the rest)', '<p>Hi</p><!-- x <p>y</p>', 'Hi'],
    ['a body ending inside a tag', '<p>Hi</p><p title="a>Hello', 'Hi'],
    ['a stray <', '<p>I <3 this &amp; a < b</p>', 'I <3 this & a < b'],
    ['Markdown inside HTML is left as written', '<p>**bold** 2*3</p>', '**bold** 2*3'],
  ])('%s', (_name, html, text) => {
    expect(toPlainText(html)).toBe(text);
  });
});

describe('toPlainText: Markdown', () => {
  it.each([
    ['bold around an issue number', '**#4471** is late', '#4471 is late'],
    [
      'italic, bold italic, strike, inline code',
      '*a* _b_ ***c*** __d__ ~~e~~ `f` ``g ` h``',
      'a b c d e f g ` h',
    ],
    [
      'text that only looks like markup',
      '2*3*4 snake_case_names #4471 a * b ~x~ john_doe@x.example ****',
      '2*3*4 snake_case_names #4471 a * b ~x~ john_doe@x.example ****',
    ],
    [
      'URLs with underscores',
      'https://x.example/_a_/b_c www.x.example/__init__',
      'https://x.example/_a_/b_c www.x.example/__init__',
    ],
    ['a bold URL', '**https://x.example/a_b**', 'https://x.example/a_b'],
    ['headings', '# Title #\n## Sub\n#4471 stays', 'Title\nSub\n#4471 stays'],
    ['blockquotes', '> quoted **b**\n> > deeper', 'quoted b\ndeeper'],
    [
      'list markers',
      '* one\n+ two\n- three\n  * nested\n1. four',
      '- one\n- two\n- three\n  - nested\n1. four',
    ],
    ['rules', 'a\n***\nb\n___\nc\n---', 'a\n---\nb\n---\nc\n---'],
    [
      'a code block, kept as written',
      '```js\n**kept** `x`\n```\nafter *it*',
      '**kept** `x`\nafter it',
    ],
    [
      'escapes (but not a Windows path)',
      '\\*not\\* C:\\Users\\x \\\\server',
      '*not* C:\\Users\\x \\\\server',
    ],
    [
      'links',
      '[docs](https://d.example/a_b) [https://u.example](https://u.example) [mail](mailto:a@b.example) [rel](/x)',
      'docs (https://d.example/a_b) https://u.example mail (a@b.example) rel',
    ],
    ['an image', '![logo](https://x.example/l.png) ![](https://x.example/m.png)', '[logo]'],
    [
      'autolinks',
      '<https://x.example/y_z_> <mailto:a@b.example> <a@b.example>',
      'https://x.example/y_z_ a@b.example a@b.example',
    ],
    ['entities and CRLF', 'Am&eacute;lie\r\n&amp; co\rend', 'Amélie\n& co\nend'],
    [
      'unclosed markup left as written',
      '**open [text](no-close `tick',
      '**open [text](no-close `tick',
    ],
  ])('%s', (_name, markdown, text) => {
    expect(toPlainText(markdown)).toBe(text);
  });

  it('keeps every word of generated Markdown, in order, without its markers', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9À-ɏ😀.,!?]{1,10}$/u);
    const styled = fc
      .tuple(word, fc.constantFrom('**', '*', '_', '__', '~~', '`', ''))
      .map(([w, mark]) => ({ word: w, markdown: `${mark}${w}${mark}` }));
    const linked = word.map((w) => ({ word: w, markdown: `[${w}](https://x.example/${w})` }));
    const line = fc
      .array(fc.oneof(styled, linked), { minLength: 1, maxLength: 6 })
      .chain((pieces) =>
        fc.constantFrom('', '# ', '> ', '* ').map((block) => ({
          words: pieces.map((p) => p.word),
          markdown: block + pieces.map((p) => p.markdown).join(' '),
        })),
      );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (lines) => {
        const text = toPlainText(lines.map((l) => l.markdown).join('\n'));
        let from = 0;
        for (const w of lines.flatMap((l) => l.words)) {
          const at = text.indexOf(w, from);
          expect([w, at >= 0]).toEqual([w, true]);
          from = at + w.length;
        }
        expect(text).not.toMatch(/\*\*|~~|`|\]\(|^#|^>/m);
      }),
      { numRuns: 300, seed: 13 },
    );
  });
});

/** Long texts compared by length and ends first, so that a failure prints something readable. */
function expectSameLongText(actual: string, expected: string): void {
  const outline = (t: string) => ({ length: t.length, head: t.slice(0, 30), tail: t.slice(-90) });
  expect(outline(actual)).toEqual(outline(expected));
  expect(actual === expected).toBe(true);
}

const END = `…\n\n${CUT_NOTE}`;

describe('toPlainText: Markdown with inline HTML (issue 19)', () => {
  it('is read as Markdown: markers removed, line breaks kept, inline tags removed', () => {
    expect(toPlainText('Hi **Noor**,\n\nyour order is <b>ready</b>.\n<i>Thanks</i>')).toBe(
      'Hi Noor,\n\nyour order is ready.\nThanks',
    );
  });

  it.each([
    [
      'links as for HTML',
      'See <a href="https://x.example/o">your order</a> or <A HREF=mailto:a@b.example>a@b.example</A>',
      'See your order (https://x.example/o) or a@b.example',
    ],
    [
      'a link whose text is its address',
      '<a href="https://x.example">https://x.example</a>',
      'https://x.example',
    ],
    ['a link that is not http', '<a href="javascript:x()">click</a> *now*', 'click now'],
    ['an image', '<img src="https://x.example/l.png" alt="logo"/> <img src=x>', '[logo]'],
    [
      'spans and fonts',
      '<span style="color:red">red</span> <font size=2>small</font>',
      'red small',
    ],
    ['tags inside code stay', '`<b>x</b>`', '<b>x</b>'],
    [
      'what only looks like a tag stays',
      'if a<b and c>d, <name> and <3',
      'if a<b and c>d, <name> and <3',
    ],
    ['escaped tags stay', '&lt;b&gt;kept&lt;/b&gt;', '<b>kept</b>'],
  ])('%s', (_name, markdown, text) => {
    expect(toPlainText(markdown)).toBe(text);
  });
});

describe('toPlainText: the cap', () => {
  it('says exactly how a cut body ends', () => {
    expect(CUT_NOTE).toBe('[Message cut: only the first 100,000 characters are shown.]');
    expect(PLAIN_TEXT_LIMIT).toBe(100_000);
  });

  it('converts at most 100,000 characters of an HTML body, then says so', () => {
    expectSameLongText(
      toPlainText(`<p>${'a'.repeat(150_000)}</p><p>more</p>`),
      'a'.repeat(100_000) + END,
    );
    expectSameLongText(
      toPlainText(`<p>${'ab '.repeat(40_000)}</p>`),
      `${'ab '.repeat(33_333)}a${END}`,
    );
    // Exactly at the limit: nothing is cut.
    expectSameLongText(toPlainText(`<p>${'a'.repeat(100_000)}</p>`), 'a'.repeat(100_000));
  });

  it('converts at most 100,000 characters of a Markdown body, then says so', () => {
    expectSameLongText(toPlainText(`**${'a'.repeat(150_000)}**`), 'a'.repeat(100_000) + END);
    expectSameLongText(
      toPlainText('line\n'.repeat(30_000)),
      `${'line\n'.repeat(19_999)}line${END}`,
    );
    expectSameLongText(toPlainText('a'.repeat(100_000)), 'a'.repeat(100_000));
  });

  it('never cuts inside a surrogate pair', () => {
    const emoji = `${'a'.repeat(99_999)}${'😀'.repeat(10)}`;
    expectSameLongText(toPlainText(emoji), 'a'.repeat(99_999) + END);
    expectSameLongText(toPlainText(`<p>${emoji}</p>`), 'a'.repeat(99_999) + END);
    expectSameLongText(
      toPlainText(`${'a'.repeat(99_998)}${'😀'.repeat(10)}`),
      `${'a'.repeat(99_998)}😀${END}`,
    );
  });

  it.each(HOSTILE_KINDS)('bounds the output of a 1 MB body of %s', (kind) => {
    checkBoundedOutput(kind, 2);
  });
});

describe('toPlainText: hostile bodies', () => {
  const fill = (head: string, piece: string): string =>
    head + piece.repeat(Math.ceil((1_000_000 - head.length) / piece.length));

  it.each([
    ['unclosed comments', fill('<br>', '<!--'), ''],
    ['unclosed scripts', fill('<br>', '<script>'), ''],
    ['unclosed styles', fill('<br>', '<style>'), ''],
    ['unclosed titles', fill('<br>', '<title>'), ''],
    ['unclosed links', fill('<br>', '<a>'), ''],
    ['an unclosed quoted attribute', fill('<br>', '<p title="a>'), ''],
    [
      'overflowing numeric entities',
      fill('<br>', '&#99999999999'),
      `${'&#99999999999'.repeat(7_692)}&#99${'…'}\n\n${CUT_NOTE}`,
    ],
  ])('1 MB of %s: the result a browser would show, cut', (_name, body, text) => {
    expectSameLongText(toPlainText(body), text);
  });

  // Linear growth: 10× the input costs about 10× the time (quadratic: about 100×). A ratio of
  // fastest runs (see MAX_GROWTH), never an absolute time; the big run: plain-text.long.test.ts.
  it.each(HOSTILE_KINDS)(`%s: 10× the body costs at most ${MAX_GROWTH}× the time`, (kind) => {
    checkLinearGrowth(kind, 1, 3);
  });

  // Link addresses that never close: each `](` once ran to the end of the line (1.3 s at 200 kB).
  it.each(['**_[a](`', '[a](x', '<a href="x" <b '])(
    `%s repeated: 10× the body costs at most ${MAX_GROWTH}× the time`,
    (unit) => {
      const { belowCap, pastCap } = growthRatios({ kind: 'markdown', prefix: '', unit }, 3);
      expect(belowCap).toBeLessThan(MAX_GROWTH);
      expect(pastCap).toBeLessThan(MAX_GROWTH);
    },
  );
});
