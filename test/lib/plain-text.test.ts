import fc from 'fast-check';
import { decodeEntities, looksLikeHtml, toPlainText } from '../../lib/plain-text';

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

  it('leaves plain text and Markdown as written (trimmed)', () => {
    const markdown = '  **Refund** requested:\n\n1. order 42\n2. a < b and c > d\n\n_thanks_ 🙏  ';
    expect(toPlainText(markdown)).toBe(
      '**Refund** requested:\n\n1. order 42\n2. a < b and c > d\n\n_thanks_ 🙏',
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
          expect(text).toBe(text.trim());
        },
      ),
      { numRuns: 500, seed: 5 },
    );
  }, 20_000);

  it('gives plain text (no markup, no entity) back as written, only trimmed', () => {
    const plain = fc
      .string({ unit: 'grapheme', maxLength: 80 })
      .filter((s) => !looksLikeHtml(s) && !s.includes('&') && !s.includes('\r'));
    fc.assert(
      fc.property(plain, (body) => {
        expect(toPlainText(body)).toBe(body.trim());
      }),
      { numRuns: 1000, seed: 6 },
    );
  }, 20_000);

  it('never throws, and stays fast on malformed markup built from the awkward pieces', () => {
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
    // Long unclosed constructs must not make the regular expressions backtrack for seconds.
    for (const piece of ['<a href="', '<!--', '<p ', '&#', '<li>', '<</', '<script>']) {
      const started = performance.now();
      toPlainText(`<p>x</p>${piece.repeat(4_000)}`);
      expect([piece, performance.now() - started < 1_500]).toEqual([piece, true]);
    }
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
});
