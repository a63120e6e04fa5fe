import { BlockList, isIPv6 } from 'node:net';
import { invalid, quoted, text } from './read';

/**
 * Web addresses that Re:amaze downloads on the user's behalf (attachments). Re:amaze fetches them
 * from its own network, so a link to a private, loopback or link-local address (a cloud metadata
 * service at 169.254.169.254, say) or one carrying a login is refused before any request.
 *
 * The check reads the address the way a browser (WHATWG URL) does, which also decodes the other
 * ways of writing an IPv4 address (`2852039166`, `0xA9FEA9FE`, `0251.0376.0251.0376`, `127.1`), and
 * what is sent is that same parsed address written out, so Re:amaze receives exactly what was
 * checked. Host names are not resolved here: a public name that resolves to a private address is
 * for Re:amaze's fetcher to refuse (see docs/attachment-urls.md).
 */

/** An input mistake, like every other (docs/errors.md): a halt that names the field. */
const refused = invalid;

const PUBLIC_LINK_HINT =
  'Re:amaze downloads the file from the internet: use a public link, such as a file from an earlier step.';

/** IPv4 ranges that are not public unicast (RFC 6890 special-purpose registry). */
const PRIVATE_IPV4 = [
  '0.0.0.0/8', // "this network", incl. 0.0.0.0
  '10.0.0.0/8', // private
  '100.64.0.0/10', // carrier-grade NAT
  '127.0.0.0/8', // loopback
  '169.254.0.0/16', // link-local (cloud metadata services)
  '172.16.0.0/12', // private
  '192.0.0.0/24', // IETF protocol assignments
  '192.0.2.0/24', // documentation
  '192.88.99.0/24', // 6to4 relay anycast
  '192.168.0.0/16', // private
  '198.18.0.0/15', // benchmarking
  '198.51.100.0/24', // documentation
  '203.0.113.0/24', // documentation
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, incl. broadcast 255.255.255.255
];

/** IPv6 ranges that are not public unicast; an IPv4-mapped ::ffff:a.b.c.d is checked as IPv4 by BlockList itself. */
const PRIVATE_IPV6 = [
  '2001:db8::/32', // documentation
  '2001::/23', // Teredo, benchmarking, ORCHID and other IETF use
  '100::/64', // discard-only
  'fc00::/7', // unique local
  'fe80::/10', // link-local
  'fec0::/10', // site-local
  'ff00::/8', // multicast
];

/** The IPv6 prefixes that embed an IPv4 address: NAT64 64:ff9b::/96 (last 32 bits), 6to4 2002::/16 (next 32). */
function embedding(v4: string): string[] {
  const [address = '', bits = ''] = v4.split('/');
  const [a = 0, b = 0, c = 0, d = 0] = address.split('.').map(Number);
  const high = ((a << 8) | b).toString(16);
  const low = ((c << 8) | d).toString(16);
  return [
    `64:ff9b::${high}:${low}/${96 + Number(bits)}`,
    `2002:${high}:${low}::/${16 + Number(bits)}`,
  ];
}

let nonPublic: BlockList | undefined;

/** The non-public ranges, built on first use: only actions that take a file URL need them. */
function nonPublicRanges(): BlockList {
  if (nonPublic) return nonPublic;
  nonPublic = new BlockList();
  for (const cidr of PRIVATE_IPV4) {
    const [address = '', bits = ''] = cidr.split('/');
    nonPublic.addSubnet(address, Number(bits), 'ipv4');
  }
  for (const cidr of [...PRIVATE_IPV6, ...PRIVATE_IPV4.flatMap(embedding)]) {
    const [address = '', bits = ''] = cidr.split('/');
    nonPublic.addSubnet(address, Number(bits), 'ipv6');
  }
  // NAT64's 64:ff9b::/32 beyond the /96 (local-use 64:ff9b:1::/48, unassigned): never public.
  nonPublic.addRange('64:ff9b::1:0:0', '64:ff9b:ffff:ffff:ffff:ffff:ffff:ffff', 'ipv6');
  // ::/64 (unspecified, loopback, the deprecated IPv4-compatible forms), except ::ffff:0:0/96.
  nonPublic.addRange('::', '::fffe:ffff:ffff', 'ipv6');
  nonPublic.addRange('::1:0:0:0', '::ffff:ffff:ffff:ffff', 'ipv6');
  return nonPublic;
}

/** True when the IPv4 address (four octets) lies in a non-public range. */
export function isPrivateIpv4(octets: readonly number[]): boolean {
  return nonPublicRanges().check(octets.join('.'), 'ipv4');
}

/** Names that only mean something inside a private network. */
const LOCAL_NAME = /(^|\.)(localhost|local|internal|intranet|lan|home\.arpa)$/;

/** Why the parsed host is not a public address, or undefined when it is one. */
function nonPublicHost(hostname: string): string | undefined {
  const host = hostname.replace(/\.$/, '').toLowerCase();
  if (host.startsWith('[')) {
    const address = host.slice(1, -1);
    return isIPv6(address) && !nonPublicRanges().check(address, 'ipv6')
      ? undefined
      : 'a private or local network address';
  }
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) {
    return nonPublicRanges().check(host, 'ipv4') ? 'a private or local network address' : undefined;
  }
  if (!host.includes('.') || LOCAL_NAME.test(host))
    return 'a name that only works inside a private network';
  return undefined;
}

/** The address without its user-info, for messages (the password must not be repeated). */
function withoutCredentials(url: URL): string {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}

/**
 * A public http(s) address for Re:amaze to download, written out as parsed; undefined when the
 * value is empty. Refused, naming the field, when it is not a web address, carries a user name or
 * password, or points at a private, loopback, link-local, multicast or unspecified address.
 */
export function publicUrl(value: unknown, label: string): string | undefined {
  if (value !== undefined && value !== null && typeof value === 'object') {
    throw refused(`${label} must be a single web address or file, not a list or an object.`);
  }
  // Read raw: text() would silently drop a control character, and the address must be checked as given.
  const raw = typeof value === 'string' ? value.trim() : text(value, label)?.trim();
  const present = raw === '' ? undefined : raw;
  if (present === undefined) return undefined;
  let url: URL | undefined;
  try {
    // Spaces, control characters and backslashes are read differently by other URL parsers.
    url = /[\s\\\p{Cc}]/u.test(present) ? undefined : new URL(present);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw refused(
      `${label} ${quoted(present.replace(/\/\/[^/@]*@/, '//'))} is not a web address. Use a full address starting with https://, or a file from an earlier step.`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw refused(
      `${label} ${withoutCredentials(url)} has a user name or password written into it (before the @), which Re:amaze would keep with the file. Remove it and use a link that needs no login. ${PUBLIC_LINK_HINT}`,
    );
  }
  const why = nonPublicHost(url.hostname);
  if (why) {
    throw refused(`${label} ${url.href} points at ${why} (${url.hostname}). ${PUBLIC_LINK_HINT}`);
  }
  return url.href;
}

/**
 * A list of files (a Zapier `file` field with `list: true`): each checked by {@link publicUrl},
 * named by position when there are several; undefined when none is given.
 */
export function publicUrls(value: unknown, label: string): string[] | undefined {
  const items = (Array.isArray(value) ? value : [value]).filter(
    (item) =>
      item !== null && item !== undefined && !(typeof item === 'string' && item.trim() === ''),
  );
  const urls = items.map(
    (item, index) =>
      publicUrl(item, items.length > 1 ? `${label} (file ${index + 1})` : label) as string,
  );
  return urls.length > 0 ? urls : undefined;
}
