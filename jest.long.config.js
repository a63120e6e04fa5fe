/** `npm run test:long`: only the long simulations and property runs that `npm test` leaves out. */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['**/*.long.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
};
