import fc from 'fast-check';
import { isPrivateIpv4, publicUrl, publicUrls } from '../../../lib/input/public-url';
import { thrownBy } from '../../helpers';

const HINT =
  'Re:amaze downloads the file from the internet: use a public link, such as a file from an earlier step.';

function privateAddress(url: string, host: string): unknown {
  return {
    name: 'HaltedError',
    message: `Attachment ${url} points at a private or local network address (${host}). ${HINT}`,
  };
}

describe('publicUrl: the one check for addresses Re:amaze downloads', () => {
  it('passes a public https or http address through as parsed', () => {
    expect(publicUrl('https://files.example.com/report.pdf', 'Attachment')).toBe(
      'https://files.example.com/report.pdf',
    );
    expect(publicUrl('  http://8.8.8.8/a b%20c  '.replace(' b', 'b'), 'Attachment')).toBe(
      'http://8.8.8.8/ab%20c',
    );
    // A Zapier hydrated file URL is an ordinary public https address.
    expect(
      publicUrl(
        'https://zapier.com/engine/hydrate/1234/.eJx1kE1PwzAMhv9K5/attachment.png',
        'Attachment',
      ),
    ).toBe('https://zapier.com/engine/hydrate/1234/.eJx1kE1PwzAMhv9K5/attachment.png');
    expect(publicUrl('https://[2606:4700:4700::1111]/x', 'Attachment')).toBe(
      'https://[2606:4700:4700::1111]/x',
    );
    expect(publicUrl('https://[::ffff:8.8.8.8]/x', 'Attachment')).toBe(
      'https://[::ffff:808:808]/x',
    );
    // Public IPv4 addresses behind NAT64 and 6to4 are public too.
    expect(publicUrl('https://[64:ff9b::8.8.8.8]/x', 'Attachment')).toBe(
      'https://[64:ff9b::808:808]/x',
    );
    expect(publicUrl('https://[2002:808:808::1]/x', 'Attachment')).toBe(
      'https://[2002:808:808::1]/x',
    );
  });

  it('treats empty as absent', () => {
    expect(publicUrl('', 'Attachment')).toBeUndefined();
    expect(publicUrl('   ', 'Attachment')).toBeUndefined();
    expect(publicUrl(undefined, 'Attachment')).toBeUndefined();
    expect(publicUrls(['', ' '], 'Attachments')).toBeUndefined();
  });

  // Each row: what a user or an attacker may type, and the host the refusal names.
  const PRIVATE: [string, string, string][] = [
    [
      'http://169.254.169.254/latest/meta-data/',
      'http://169.254.169.254/latest/meta-data/',
      '169.254.169.254',
    ],
    ['http://2852039166/', 'http://169.254.169.254/', '169.254.169.254'],
    ['http://0xA9FEA9FE/', 'http://169.254.169.254/', '169.254.169.254'],
    ['http://0251.0376.0251.0376/', 'http://169.254.169.254/', '169.254.169.254'],
    ['http://0xa9.0xfe.0xa9.0xfe/', 'http://169.254.169.254/', '169.254.169.254'],
    ['http://169.254.43518/', 'http://169.254.169.254/', '169.254.169.254'],
    ['http://127.1/', 'http://127.0.0.1/', '127.0.0.1'],
    ['http://0/', 'http://0.0.0.0/', '0.0.0.0'],
    ['https://10.0.0.5:8443/x', 'https://10.0.0.5:8443/x', '10.0.0.5'],
    ['https://172.31.255.255/', 'https://172.31.255.255/', '172.31.255.255'],
    ['https://192.168.1.1/', 'https://192.168.1.1/', '192.168.1.1'],
    ['https://100.64.0.1/', 'https://100.64.0.1/', '100.64.0.1'],
    ['https://224.0.0.1/', 'https://224.0.0.1/', '224.0.0.1'],
    ['https://255.255.255.255/', 'https://255.255.255.255/', '255.255.255.255'],
    ['http://[::1]/', 'http://[::1]/', '[::1]'],
    ['http://[::]/', 'http://[::]/', '[::]'],
    ['http://[::ffff:169.254.169.254]/', 'http://[::ffff:a9fe:a9fe]/', '[::ffff:a9fe:a9fe]'],
    ['http://[::ffff:7f00:1]/', 'http://[::ffff:7f00:1]/', '[::ffff:7f00:1]'],
    ['http://[0:0:0:0:0:ffff:10.0.0.1]/', 'http://[::ffff:a00:1]/', '[::ffff:a00:1]'],
    ['http://[64:ff9b::a9fe:a9fe]/', 'http://[64:ff9b::a9fe:a9fe]/', '[64:ff9b::a9fe:a9fe]'],
    ['http://[2002:a9fe:a9fe::1]/', 'http://[2002:a9fe:a9fe::1]/', '[2002:a9fe:a9fe::1]'],
    ['http://[64:ff9b:1::808:808]/', 'http://[64:ff9b:1::808:808]/', '[64:ff9b:1::808:808]'],
    ['http://[::ffff:0:a00:1]/', 'http://[::ffff:0:a00:1]/', '[::ffff:0:a00:1]'],
    ['http://[fe80::1]/', 'http://[fe80::1]/', '[fe80::1]'],
    ['http://[fd00:ec2::254]/', 'http://[fd00:ec2::254]/', '[fd00:ec2::254]'],
    ['http://[ff02::1]/', 'http://[ff02::1]/', '[ff02::1]'],
  ];

  it.each(PRIVATE)('refuses %s (any notation) before any request', (input, url, host) => {
    expect(thrownBy(() => publicUrl(input, 'Attachment'))).toEqual(privateAddress(url, host));
  });

  it.each([
    ['http://localhost/x', 'localhost'],
    ['http://LOCALHOST./x', 'localhost.'],
    ['http://files.localhost/x', 'files.localhost'],
    ['http://metadata.google.internal/x', 'metadata.google.internal'],
    ['http://printer.local/x', 'printer.local'],
    ['http://intranet/x', 'intranet'],
  ])('refuses the private-network name in %s', (input, host) => {
    const url = new URL(input).href;
    expect(thrownBy(() => publicUrl(input, 'Attachment'))).toMatchObject({
      name: 'HaltedError',
      message: `Attachment ${url} points at a name that only works inside a private network (${host}). ${HINT}`,
    });
  });

  it('refuses user-info without repeating the password', () => {
    const error = thrownBy(() => publicUrl('https://u:p4ssw0rd@x.co/a', 'Attachment')) as {
      message: string;
    };
    expect(error).toEqual({
      name: 'HaltedError',
      message: `Attachment https://x.co/a has a user name or password written into it (before the @), which Re:amaze would keep with the file. Remove it and use a link that needs no login. ${HINT}`,
    });
    expect(
      thrownBy(() => publicUrl('https://evil.example@169.254.169.254/', 'Attachment')),
    ).toMatchObject({
      message: expect.stringContaining('has a user name or password'),
    });
    expect(
      JSON.stringify(thrownBy(() => publicUrl('ftp://u:p4ssw0rd@x.co/a', 'Attachment'))),
    ).not.toContain('p4ssw0rd');
  });

  it.each([
    ['ftp://files.example.com/a'],
    ['file:///etc/passwd'],
    ['javascript:alert(1)'],
    ['files.example.com/a.pdf'],
    ['https://evil.example\\@169.254.169.254/'],
    ['https://files.example.com/a b.pdf'],
    ['https://files.example.com/\u0000'],
  ])('refuses %j, which is not a plain web address', (input) => {
    expect(thrownBy(() => publicUrl(input, 'Attachment'))).toMatchObject({
      name: 'HaltedError',
      message: expect.stringMatching(
        /^Attachment ".*" is not a web address\. Use a full address starting with https:\/\/, or a file from an earlier step\.$/s,
      ),
    });
  });

  it('refuses an object or a list where one file is expected', () => {
    expect(thrownBy(() => publicUrl({ url: 'https://x.co/a' }, 'Attachment'))).toMatchObject({
      name: 'HaltedError',
      message: 'Attachment must be a single web address or file, not a list or an object.',
    });
  });

  it('names the position of a bad file among several', () => {
    expect(publicUrls(['https://x.co/a', 'https://x.co/b'], 'Attachments')).toEqual([
      'https://x.co/a',
      'https://x.co/b',
    ]);
    expect(publicUrls('https://x.co/a', 'Attachments')).toEqual(['https://x.co/a']);
    expect(
      thrownBy(() => publicUrls(['https://x.co/a', '', 'http://[::1]/'], 'Attachments')),
    ).toMatchObject({
      message: expect.stringMatching(/^Attachments \(file 2\) http:\/\/\[::1\]\/ points at/),
    });
  });
});

