// Networks of the model from the deployment's: virtual networks, on-premises sites (local network
// gateways, ExpressRoute circuits), their links (peerings, VPN and ExpressRoute connections), every
// subnet with the host pools whose session hosts' network interfaces sit there, and each subnet's
// inbound and outbound allow lists evaluated from its NSG and the hosts' NIC NSGs (by priority, with
// Azure's default rules) for the ports session hosts listen on. What the input does not show is open
// (the worst case), and said so.

import type { DraftNetwork, DraftNetworkLink, DraftSubnet } from '../model-draft.js';
import type { MapContext } from './context.js';
import type { MappedPool } from './host-pools.js';
import { NetworkInventory, type NicInfo, type NsgState, type SubnetInfo } from './network-read.js';
import { decide, INTERNET_ENDPOINT, portBreakpoints, type Direction, type Endpoint, type NsgRule } from './nsg-rules.js';

/** Ports the model's session hosts listen on (a subnet's default `hostPorts`: SMB and RDP). */
export const HOST_PORTS: readonly number[] = [445, 3389];
const INTERNET = 'internet';

/** One session host's network interface as the pool's subnet sees it; `nic` null when the input does not show it. */
interface HostNic {
  readonly host: string;
  readonly nic: NicInfo | null;
  readonly why: string;
}

interface SubnetRecord {
  readonly draft: DraftSubnet;
  readonly info: SubnetInfo | null;
  readonly endpoint: Endpoint;
  readonly nsg: NsgState;
  readonly nics: HostNic[];
}

export interface MappedNetworks {
  readonly networks: DraftNetwork[];
  readonly networkLinks: DraftNetworkLink[];
  readonly subnets: DraftSubnet[];
}

