import fc from 'fast-check';
import nock from 'nock';
import {
  apiBaseUrl,
  brandHost,
  inboxConversationUrl,
  InvalidBrandError,
  localBaseUrl,
} from '../../../lib/http/brand';
import { apiPath, reamazeRequest } from '../../../lib/http/client';
import { appTester, authData, describeError, resetNock } from '../../helpers';
import { runs } from '../../runs';

afterEach(resetNock);

describe('brandHost accepts what users paste', () => {
  it.each([
    ['acme', 'acme.reamaze.io'],
    [' Acme ', 'acme.reamaze.io'],
    ['\tacme\n', 'acme.reamaze.io'],
    ['acme-support', 'acme-support.reamaze.io'],
    ['acme2', 'acme2.reamaze.io'],
    ['acme.reamaze.io', 'acme.reamaze.io'],
    ['ACME.REAMAZE.IO', 'acme.reamaze.io'],
    ['acme.reamaze.com', 'acme.reamaze.io'],
    ['https://acme.reamaze.io', 'acme.reamaze.io'],
    ['https://acme.reamaze.io/', 'acme.reamaze.io'],
    ['https://acme.reamaze.io/admin/conversations', 'acme.reamaze.io'],
    ['https://acme.reamaze.io/admin/conversations?filter=open#top', 'acme.reamaze.io'],
    ['http://acme.reamaze.com/admin', 'acme.reamaze.io'],
    ['acme.reamaze.io/admin', 'acme.reamaze.io'],
  ])('%j → %s', (input, host) => {
    expect(brandHost(input)).toBe(host);
  });
});

describe('brandHost refuses everything else, with the expected form in the message', () => {
  it.each([
    ['', 'The Re:amaze brand is missing.'],
    ['   ', 'The Re:amaze brand is missing.'],
    ['acme.evil.com', '"acme.evil.com" is not a Re:amaze brand.'],
    ['evil.com', '"evil.com" is not a Re:amaze brand.'],
    ['acme.reamaze.io.evil.com', '"acme.reamaze.io.evil.com" is not a Re:amaze brand.'],
    ['evilreamaze.io', '"evilreamaze.io" is not a Re:amaze brand.'],
    ['reamaze.io', '"reamaze.io" is not a Re:amaze brand.'],
    ['me@evil.com', '"me@evil.com" is not a Re:amaze brand.'],
    ['https://me@acme.reamaze.io', '"https://me@acme.reamaze.io" is not a Re:amaze brand.'],
    [
      'https://acme.reamaze.io@evil.com',
      '"https://acme.reamaze.io@evil.com" is not a Re:amaze brand.',
    ],
    [
      'https://acme.reamaze.io/@evil.com',
      '"https://acme.reamaze.io/@evil.com" is not a Re:amaze brand.',
    ],
    ['acme.reamaze.io:8443', '"acme.reamaze.io:8443" is not a Re:amaze brand.'],
    [
      'https://acme.reamaze.io:443/admin',
      '"https://acme.reamaze.io:443/admin" is not a Re:amaze brand.',
    ],
    ['acme/../../evil.com', '"acme/../../evil.com" is not a Re:amaze brand.'],
    ['https://acme.reamaze.io/../x', '"https://acme.reamaze.io/../x" is not a Re:amaze brand.'],
    [
      'https://evil.com\\@acme.reamaze.io',
      '"https://evil.com\\@acme.reamaze.io" is not a Re:amaze brand.',
    ],
    ['acme/admin', '"acme/admin" is not a Re:amaze brand.'],
    ['ftp://acme.reamaze.io', '"ftp://acme.reamaze.io" is not a Re:amaze brand.'],
    ['//acme.reamaze.io', '"//acme.reamaze.io" is not a Re:amaze brand.'],
    ['acme.reamaze.io.', '"acme.reamaze.io." is not a Re:amaze brand.'],
    ['test_brand', '"test_brand" is not a Re:amaze brand.'],
    ['xn--acme', '"xn--acme" is not a Re:amaze brand.'],
    ['-acme', '"-acme" is not a Re:amaze brand.'],
    ['acme-', '"acme-" is not a Re:amaze brand.'],
    ['a'.repeat(64), `"${'a'.repeat(64)}" is not a Re:amaze brand.`],
    [
      'ac me',
      'The Re:amaze brand may only contain letters, digits and hyphens (no spaces or accents).',
    ],
    [
      'acmé',
      'The Re:amaze brand may only contain letters, digits and hyphens (no spaces or accents).',
    ],
    [
      'аcme',
      'The Re:amaze brand may only contain letters, digits and hyphens (no spaces or accents).',
    ], // Cyrillic а
    // Letters that lowercase to ASCII: refused before lowercasing, never connected as "kcme".
    ...['\u212Acme', 'https://\u212Acme.reamaze.io', 'acme\u0130', '\u212A'].map(
      (input): [string, string] => [
        input,
        'The Re:amaze brand may only contain letters, digits and hyphens (no spaces or accents).',
      ],
    ),
  ])('%j', (input, detail) => {
    let thrown: unknown;
    try {
      brandHost(input);
    } catch (error) {
      thrown = error;
    }
    expect(describeError(thrown)).toEqual({
      name: 'AppError',
      code: 'InvalidBrand',
      status: 400,
      message: `${detail} Enter your brand as it appears in your Re:amaze address: for https://acme.reamaze.io enter "acme". You find it under Settings → Brands in Re:amaze.`,
    });
  });

  it('refuses a missing brand even as the very first call (nothing remembered yet)', () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fresh = require('../../../lib/http/brand') as typeof import('../../../lib/http/brand');
      expect(() => fresh.brandHost(undefined)).toThrow('The Re:amaze brand is missing.');
      expect(fresh.brandHost('acme')).toBe('acme.reamaze.io');
      expect(fresh.brandHost('acme')).toBe('acme.reamaze.io');
      expect(() => fresh.brandHost('evil.com')).toThrow('is not a Re:amaze brand');
      expect(() => fresh.brandHost(undefined)).toThrow('The Re:amaze brand is missing.');
    });
  });

  it('refuses values that are not text', () => {
    for (const value of [undefined, null, 42, {}, ['acme']]) {
      expect(() => brandHost(value)).toThrow('The Re:amaze brand is missing.');
    }
  });
});

