// Networks, subnets, links and NSG allow lists, read the same from every source: hand-made Resource
// Graph rows (handmade/rdp-exposure.json, handmade/resource-graph-networks.json) and the same
// deployment as Terraform (handmade/networks-terraform, with the NIC and subnet NSG association
// resources). Every expectation below is worked out by hand from the rules in those files.

import { describe, expect, it } from 'vitest';
import { parseCidr } from '../../src/import/map/cidr.js';
import { decide, INTERNET_ENDPOINT, readRules, type Endpoint } from '../../src/import/map/nsg-rules.js';
import { comments, FIXTURES, importFixture, loadImported } from './support.js';

const rule = (name: string, priority: number, access: string, source: string, port: string, extra: object = {}) => ({ name, properties: { direction: 'Inbound', priority, access, protocol: 'Tcp', sourceAddressPrefix: source, destinationPortRange: port, destinationAddressPrefix: '*', ...extra } });
const subnet = (prefix: string): Endpoint => ({ kind: 'address', prefixes: [parseCidr(prefix)!] });
const hosts = subnet('10.1.1.0/24');

describe('NSG evaluation', () => {
  it('takes the first applicable rule by priority, and Azure’s default rules after the written ones', () => {
    const allowInternet = readRules([rule('allow-rdp', 300, 'Allow', 'Internet', '3389')]).rules;
    expect(decide(allowInternet, 'inbound', INTERNET_ENDPOINT, hosts, 3389)).toMatchObject({ allow: true, rule: { name: 'allow-rdp' } });
    // 445 from the internet: no written rule applies, DenyAllInBound (65500) does.
    expect(decide(allowInternet, 'inbound', INTERNET_ENDPOINT, hosts, 445)).toMatchObject({ allow: false, rule: { name: 'DenyAllInBound' } });
    // From the virtual network: AllowVnetInBound (65000).
    expect(decide(allowInternet, 'inbound', subnet('10.1.2.0/24'), hosts, 445)).toMatchObject({ allow: true, rule: { name: 'AllowVnetInBound' } });
    // A deny at 100 beats an allow at 200 for the same port, whatever their order in the input.
    const ordered = readRules([rule('allow-range', 200, 'Allow', '*', '3000-4000'), rule('deny-rdp', 100, 'Deny', '*', '3389')]).rules;
    expect(decide(ordered, 'inbound', INTERNET_ENDPOINT, hosts, 3389)).toMatchObject({ allow: false, rule: { name: 'deny-rdp' } });
    expect(decide(ordered, 'inbound', INTERNET_ENDPOINT, hosts, 3390)).toMatchObject({ allow: true, rule: { name: 'allow-range' } });
  });

  it('applies an allow that covers part of a source or names application security groups, and a deny only when it covers all of it', () => {
    // 10.1.2.0/25 is half of the source subnet 10.1.2.0/24: the allow applies (some hosts may send) …
    const partialAllow = readRules([rule('deny-vnet', 300, 'Deny', 'VirtualNetwork', '445'), rule('allow-half', 100, 'Allow', '10.1.2.0/25', '445')]).rules;
    expect(decide(partialAllow, 'inbound', subnet('10.1.2.0/24'), hosts, 445).allow).toBe(true);
    // … a deny of the same half does not (the other half may still send), so AllowVnetInBound decides.
    const partialDeny = readRules([rule('deny-half', 100, 'Deny', '10.1.2.0/25', '445')]).rules;
    expect(decide(partialDeny, 'inbound', subnet('10.1.2.0/24'), hosts, 445)).toMatchObject({ allow: true, rule: { name: 'AllowVnetInBound' } });
    // A source of unknown addresses (a stand-in subnet) is covered by no prefix.
    expect(decide(readRules([rule('deny-10', 100, 'Deny', '10.0.0.0/8', '445')]).rules, 'inbound', { kind: 'address', prefixes: null }, hosts, 445).allow).toBe(true);
    const asg = readRules([rule('deny-asg', 100, 'Deny', '*', '3389', { sourceApplicationSecurityGroups: [{ id: 'asg1' }] }), rule('allow-any', 200, 'Allow', '*', '3389')]).rules;
    expect(decide(asg, 'inbound', INTERNET_ENDPOINT, hosts, 3389)).toMatchObject({ allow: true, rule: { name: 'allow-any' } });
  });

  it('counts public prefixes and service tags other than VirtualNetwork/AzureLoadBalancer as the internet; UDP does not carry TCP', () => {
    expect(decide(readRules([rule('pub', 100, 'Allow', '203.0.113.0/24', '3389')]).rules, 'inbound', INTERNET_ENDPOINT, hosts, 3389).allow).toBe(true);
    expect(decide(readRules([rule('cloud', 100, 'Allow', 'AzureCloud', '3389')]).rules, 'inbound', INTERNET_ENDPOINT, hosts, 3389).allow).toBe(true);
    expect(decide(readRules([rule('priv', 100, 'Allow', '10.0.0.0/8', '3389')]).rules, 'inbound', INTERNET_ENDPOINT, hosts, 3389).allow).toBe(false);
    expect(decide(readRules([rule('udp', 100, 'Allow', '*', '3389', { protocol: 'Udp' })]).rules, 'inbound', INTERNET_ENDPOINT, hosts, 3389).allow).toBe(false);
  });

  it('reads a rule with an unresolved access or priority as an allow at priority 100, named', () => {
    const { rules, unresolved } = readRules([rule('deny-all', 200, 'Deny', '*', '*'), { name: 'mystery', properties: { direction: 'Inbound', priority: '${var.p}', access: 'Deny', protocol: '*', destinationPortRange: '*' } }]);
    expect(unresolved).toEqual(['mystery']);
    expect(decide(rules, 'inbound', INTERNET_ENDPOINT, hosts, 3389)).toMatchObject({ allow: true, rule: { name: 'mystery' } });
  });
});