export function mapNetworks(context: MapContext, pools: readonly MappedPool[]): MappedNetworks {
  const inventory = new NetworkInventory(context);
  const networks: DraftNetwork[] = [];
  const networkId = new Map<string, string>();
  const records: SubnetRecord[] = [];
  const recordOf = new Map<string, SubnetRecord>();

  // Where each pool's hosts are, before the networks are written (a NIC may name a network not in the input).
  const placed = pools.map((pool) => ({ pool, hosts: hostNics(inventory, pool) }));

  const byName = <T extends { name: string; key: string }>(list: Iterable<T>): T[] => [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.key < b.key ? -1 : 1));
  for (const vnet of byName(inventory.vnets.values())) {
    const id = context.ids.allocate(`vnet:${vnet.key}`, vnet.name);
    networkId.set(vnet.key, id);
    networks.push({ id });
    if (vnet.resource === undefined) context.assume(`networks/${id}`, `virtual network \`${vnet.name}\` is not in the input (it is named by a subnet, peering or gateway): its address space and other subnets are unknown`);
    else context.read(`networks/${id}`, `virtual network \`${vnet.name}\`${vnet.prefixes === null ? '' : ` (${addressText(vnet.resource)})`}`, vnet.resource.origin);
    for (const subnet of vnet.subnets) {
      const sid = context.ids.allocate(`subnet:${subnet.key}`, subnet.name);
      const record: SubnetRecord = { draft: { id: sid, network: id, hostPools: [] }, info: subnet, endpoint: { kind: 'address', prefixes: subnet.prefixes }, nsg: subnet.nsg, nics: [] };
      records.push(record);
      recordOf.set(subnet.key, record);
      if (subnet.standIn) context.assume(`subnets/${sid}`, `subnet \`${subnet.name}\` is not in the input (a network interface names it): its address range and network security group are unknown, so any traffic is allowed (the worst case)`);
    }
  }
  for (const site of byName(inventory.sites.values())) {
    const id = context.ids.allocate(`site:${site.key}`, site.name);
    networkId.set(site.key, id);
    networks.push({ id, type: 'onPremises' });
    context.read(`networks/${id}`, `on-premises site behind ${site.kind === 'expressRouteCircuit' ? 'ExpressRoute circuit' : 'local network gateway'} \`${site.name}\``);
  }

  for (const { pool, hosts } of placed) {
    const counts = new Map<string, number>();
    for (const h of hosts) if (h.nic?.subnet != null) counts.set(h.nic.subnet, (counts.get(h.nic.subnet) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    let record = ranked[0] === undefined ? undefined : recordOf.get(ranked[0][0]);
    if (record === undefined) {
      // No host's subnet is in the input: a network and subnet of its own, open (the worst case).
      const nid = context.ids.allocate(`vnet:${pool.draft.id}-standin`, `${pool.draft.id}-network`);
      networks.push({ id: nid });
      context.assume(`networks/${nid}`, `the virtual network of \`${pool.draft.id}\`'s session hosts is not in the input: a stand-in`);
      const sid = context.ids.allocate(`subnet:${pool.draft.id}-standin`, `${pool.draft.id}-hosts`);
      record = { draft: { id: sid, network: nid, hostPools: [] }, info: null, endpoint: { kind: 'address', prefixes: null }, nsg: { state: 'unknown', why: `the subnet of \`${pool.draft.id}\`'s session hosts is not in the input (${hosts[0]?.why ?? 'no session host'})` }, nics: [] };
      records.push(record);
    } else if (ranked.length > 1) {
      context.warn(`hostPools/${pool.draft.id}`, `its session hosts sit in ${ranked.length} subnets (${ranked.map(([k, n]) => `${recordOf.get(k)?.draft.id ?? k}: ${n}`).join(', ')}); the model holds a pool in one subnet: placed in \`${record.draft.id}\`, and the other subnets' rules are not applied to it`, pool.resource.origin);
    }
    record.draft.hostPools.push(pool.draft.id);
    const mine = hosts.filter((h) => h.nic === null || h.nic.subnet === null || recordOf.get(h.nic.subnet) === record);
    record.nics.push(...(mine.length > 0 ? mine : [{ host: pool.draft.id, nic: null, why: 'no session host in the input' }]));
    const organization = networks.find((n) => n.id === record.draft.network);
    if (organization !== undefined) {
      const owners = new Set([...records.filter((r) => r.draft.network === organization.id).flatMap((r) => r.draft.hostPools)].map((p) => pools.find((x) => x.draft.id === p)?.organization));
      if (owners.size === 1 && [...owners][0] !== undefined) organization.organization = [...owners][0] as string;
      else delete organization.organization;
    }
  }

  // Flow sources: every subnet, every network the model holds no subnet of, and the internet.
  const endpoints: { name: string; network: string | null; endpoint: Endpoint }[] = [
    ...records.map((r) => ({ name: r.draft.id, network: r.draft.network, endpoint: r.endpoint })),
    ...byName(inventory.vnets.values()).filter((v) => v.subnets.length === 0).map((v) => ({ name: networkId.get(v.key) as string, network: null, endpoint: { kind: 'address', prefixes: v.prefixes } as Endpoint })),
    ...byName(inventory.sites.values()).map((s) => ({ name: networkId.get(s.key) as string, network: null, endpoint: { kind: 'address', prefixes: s.prefixes } as Endpoint })),
  ];
  const subnetsOfNetwork = (network: string) => records.filter((r) => r.draft.network === network).map((r) => r.draft.id);
  for (const record of records) {
    const subject = `subnets/${record.draft.id}`;
    noteNsgs(context, subject, record);
    const inbound = allowList(record, 'inbound', [...endpoints, { name: INTERNET, network: null, endpoint: INTERNET_ENDPOINT }], subnetsOfNetwork);
    // Everything from every network and nothing from the internet is the model's default (inbound left out).
    if (!inbound.azureDefault) record.draft.inbound = inbound.entries.map((e) => ({ from: e.names, ports: e.ports }));
    explainInternet(context, subject, record, inbound.azureDefault);
    const outbound = allowList(record, 'outbound', endpoints, subnetsOfNetwork);
    if (!outbound.azureDefault) record.draft.outbound = outbound.entries.map((e) => ({ to: e.names, ports: e.ports }));
  }

  const networkLinks: DraftNetworkLink[] = [];
  const ends = inventory.links.map((link) => ({ link, ends: [networkId.get(link.a), networkId.get(link.b)] as const }));
  ends.sort((x, y) => { const kx = `${x.ends.join(' ')} ${x.link.type}`; const ky = `${y.ends.join(' ')} ${y.link.type}`; return kx < ky ? -1 : kx > ky ? 1 : 0; });
  for (const { link, ends: [a, b] } of ends) {
    if (a === undefined || b === undefined || a === b) continue;
    const draft: DraftNetworkLink = { between: [a, b], type: link.type };
    if (link.type === 'peering' && link.gatewayTransit === false) draft.gatewayTransit = false;
    networkLinks.push(draft);
    const key = `networkLinks/${a} \u2194 ${b} (${link.type})`;
    if (link.type === 'peering' && link.gatewayTransit === null) context.assume(key, `${link.what}: the other side of the peering is not in the input: gateway transit assumed on (the worst case: \`${a}\` and \`${b}\` reach the sites each other's gateways connect)`, link.origin);
    else context.read(key, link.what, link.origin);
  }
  return { networks, networkLinks, subnets: records.map((r) => r.draft) };
}

/** Each host of the pool with its first network interface, or why the input does not show it. */
function hostNics(inventory: NetworkInventory, pool: MappedPool): HostNic[] {
  return pool.sessionHosts.map((host) => {
    if (host.vm === undefined) return { host: host.name, nic: null, why: `the VM of session host \`${host.name}\` is not in the input` };
    const refs = (Array.isArray((host.vm.properties['networkProfile'] as Record<string, unknown> | undefined)?.['networkInterfaces']) ? ((host.vm.properties['networkProfile'] as Record<string, unknown>)['networkInterfaces'] as unknown[]) : [])
      .map((n) => (typeof n === 'object' && n !== null ? (n as Record<string, unknown>)['id'] : undefined))
      .filter((id): id is string => typeof id === 'string');
    if (refs.length === 0) return { host: host.name, nic: null, why: `the network interfaces of VM \`${host.vm.name}\` are not in the input` };
    const nic = inventory.nic(refs[0] as string);
    if (nic === null) {
      return { host: host.name, nic: null, why: `network interface \`${(refs[0] as string).split('/').pop()}\` is not in the input` };
    }
    return { host: host.name, nic, why: '' };
  });
}

interface AllowEntry {
  names: string[];
  ports: number[] | null;
}

/**
 * Who may send to this subnet (inbound) or where it may send (outbound), for the session hosts' ports:
 * a flow passes when the subnet's NSG and some host's NIC NSG allow it (and, from the internet, that
 * host is reachable from it). Entries group the names with one port set; a network whose subnets all
 * agree is named once.
 */
function allowList(record: SubnetRecord, direction: Direction, peers: readonly { name: string; network: string | null; endpoint: Endpoint }[], subnetsOf: (network: string) => string[]): { entries: AllowEntry[]; azureDefault: boolean } {
  // Hosts with the same NIC NSG and internet reach answer alike: one of each (pools of hundreds of hosts share a few).
  const distinct = new Map<string, HostNic>();
  for (const n of record.nics) distinct.set(`${nsgKey(nicNsg(n))}|${n.nic?.internet.state ?? 'unread'}`, n);
  const nics: (HostNic | null)[] = distinct.size > 0 ? [...distinct.values()] : [null];
  const rules = [record.nsg, ...nics.map((n) => nicNsg(n))].flatMap((s) => (s.state === 'known' ? s.rules : []));
  const probes = [...new Set([...portBreakpoints(rules), ...HOST_PORTS])].sort((a, b) => a - b);
  const passes = (peer: Endpoint, port: number): boolean => {
    const [from, to] = direction === 'inbound' ? [peer, record.endpoint] : [record.endpoint, peer];
    if (!allows(record.nsg, direction, from, to, port)) return false;
    return nics.some((n) => {
      if (direction === 'inbound' && peer.kind === 'internet' && (n === null ? record.nics.length > 0 || record.info !== null : n.nic?.internet.state === 'no')) return false;
      return allows(nicNsg(n), direction, from, to, port);
    });
  };
  const groups = new Map<string, AllowEntry>();
  let azureDefault = true;
  for (const peer of peers) {
    if (peer.name === record.draft.id && direction === 'outbound') continue;
    const any = probes.every((p) => passes(peer.endpoint, p));
    const ports = any ? null : HOST_PORTS.filter((p) => passes(peer.endpoint, p));
    if (peer.endpoint.kind === 'internet' ? ports === null || ports.length > 0 : !any) azureDefault = false;
    if (ports !== null && ports.length === 0) continue;
    const key = ports === null ? '*' : ports.join(',');
    const entry = groups.get(key) ?? { names: [], ports };
    entry.names.push(peer.name);
    groups.set(key, entry);
  }
  // A network whose every subnet is in one entry is named once.
  for (const entry of groups.values()) {
    const networks = new Set(peers.filter((p) => p.network !== null && entry.names.includes(p.name)).map((p) => p.network as string));
    for (const network of networks) {
      const members = subnetsOf(network);
      if (members.length > 1 && members.every((m) => entry.names.includes(m))) entry.names = [...entry.names.filter((n) => !members.includes(n)), network];
    }
  }
  return { entries: [...groups.values()], azureDefault };
}

function nsgKey(nsg: NsgState): string {
  return nsg.state === 'known' ? nsg.key : nsg.state;
}

function nicNsg(n: HostNic | null): NsgState {
  if (n === null) return { state: 'none' };
  return n.nic === null ? { state: 'unknown', why: n.why } : n.nic.nsg;
}

function allows(nsg: NsgState, direction: Direction, from: Endpoint, to: Endpoint, port: number): boolean {
  return nsg.state !== 'known' || decide(nsg.rules, direction, from, to, port).allow;
}

/** Comments on the subnet's NSGs: which were read, which are unknown (then open), which rules were not resolved. */
function noteNsgs(context: MapContext, subject: string, record: SubnetRecord): void {
  const states: [string, NsgState][] = [[record.info === null ? 'the subnet' : `subnet \`${record.info.name}\``, record.nsg], ...record.nics.map((n): [string, NsgState] => [n.nic === null ? `session host \`${n.host}\`` : `network interface \`${n.nic.name}\``, nicNsg(n)])];
  for (const [where, state] of states) {
    if (state.state === 'unknown') context.assume(subject, `${state.why}: its rules are unknown, so they allow everything (the worst case)`, undefined, 'inbound');
    else if (state.state === 'known' && state.unresolved.length > 0) context.assume(subject, `network security group \`${state.name}\` (${where}): rules ${state.unresolved.map((r) => `\`${r}\``).join(', ')} have an unresolved priority, access or direction: read as allow at priority 100 (the worst case)`, undefined, 'inbound');
  }
  const named = new Set(states.flatMap(([where, s]) => (s.state === 'known' ? [`\`${s.name}\` (${where})`] : [])));
  if (named.size > 0) context.read(subject, `network security groups ${[...named].join(', ')}: their rules by priority, then Azure's default rules`, undefined, 'hostPools');
}

