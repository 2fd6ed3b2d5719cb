// Rule `network-exposure`: the internet reaches every session host across network@<vm> (groups
// build/pool); each edge is blocked by Reverse Connect, so it only matters with that control off.

import { describe, expect, it } from 'vitest';
import { ask, buildModelText, edgeRecords, edgeStrings, prepareText } from '../support/model.js';
import { DESK_GROUPS, POOL_GROUPS, TWO_POOLS } from '../support/host-model.js';

describe('rule network-exposure', () => {
  const { graph } = buildModelText(TWO_POOLS);

  it('derives one network edge from the internet to each VM, blocked by reverseConnect', () => {
    expect(edgeStrings(graph, 'network-exposure')).toEqual([
      'internet -> desk-dev [network-exposure network@desk-dev blockedBy:reverseConnect]',
      'internet -> pool-vm1 [network-exposure network@pool-vm1 blockedBy:reverseConnect]',
      'internet -> pool-vm2 [network-exposure network@pool-vm2 blockedBy:reverseConnect]',
    ]);
    const byTo = new Map(edgeRecords(graph, 'network-exposure').map((e) => [e.to, e] as const));
    expect(byTo.get('pool-vm1')).toMatchObject({ boundary: 'network', groups: POOL_GROUPS, access: 'control' });
    expect(byTo.get('desk-dev')).toMatchObject({ boundary: 'network', groups: DESK_GROUPS, access: 'control' });
  });

  it('reaches the VMs only with Reverse Connect off and the network boundary failed', () => {
    const prepared = prepareText(TWO_POOLS);
    expect(prepared.model.controls.reverseConnect).toBe(true);
    const vms = (fail: string[], reverseConnect: boolean) =>
      ask(prepared, { from: ['internet'], fail, controls: { reverseConnect } }).availability.map((a) => a.vm);
    expect(vms(['network'], true)).toEqual([]);
    expect(vms([], false)).toEqual([]);
    expect(vms(['network'], false)).toEqual(['desk-dev', 'pool-vm1', 'pool-vm2']);
  });
});
