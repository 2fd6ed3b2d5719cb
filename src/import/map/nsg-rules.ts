// Network security group evaluation: the rules of one NSG (inline, child `securityRules` resources
// and Azure's default rules), in priority order, the first rule that applies decides. Where a rule
// covers only part of a subnet or names application security groups, an allow applies and a deny does
// not (the worst case: the model holds one rule set per subnet).
// Source: learn.microsoft.com/azure/virtual-network/network-security-groups-overview (security rules,
// default security rules, service tags).

import { memoize } from '../../util/memoize.js';
import { contains, isPrivate, overlaps, parseCidr, type Cidr } from './cidr.js';

export type Direction = 'inbound' | 'outbound';

export interface NsgRule {
  readonly name: string;
  readonly priority: number;
  readonly direction: Direction;
  readonly allow: boolean;
  /** Lower-case protocol (`tcp`, `udp`, `*`, …). */
  readonly protocol: string;
  readonly sources: readonly string[];
  readonly destinations: readonly string[];
  readonly sourcePorts: readonly string[];
  readonly ports: readonly string[];
  /** The rule names application security groups as source or destination (membership is not evaluated). */
  readonly applicationGroups: boolean;
  readonly isDefault: boolean;
}

/** One side of a flow: the internet, or addresses (prefixes; null when the input does not give them). */
export type Endpoint = { readonly kind: 'internet' } | { readonly kind: 'address'; readonly prefixes: readonly Cidr[] | null };

export const INTERNET_ENDPOINT: Endpoint = { kind: 'internet' };

/** Azure's default rules, present in every NSG below the ones written (priorities 65000–65500). */
const DEFAULT_RULES: readonly NsgRule[] = [
  rule('AllowVnetInBound', 65000, 'inbound', true, 'VirtualNetwork', 'VirtualNetwork'),
  rule('AllowAzureLoadBalancerInBound', 65001, 'inbound', true, 'AzureLoadBalancer', '*'),
  rule('DenyAllInBound', 65500, 'inbound', false, '*', '*'),
  rule('AllowVnetOutBound', 65000, 'outbound', true, 'VirtualNetwork', 'VirtualNetwork'),
  rule('AllowInternetOutBound', 65001, 'outbound', true, '*', 'Internet'),
  rule('DenyAllOutBound', 65500, 'outbound', false, '*', '*'),
];

function rule(name: string, priority: number, direction: Direction, allow: boolean, source: string, destination: string): NsgRule {
  return { name, priority, direction, allow, protocol: '*', sources: [source], destinations: [destination], sourcePorts: ['*'], ports: ['*'], applicationGroups: false, isDefault: true };
}

/**
 * Rules from ARM-shaped objects (`{name, properties: {priority, direction, access, …}}` or flat),
 * sorted by priority with the default rules last. A rule whose access or priority is not in the input
 * is read as an allow at priority 100 (the worst case) and named in `unresolved`.
 */
export function readRules(raw: readonly unknown[]): { rules: NsgRule[]; unresolved: string[] } {
  const unresolved: string[] = [];
  const rules = raw.map((entry, k) => {
    const r = asRecord(entry);
    const p = asRecord(r['properties'] ?? r);
    const name = typeof r['name'] === 'string' ? r['name'] : `rule-${k + 1}`;
    const access = String(p['access'] ?? '').toLowerCase();
    const priority = Number(p['priority']);
    const direction = String(p['direction'] ?? '').toLowerCase();
    const known = (access === 'allow' || access === 'deny') && Number.isFinite(priority) && (direction === 'inbound' || direction === 'outbound') && p['unresolved'] !== true;
    if (!known) unresolved.push(name);
    const list = (one: string, many: string) => [p[one], ...(Array.isArray(p[many]) ? (p[many] as unknown[]) : [])].filter((x): x is string => typeof x === 'string' && x !== '');
    const groups = (key: string) => Array.isArray(p[key]) && (p[key] as unknown[]).length > 0;
    const sources = list('sourceAddressPrefix', 'sourceAddressPrefixes');
    const destinations = list('destinationAddressPrefix', 'destinationAddressPrefixes');
    const sourcePorts = list('sourcePortRange', 'sourcePortRanges');
    const ports = list('destinationPortRange', 'destinationPortRanges');
    return {
      name,
      priority: known ? priority : 100,
      direction: (direction === 'outbound' ? 'outbound' : 'inbound') as Direction,
      allow: known ? access === 'allow' : true,
      protocol: String(p['protocol'] ?? '*').toLowerCase(),
      sources: sources.length > 0 ? sources : ['*'],
      destinations: destinations.length > 0 ? destinations : ['*'],
      sourcePorts: sourcePorts.length > 0 ? sourcePorts : ['*'],
      ports: ports.length > 0 ? ports : ['*'],
      applicationGroups: groups('sourceApplicationSecurityGroups') || groups('destinationApplicationSecurityGroups'),
      isDefault: false,
    };
  });
  // An unreadable direction applies both ways (the worst case).
  const both = rules.flatMap((r, k) => (unresolved.includes(r.name) && !/^(in|out)bound$/i.test(String(asRecord(asRecord(raw[k])['properties'] ?? raw[k])['direction'] ?? '')) ? [r, { ...r, direction: 'outbound' as Direction }] : [r]));
  return { rules: [...both.sort((a, b) => a.priority - b.priority), ...DEFAULT_RULES], unresolved };
}

