import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The README's prose and tables: what a reader sees outside code blocks. */
function proseLines(): string[] {
  let inCode = false;
  return readme.split('\n').filter((line) => {
    if (line.startsWith('```')) inCode = !inCode;
    return !inCode && !line.startsWith('```');
  });
}

describe('README', () => {
  it('stays short enough to read in five minutes, in a 100-column terminal', () => {
    expect(Buffer.byteLength(readme)).toBeLessThan(12_000);
    expect(proseLines().filter((line) => line.length > 100)).toEqual([]);
  });

  it('and docs/ hold what only prose can say, in under 36 kB together', () => {
    const docs = readdirSync(join(ROOT, 'docs')).map((name) =>
      readFileSync(join(ROOT, 'docs', name)),
    );
    expect(docs.reduce((bytes, doc) => bytes + doc.length, 0)).toBeLessThan(36_000);
  });

  it('links only to files that exist', () => {
    const targets = [...readme.matchAll(/\]\(((?:docs|lib|test)\/[^)#]+)\)|\]: ((?:docs)\/\S+)/g)];
    expect(targets.length).toBeGreaterThan(0);
    const missing = targets
      .map((match) => match[1] ?? match[2] ?? '')
      .filter((path) => !existsSync(join(ROOT, path)));
    expect(missing).toEqual([]);
  });

  it('shows the scripts that package.json defines', () => {
    const scripts = Object.keys(
      (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: object }).scripts,
    );
    const shown = [...readme.matchAll(/npm run ([a-z:]+)/g)].map((match) => match[1]);
    expect(shown.filter((name) => !scripts.includes(name ?? ''))).toEqual([]);
  });
});
