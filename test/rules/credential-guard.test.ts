// Rule `credential-guard`: a VM kernel reaches the VM's credential memory across vsm@<vm> (groups
// build/pool); the edge is there whatever the control's setting, which only removes the direct edge.

import { describe, expect, it } from 'vitest';
import { acme, buildModelText, edgeRecords, edgeStrings, prepareText, reachedNodeIds } from '../support/model.js';
import { DESK_GROUPS, POOL_GROUPS, TWO_POOLS } from '../support/host-model.js';

describe('rule credential-guard', () => {
  it('derives one vsm edge per VM into its credential memory', () => {
    const { graph } = buildModelText(TWO_POOLS);
    expect(edgeStrings(graph, 'credential-guard')).toEqual([
      'desk-dev -> desk-dev/credentials [credential-guard vsm@desk-dev]',
      'pool-vm1 -> pool-vm1/credentials [credential-guard vsm@pool-vm1]',
      'pool-vm2 -> pool-vm2/credentials [credential-guard vsm@pool-vm2]',
    ]);
    const byFrom = new Map(edgeRecords(graph, 'credential-guard').map((e) => [e.from, e] as const));
    expect(byFrom.get('pool-vm1')).toMatchObject({ boundary: 'vsm', groups: POOL_GROUPS, access: 'control', blockedBy: null });
    expect(byFrom.get('pool-vm2')).toMatchObject({ boundary: 'vsm', groups: POOL_GROUPS, access: 'control', blockedBy: null });
    expect(byFrom.get('desk-dev')).toMatchObject({ boundary: 'vsm', groups: DESK_GROUPS, access: 'control', blockedBy: null });
  });

  it('derives the same edges with Credential Guard on', () => {
    const on = TWO_POOLS.replace('hostPools:', 'controls:\n  credentialGuard: true\nhostPools:');
    expect(on).not.toBe(TWO_POOLS);
    expect(buildModelText(on).model.controls.credentialGuard).toBe(true);
    expect(edgeStrings(buildModelText(on).graph, 'credential-guard')).toEqual(edgeStrings(buildModelText(TWO_POOLS).graph, 'credential-guard'));
  });

  it('with the control on, a kernel reaches credential memory only if vsm fails', () => {
    const prepared = prepareText(
      acme(`
hostPools:
  - id: desk
    subscription: acme-sub
    type: personal
users:
  - id: dev
    organization: acme
    hostPool: desk
`),
    );
    const reaches = (fail: string[], credentialGuard: boolean) =>
      reachedNodeIds(prepared, { from: ['dev'], fail, controls: { credentialGuard } }).includes('desk-dev/credentials');
    expect(reaches(['kernel'], false)).toBe(true);
    expect(reaches(['kernel'], true)).toBe(false);
    expect(reaches(['kernel', 'vsm'], true)).toBe(true);
  });
});
