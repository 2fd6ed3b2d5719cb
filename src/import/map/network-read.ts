// The network resources of an inventory, read once whatever their source: virtual networks with their
// subnets (nested in the network, as ARM returns them, or as child resources, as templates and
// Terraform write them), NSGs with their rules, network interfaces, peerings, gateways, connections
// and local network gateways (on-premises sites).

import { normalize, parentId, parseArmId } from '../arm-id.js';
import { ARM, type InventoryResource } from '../inventory.js';
import { isRecord } from '../read/arm-resource.js';
import { parseCidr, type Cidr } from './cidr.js';
import type { MapContext } from './context.js';
import { readRules, type NsgRule } from './nsg-rules.js';

/** An NSG attached to a NIC or subnet: none, one whose rules are read, or one the input does not show. */
export type NsgState =
  | { readonly state: 'none' }
  | { readonly state: 'known'; readonly key: string; readonly name: string; readonly rules: readonly NsgRule[]; readonly unresolved: readonly string[] }
  | { readonly state: 'unknown'; readonly why: string };

export interface VnetInfo {
  /** Normalized ARM id. */
  readonly key: string;
  readonly name: string;
  readonly resource: InventoryResource | undefined;
  readonly prefixes: readonly Cidr[] | null;
  readonly subnets: SubnetInfo[];
}

export interface SubnetInfo {
  readonly key: string;
  readonly name: string;
  readonly vnet: string;
  readonly prefixes: readonly Cidr[] | null;
  readonly nsg: NsgState;
  /** Not in the input: known only as the subnet a network interface names. */
  readonly standIn: boolean;
}

export interface NicInfo {
  readonly name: string;
  /** Normalized subnet id of its first IP configuration, when the input gives it. */
  readonly subnet: string | null;
  /** Why the internet can reach it (a public IP, a public load balancer), or null when it cannot; `unknown` with the reason when unread. */
  readonly internet: { readonly state: 'yes' | 'no' | 'unknown'; readonly why: string };
  readonly nsg: NsgState;
}

export interface SiteInfo {
  readonly key: string;
  readonly name: string;
  readonly kind: 'localNetworkGateway' | 'expressRouteCircuit';
  readonly prefixes: readonly Cidr[] | null;
}

export interface LinkInfo {
  readonly a: string;
  readonly b: string;
  readonly type: 'peering' | 'vpn' | 'expressRoute';
  /** Peering: whether gateway transit is on (null: a side is not in the input). */
  readonly gatewayTransit: boolean | null;
  readonly origin: InventoryResource['origin'];
  readonly what: string;
}

export class NetworkInventory {
  readonly vnets = new Map<string, VnetInfo>();
  readonly sites = new Map<string, SiteInfo>();
  readonly links: LinkInfo[] = [];
  private readonly subnets = new Map<string, SubnetInfo>();

  constructor(private readonly context: MapContext) {
    for (const vnet of context.ofType(ARM.virtualNetwork)) {
      const info = this.vnet(vnet.id, vnet);
      for (const entry of list(props(vnet.properties)['subnets'])) {
        const name = str(record(entry)['name']) ?? 'subnet';
        this.addSubnet(str(record(entry)['id']) ?? `${vnet.id}/subnets/${name}`, name, props(entry), info);
      }
    }
    for (const subnet of context.ofType(ARM.subnet)) this.addSubnet(subnet.id, subnet.name, subnet.properties, this.vnet(parentId(subnet.id)));
    this.readPeerings();
    this.readConnections();
  }

  /** The subnet with this id; one the input does not hold is added as a stand-in of its (stand-in) network. */
  subnet(id: string): SubnetInfo {
    const known = this.subnets.get(normalize(id));
    if (known !== undefined) return known;
    const nsg: NsgState = { state: 'unknown', why: `subnet \`${parseArmId(id).name ?? id}\` is not in the input` };
    const info: SubnetInfo = { key: normalize(id), name: parseArmId(id).name ?? id.split('/').pop() ?? id, vnet: this.vnet(parentId(id)).key, prefixes: null, nsg, standIn: true };
    this.subnets.set(info.key, info);
    this.vnets.get(info.vnet)?.subnets.push(info);
    return info;
  }