describe('the API base URL', () => {
  it('is https://{brand}.reamaze.io/api/v1', () => {
    expect(apiBaseUrl('Acme', {})).toBe('https://acme.reamaze.io/api/v1');
  });

  it('honours a loopback REAMAZE_BASE_URL for local development', () => {
    expect(apiBaseUrl('acme', { REAMAZE_BASE_URL: 'http://127.0.0.1:4010/api/v1/' })).toBe(
      'http://127.0.0.1:4010/api/v1',
    );
    expect(localBaseUrl({ REAMAZE_BASE_URL: 'http://localhost:9/api/v1' })).toBe(
      'http://localhost:9/api/v1',
    );
    expect(localBaseUrl({ REAMAZE_BASE_URL: 'http://[::1]:9/api/v1' })).toBe(
      'http://[::1]:9/api/v1',
    );
    expect(localBaseUrl({ REAMAZE_BASE_URL: 'http://127.8.9.10/api/v1' })).toBe(
      'http://127.8.9.10/api/v1',
    );
  });

  it.each([
    'https://evil.com/api/v1',
    'http://10.0.0.5/api/v1',
    'http://192.168.1.2/api/v1',
    'http://127.0.0.1.evil.com/api/v1',
    'http://user:pw@127.0.0.1/api/v1',
    'file:///etc/passwd',
    'not a url',
  ])('refuses a non-loopback REAMAZE_BASE_URL: %s', (value) => {
    expect(() => apiBaseUrl('acme', { REAMAZE_BASE_URL: value })).toThrow(/REAMAZE_BASE_URL/);
  });

  it('still validates the brand under the local override', () => {
    expect(() => apiBaseUrl('evil.com', { REAMAZE_BASE_URL: 'http://127.0.0.1:1/api/v1' })).toThrow(
      'is not a Re:amaze brand',
    );
  });

  it('links to the conversation in the brand inbox', () => {
    expect(inboxConversationUrl('https://acme.reamaze.com', 'do-you-read-me')).toBe(
      'https://acme.reamaze.io/admin/conversations/do-you-read-me',
    );
    expect(inboxConversationUrl('acme', 'a/b?c')).toBe(
      'https://acme.reamaze.io/admin/conversations/a%2Fb%3Fc',
    );
  });
});

