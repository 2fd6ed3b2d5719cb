// Rule `process-isolation`: unprivileged code reaches other users' processes (their sessions) on its
// VM only across process@<vm>, in groups `build:<osBuild>` and `pool:<pool>`, pooled or personal.

import { describe, expect, it } from 'vitest';
import { buildModelText, edgeRecords, edgeStrings } from '../support/model.js';
import { DESK_GROUPS, POOL_GROUPS, TWO_POOLS } from '../support/host-model.js';

describe('rule process-isolation', () => {
  const { graph } = buildModelText(TWO_POOLS);

  it('derives one process edge per VM', () => {
    expect(edgeStrings(graph, 'process-isolation')).toEqual([
      'desk-dev/unprivileged -> desk-dev/sessions [process-isolation process@desk-dev]',
      'pool-vm1/unprivileged -> pool-vm1/sessions [process-isolation process@pool-vm1]',
      'pool-vm2/unprivileged -> pool-vm2/sessions [process-isolation process@pool-vm2]',
    ]);
  });

  it('crosses the process boundary of that VM, in its build and pool groups', () => {
    const byFrom = new Map(edgeRecords(graph, 'process-isolation').map((e) => [e.from, e] as const));
    expect(byFrom.get('pool-vm1/unprivileged')).toMatchObject({ boundary: 'process', instance: 'process@pool-vm1', groups: POOL_GROUPS, access: 'control', blockedBy: null });
    expect(byFrom.get('pool-vm2/unprivileged')).toMatchObject({ boundary: 'process', instance: 'process@pool-vm2', groups: POOL_GROUPS, access: 'control', blockedBy: null });
    expect(byFrom.get('desk-dev/unprivileged')).toMatchObject({ boundary: 'process', instance: 'process@desk-dev', groups: DESK_GROUPS, access: 'control', blockedBy: null });
  });
});
