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

/** IPv4 ranges that are not public unicast (RFC 6890 special-purpose registry), as [first octets, prefix]. */
const PRIVATE_IPV4: readonly (readonly [number, number, number, number, number])[] = [
  [0, 0, 0, 0, 8], // "this network", incl. 0.0.0.0
  [10, 0, 0, 0, 8], // private
  [100, 64, 0, 0, 10], // carrier-grade NAT
  [127, 0, 0, 0, 8], // loopback
  [169, 254, 0, 0, 16], // link-local (cloud metadata services)
  [172, 16, 0, 0, 12], // private
  [192, 0, 0, 0, 24], // IETF protocol assignments
  [192, 0, 2, 0, 24], // documentation
  [192, 88, 99, 0, 24], // 6to4 relay anycast
  [192, 168, 0, 0, 16], // private
  [198, 18, 0, 0, 15], // benchmarking
  [198, 51, 100, 0, 24], // documentation
  [203, 0, 113, 0, 24], // documentation
  [224, 0, 0, 0, 4], // multicast
  [240, 0, 0, 0, 4], // reserved, incl. broadcast 255.255.255.255
];

function ipv4Number(octets: readonly number[]): number {
  return ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0;
}

/** True when the IPv4 address (four octets) lies in a non-public range. */
export function isPrivateIpv4(octets: readonly number[]): boolean {
  const address = ipv4Number(octets);
  return PRIVATE_IPV4.some(([a, b, c, d, prefix]) => {
    const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
    return (address & mask) >>> 0 === (ipv4Number([a, b, c, d]) & mask) >>> 0;
  });
}

/** The eight 16-bit groups of an IPv6 address as the URL parser writes it (compressed, no zone). */
function ipv6Groups(address: string): number[] | undefined {
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string): number[] =>
    part === '' ? [] : part.split(':').map((group) => Number.parseInt(group, 16));
  const head = parse(halves[0] ?? '');
  const tail = halves.length === 2 ? parse(halves[1] ?? '') : [];
  const groups =
    halves.length === 2
      ? [...head, ...Array<number>(8 - head.length - tail.length).fill(0), ...tail]
      : head;
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff)
    ? groups
    : undefined;
}

function embeddedIpv4(high: number, low: number): number[] {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff];
}

/** True when the IPv6 address (eight groups) is not public unicast, or embeds a non-public IPv4. */
export function isPrivateIpv6(groups: readonly number[]): boolean {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const v4 = embeddedIpv4(g6, g7);
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0) {
    // Only IPv4-mapped ::ffff:a.b.c.d leads to a public host; ::, ::1 and the deprecated rest do not.
    return g4 === 0 && g5 === 0xffff ? isPrivateIpv4(v4) : true;
  }
  if (g0 === 0x64 && g1 === 0xff9b) return isPrivateIpv4(v4); // NAT64 64:ff9b::/96 (and /48)
  if (g0 === 0x2002) return isPrivateIpv4(embeddedIpv4(g1, g2)); // 6to4
  if (g0 === 0x2001 && g1 === 0x0db8) return true; // documentation
  if (g0 === 0x2001 && g1 < 0x200) return true; // Teredo, benchmarking, ORCHID and other IETF use
  if (g0 === 0x0100 && g1 === 0 && g2 === 0 && g3 === 0) return true; // discard-only
  if ((g0 & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
  if ((g0 & 0xffc0) === 0xfe80 || (g0 & 0xffc0) === 0xfec0) return true; // link-local, site-local
  return (g0 & 0xff00) === 0xff00; // multicast
}

/** Names that only mean something inside a private network. */
const LOCAL_NAME = /(^|\.)(localhost|local|internal|intranet|lan|home\.arpa)$/;

/** Why the parsed host is not a public address, or undefined when it is one. */
function nonPublicHost(hostname: string): string | undefined {
  const host = hostname.replace(/\.$/, '').toLowerCase();
  if (host.startsWith('[')) {
    const groups = ipv6Groups(host.slice(1, -1));
    return !groups || isPrivateIpv6(groups) ? 'a private or local network address' : undefined;
  }
  const dotted = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (dotted) {
    return isPrivateIpv4(dotted.slice(1).map(Number))
      ? 'a private or local network address'
      : undefined;
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
