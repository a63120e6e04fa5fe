/** `npm run test:long` (jest.long.config.js) sets TEST_LONG: the whole suite at full strength. */
export const LONG = process.env.TEST_LONG === '1';

/** Cases for a property test: its full count in the long run, ~25 seeded ones every day. */
export const runs = (full: number, everyday = 25): number =>
  LONG ? full : Math.min(full, everyday);
