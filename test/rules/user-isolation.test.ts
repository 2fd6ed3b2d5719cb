// Rule `user-isolation`: unprivileged code reaches the profiles mounted on its VM only across
// user@<vm>, in groups `build:<osBuild>` and `pool:<pool>`, on pooled and personal VMs alike.

import { describe, expect, it } from 'vitest';
import { buildModelText, edgeRecords, edgeStrings } from '../support/model.js';
import { DESK_GROUPS, POOL_GROUPS, TWO_POOLS } from '../support/host-model.js';

describe('rule user-isolation', () => {
  const { graph } = buildModelText(TWO_POOLS);

  it('derives one user edge per VM', () => {
    expect(edgeStrings(graph, 'user-isolation')).toEqual([
      'desk-dev/unprivileged -> desk-dev/profiles [user-isolation user@desk-dev]',
      'pool-vm1/unprivileged -> pool-vm1/profiles [user-isolation user@pool-vm1]',
      'pool-vm2/unprivileged -> pool-vm2/profiles [user-isolation user@pool-vm2]',
    ]);
  });

  it('crosses the user boundary of that VM, in its build and pool groups', () => {
    const byFrom = new Map(edgeRecords(graph, 'user-isolation').map((e) => [e.from, e] as const));
    expect(byFrom.get('pool-vm1/unprivileged')).toMatchObject({ boundary: 'user', instance: 'user@pool-vm1', groups: POOL_GROUPS, access: 'control', blockedBy: null });
    expect(byFrom.get('pool-vm2/unprivileged')).toMatchObject({ boundary: 'user', instance: 'user@pool-vm2', groups: POOL_GROUPS, access: 'control', blockedBy: null });
    expect(byFrom.get('desk-dev/unprivileged')).toMatchObject({ boundary: 'user', instance: 'user@desk-dev', groups: DESK_GROUPS, access: 'control', blockedBy: null });
  });
});
