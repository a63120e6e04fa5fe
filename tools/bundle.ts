import fs from 'node:fs';
import path from 'node:path';
import { buildSync, type BuildOptions } from 'esbuild';

/**
 * The shipped app: index.ts and everything it imports, bundled from the TypeScript sources into
 * one CommonJS file, `dist/app.js`, which the root index.js loads. One file parses and loads in one
 * go, where 47 compiled modules each pay a file read, a wrapper and a compile (docs/bench.md).
 * zapier-platform-core stays external: Zapier's runtime and CLI require it by name, and there must
 * be one copy of its error classes. The source map is written beside it for local debugging
 * (`node --enable-source-maps`); it is not shipped: Zapier's runtime does not enable source maps
 * (no --enable-source-maps, no process.setSourceMapsEnabled in core or zapierwrapper.js), so its
 * logs would not use one, and the zip keeps only what index.js requires.
 */

/** The project root, whether this runs compiled (dist/tools/) or from source (tests). */
function projectRoot(from: string): string {
  return fs.existsSync(path.join(from, 'index.ts')) ? from : projectRoot(path.dirname(from));
}
const ROOT = projectRoot(__dirname);

export const BUNDLE_OPTIONS = {
  absWorkingDir: ROOT,
  entryPoints: ['index.ts'],
  outfile: 'dist/app.js',
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  external: ['zapier-platform-core'],
  // Less to parse on every cold start and a smaller zip (docs/bench.md). No keepNames: error
  // names are set explicitly, and a minified position in Zapier's logs maps back through the
  // source map of the same commit.
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
} satisfies BuildOptions;

/** Writes dist/app.js (and its map); returns the bundle's size in bytes. */
export function bundleApp(options: BuildOptions = {}): number {
  const result = buildSync({ ...BUNDLE_OPTIONS, metafile: true, ...options });
  const outputs = Object.entries(result.metafile?.outputs ?? {});
  return outputs.reduce(
    (sum, [file, output]) => sum + (file.endsWith('.js') ? output.bytes : 0),
    0,
  );
}

if (require.main === module) {
  const bytes = bundleApp();
  console.log(`dist/app.js: ${(bytes / 1000).toFixed(1)} kB`);
}