describe('networks from Resource Graph rows and from Terraform', () => {
  it('maps virtual networks, sites, links and subnets the same from both sources', async () => {
    const tf = await importFixture([`${FIXTURES}handmade/networks-terraform`]);
    const rg = await importFixture([`${FIXTURES}handmade/resource-graph-networks.json`]);
    const [fromTf, fromRg] = [loadImported(tf), loadImported(rg)];
    const networkPart = (m: typeof fromTf) => ({ networks: m.networks, networkLinks: m.networkLinks, subnets: m.subnets, hostPools: m.hostPools.map((p) => p.id) });
    expect(networkPart(fromTf)).toEqual(networkPart(fromRg));
    // Two virtual networks and two sites: the local network gateway `onprem` and the ExpressRoute circuit.
    expect((fromTf.networks ?? []).map((n) => [n.id, n.type, n.organization])).toEqual([
      ['hub', 'virtualNetwork', null],
      ['spoke', 'virtualNetwork', 'org-77777777'],
      ['er-circuit', 'onPremises', null],
      ['onprem', 'onPremises', null],
    ]);
    // Both sides of the peering are there: hub allows gateway transit, spoke uses remote gateways.
    expect((fromTf.networkLinks ?? []).map((l) => [l.between, l.type, l.gatewayTransit])).toEqual([
      [['hub', 'er-circuit'], 'expressRoute', true],
      [['hub', 'onprem'], 'vpn', true],
      [['hub', 'spoke'], 'peering', true],
    ]);
    const hostsSubnet = (fromTf.subnets ?? []).find((s) => s.id === 'hosts');
    expect(hostsSubnet?.hostPools).toEqual(['pool-a']);
    // nsg-hosts denies 445 from VirtualNetwork (100) and allows 3389 from 192.168.0.0/16 (200); below
    // them AllowVnetInBound admits every connected network on every other port, DenyAllInBound the
    // internet. nsg-nic-a admits 3389 from Internet, but the subnet's NSG still denies it: 3389 only,
    // from every network (spoke stands for both its subnets), nothing from the internet.
    expect(hostsSubnet?.inbound).toEqual([{ from: ['GatewaySubnet', 'er-circuit', 'onprem', 'spoke'], ports: [3389] }]);
    // nsg-hosts denies outbound 445 to 10.1.2.0/24 (servers): 3389 only there, everything elsewhere.
    expect(hostsSubnet?.outbound).toEqual([
      { to: ['GatewaySubnet', 'er-circuit', 'onprem'], ports: null },
      { to: ['servers'], ports: [3389] },
    ]);
    // servers has no NSG; nic-b's NSG (through its association resource) admits only 443 from the
    // internet: despite pip-b, neither 445 nor 3389 from the internet, so Azure's default (left out).
    const servers = (fromTf.subnets ?? []).find((s) => s.id === 'servers');
    expect([servers?.hostPools, servers?.inbound, servers?.outbound]).toEqual([['pool-b'], null, null]);
    expect(comments(tf.yaml)).toContain("# from input: no TCP 3389 from the internet: network security group `nsg-nic-b` of network interface `nic-b`: Azure's default rule `DenyAllInBound` denies it");
  });

  it('leaves a Terraform NIC open when its NSG association is missing (the worst case)', async () => {
    // Without the association resources (the previous reading), nic-b's public IP meets no NSG at all.
    const { readFileSync, mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const text = readFileSync(`${FIXTURES}handmade/networks-terraform/main.tf`, 'utf8').replace(/resource "azurerm_network_interface_security_group_association" "b" \{[^}]*\}/, '');
    const dir = mkdtempSync(join(tmpdir(), 'indepth-net-'));
    writeFileSync(join(dir, 'main.tf'), text);
    const model = loadImported(await importFixture([dir]));
    // servers has no NSG of its own: every source on every port, the internet included (pip-b).
    expect((model.subnets ?? []).find((s) => s.id === 'servers')?.inbound).toEqual([{ from: ['GatewaySubnet', 'er-circuit', 'onprem', 'internet', 'spoke'], ports: null }]);
  });
});

