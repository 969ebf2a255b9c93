import { isIPv4, isIPv6 } from 'node:net';

/**
 * Returns the address a connection limit should count `request` under.
 *
 * Without proxies (`trustedProxies` 0) that is the TCP peer. Behind `trustedProxies` reverse
 * proxies, each of which appends the address it received the request from to
 * `X-Forwarded-For`, it is the entry that many places from the right: the entries further left
 * were written by the client itself and can be anything. With fewer entries than proxies the
 * leftmost one is used.
 *
 * The result is normalised: an IPv4-mapped IPv6 address becomes IPv4, and an IPv6 address becomes
 * its /64 network (`2001:db8:0:1::/64`), since one subscriber usually gets a whole /64 and could
 * otherwise open connections from 2^64 addresses. Something that is not an IP address is
 * returned as it is.
 */
export function clientAddress(
  request: { socket: { remoteAddress?: string | undefined }; headers: Record<string, string | string[] | undefined> },
  trustedProxies: number,
): string {
  const peer = request.socket.remoteAddress ?? 'unknown';
  if (trustedProxies === 0) return addressKey(peer);
  const header = request.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const chain = [...forwarded, peer];
  return addressKey(chain[Math.max(0, chain.length - 1 - trustedProxies)]!);
}

/** Normalises one address as described for {@link clientAddress}. */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped !== null) return mapped[1]!;
  if (isIPv4(address)) return address;
  const withoutZone = address.split('%', 1)[0]!;
  if (!isIPv6(withoutZone)) return address;
  const groups = expandIPv6(withoutZone);
  return `${groups.slice(0, 4).map((group) => group.toString(16)).join(':')}::/64`;
}

// Expands an IPv6 address (possibly with "::" and a trailing IPv4 part) into its eight groups.
function expandIPv6(address: string): number[] {
  let text = address;
  const ipv4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (ipv4 !== null) {
    const [a, b, c, d] = ipv4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, ipv4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string): number[] => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}
