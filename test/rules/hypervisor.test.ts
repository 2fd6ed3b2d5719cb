// Rule `hypervisor`: a guest VM's kernel reaches its physical host across vm@<host> (group
// host:<host>); the host controls every VM on it and its in-memory credentials (VSM included), unless
// the pool is confidential (then across vsm@<vm>:memory). Pools no declared host places share an
// assumed host; a `dedicatedHost` pool gets its own.

import { describe, expect, it } from 'vitest';
import { ASSUMED_PHYSICAL_HOST } from '../../src/compile/deployment.js';
import { acme, buildModelText, edgeRecords, edgeStrings } from '../support/model.js';

const { graph, deployment } = buildModelText(
  acme(`
physicalHosts:
  - id: h1
    hostPools: [p1, p2]
hostPools:
  - id: p1
    subscription: acme-sub
    type: pooled
    vms: 2
  - id: p2
    subscription: acme-sub
    type: pooled
    confidential: true
  - id: p3
    subscription: acme-sub
    type: pooled
  - id: p4
    subscription: acme-sub
    type: pooled
  - id: p5
    subscription: acme-sub
    type: pooled
    dedicatedHost: true
`),
);

describe('rule hypervisor', () => {
  it('links each VM to its host across vm@<host>; the host back to each VM and its credentials, a confidential one across vsm', () => {
    const onH1 = edgeStrings(graph, 'hypervisor').filter((e) => e.includes('h1'));
    expect(onH1).toEqual(
      [
        'p1-vm1 -> h1 [hypervisor vm@h1]',
        'p1-vm2 -> h1 [hypervisor vm@h1]',
        'p2-vm1 -> h1 [hypervisor vm@h1]',
        'h1 -> p1-vm1 [hypervisor]',
        'h1 -> p1-vm1/credentials [hypervisor]',
        'h1 -> p1-vm2 [hypervisor]',
        'h1 -> p1-vm2/credentials [hypervisor]',
        'h1 -> p2-vm1 [hypervisor vsm@p2-vm1:memory]',
      ].sort(),
    );
    expect(graph.getNodeAttribute('h1', 'kind')).toBe('physicalHost');
  });

  it('puts the escape in group host:<host>, the confidential memory in pool and host groups, the rest on no boundary', () => {
    for (const edge of edgeRecords(graph, 'hypervisor')) {
      if (edge.to === 'h1') expect(edge).toMatchObject({ boundary: 'vm', instance: 'vm@h1', groups: ['host:h1'], access: 'control', blockedBy: null });
      else if (edge.to === 'p2-vm1') expect(edge).toMatchObject({ boundary: 'vsm', groups: ['pool:p2', 'host:h1'] });
      else if (edge.boundary === null) expect(edge).toMatchObject({ instance: null, groups: [], access: 'control', blockedBy: null });
    }
  });

  it('puts the undeclared pools on one assumed host and a dedicated pool on its own, and says so', () => {
    const hypervisor = edgeStrings(graph, 'hypervisor');
    expect(hypervisor).toContain(`p3-vm1 -> ${ASSUMED_PHYSICAL_HOST} [hypervisor vm@${ASSUMED_PHYSICAL_HOST}]`);
    expect(hypervisor).toContain(`${ASSUMED_PHYSICAL_HOST} -> p4-vm1 [hypervisor]`);
    expect(hypervisor).toContain('p5-vm1 -> p5:dedicated-host [hypervisor vm@p5:dedicated-host]');
    expect(hypervisor.filter((e) => e.includes('p5') && e.includes(ASSUMED_PHYSICAL_HOST))).toEqual([]);
    expect(deployment.assumptions).toEqual([
      'no physical host is declared for pools p3, p4: assumed to share one physical host with each other, as VMs may in a public cloud (worst case); declare `physicalHosts` or `dedicatedHost: true` to change it',
    ]);
  });
});
