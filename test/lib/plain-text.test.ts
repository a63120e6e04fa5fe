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
