import fc from 'fast-check';
import { resetNock } from '../helpers';
import { holdsBoundary, hostilePath, insideApi, sendPath } from './api-request-paths';

/**
 * Issue 20: API Request can only reach `https://{brand}.reamaze.io/api/v1/...`. Every hostile
 * form is refused before any request, naming the Path and what to fix; nothing reaches another
 * host (nock with disableNetConnect records every request). More seeds: the .long test.
 */

afterEach(resetNock);

const FULL_ADDRESS =
  'is a full web address: give only the part after /api/v1, for example /conversations.';
const CLIMBS =
  'contains an empty segment, "." or ".." (in any encoding), or an encoded slash or backslash.';

const HOSTILE: [string, string][] = [
  ['https://evil.com/api/v1/conversations', FULL_ADDRESS],
  ['HTTPS://EVIL.COM', FULL_ADDRESS],
  ['http://acme.reamaze.io.evil.com/api/v1/x', FULL_ADDRESS],
  ['https://acme.reamaze.io/api/v1/conversations', FULL_ADDRESS],
  ['javascript:alert(1)', FULL_ADDRESS],
  ['//evil.com/api/v1/conversations', FULL_ADDRESS],
  ['///evil.com', FULL_ADDRESS],
  ['\\\\evil.com\\x', 'contains a backslash.'],
  ['/\\evil.com', 'contains a backslash.'],
  ['/conversations\\..\\..\\x', 'contains a backslash.'],
  ['@evil.com', 'contains @: write it as %40 (an email address in a path, say).'],
  ['/@evil.com/x', 'contains @: write it as %40 (an email address in a path, say).'],
  ['user:pass@evil.com/x', FULL_ADDRESS],
  ['/x@evil.com', 'contains @: write it as %40 (an email address in a path, say).'],
  ['/conversations?x=1', 'contains ? or #: put query parameters in Query instead.'],
  ['/conversations#top', 'contains ? or #: put query parameters in Query instead.'],
  ['/conversations/a b', 'contains spaces or invisible characters: write a space as %20.'],
  ['/conversations/a\u00A0b', 'contains spaces or invisible characters: write a space as %20.'],
  ['/..', CLIMBS],
  ['../../evil', CLIMBS],
  ['/conversations/../../x', CLIMBS],
  ['/conversations/./x', CLIMBS],
  ['/a//b', CLIMBS],
  ['/%2e%2e/x', CLIMBS],
  ['/%2E%2E/x', CLIMBS],
  ['/%2E%2e/x', CLIMBS],
  ['/%2e%2E/x', CLIMBS],
  ['/.%2e/x', CLIMBS],
  ['/%2e./x', CLIMBS],
  ['/%2e/x', CLIMBS],
  ['/%252e%252e/x', CLIMBS],
  ['/%252E%252e/x', CLIMBS],
  ['/%25252e%25252e/x', CLIMBS],
  ['/conversations/%2f..%2f..%2fx', CLIMBS],
  ['/conversations%2F..%2F..%2Fstaff', CLIMBS],
  ['/conversations/a%2fb', CLIMBS],
  ['/conversations/a%252Fb', CLIMBS],
  ['/conversations/%5c..%5c', CLIMBS],
  ['/conversations/a%5Cb', CLIMBS],
  ['/conversations/a%255cb', CLIMBS],
  ['/api/v1/../x', CLIMBS],
];

describe('API Request refuses every path off the brand’s /api/v1, before any request', () => {
  it.each(HOSTILE)('%j', async (path, problem) => {
    const sent = await sendPath(path);
    expect(sent.error).toEqual({ name: 'HaltedError', message: `Path "${path}" ${problem}` });
    expect(sent.onBrand).toEqual([]);
    expect(sent.offBrand).toEqual([]);
  });

  it.each([
    ['/conversations', '/api/v1/conversations'],
    ['conversations', '/api/v1/conversations'],
    ['/api/v1/conversations/', '/api/v1/conversations'],
    ['API/V1/staff', '/api/v1/staff'],
    ['/contacts/maya%40example.com/notes', '/api/v1/contacts/maya%40example.com/notes'],
    ['/conversations/v1.2-release', '/api/v1/conversations/v1.2-release'],
    ['/conversations/café', '/api/v1/conversations/caf%C3%A9'],
    ['/conversations/a%20b', '/api/v1/conversations/a%20b'],
  ])('sends %j as %j on the brand', async (path, sentPath) => {
    const sent = await sendPath(path);
    expect(sent.error).toBeUndefined();
    expect(sent.onBrand).toEqual([`acme.reamaze.io ${sentPath}`]);
    expect(sent.onBrand.every(insideApi)).toBe(true);
    expect(sent.offBrand).toEqual([]);
  });

  it('holds for 25 seeded paths built from every hostile piece', async () => {
    const tally = { refused: 0, sent: 0 };
    await fc.assert(fc.asyncProperty(hostilePath, holdsBoundary(tally)), {
      numRuns: 25,
      seed: 20,
    });
    expect(tally.refused).toBeGreaterThan(5);
    expect(tally.sent).toBeGreaterThanOrEqual(2);
  });
});