/** Why the internet does or does not reach the subnet's session hosts on each of their ports. */
function explainInternet(context: MapContext, subject: string, record: SubnetRecord, omitted: boolean): void {
  const latent = latentInternet(record);
  if (omitted) {
    if (latent === null) context.read(subject, 'every connected network may send to it and the internet may not: Azure\u2019s default, so `inbound` is left out', undefined, 'network');
    else context.read(subject, `every connected network may send to it and the internet may not today, so \`inbound\` is left out; but ${latent}`, undefined, 'network');
  } else if (latent !== null) context.read(subject, latent, undefined, 'inbound');
  if (record.draft.hostPools.length === 0) return;
  for (const port of HOST_PORTS) {
    const verdicts = (record.nics.length > 0 ? record.nics : []).map((n) => internetVerdict(record, n, port));
    const open = verdicts.find((v) => v.allow !== false);
    const field = omitted ? 'network' : 'inbound';
    if (open !== undefined) {
      if (open.allow === true) context.read(subject, `TCP ${port} from the internet reaches \`${record.draft.hostPools.join('`, `')}\`: ${open.why}`, undefined, field);
      else context.assume(subject, `TCP ${port} from the internet assumed to reach \`${record.draft.hostPools.join('`, `')}\` (the worst case): ${open.why}`, undefined, field);
    } else if (verdicts.length > 0) {
      context.read(subject, `no TCP ${port} from the internet: ${[...new Set(verdicts.map((v) => v.why))].join('; ')}`, undefined, field);
    }
  }
}

