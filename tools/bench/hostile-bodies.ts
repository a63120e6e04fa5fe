/**
 * Message bodies a customer could send to make plain-text conversion slow: the shapes that were
 * quadratic before the linear rewrite (unclosed comments, scripts, titles, links), plus overflowing
 * entities, deep nesting and Markdown markers, each repeated to the size asked for.
 */
const SHAPES: readonly [prefix: string, unit: string][] = [
  ['<br>', '<!--'],
  ['<br>', '<script>'],
  ['<br>', '<style>'],
  ['<br>', '<title>'],
  ['<br>', '<a>'],
  ['<br>', '<a href="https://x.example">'],
  ['<br>', '<p title="a>'],
  ['<br>', '&#99999999999'],
  ['<br>', '<div><b>x'],
  ['', '**_[a](`'],
];

/** `count` bodies of `size` characters, cycling through the shapes. */
export function hostileBodies(count: number, size: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const [prefix, unit] = SHAPES[i % SHAPES.length] as [string, string];
    return (prefix + unit.repeat(Math.ceil(size / unit.length))).slice(0, size);
  });
}
