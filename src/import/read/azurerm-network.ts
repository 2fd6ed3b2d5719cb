// Terraform's azurerm network resources in the ARM shape of the inventory: virtual networks and
// subnets, network interfaces, NSGs and their rules, the NIC/subnet NSG association resources,
// peerings, VPN/ExpressRoute gateways, their connections and local network gateways.

import { armId } from '../arm-id.js';
import { ARM, type InventoryResource } from '../inventory.js';
import { blocksOf, firstBlock, known, nameOf, resource, scopeOf, str, strings, type TerraformInstance, type Translator } from './azurerm-common.js';
import { isUnknown, type HclValue } from './hcl/value.js';

/** Inventory type of Terraform's NSG association resources; folded into their NIC or subnet by `linkNetworkAssociations`. */
const ASSOCIATION = 'terraform/network-security-group-association';

/** A reference that is set but unresolved (`module.network.nsg_id`): known to exist, id unknown. */
function reference(v: HclValue): { id: string } | 'unknown' | undefined {
  const s = str(v);
  if (s !== null) return { id: s };
  return isUnknown(v) ? 'unknown' : undefined;
}

function named(inst: TerraformInstance, u: string[], type: string, parents: readonly string[] = []): { id: string; name: string; sub: string } {
  const name = nameOf(inst, 'name', u);
  const { sub, rg } = scopeOf(inst, 'resource_group_name', u);
  return { id: armId(sub, rg, type, [...parents, name]), name, sub };
}

/** One `security_rule` block or `azurerm_network_security_rule` in the ARM rule shape. */
function securityRule(b: (name: string) => HclValue, fallbackName: string): Record<string, unknown> {
  const one = (k: string) => known(b(k)) ?? undefined;
  const many = (k: string) => (b(k) === null ? undefined : strings(b(k)));
  const asgs = (k: string) => (b(k) === null ? undefined : strings(b(k)).map((id) => ({ id })));
  return {
    name: str(b('name')) ?? fallbackName,
    properties: {
      priority: one('priority'),
      direction: one('direction'),
      access: one('access'),
      protocol: one('protocol'),
      sourcePortRange: one('source_port_range'),
      sourcePortRanges: many('source_port_ranges'),
      destinationPortRange: one('destination_port_range'),
      destinationPortRanges: many('destination_port_ranges'),
      sourceAddressPrefix: one('source_address_prefix'),
      sourceAddressPrefixes: many('source_address_prefixes'),
      destinationAddressPrefix: one('destination_address_prefix'),
      destinationAddressPrefixes: many('destination_address_prefixes'),
      sourceApplicationSecurityGroups: asgs('source_application_security_group_ids'),
      destinationApplicationSecurityGroups: asgs('destination_application_security_group_ids'),
      // A rule whose priority, access or direction is unresolved cannot be placed: the mapping treats it as unread.
      unresolved: [b('priority'), b('access'), b('direction')].some(isUnknown) || undefined,
    },
  };
}

function virtualNetwork(inst: TerraformInstance, u: string[], data: boolean) {
  const { id, name, sub } = named(inst, u, 'Microsoft.Network/virtualNetworks');
  const subnets = blocksOf(inst.get('subnet')).map((s) => {
    const subnetName = str(s['name'] ?? null) ?? 'subnet';
    const nsg = reference(s['security_group'] ?? null);
    return { name: subnetName, id: `${id}/subnets/${subnetName}`, properties: { addressPrefixes: [...strings(s['address_prefixes']), ...strings(s['address_prefix'])], networkSecurityGroup: nsg === 'unknown' ? undefined : (nsg ?? null), networkSecurityGroupUnknown: nsg === 'unknown' || undefined } };
  });
  const space = strings(inst.get('address_space'));
  const properties: Record<string, unknown> = { addressSpace: space.length > 0 ? { addressPrefixes: space } : undefined, subnets: subnets.length > 0 || !data ? subnets : undefined };
  // A data source names a network managed elsewhere: only its name is in a configuration.
  if (data && space.length === 0) properties['managedElsewhere'] = true;
  return { resources: [resource(inst, ARM.virtualNetwork, id, name, properties, sub)], computed: { id, name, guid: id, address_space: inst.get('address_space') } };
}

