// Rule `kernel-elevation`: a non-admin's code on a VM reaches its kernel only across kernel@<vm>,
// in groups `build:<osBuild>` and `pool:<pool>`, on pooled and personal VMs alike.

import { describe, expect, it } from 'vitest';
import { ask, buildModelText, edgeRecords, edgeStrings, prepareText } from '../support/model.js';
import { DESK_GROUPS, POOL_GROUPS, TWO_POOLS } from '../support/host-model.js';

describe('rule kernel-elevation', () => {
  const { graph } = buildModelText(TWO_POOLS);

  it('derives one kernel edge per VM', () => {
    expect(edgeStrings(graph, 'kernel-elevation')).toEqual([
      'desk-dev/unprivileged -> desk-dev [kernel-elevation kernel@desk-dev]',
      'pool-vm1/unprivileged -> pool-vm1 [kernel-elevation kernel@pool-vm1]',
      'pool-vm2/unprivileged -> pool-vm2 [kernel-elevation kernel@pool-vm2]',
    ]);
  });

  it('crosses the kernel boundary of that VM, in its build and pool groups', () => {
    const byFrom = new Map(edgeRecords(graph, 'kernel-elevation').map((e) => [e.from, e] as const));
    expect(byFrom.get('pool-vm1/unprivileged')).toMatchObject({ boundary: 'kernel', instance: 'kernel@pool-vm1', groups: POOL_GROUPS, access: 'control', blockedBy: null });
    expect(byFrom.get('pool-vm2/unprivileged')).toMatchObject({ boundary: 'kernel', instance: 'kernel@pool-vm2', groups: POOL_GROUPS, access: 'control', blockedBy: null });
    expect(byFrom.get('desk-dev/unprivileged')).toMatchObject({ boundary: 'kernel', instance: 'kernel@desk-dev', groups: DESK_GROUPS, access: 'control', blockedBy: null });
  });

  it('lets AppContainer code attack the kernel from inside the sandbox, pinned or floating', () => {
    const text = TWO_POOLS.replace('users:', 'apps:\n  - id: viewer\n    sandboxed: true\nusers:')
      .replace('  - id: ann\n    organization: acme\n    hostPool: pool\n', '  - id: ann\n    organization: acme\n    hostPool: pool\n    apps: [viewer]\n  - id: pin\n    organization: acme\n    hostPool: pool\n    vm: 2\n    apps: [viewer]\n')
      .replace('    hostPool: desk\n', '    hostPool: desk\n    apps: [viewer]\n');
    const sandboxed = buildModelText(text);
    expect(edgeStrings(sandboxed.graph, 'kernel-elevation').filter((e) => e.includes('viewer') || e.includes('sandboxed'))).toEqual([
      'ann/app/viewer -> pool/any-host-sandboxed [kernel-elevation]',
      'dev/app/viewer -> desk-dev [kernel-elevation kernel@desk-dev]',
      'pin/app/viewer -> pool-vm2 [kernel-elevation kernel@pool-vm2]',
      'pool/any-host-sandboxed -> pool-vm1 [kernel-elevation kernel@pool-vm1]',
      'pool/any-host-sandboxed -> pool-vm2 [kernel-elevation kernel@pool-vm2]',
    ]);
    // From inside ann's sandbox, a kernel failure alone controls both VMs; no appcontainer escape needed.
    const prepared = prepareText(text);
    expect(ask(prepared, { from: ['ann/app/viewer'], fail: ['kernel'] }).availability.map((a) => a.vm)).toEqual(['pool-vm1', 'pool-vm2']);
    expect(ask(prepared, { from: ['ann/app/viewer'], fail: ['session', 'process', 'user'] }).availability).toEqual([]);
  });

  it('lets a failure be scoped to one OS build', () => {
    const prepared = prepareText(TWO_POOLS);
    const controlledVms = (from: string, fail: string) => ask(prepared, { from: [from], fail: [fail] }).availability.map((a) => a.vm);
    expect(controlledVms('dev', 'kernel')).toEqual(['desk-dev']);
    expect(controlledVms('dev', 'kernel@build:b1')).toEqual([]);
    expect(controlledVms('dev', 'kernel@build:b2')).toEqual(['desk-dev']);
    expect(controlledVms('ann', 'kernel@pool:pool')).toEqual(['pool-vm1', 'pool-vm2']);
    expect(controlledVms('ann', 'kernel@pool-vm2')).toEqual(['pool-vm2']);
  });
});
