// Rule `hypervisor`: a guest VM's kernel reaches its physical host across vm@<host> (group
// host:<host>), and the host controls every VM of the pools placed on it.

import { describe, expect, it } from 'vitest';
import { acme, buildModelText, edgeRecords, edgeStrings } from '../support/model.js';

const { graph } = buildModelText(
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
  - id: p3
    subscription: acme-sub
    type: pooled
`),
);

describe('rule hypervisor', () => {
  it('links each VM of the host\u2019s pools to the host across vm@h1, and the host back to each', () => {
    expect(edgeStrings(graph, 'hypervisor')).toEqual(
      [
        'p1-vm1 -> h1 [hypervisor vm@h1]',
        'p1-vm2 -> h1 [hypervisor vm@h1]',
        'p2-vm1 -> h1 [hypervisor vm@h1]',
        'h1 -> p1-vm1 [hypervisor]',
        'h1 -> p1-vm2 [hypervisor]',
        'h1 -> p2-vm1 [hypervisor]',
      ].sort(),
    );
    expect(graph.getNodeAttribute('h1', 'kind')).toBe('physicalHost');
  });

  it('puts the escape in group host:h1 and the way back on no boundary', () => {
    for (const edge of edgeRecords(graph, 'hypervisor')) {
      if (edge.to === 'h1') expect(edge).toMatchObject({ boundary: 'vm', instance: 'vm@h1', groups: ['host:h1'], access: 'control', blockedBy: null });
      else expect(edge).toMatchObject({ boundary: null, instance: null, groups: [], access: 'control', blockedBy: null });
    }
  });

  it('leaves a pool on no physical host out', () => {
    expect(edgeStrings(graph, 'hypervisor').filter((e) => e.includes('p3'))).toEqual([]);
  });
});