function subnet(inst: TerraformInstance, u: string[], data: boolean) {
  const vnet = nameOf(inst, 'virtual_network_name', u);
  const { id, name, sub } = named(inst, u, 'Microsoft.Network/virtualNetworks/subnets', [vnet]);
  const prefixes = [...strings(inst.get('address_prefixes')), ...strings(inst.get('address_prefix'))];
  // A subnet resource gets its NSG through an association resource (none until one is read); a data
  // source in a configuration does not show it (a state does: `network_security_group_id`).
  const nsgValue = inst.get('network_security_group_id');
  const nsg = reference(nsgValue);
  const unknown = nsg === 'unknown' || (data && nsgValue === null && prefixes.length === 0);
  const properties = { addressPrefixes: prefixes, networkSecurityGroup: unknown ? undefined : (nsg ?? null), networkSecurityGroupUnknown: unknown || undefined };
  return { resources: [resource(inst, ARM.subnet, id, name, properties, sub)], computed: { id, name, address_prefixes: inst.get('address_prefixes') } };
}

/** A network interface: its subnet and public IP per `ip_configuration`, its NSG through an association resource. */
function networkInterface(inst: TerraformInstance, u: string[]) {
  const { id, name, sub } = named(inst, u, 'Microsoft.Network/networkInterfaces');
  const ipConfigurations = blocksOf(inst.get('ip_configuration')).map((block) => {
    const subnetId = str(block['subnet_id'] ?? null);
    const publicIp = block['public_ip_address_id'] ?? null;
    // An unresolved public IP reference is still a public IP.
    const publicIpId = str(publicIp) ?? (isUnknown(publicIp) ? (publicIp.placeholder ?? 'unresolved-public-ip') : null);
    return { properties: { subnet: subnetId === null ? undefined : { id: subnetId }, publicIPAddress: publicIpId === null ? undefined : { id: publicIpId }, applicationSecurityGroups: strings(block['application_security_group_ids'] ?? null).map((asg) => ({ id: asg })) } };
  });
  // azurerm 1.x set the NSG on the NIC itself.
  const nsg = reference(inst.get('network_security_group_id'));
  const properties = { ipConfigurations, networkSecurityGroup: nsg === 'unknown' ? undefined : (nsg ?? null), networkSecurityGroupUnknown: nsg === 'unknown' || undefined };
  return { resources: [resource(inst, ARM.networkInterface, id, name, properties, sub)], computed: { id, name } };
}

function networkSecurityGroup(inst: TerraformInstance, u: string[], data: boolean) {
  const { id, name, sub } = named(inst, u, 'Microsoft.Network/networkSecurityGroups');
  const raw = inst.get('security_rule');
  const rules = blocksOf(raw).map((b, k) => securityRule((key) => b[key] ?? null, `rule-${k + 1}`));
  // A data source in a configuration does not show the rules; a state does.
  const properties = { securityRules: rules, securityRulesUnknown: (data && raw === null) || isUnknown(raw) || undefined };
  return { resources: [resource(inst, ARM.networkSecurityGroup, id, name, properties, sub)], computed: { id, name } };
}

function association(inst: TerraformInstance, u: string[], target: 'network_interface_id' | 'subnet_id') {
  const on = str(inst.get(target));
  const nsg = reference(inst.get('network_security_group_id'));
  if (on === null) {
    u.push(`${inst.address}.${target}`);
    return { resources: [], computed: { id: inst.address } };
  }
  const properties = { target: on, networkSecurityGroup: nsg === 'unknown' || nsg === undefined ? undefined : nsg };
  return { resources: [resource(inst, ASSOCIATION, `${on}#nsg`, inst.address, properties, inst.subscription)], computed: { id: `${on}#nsg` } };
}