describe('direct exposure in the imported model (handmade/rdp-exposure.json)', () => {
  it('admits the internet where a public IP meets NSGs that allow it, or where the input does not show the host', async () => {
    const result = await importFixture([`${FIXTURES}handmade/rdp-exposure.json`]);
    const model = loadImported(result);
    // pool-open: public IP on nic-open, whose NSG allows 3389 from Internet (300); snet-open has no NSG.
    // pool-closed (public IP) and pool-private (none) share snet-closed, whose NSG denies 3389 from *
    // at 100 (before an allow at 200): from the networks only 445 (AllowVnetInBound), nothing from the internet.
    // pool-unread: its NIC is not in the input: a stand-in subnet open to everything (the worst case).
    expect((model.subnets ?? []).map((s) => [s.id, s.network, s.hostPools, s.inbound])).toEqual([
      ['snet-open', 'vnet-avd', ['pool-open'], [{ from: ['pool-unread-hosts', 'vnet-avd'], ports: null }, { from: ['internet'], ports: [3389] }]],
      ['snet-closed', 'vnet-avd', ['pool-closed', 'pool-private'], [{ from: ['pool-unread-hosts', 'vnet-avd'], ports: [445] }]],
      ['pool-unread-hosts', 'pool-unread-network', ['pool-unread'], [{ from: ['pool-unread-hosts', 'internet', 'vnet-avd'], ports: null }]],
    ]);
    expect(comments(result.yaml)).toContain('# from input: no TCP 3389 from the internet: network security group `nsg-closed` of subnet `snet-closed`: rule `deny-rdp` (priority 100) denies it; no public IP address on network interface `nic-private`');
    expect(result.assumptions.some((a) => a.fact !== true && a.subject === 'subnets/pool-unread-hosts' && a.message.includes('network interface `nic-unread` is not in the input'))).toBe(true);
    // Reverse Connect stays on: exposure is per subnet.
    expect(model.controls.reverseConnect).toBe(true);
  });
});

describe('--diff on networks', () => {
  it('reports a changed allow list and a new link', async () => {
    const { diffModels } = await import('../../src/import/diff.js');
    const result = await importFixture([`${FIXTURES}handmade/networks-terraform`]);
    const reviewed = loadImported(result);
    expect(diffModels(reviewed, result.model)).toEqual([]);
    // A reviewed model that allowed 445 too, and did not know the ExpressRoute link.
    const older = { ...reviewed, subnets: (reviewed.subnets ?? []).map((s) => (s.id === 'hosts' ? { ...s, inbound: [{ from: s.inbound?.[0]?.from ?? [], ports: [445, 3389] }] } : s)), networkLinks: (reviewed.networkLinks ?? []).filter((l) => l.type !== 'expressRoute') };
    expect(diffModels(older, result.model).map((c) => `${c.kind} ${c.path}`)).toEqual(['added networkLinks/hub \u2194 er-circuit (expressRoute)', 'changed subnets/hosts.inbound']);
  });
});

describe('networks from `terraform show -json`', () => {
  it('reads the state’s subnet NSG association and rules', async () => {
    const model = loadImported(await importFixture([`${FIXTURES}handmade/terraform-show-network.json`]));
    // NSG `n` (associated with subnet `s`) allows 3389 from `*` at 100: the internet reaches it (the NIC
    // has public IP `pip` and no NSG); 445 from the internet falls to DenyAllInBound; the subnet itself
    // (the only one) on every port through AllowVnetInBound.
    expect((model.subnets ?? []).map((s) => [s.id, s.network, s.hostPools, s.inbound])).toEqual([['s', 'v', ['hp'], [{ from: ['s'], ports: null }, { from: ['internet'], ports: [3389] }]]]);
  });
});