describe('no brand input ever sends the credentials to another host (generated sweep)', () => {
  const hosts: string[] = [];
  const record = (): void => {
    nock(/.*/)
      .persist()
      .get(/.*/)
      .reply(function () {
        // nock's typings omit the request options it records at runtime.
        hosts.push(
          String((this.req as unknown as { options: { hostname?: string } }).options.hostname),
        );
        return [200, { page_size: 30, page_count: 1, total_count: 0, channels: [] }];
      });
  };

  const nastyPieces = [
    'acme',
    'reamaze',
    'reamaze.io',
    'reamaze.com',
    '.',
    '/',
    '@',
    ':',
    '\\',
    '..',
    '?',
    '#',
    '%2e',
    '%40',
    'evil.com',
    'https://',
    'http://',
    ' ',
    '\t',
    '\u0430',
    '\u3002',
    '8443',
    'xn--',
    '-',
    '_',
    'www',
  ];
  const nearlyValid = fc
    .tuple(
      fc.constantFrom('', 'https://', 'http://', 'ftp://', '//', 'me@'),
      fc.stringMatching(/^[a-zA-Z0-9-]{1,12}$/),
      fc.constantFrom(
        '',
        '.reamaze.io',
        '.reamaze.com',
        '.reamaze.io/admin',
        '.reamaze.io.evil.com',
        '.evil.com',
        ':443',
      ),
    )
    .map(([scheme, label, suffix]) => `${scheme}${label}${suffix}`);
  const brandLike = fc.oneof(
    { arbitrary: nearlyValid, weight: 4 },
    fc.string({ maxLength: 40 }),
    fc.array(fc.constantFrom(...nastyPieces), { maxLength: 8 }).map((parts) => parts.join('')),
    fc.webUrl(),
    fc.domain(),
    fc.emailAddress(),
  );

  it('every accepted brand resolves to {label}.reamaze.io and only that host is contacted', async () => {
    record();
    const cases = runs(200);
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(brandLike, async (brand) => {
        let host: string | undefined;
        try {
          host = brandHost(brand);
        } catch {
          host = undefined;
        }
        const before = hosts.length;
        try {
          await appTester((z, bundle) => reamazeRequest(z, bundle, { path: '/channels' }), {
            authData: { ...authData, brand },
          });
        } catch {
          // refused: then no request may have been made
        }
        const contacted = hosts.slice(before);
        if (host === undefined) {
          refused += 1;
          expect(contacted).toEqual([]);
        } else {
          accepted += 1;
          expect(host).toMatch(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.reamaze\.io$/);
          expect(contacted).toEqual([host]);
        }
      }),
      { numRuns: cases, seed: 10 },
    );
    // The sweep must exercise both sides of the boundary to mean anything.
    expect(accepted).toBeGreaterThan(cases / 40);
    expect(refused).toBeGreaterThan(cases / 2);
  }, 30_000); // 200 runs through Zapier's runner
});