export const NETWORK_TRANSLATORS: Readonly<Record<string, Translator>> = {
  azurerm_virtual_network: (inst, u) => virtualNetwork(inst, u, false),
  'data:azurerm_virtual_network': (inst, u) => virtualNetwork(inst, u, true),
  azurerm_subnet: (inst, u) => subnet(inst, u, false),
  'data:azurerm_subnet': (inst, u) => subnet(inst, u, true),
  azurerm_network_interface: networkInterface,
  azurerm_network_security_group: (inst, u) => networkSecurityGroup(inst, u, false),
  'data:azurerm_network_security_group': (inst, u) => networkSecurityGroup(inst, u, true),
  azurerm_network_security_rule: (inst, u) => {
    const nsgName = nameOf(inst, 'network_security_group_name', u);
    const { id, name, sub } = named(inst, u, 'Microsoft.Network/networkSecurityGroups/securityRules', [nsgName]);
    const rule = securityRule((k) => inst.get(k), name);
    return { resources: [resource(inst, ARM.securityRule, id, name, rule['properties'] as Record<string, unknown>, sub)], computed: { id, name } };
  },
  azurerm_network_interface_security_group_association: (inst, u) => association(inst, u, 'network_interface_id'),
  azurerm_subnet_network_security_group_association: (inst, u) => association(inst, u, 'subnet_id'),
  azurerm_virtual_network_peering: (inst, u) => {
    const vnet = nameOf(inst, 'virtual_network_name', u);
    const { id, name, sub } = named(inst, u, 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings', [vnet]);
    const remote = str(inst.get('remote_virtual_network_id'));
    if (remote === null) u.push(`${inst.address}.remote_virtual_network_id`);
    const properties = { remoteVirtualNetwork: remote === null ? undefined : { id: remote }, allowGatewayTransit: known(inst.get('allow_gateway_transit')), useRemoteGateways: known(inst.get('use_remote_gateways')), allowVirtualNetworkAccess: known(inst.get('allow_virtual_network_access')) };
    return { resources: [resource(inst, ARM.peering, id, name, properties, sub)], computed: { id, name } };
  },
  azurerm_virtual_network_gateway: (inst, u) => {
    const { id, name, sub } = named(inst, u, 'Microsoft.Network/virtualNetworkGateways');
    const ipConfigurations = blocksOf(inst.get('ip_configuration')).map((b) => ({ properties: { subnet: str(b['subnet_id'] ?? null) === null ? undefined : { id: str(b['subnet_id'] ?? null) } } }));
    return { resources: [resource(inst, ARM.virtualNetworkGateway, id, name, { gatewayType: known(inst.get('type')), ipConfigurations }, sub)], computed: { id, name } };
  },
  azurerm_virtual_network_gateway_connection: (inst, u) => {
    const { id, name, sub } = named(inst, u, 'Microsoft.Network/connections');
    const ref = (k: string) => (str(inst.get(k)) === null ? undefined : { id: str(inst.get(k)) });
    const properties = { connectionType: known(inst.get('type')), virtualNetworkGateway1: ref('virtual_network_gateway_id'), virtualNetworkGateway2: ref('peer_virtual_network_gateway_id'), localNetworkGateway2: ref('local_network_gateway_id'), peer: ref('express_route_circuit_id') };
    return { resources: [resource(inst, ARM.connection, id, name, properties, sub)], computed: { id, name } };
  },
  azurerm_local_network_gateway: (inst, u) => {
    const { id, name, sub } = named(inst, u, 'Microsoft.Network/localNetworkGateways');
    return { resources: [resource(inst, ARM.localNetworkGateway, id, name, { localNetworkAddressSpace: { addressPrefixes: strings(inst.get('address_space')) }, gatewayIpAddress: known(inst.get('gateway_address')) }, sub)], computed: { id, name } };
  },
  azurerm_express_route_circuit: (inst, u) => {
    const { id, name, sub } = named(inst, u, 'Microsoft.Network/expressRouteCircuits');
    return { resources: [resource(inst, ARM.expressRouteCircuit, id, name, { serviceProviderProperties: firstBlock(inst.get('service_provider_properties')) ?? undefined }, sub)], computed: { id, name } };
  },
};

/**
 * Folds Terraform's NSG association resources into the NIC or subnet they name (ARM keeps the NSG as
 * `properties.networkSecurityGroup` there); an association whose NSG is unresolved marks it unknown.
 */
export function linkNetworkAssociations(resources: readonly InventoryResource[]): InventoryResource[] {
  const associations = new Map<string, InventoryResource>();
  for (const r of resources) if (r.type === ASSOCIATION) associations.set(String(r.properties['target']).toLowerCase(), r);
  const associate = (id: string, properties: Readonly<Record<string, unknown>>): Record<string, unknown> => {
    const found = associations.get(id.toLowerCase());
    if (found === undefined) return { ...properties };
    const nsg = found.properties['networkSecurityGroup'];
    return { ...properties, networkSecurityGroup: nsg ?? undefined, networkSecurityGroupUnknown: nsg === undefined || undefined };
  };
  return resources
    .filter((r) => r.type !== ASSOCIATION)
    .map((r) => {
      // Subnets written inside their virtual network are associated by their own id.
      if (r.type === ARM.virtualNetwork && Array.isArray(r.properties['subnets'])) {
        const subnets = (r.properties['subnets'] as { id: string; properties: Record<string, unknown> }[]).map((s) => ({ ...s, properties: associate(s.id, s.properties) }));
        return { ...r, properties: { ...r.properties, subnets } };
      }
      return associations.has(r.id.toLowerCase()) ? { ...r, properties: associate(r.id, r.properties) } : r;
    });
}
