// Rule `kernel-control`: a VM's kernel controls its unprivileged code, sessions, mounted profiles and
// credential memory with no boundary; the credential-memory edge is removed by Credential Guard.

import { describe, expect, it } from 'vitest';
import { buildModelText, edgeRecords, edgeStrings, prepareText, reachedNodeIds } from '../support/model.js';
import { TWO_POOLS } from '../support/host-model.js';

describe('rule kernel-control', () => {
  const { graph } = buildModelText(TWO_POOLS);

  it('derives four legitimate edges per VM, the credential one blocked by credentialGuard', () => {
    const perVm = (vm: string) => [
      `${vm} -> ${vm}/unprivileged [kernel-control]`,
      `${vm} -> ${vm}/sessions [kernel-control]`,
      `${vm} -> ${vm}/profiles [kernel-control]`,
      `${vm} -> ${vm}/credentials [kernel-control blockedBy:credentialGuard]`,
    ];
    expect(edgeStrings(graph, 'kernel-control')).toEqual([...perVm('desk-dev'), ...perVm('pool-vm1'), ...perVm('pool-vm2')].sort());
    for (const edge of edgeRecords(graph, 'kernel-control')) {
      expect(edge).toMatchObject({ boundary: null, instance: null, groups: [], access: 'control' });
    }
  });

  it('hands a failed kernel everything on its VM; with Credential Guard on, all but the credential memory', () => {
    const prepared = prepareText(TWO_POOLS);
    const onVm1 = (credentialGuard: boolean) =>
      reachedNodeIds(prepared, { from: ['ann'], fail: ['kernel@pool-vm1'], controls: { credentialGuard } }).filter((id) => id.startsWith('pool-vm1'));
    expect(onVm1(false)).toEqual(['pool-vm1', 'pool-vm1/credentials', 'pool-vm1/profiles', 'pool-vm1/sessions', 'pool-vm1/unprivileged']);
    expect(onVm1(true)).toEqual(['pool-vm1', 'pool-vm1/profiles', 'pool-vm1/sessions', 'pool-vm1/unprivileged']);
  });
});