/**
 * What would let the internet in on the hosts' ports if a host had a public IP address or sat behind
 * a public load balancer, where none does: the non-default NSG rules that allow it (a subnet or NIC
 * with no NSG at all allows it too). Null when the NSGs deny it anyway, or when a host is already
 * reachable (then the allow list says so). Source: learn.microsoft.com/azure/virtual-network/network-security-groups-overview
 */
function latentInternet(record: SubnetRecord): string | null {
  if (record.nics.length === 0 || record.nics.some((n) => n.nic === null || n.nic.internet.state !== 'no')) return null;
  const reasons = new Map<string, number[]>();
  for (const port of HOST_PORTS) {
    for (const n of record.nics) {
      const stack = [(n.nic as NicInfo).nsg, record.nsg];
      const opened: string[] = [];
      const passes = stack.every((nsg) => {
        if (nsg.state === 'none') return true;
        if (nsg.state === 'unknown') return opened.push(`${nsg.why} (read as allowing everything)`) > 0;
        const { allow, rule } = decide(nsg.rules, 'inbound', INTERNET_ENDPOINT, record.endpoint, port);
        if (allow && !rule.isDefault) opened.push(`rule \`${rule.name}\` (priority ${rule.priority}) of network security group \`${nsg.name}\``);
        return allow;
      });
      if (!passes) continue;
      const reason = opened.length > 0 ? opened.join(' and ') : `no network security group on ${record.info === null ? 'the subnet' : `subnet \`${record.info.name}\``} or a session host\u2019s network interface`;
      const ports = reasons.get(reason) ?? [];
      if (!ports.includes(port)) ports.push(port);
      reasons.set(reason, ports);
    }
  }
  if (reasons.size === 0) return null;
  const what = [...reasons].map(([reason, ports]) => `${reason} ${/^no network/.test(reason) ? 'lets' : 'allows'} TCP ${ports.join(', ')} from the internet`).join('; ');
  return `${what}: not live only because no session host has a public IP address or a public load balancer, and exposure the moment one is attached`;
}

function internetVerdict(record: SubnetRecord, n: HostNic, port: number): { allow: boolean | null; why: string } {
  if (n.nic === null) return { allow: null, why: n.why };
  if (n.nic.internet.state === 'no') return { allow: false, why: n.nic.internet.why };
  const parts: string[] = [n.nic.internet.why];
  let unknown = n.nic.internet.state === 'unknown';
  for (const [where, nsg] of [[`network interface \`${n.nic.name}\``, n.nic.nsg], [record.info === null ? 'its subnet' : `subnet \`${record.info.name}\``, record.nsg]] as const) {
    if (nsg.state === 'none') parts.push(`${where} has no network security group`);
    else if (nsg.state === 'unknown') {
      unknown = true;
      parts.push(nsg.why);
    } else {
      const { allow, rule } = decide(nsg.rules, 'inbound', INTERNET_ENDPOINT, record.endpoint, port);
      if (!allow) return { allow: false, why: `network security group \`${nsg.name}\` of ${where}: ${ruleText(rule)} denies it` };
      parts.push(`network security group \`${nsg.name}\` of ${where}: ${ruleText(rule)} allows it`);
    }
  }
  return { allow: unknown ? null : true, why: parts.join('; ') };
}

function ruleText(rule: NsgRule): string {
  return rule.isDefault ? `Azure's default rule \`${rule.name}\`` : `rule \`${rule.name}\` (priority ${rule.priority})`;
}

function addressText(resource: { properties: Readonly<Record<string, unknown>> }): string {
  const p = (resource.properties['properties'] as Record<string, unknown> | undefined) ?? resource.properties;
  const space = (p['addressSpace'] as { addressPrefixes?: unknown[] } | undefined)?.addressPrefixes ?? [];
  return space.map(String).join(', ');
}