  /** A network interface by id, or null when it is not in the input. */
  nic(id: string): NicInfo | null {
    const nic = this.context.get(id);
    if (nic === undefined) return null;
    const configs = list(nic.properties['ipConfigurations']).map(props);
    // A reference that is not a subnet id (an unresolved placeholder) leaves the subnet unknown.
    const subnetId = configs.map((c) => str(record(c['subnet'])['id'])).find((s): s is string => s !== null && /\/virtualNetworks\/[^/]+\/subnets\/[^/]+\/?$/i.test(s)) ?? null;
    return { name: nic.name, subnet: subnetId === null ? null : this.subnet(subnetId).key, internet: this.internetFacing(nic, configs), nsg: this.nsgOf(nic.properties, `network interface \`${nic.name}\``) };
  }

  /** The NSG a NIC or subnet names: absent is none (ARM omits it), flagged unknown when the source could not resolve it. */
  nsgOf(properties: Readonly<Record<string, unknown>>, where: string): NsgState {
    if (properties['networkSecurityGroupUnknown'] === true) return { state: 'unknown', why: `the network security group of ${where} is not resolved in the input` };
    const id = str(record(properties['networkSecurityGroup'])['id']);
    if (id === null) return { state: 'none' };
    const nsg = this.context.get(id);
    const name = parseArmId(id).name ?? id;
    if (nsg === undefined) return { state: 'unknown', why: `network security group \`${name}\` of ${where} is not in the input` };
    if (nsg.properties['securityRulesUnknown'] === true) return { state: 'unknown', why: `the rules of network security group \`${nsg.name}\` (${where}) are not in the input` };
    const children = this.context.ofType(ARM.securityRule).filter((r) => normalize(parentId(r.id)) === normalize(nsg.id)).map((r) => ({ name: r.name, properties: r.properties }));
    const { rules, unresolved } = readRules([...list(props(nsg.properties)['securityRules']), ...children]);
    return { state: 'known', key: normalize(nsg.id), name: nsg.name, rules, unresolved };
  }

  private vnet(id: string, resource?: InventoryResource): VnetInfo {
    const key = normalize(id);
    const known = this.vnets.get(key);
    if (known !== undefined) return known;
    const space = resource === undefined ? null : list(record(props(resource.properties)['addressSpace'])['addressPrefixes']);
    const info: VnetInfo = { key, name: resource?.name ?? parseArmId(id).name ?? id.split('/').pop() ?? id, resource, prefixes: cidrs(space), subnets: [] };
    this.vnets.set(key, info);
    return info;
  }

  private addSubnet(id: string, name: string, properties: Record<string, unknown>, vnet: VnetInfo): void {
    const key = normalize(id);
    if (this.subnets.has(key) && !(this.subnets.get(key) as SubnetInfo).standIn) return;
    const prefixes = cidrs([properties['addressPrefix'], ...list(properties['addressPrefixes'])].filter((p) => typeof p === 'string'));
    const info: SubnetInfo = { key, name, vnet: vnet.key, prefixes, nsg: this.nsgOf(properties, `subnet \`${name}\``), standIn: false };
    this.subnets.set(key, info);
    vnet.subnets.push(info);
  }

  private internetFacing(nic: InventoryResource, configs: Record<string, unknown>[]): NicInfo['internet'] {
    const publicIp = configs.map((c) => str(record(c['publicIPAddress'])['id'])).find((id): id is string => id !== null);
    if (publicIp !== undefined) return { state: 'yes', why: `public IP address \`${publicIp.split('/').pop()}\` on network interface \`${nic.name}\`` };
    // Behind a load balancer: public if one of its frontends has a public IP, unknown if it is not in the input.
    const pools = configs.flatMap((c) => [...list(c['loadBalancerBackendAddressPools']), ...list(c['loadBalancerInboundNatRules'])]).map((p) => str(record(p)['id'])).filter((id): id is string => id !== null);
    for (const ref of pools) {
      const lbId = parentId(ref);
      const lb = this.context.get(lbId);
      if (lb === undefined) return { state: 'unknown', why: `network interface \`${nic.name}\` is behind load balancer \`${parseArmId(lbId).name ?? lbId}\`, which is not in the input` };
      const frontends = list(props(lb.properties)['frontendIPConfigurations']).map(props);
      if (frontends.some((f) => str(record(f['publicIPAddress'])['id']) !== null)) return { state: 'yes', why: `network interface \`${nic.name}\` is behind public load balancer \`${lb.name}\`` };
    }
    return { state: 'no', why: `no public IP address on network interface \`${nic.name}\`` };
  }

