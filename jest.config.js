/** Tests run from the TypeScript sources; `npm test` type-checks them first with `tsc --noEmit`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Long simulations (`*.long.test.ts`) and full property runs: `npm run test:long` (test/runs.ts).
  testPathIgnorePatterns: ['/node_modules/', '\\.long\\.test\\.ts$'],
  // `../index` means index.ts; `index.js` the root index.js over the bundle (e2e and the shim test).
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['<rootDir>/test/setup.ts'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  // jest's default leaves a core idle (cores − 1): on 2-core machines that nearly doubles the run.
  maxWorkers: '100%',
  transform: {
    // esbuild strips types per file (test/esbuild-transform.js); tsc --noEmit type-checks first.
    '^.+\\.ts$': '<rootDir>/test/esbuild-transform.js',
  },
};
