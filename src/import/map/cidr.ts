// IPv4 address prefixes (CIDR) as integer ranges, for matching NSG rules against subnets' and sites'
// address spaces. IPv6 prefixes do not parse: callers treat them as unknown (the worst case).

/** An inclusive range of IPv4 addresses as unsigned 32-bit numbers. */
export interface Cidr {
  readonly low: number;
  readonly high: number;
}

/** `10.0.1.0/24` or `10.0.1.4` (a /32); null for anything else (IPv6, service tags, `*`). */
export function parseCidr(text: string): Cidr | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(text.trim());
  if (match === null) return null;
  const octets = match.slice(1, 5).map(Number);
  const bits = match[5] === undefined ? 32 : Number(match[5]);
  if (octets.some((o) => o > 255) || bits > 32) return null;
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - bits);
  const low = Math.floor(address / size) * size;
  return { low, high: low + size - 1 };
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.low <= b.high && b.low <= a.high;
}

export function contains(outer: Cidr, inner: Cidr): boolean {
  return outer.low <= inner.low && inner.high <= outer.high;
}

/** RFC 1918 private ranges, shared address space (RFC 6598), loopback and link-local: not the internet. */
const NOT_INTERNET = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16'].map((p) => parseCidr(p) as Cidr);

/** Whether a prefix lies wholly in non-internet address space. */
export function isPrivate(cidr: Cidr): boolean {
  return NOT_INTERNET.some((range) => contains(range, cidr));
}