  private readPeerings(): void {
    const sides: { local: string; remote: string; allowTransit: boolean; useRemote: boolean; resource: InventoryResource; name: string }[] = [];
    const add = (local: string, entry: Record<string, unknown>, resource: InventoryResource, name: string): void => {
      const remote = str(record(entry['remoteVirtualNetwork'])['id']);
      if (remote === null) return;
      sides.push({ local: this.vnet(local).key, remote: this.vnet(remote).key, allowTransit: entry['allowGatewayTransit'] === true, useRemote: entry['useRemoteGateways'] === true, resource, name });
    };
    for (const vnet of this.context.ofType(ARM.virtualNetwork)) for (const p of list(props(vnet.properties)['virtualNetworkPeerings'])) add(vnet.id, props(p), vnet, str(record(p)['name']) ?? 'peering');
    for (const p of this.context.ofType(ARM.peering)) add(parentId(p.id), props(p.properties), p, p.name);
    const seen = new Set<string>();
    for (const side of sides) {
      const pair = [side.local, side.remote].sort().join('|');
      if (seen.has(pair)) continue;
      seen.add(pair);
      const other = sides.find((s) => s.local === side.remote && s.remote === side.local);
      const transit = other === undefined ? null : (side.allowTransit && other.useRemote) || (other.allowTransit && side.useRemote);
      this.links.push({ a: side.local, b: side.remote, type: 'peering', gatewayTransit: transit, origin: side.resource.origin, what: `peering \`${side.name}\`` });
    }
  }

  private readConnections(): void {
    const gatewayVnet = (id: string | null): string | null => {
      if (id === null) return null;
      const gateway = this.context.get(id);
      const subnet = gateway === undefined ? null : list(props(gateway.properties)['ipConfigurations']).map((c) => str(record(props(c)['subnet'])['id'])).find((s): s is string => s !== null);
      return subnet === null || subnet === undefined ? null : this.vnet(parentId(subnet)).key;
    };
    for (const connection of this.context.ofType(ARM.connection)) {
      const p = props(connection.properties);
      const type = String(p['connectionType'] ?? '').toLowerCase();
      const local = gatewayVnet(str(record(p['virtualNetworkGateway1'])['id']));
      const what = `connection \`${connection.name}\``;
      let remote: string | null = null;
      if (type === 'vnet2vnet') remote = gatewayVnet(str(record(p['virtualNetworkGateway2'])['id']));
      else if (type === 'expressroute') remote = this.site(str(record(p['peer'])['id']), 'expressRouteCircuit');
      else remote = this.site(str(record(p['localNetworkGateway2'])['id']), 'localNetworkGateway');
      if (local === null || remote === null) {
        this.context.assume(null, `${what}: its virtual network gateway or its other end is not in the input: the link is not imported`, connection.origin);
        continue;
      }
      this.links.push({ a: local, b: remote, type: type === 'expressroute' ? 'expressRoute' : 'vpn', gatewayTransit: null, origin: connection.origin, what });
    }
    for (const lng of this.context.ofType(ARM.localNetworkGateway)) this.site(lng.id, 'localNetworkGateway');
  }

  private site(id: string | null, kind: SiteInfo['kind']): string | null {
    if (id === null) return null;
    const key = normalize(id);
    if (!this.sites.has(key)) {
      const resource = this.context.get(id);
      const space = resource === undefined ? null : list(record(props(resource.properties)['localNetworkAddressSpace'])['addressPrefixes']);
      this.sites.set(key, { key, name: resource?.name ?? parseArmId(id).name ?? id, kind, prefixes: cidrs(space) });
    }
    return key;
  }
}

/** Prefixes as ranges; null when none is given or one does not parse (unknown addresses). */
function cidrs(texts: readonly unknown[] | null): Cidr[] | null {
  if (texts === null || texts.length === 0) return null;
  const parsed = texts.map((t) => (typeof t === 'string' ? parseCidr(t) : null));
  return parsed.every((c): c is Cidr => c !== null) ? parsed : null;
}

/** ARM nests a sub-resource's fields under `properties`; templates and Terraform sometimes do not. */
export function props(value: unknown): Record<string, unknown> {
  const r = record(value);
  return isRecord(r['properties']) ? r['properties'] : r;
}

function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
