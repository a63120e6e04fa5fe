/**
 * `npm run test:long`: the whole suite at full strength (TEST_LONG: every property case, the full
 * fault matrix and secret test, see test/runs.ts) plus the long simulations (`*.long.test.ts`).
 */
const base = require('./jest.config.js');

process.env.TEST_LONG = '1';

module.exports = {
  ...base,
  testPathIgnorePatterns: ['/node_modules/'],
};
