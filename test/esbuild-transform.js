// Jest's transform for the TypeScript sources: esbuild strips the types, file by file (tsconfig's
// isolatedModules guarantees that is enough); `npm test` type-checks with `tsc --noEmit` first.
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, {
      loader: 'ts',
      format: 'cjs',
      target: 'node22',
      sourcefile: filename,
      sourcemap: 'external',
      sourcesContent: false,
    });
    return { code, map };
  },
};