describe('brand normalisation (properties)', () => {
  const label = fc
    .stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/)
    .filter((value) => !value.startsWith('xn--'));
  const mixedCase = (value: string, flips: boolean[]): string =>
    [...value].map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c)).join('');

  it('every way of writing a brand gives {brand}.reamaze.io', () => {
    fc.assert(
      fc.property(
        label,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('', ' ', '\t', '\n '),
        fc.constantFrom('', 'https://', 'http://'),
        fc.constantFrom('.reamaze.io', '.reamaze.com'),
        fc.constantFrom('', '/', '/admin', '/admin/conversations/abc?x=1#top'),
        (brand, flips, space, scheme, domain, path) => {
          const host = `${brand}.reamaze.io`;
          expect(brandHost(`${space}${mixedCase(brand, flips)}${space}`)).toBe(host);
          expect(brandHost(`${space}${scheme}${mixedCase(brand + domain, flips)}${path}`)).toBe(
            host,
          );
        },
      ),
      { numRuns: runs(1000), seed: 11 },
    );
  }, 20_000);

  const anything = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({
      unit: fc.constantFrom('a', 'c', 'm', 'e', '.', '/', '@', ':', '\\', '-', ' ', '%', '#', '?'),
      maxLength: 30,
    }),
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.domain(),
    fc.emailAddress(),
    fc
      .tuple(
        label,
        fc.constantFrom('.reamaze.io', '.evil.com', '.reamaze.io.evil.com', ':8443', '@evil.com'),
      )
      .map(([l, s]) => l + s),
  );

  it('any input is refused with InvalidBrand, or gives a host whose addresses all stay on it', () => {
    // Few inputs are brands: 200 cases every day (fast, no runner) for both sides to show.
    const cases = runs(2000, 200);
    let accepted = 0;
    fc.assert(
      fc.property(anything, fc.string({ maxLength: 20 }), (input, slug) => {
        let host: string;
        try {
          host = brandHost(input);
        } catch (error) {
          expect(describeError(error)).toMatchObject({
            name: 'AppError',
            code: 'InvalidBrand',
            status: 400,
          });
          expect(() => apiBaseUrl(input, {})).toThrow(
            /is not a Re:amaze brand|missing|may only contain/,
          );
          return;
        }
        expect(host).toMatch(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.reamaze\.io$/);
        accepted += 1;
        expect(brandHost(host)).toBe(host); // normalising twice changes nothing
        const api = new URL(apiBaseUrl(input, {}));
        expect([api.protocol, api.hostname, api.port, api.username, api.pathname]).toEqual([
          'https:',
          host,
          '',
          '',
          '/api/v1',
        ]);
        // A slug, whatever it holds, stays one path segment on the same host.
        const link = new URL(inboxConversationUrl(input, slug));
        expect(link.hostname).toBe(host);
        expect(link.pathname).toBe(`/admin/conversations/${encodeURIComponent(slug)}`);
      }),
      { numRuns: cases, seed: 12 },
    );
    // Both sides of the boundary are exercised.
    expect(accepted).toBeGreaterThan(cases / 40);
    expect(accepted).toBeLessThan(cases * 0.95);
  }, 20_000);

  it('apiPath keeps every user value inside its own path segment', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        fc.string({ unit: 'grapheme', maxLength: 10 }),
        (slug, other) => {
          let path: string;
          try {
            path = apiPath('conversations', slug, other);
          } catch (error) {
            // Refused only when a segment is blank, dots, or holds a slash once decoded.
            expect(String((error as Error).message)).toContain('InvalidPath');
            const decodes = (s: string) => {
              try {
                return decodeURIComponent(decodeURIComponent(decodeURIComponent(s)));
              } catch {
                return s;
              }
            };
            expect(
              [slug, other].some(
                (s) => /^\s*$|^\.{1,2}$|[/\\]/.test(s) || /^\.{1,2}$|[/\\]/.test(decodes(s)),
              ),
            ).toBe(true);
            return;
          }
          const url = new URL(`https://acme.reamaze.io/api/v1${path}`);
          expect(url.hostname).toBe('acme.reamaze.io');
          expect(url.search).toBe('');
          expect(url.pathname.split('/').slice(3).map(decodeURIComponent)).toEqual([
            'conversations',
            slug,
            other,
          ]);
        },
      ),
      { numRuns: runs(1000), seed: 13 },
    );
  }, 20_000);
});

describe('brandHost, asked again for the same brand (cached)', () => {
  it('answers as the first time, and still refuses what it refused', () => {
    for (let i = 0; i < 3; i += 1) {
      expect(brandHost('https://Acme.reamaze.io/admin')).toBe('acme.reamaze.io');
      expect(brandHost('acme')).toBe('acme.reamaze.io');
      expect(() => brandHost('acme.reamaze.io.evil.com')).toThrow(InvalidBrandError);
      expect(() => brandHost(' ')).toThrow('The Re:amaze brand is missing.');
    }
  });
});
