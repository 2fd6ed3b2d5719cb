// Direct RDP exposure of session hosts despite Reverse Connect: read from each VM's network interfaces,
// public IPs and the NSGs of the NIC and its subnet (hand-made Resource Graph rows in
// test/fixtures/import/handmade/rdp-exposure.json), the worst case where the input is silent.

import { describe, expect, it } from 'vitest';
import type { InventoryResource } from '../../src/import/inventory.js';
import { allowsInternetRdp } from '../../src/import/map/rdp-exposure.js';
import { FIXTURES, importFixture, loadImported } from './support.js';

const nsg = (rules: object[]): InventoryResource => ({
  type: 'microsoft.network/networksecuritygroups',
  id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/networkSecurityGroups/n',
  name: 'n',
  subscription: 's',
  resourceGroup: 'r',
  tenant: null,
  properties: { securityRules: rules },
  tags: {},
  origin: { file: '', line: 1, column: 1 },
});
const rule = (priority: number, access: string, source: string, port: string, protocol = 'Tcp') => ({ properties: { direction: 'Inbound', priority, access, protocol, sourceAddressPrefix: source, destinationPortRange: port } });

describe('NSG evaluation for inbound RDP from the internet', () => {
  it('takes the first matching inbound rule by priority, and Azure’s DenyAllInBound when none matches', () => {
    expect(allowsInternetRdp(nsg([rule(300, 'Allow', 'Internet', '3389')]))).toBe(true);
    expect(allowsInternetRdp(nsg([rule(200, 'Allow', '*', '3000-4000'), rule(100, 'Deny', '*', '3389')]))).toBe(false);
    // A rule from the virtual network or a private range does not admit the internet; none left: denied.
    expect(allowsInternetRdp(nsg([rule(100, 'Allow', 'VirtualNetwork', '*'), rule(110, 'Allow', '10.0.0.0/8', '3389')]))).toBe(false);
    // A public source range is (part of) the internet; UDP does not carry RDP's TCP listener.
    expect(allowsInternetRdp(nsg([rule(100, 'Allow', '203.0.113.0/24', '3389')]))).toBe(true);
    expect(allowsInternetRdp(nsg([rule(100, 'Allow', '*', '3389', 'Udp')]))).toBe(false);
    expect(allowsInternetRdp(nsg([]))).toBe(false);
  });
});

describe('direct RDP exposure in the imported model', () => {
  it('puts exposed and unread pools in a subnet that admits RDP from the internet, and leaves closed ones out', async () => {
    const result = await importFixture([`${FIXTURES}handmade/rdp-exposure.json`]);
    const model = loadImported(result);
    // pool-open: public IP on nic-open, whose NSG allows 3389 from Internet, subnet snet-open without NSG.
    // pool-unread: its NIC is not in the input: the worst case, stated.
    expect((model.subnets ?? []).map((s) => [s.id, s.network, s.hostPools, s.inbound])).toEqual([
      ['snet-open', 'vnet-avd', ['pool-open'], [{ from: ['internet'], ports: [3389] }, { from: ['vnet-avd'], ports: null }]],
      ['pool-unread-hosts', 'pool-unread-network', ['pool-unread'], [{ from: ['internet'], ports: [3389] }, { from: ['pool-unread-network'], ports: null }]],
    ]);
    const facts = result.assumptions.filter((a) => a.subject?.startsWith('hostPools/') === true && a.message.startsWith('no direct RDP')).map((a) => [a.subject, a.message]);
    // pool-closed: public IP, but snet-closed's NSG denies 3389 at priority 100 before an allow at 200.
    // pool-private: no public IP at all.
    expect(facts).toEqual([
      ['hostPools/pool-closed', 'no direct RDP from the internet: network security group `nsg-closed` of subnet `snet-closed` denies inbound TCP 3389 from the internet'],
      ['hostPools/pool-private', 'no direct RDP from the internet: no public IP address on network interface `nic-private`'],
    ]);
    expect(result.assumptions.some((a) => a.fact !== true && a.subject === 'subnets/pool-unread-hosts' && a.message.includes('network interface `nic-unread` is not in the input'))).toBe(true);
    // Reverse Connect stays on: the exposure is per pool, through the subnets.
    expect(model.controls.reverseConnect).toBe(true);
  });
});