/** The rule that decides a TCP flow to `port`, and whether it allows it. */
export function decide(rules: readonly NsgRule[], direction: Direction, from: Endpoint, to: Endpoint, port: number): { allow: boolean; rule: NsgRule } {
  for (const r of rules) {
    if (r.direction !== direction || (r.protocol !== '*' && r.protocol !== 'tcp' && r.protocol !== 'any')) continue;
    if (!r.ports.some((range) => portIn(range, port, r.allow))) continue;
    if (r.allow) {
      if (r.applicationGroups || (r.sources.some((s) => matches(s, from, 'overlap')) && r.destinations.some((d) => matches(d, to, 'overlap')))) return { allow: true, rule: r };
    } else if (!r.applicationGroups && r.sourcePorts.every((p) => p === '*') && r.sources.some((s) => matches(s, from, 'cover')) && r.destinations.some((d) => matches(d, to, 'cover'))) {
      return { allow: false, rule: r };
    }
  }
  // Unreachable with the default rules appended; deny, as DenyAll would.
  return { allow: false, rule: DEFAULT_RULES[2] as NsgRule };
}

/** Port numbers at which some rule's port range starts or ends: checking each decides every port. */
export function portBreakpoints(rules: readonly NsgRule[]): number[] {
  const points = new Set<number>([0]);
  for (const r of rules) {
    for (const range of r.ports) {
      const bounds = portBounds(range);
      if (bounds === null) continue;
      points.add(bounds[0]);
      if (bounds[1] < 65535) points.add(bounds[1] + 1);
    }
  }
  return [...points].sort((a, b) => a - b);
}

/** `'overlap'`: the rule names some of the endpoint's addresses; `'cover'`: all of them. */
function matches(spec: string, endpoint: Endpoint, mode: 'overlap' | 'cover'): boolean {
  const s = spec.trim().toLowerCase();
  if (s === '*' || s === 'any' || s === '0.0.0.0/0') return true;
  if (s === 'internet') return endpoint.kind === 'internet';
  // VirtualNetwork: the network's address space, its peered networks and the sites behind its gateways.
  if (s === 'virtualnetwork') return endpoint.kind === 'address';
  if (s === 'azureloadbalancer') return false;
  const cidr = cidrOf(s);
  if (cidr === null) {
    // Another service tag (AzureCloud: any Azure tenant's addresses) or an IPv6 prefix: public space an attacker may hold.
    return mode === 'overlap' && (endpoint.kind === 'internet' || !/^[a-z]/.test(s));
  }
  if (endpoint.kind === 'internet') return mode === 'overlap' && !isPrivate(cidr);
  if (endpoint.prefixes === null || endpoint.prefixes.length === 0) return mode === 'overlap';
  return mode === 'overlap' ? endpoint.prefixes.some((p) => overlaps(cidr, p)) : endpoint.prefixes.every((p) => contains(cidr, p));
}

const cidrOf: (spec: string) => Cidr | null = memoize(parseCidr);
const portBounds: (range: string) => [number, number] | null = memoize(parsePortRange);

function parsePortRange(range: string): [number, number] | null {
  const text = range.trim();
  if (text === '*' || text.toLowerCase() === 'any') return [0, 65535];
  const [low, high] = text.split('-').map((p) => Number(p.trim()));
  if (low === undefined || !Number.isFinite(low)) return null;
  return [low, high !== undefined && Number.isFinite(high) ? high : low];
}

/** An unreadable range might include the port: an allow applies, a deny does not (the worst case). */
function portIn(range: string, port: number, allow: boolean): boolean {
  const bounds = portBounds(range);
  return bounds === null ? allow : port >= bounds[0] && port <= bounds[1];
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
