// Rule `session-isolation`: unprivileged code reaches the sessions on its VM only across
// session@<vm>, in groups `build:<osBuild>` and `pool:<pool>`, on pooled and personal VMs alike.

import { describe, expect, it } from 'vitest';
import { buildModelText, edgeRecords, edgeStrings } from '../support/model.js';
import { DESK_GROUPS, POOL_GROUPS, TWO_POOLS } from '../support/host-model.js';

describe('rule session-isolation', () => {
  const { graph } = buildModelText(TWO_POOLS);

  it('derives one session edge per VM', () => {
    expect(edgeStrings(graph, 'session-isolation')).toEqual([
      'desk-dev/unprivileged -> desk-dev/sessions [session-isolation session@desk-dev]',
      'pool-vm1/unprivileged -> pool-vm1/sessions [session-isolation session@pool-vm1]',
      'pool-vm2/unprivileged -> pool-vm2/sessions [session-isolation session@pool-vm2]',
    ]);
  });

  it('crosses the session boundary of that VM, in its build and pool groups', () => {
    const byFrom = new Map(edgeRecords(graph, 'session-isolation').map((e) => [e.from, e] as const));
    expect(byFrom.get('pool-vm1/unprivileged')).toMatchObject({ boundary: 'session', instance: 'session@pool-vm1', groups: POOL_GROUPS, access: 'control', blockedBy: null });
    expect(byFrom.get('pool-vm2/unprivileged')).toMatchObject({ boundary: 'session', instance: 'session@pool-vm2', groups: POOL_GROUPS, access: 'control', blockedBy: null });
    expect(byFrom.get('desk-dev/unprivileged')).toMatchObject({ boundary: 'session', instance: 'session@desk-dev', groups: DESK_GROUPS, access: 'control', blockedBy: null });
  });
});