/** The ways an IPv4 address can be written that URL parsers (and inet_aton) accept. */
function notations(octets: number[]): string[] {
  const n = ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0;
  const hex = (x: number): string => `0x${x.toString(16)}`;
  const oct = (x: number): string => `0${x.toString(8)}`;
  return [
    octets.join('.'),
    String(n),
    hex(n),
    oct(n),
    octets.map(hex).join('.'),
    octets.map(oct).join('.'),
    `${octets[0]}.${(n & 0xffffff) >>> 0}`,
    `${octets[0]}.${octets[1]}.${n & 0xffff}`,
    `[::ffff:${octets.join('.')}]`,
    `[0:0:0:0:0:ffff:${hex((n >>> 16) & 0xffff).slice(2)}:${hex(n & 0xffff).slice(2)}]`,
    `[64:ff9b::${octets.join('.')}]`,
  ];
}

const octet = fc.integer({ min: 0, max: 255 });
/** An address inside one of the ranges: [first octet(s), prefix]. */
const privateV4 = fc.oneof(
  fc.tuple(fc.constant(10), octet, octet, octet),
  fc.tuple(fc.constant(127), octet, octet, octet),
  fc.tuple(fc.constant(169), fc.constant(254), octet, octet),
  fc.tuple(fc.constant(172), fc.integer({ min: 16, max: 31 }), octet, octet),
  fc.tuple(fc.constant(192), fc.constant(168), octet, octet),
  fc.tuple(fc.constant(100), fc.integer({ min: 64, max: 127 }), octet, octet),
  fc.tuple(fc.constant(0), octet, octet, octet),
  fc.tuple(fc.integer({ min: 224, max: 255 }), octet, octet, octet),
);
const publicV4 = fc
  .tuple(fc.integer({ min: 1, max: 223 }), octet, octet, octet)
  .filter((octets) => !isPrivateIpv4(octets));

