// Direct RDP exposure of session hosts. Azure Virtual Desktop connects through Reverse Connect, but a
// session host whose network interface has a public IP address, with no network security group or
// NSGs that allow inbound TCP 3389 from the internet, can still be reached directly. Read from the
// VM's network interfaces, their public IPs, and the NSGs of the NIC and its subnet; what the input
// does not show is assumed exposed (the worst case) and said so.

import { parseArmId } from '../arm-id.js';
import type { InventoryResource } from '../inventory.js';
import { isRecord } from '../read/arm-resource.js';
import type { MapContext } from './context.js';
import type { MappedPool } from './host-pools.js';

export const RDP_PORT = 3389;

export type ExposureState = 'exposed' | 'closed' | 'unknown';

export interface Exposure {
  readonly state: ExposureState;
  readonly reason: string;
  /** The virtual network and subnet of the host's first NIC, when the input names them. */
  readonly network: { readonly vnet: string; readonly subnet: string } | null;
}

/** The pool's exposure: exposed if any host is, else unknown if any host's is unknown, else closed. */
export function poolExposure(context: MapContext, pool: MappedPool): Exposure {
  if (pool.sessionHosts.length === 0) return { state: 'unknown', reason: 'no session host VM in the input', network: null };
  const hosts = pool.sessionHosts.map((h) => ({ name: h.name, exposure: vmExposure(context, h.vm) }));
  for (const state of ['exposed', 'unknown'] as const) {
    const first = hosts.find((h) => h.exposure.state === state);
    if (first !== undefined) return { ...first.exposure, reason: `session host \`${first.name}\`: ${first.exposure.reason}` };
  }
  const reasons = [...new Set(hosts.map((h) => h.exposure.reason))];
  return { state: 'closed', reason: reasons.join('; '), network: hosts[0]?.exposure.network ?? null };
}

function vmExposure(context: MapContext, vm: InventoryResource | undefined): Exposure {
  if (vm === undefined) return { state: 'unknown', reason: 'its VM is not in the input', network: null };
  const refs = listOf(record(vm.properties['networkProfile'])?.['networkInterfaces']).map((n) => str(record(n)?.['id'])).filter((id): id is string => id !== null);
  if (refs.length === 0) return { state: 'unknown', reason: `the network interfaces of VM \`${vm.name}\` are not in the input`, network: null };
  let network: Exposure['network'] = null;
  let unknown: string | null = null;
  const closed: string[] = [];
  for (const ref of refs) {
    const nic = context.get(ref);
    if (nic === undefined) {
      unknown ??= `network interface \`${ref.split('/').pop()}\` is not in the input`;
      continue;
    }
    const configs = listOf(nic.properties['ipConfigurations']).map((c) => props(c));
    const subnetId = configs.map((c) => str(record(c['subnet'])?.['id'])).find((id): id is string => id !== null) ?? null;
    const parsedSubnet = subnetId === null ? null : /virtualNetworks\/([^/]+)\/subnets\/([^/]+)/i.exec(subnetId);
    if (network === null && parsedSubnet !== null) network = { vnet: parsedSubnet[1] as string, subnet: parsedSubnet[2] as string };
    const publicIp = configs.map((c) => str(record(c['publicIPAddress'])?.['id'])).find((id): id is string => id !== null);
    if (publicIp === undefined) {
      closed.push(`no public IP address on network interface \`${nic.name}\``);
      continue;
    }
    // Both the NIC's and the subnet's NSG must allow the traffic; a missing one allows everything the other does.
    const nicNsg = nic.properties['networkSecurityGroupUnknown'] === true ? undefined : str(record(nic.properties['networkSecurityGroup'])?.['id']);
    const nsgRefs: { where: string; id: string | null | undefined }[] = [{ where: `network interface \`${nic.name}\``, id: nicNsg }];
    const subnet = subnetId === null ? undefined : findSubnet(context, subnetId);
    nsgRefs.push({ where: `subnet \`${parsedSubnet?.[2] ?? subnetId ?? '?'}\``, id: subnet === undefined ? undefined : str(record(props(subnet.properties)['networkSecurityGroup'] ?? subnet.properties['networkSecurityGroup'])?.['id']) });
    const verdicts = nsgRefs.map(({ where, id }) => {
      if (id === undefined) return { where, verdict: null as boolean | null, text: `whether ${where} has a network security group is not in the input` };
      if (id === null) return { where, verdict: true, text: `${where} has no network security group` };
      const nsg = context.get(id);
      if (nsg === undefined) return { where, verdict: null, text: `network security group \`${parseArmId(id).name ?? id}\` of ${where} is not in the input` };
      const allowed = allowsInternetRdp(nsg);
      return { where, verdict: allowed, text: `network security group \`${nsg.name}\` of ${where} ${allowed ? 'allows' : 'denies'} inbound TCP ${RDP_PORT} from the internet` };
    });
    const denied = verdicts.find((v) => v.verdict === false);
    if (denied !== undefined) {
      closed.push(denied.text);
      continue;
    }
    const open = `public IP address \`${publicIp.split('/').pop()}\` on network interface \`${nic.name}\``;
    const unread = verdicts.find((v) => v.verdict === null);
    if (unread !== undefined) {
      unknown ??= `${open}, and ${unread.text}`;
      continue;
    }
    return { state: 'exposed', reason: `${open}; ${verdicts.map((v) => v.text).join('; ')}`, network };
  }
  if (unknown !== null) return { state: 'unknown', reason: unknown, network };
  return { state: 'closed', reason: closed.join('; '), network };
}

