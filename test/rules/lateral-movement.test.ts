// Rules `network-position`, `lateral-movement` and `server-control`: a session host's code holds its
// subnet's network position; routed, allowed traffic reaches a listening port through one hub per
// subnet and port; exploiting the listener crosses `network@machine:port`; the server yields its data.

import { describe, expect, it } from 'vitest';
import { analyzeDepth } from '../../src/analyze/depth.js';
import { acme, ask, buildModelText, edgeStrings, prepareText, reachedDataIds } from '../support/model.js';

// One pooled VM in subnet `avd` (vnet `spoke`), peered to `hub`, which has a VPN to site `office`.
// File server `fs` in `office-lan` listens on 445 and holds `ledger`, which lists nobody.
const network = (options: { inbound?: string; outbound?: string; transit?: boolean } = {}) =>
  acme(`
hostPools:
  - id: p
    subscription: acme-sub
    type: pooled
users:
  - id: ann
    organization: acme
    hostPool: p
data:
  - id: ledger
    organization: acme
    location: share
networks:
  - id: spoke
  - id: hub
  - id: office
    type: onPremises
networkLinks:
  - between: [spoke, hub]
    type: peering
    gatewayTransit: ${options.transit ?? true}
  - between: [hub, office]
    type: vpn
subnets:
  - id: avd
    network: spoke
    hostPools: [p]
    inbound: []
${options.outbound ?? ''}
  - id: office-lan
    network: office
${options.inbound ?? `    inbound:
      - from: [avd]
        ports: [445]`}
servers:
  - id: fs
    subnet: office-lan
    role: fileServer
    data: [ledger]
`);

function depthOf(text: string, store: string): { depth: number | null; sets: readonly (readonly string[])[] } {
  const outcome = analyzeDepth(prepareText(text), { from: ['ann'], by: 'type', order: 1, controls: {}, maxSets: 10 });
  if (!outcome.ok) throw new Error('depth rejected');
  const d = outcome.result.data.find((x) => x.id === store)!;
  return { depth: d.depth, sets: d.minimalSets };
}

describe('rules network-position, lateral-movement, server-control', () => {
  it('derives a hub per subnet and open port, and one network instance per listener and port', () => {
    const { graph } = buildModelText(network());
    expect(edgeStrings(graph, 'network-position')).toEqual(['fs -> office-lan [network-position]', 'p-vm1/unprivileged -> avd [network-position]']);
    // avd accepts nothing (inbound: []), so its listeners get no hub; office-lan accepts 445 from avd only.
    expect(edgeStrings(graph, 'lateral-movement')).toEqual([
      'avd -> office-lan/port/445 [lateral-movement]',
      'office-lan/port/445 -> fs [lateral-movement network@fs:445]',
    ]);
    expect(edgeStrings(graph, 'server-control')).toEqual(['fs -> ledger [server-control]']);
  });

  it('reaches the on-premises file server\u2019s data from a standard user only when its network boundary fails', () => {
    // ann/session → p/any-host → p-vm1/unprivileged → avd → office-lan/port/445 ✗network@fs:445 → fs → ledger.
    // Any code on the host can open the connection (no per-user outbound filtering: the worst case), so
    // {network} alone suffices; {kernel} alone does not, and {kernel, network} does.
    const text = network();
    expect(depthOf(text, 'ledger')).toEqual({ depth: 1, sets: [['network']] });
    const prepared = prepareText(text);
    expect(reachedDataIds(ask(prepared, { from: ['ann'], fail: ['kernel'] }))).not.toContain('ledger');
    expect(reachedDataIds(ask(prepared, { from: ['ann'], fail: ['kernel', 'network'] }))).toContain('ledger');
    expect(reachedDataIds(ask(prepared, { from: ['ann'], fail: ['network@port:445'] }))).toContain('ledger');
    expect(reachedDataIds(ask(prepared, { from: ['ann'], fail: ['network@fs:445'] }))).toContain('ledger');
  });

  it('does not reach it at all when the firewall is closed, the port differs, transit is off or outbound is denied', () => {
    const closed = [
      network({ inbound: '    inbound: []' }),
      network({ inbound: '    inbound:\n      - from: [avd]\n        ports: [3389]' }),
      network({ transit: false }),
      network({ outbound: '    outbound:\n      - to: [office]\n        ports: [443]' }),
    ];
    for (const text of closed) {
      const all = ['network', 'kernel', 'session', 'process', 'user', 'appcontainer', 'browser', 'vm', 'vsm', 'tenant', 'subscription'];
      expect(reachedDataIds(ask(prepareText(text), { from: ['ann'], fail: all }))).not.toContain('ledger');
      expect(depthOf(text, 'ledger').depth).toBeNull();
    }
    // Outbound naming the site's network (not the subnet) and the port lets it through again.
    const allowed = network({ outbound: '    outbound:\n      - to: [office]\n        ports: [445]' });
    expect(depthOf(allowed, 'ledger').depth).toBe(1);
  });

  it('stays linear: adding VMs adds one position edge and one listener edge per VM and port, never VM \u00d7 VM', () => {
    const sized = (vms: number) =>
      buildModelText(
        network({ inbound: '    inbound: null' }).replace('type: pooled\n', `type: pooled\n    vms: ${vms}\n`).replace('    inbound: []\n', ''),
      ).graph;
    // With avd open to itself on 445 and 3389 (Azure's default), each VM adds: 1 position edge, 2 listener edges.
    const small = sized(10);
    const large = sized(20);
    const count = (g: ReturnType<typeof sized>) => edgeStrings(g).filter((e) => /lateral-movement|network-position/.test(e)).length;
    expect(count(large) - count(small)).toBe(10 * 3);
  });
});