/** Counted per category, for the report in docs/attachment-urls.md. */
const tried = { privateV4: 0, publicV4: 0, privateV6: 0, userInfo: 0 };

describe('publicUrl, property: every notation of an address gets the same answer', () => {
  afterAll(() => {
    // One line in the test output: how many inputs each category tried.
    process.stdout.write(`public-url inputs tried: ${JSON.stringify(tried)}\n`);
  });

  it('refuses every notation of a private, loopback, link-local or multicast IPv4 address', () => {
    fc.assert(
      fc.property(privateV4, fc.constantFrom('http', 'https'), (octets, scheme) => {
        for (const host of notations(octets)) {
          tried.privateV4 += 1;
          expect(() => publicUrl(`${scheme}://${host}/f.pdf`, 'Attachment')).toThrow(
            /points at a private or local network address/,
          );
        }
      }),
      { seed: 1216, numRuns: 100 },
    );
  });

  it('accepts every notation of a public IPv4 address and sends it written the usual way', () => {
    fc.assert(
      fc.property(publicV4, (octets) => {
        for (const host of notations(octets).slice(0, 8)) {
          tried.publicV4 += 1;
          expect(publicUrl(`https://${host}/f.pdf`, 'Attachment')).toBe(
            `https://${octets.join('.')}/f.pdf`,
          );
        }
      }),
      { seed: 1216, numRuns: 300 },
    );
  });

  it('refuses IPv6 loopback, unspecified, unique-local, link-local and multicast in any spelling', () => {
    const group = fc.integer({ min: 0, max: 0xffff });
    const privateV6 = fc.oneof(
      fc.tuple(fc.integer({ min: 0xfc00, max: 0xfdff }), group, group, group), // unique local
      fc.tuple(fc.integer({ min: 0xfe80, max: 0xfebf }), group, group, group), // link-local
      fc.tuple(fc.integer({ min: 0xff00, max: 0xffff }), group, group, group), // multicast
      fc.tuple(fc.constant(0), fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 1 })), // :: and ::1
    );
    fc.assert(
      fc.property(privateV6, fc.boolean(), ([a, b, c, d], compressed) => {
        tried.privateV6 += 1;
        const host =
          a === 0 && compressed
            ? `::${d}`
            : compressed
              ? `${a.toString(16)}:${b.toString(16)}::${c.toString(16)}:${d.toString(16)}`
              : [a, b, 0, 0, 0, 0, c, d].map((g) => g.toString(16).padStart(4, '0')).join(':');
        expect(() => publicUrl(`https://[${host}]/f.pdf`, 'Attachment')).toThrow(
          /points at a private or local network address/,
        );
      }),
      { seed: 1216, numRuns: 300 },
    );
  });

  it('refuses any user-info, and the message never contains the password', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9._~-]{1,12}$/);
    fc.assert(
      fc.property(word, word, (user, password) => {
        tried.userInfo += 1;
        let message = '';
        try {
          publicUrl(`https://${user}:${password}@files.example.com/a.pdf`, 'Attachment');
        } catch (error) {
          message = (error as Error).message;
        }
        expect(message).toContain('has a user name or password');
        expect(message).toContain('https://files.example.com/a.pdf');
        expect(message).not.toContain(`${user}:${password}@`);
      }),
      { seed: 1216, numRuns: 300 },
    );
  });
});