/** A subnet: its own resource (ARM, templates) or an entry of its virtual network's `subnets` (Resource Graph rows). */
function findSubnet(context: MapContext, id: string): InventoryResource | undefined {
  const own = context.get(id);
  if (own !== undefined) return own;
  const vnet = context.get(id.replace(/\/subnets\/[^/]+\/?$/i, ''));
  const entry = listOf(vnet === undefined ? undefined : props(vnet.properties)['subnets']).find((s) => str(record(s)?.['id'])?.toLowerCase() === id.toLowerCase() || (str(record(s)?.['name']) ?? '').toLowerCase() === id.split('/').pop()?.toLowerCase());
  return vnet === undefined || entry === undefined ? undefined : { ...vnet, id, name: str(record(entry)?.['name']) ?? id, properties: props(entry) };
}

const INTERNET_SOURCES = /^(\*|internet|any|0\.0\.0\.0\/0)$/i;
const PRIVATE = /^(virtualnetwork|azureloadbalancer|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/i;

/**
 * Whether an NSG lets TCP 3389 in from the internet: its inbound rules in priority order, the first
 * that matches decides; none matching falls to Azure's default DenyAllInBound. A source prefix that is
 * neither private nor VirtualNetwork/AzureLoadBalancer counts as the internet (the worst case).
 */
export function allowsInternetRdp(nsg: InventoryResource): boolean {
  const rules = listOf(props(nsg.properties)['securityRules'] ?? nsg.properties['securityRules'])
    .map((r) => props(r))
    .filter((r) => String(r['direction'] ?? '').toLowerCase() === 'inbound')
    .sort((a, b) => Number(a['priority'] ?? 0) - Number(b['priority'] ?? 0));
  for (const rule of rules) {
    const protocol = String(rule['protocol'] ?? '*').toLowerCase();
    if (protocol !== '*' && protocol !== 'tcp') continue;
    const sources = [rule['sourceAddressPrefix'], ...listOf(rule['sourceAddressPrefixes'])].map(str).filter((s): s is string => s !== null);
    if (!sources.some((s) => INTERNET_SOURCES.test(s) || !PRIVATE.test(s))) continue;
    const ports = [rule['destinationPortRange'], ...listOf(rule['destinationPortRanges'])].map(str).filter((s): s is string => s !== null);
    if (!ports.some((p) => portIn(p, RDP_PORT))) continue;
    return String(rule['access'] ?? '').toLowerCase() === 'allow';
  }
  return false;
}

function portIn(range: string, port: number): boolean {
  if (range === '*') return true;
  const [low, high] = range.split('-').map((p) => Number(p.trim()));
  return low !== undefined && port >= low && port <= (high ?? low);
}

/** ARM nests a sub-resource's fields under `properties`; templates and Terraform sometimes do not. */
function props(value: unknown): Record<string, unknown> {
  const r = record(value) ?? {};
  return record(r['properties']) ?? r;
}

function record(value: unknown): Record<string, unknown> | null {
  return isRecord(value) ? value : null;
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
