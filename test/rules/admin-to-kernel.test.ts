// Rule `admin-to-kernel`: a local admin's session controls the kernel of every VM it may run on with
// no boundary (pinned: that VM; floating: any VM, through the pool's admin hub; personal: their own).

import { describe, expect, it } from 'vitest';
import { acme, ask, buildModelText, edgeRecords, edgeStrings, prepareText } from '../support/model.js';

const text = acme(`
hostPools:
  - id: pool
    subscription: acme-sub
    type: pooled
    vms: 2
  - id: desk
    subscription: acme-sub
    type: personal
users:
  - id: ann
    organization: acme
    hostPool: pool
  - id: adm
    organization: acme
    privilege: localAdmin
    hostPool: pool
  - id: padm
    organization: acme
    privilege: localAdmin
    hostPool: pool
    vm: 1
  - id: boss
    organization: acme
    privilege: localAdmin
    hostPool: desk
  - id: dev
    organization: acme
    hostPool: desk
`);

describe('rule admin-to-kernel', () => {
  const { graph } = buildModelText(text);

  it('links admin sessions to kernels: pinned to its VM, floating through the admin hub, personal to its desktop', () => {
    expect(edgeStrings(graph, 'admin-to-kernel')).toEqual(
      [
        'adm/session -> pool/any-host-admin [admin-to-kernel]',
        'pool/any-host-admin -> pool-vm1 [admin-to-kernel]',
        'pool/any-host-admin -> pool-vm2 [admin-to-kernel]',
        'padm/session -> pool-vm1 [admin-to-kernel]',
        'boss/session -> desk-boss [admin-to-kernel]',
      ].sort(),
    );
  });

  it('crosses no boundary: administrator-to-kernel is not a security boundary', () => {
    for (const edge of edgeRecords(graph, 'admin-to-kernel')) {
      expect(edge).toMatchObject({ boundary: null, instance: null, groups: [], access: 'control', blockedBy: null });
    }
  });

  it('lets a floating admin control every VM of the pool with no failure, and a standard user none', () => {
    const prepared = prepareText(text);
    expect(ask(prepared, { from: ['adm'] }).availability.map((a) => a.vm)).toEqual(['pool-vm1', 'pool-vm2']);
    // padm, pinned to VM 1, also gets VM 2: adm's floating session may sit on VM 1, and adm is an admin.
    expect(ask(prepared, { from: ['padm'] }).availability.map((a) => a.vm)).toEqual(['pool-vm1', 'pool-vm2']);
    const withoutAdm = text.replace('  - id: adm\n    organization: acme\n    privilege: localAdmin\n    hostPool: pool\n', '');
    expect(withoutAdm).not.toContain('id: adm\n');
    expect(ask(prepareText(withoutAdm), { from: ['padm'] }).availability.map((a) => a.vm)).toEqual(['pool-vm1']);
    expect(ask(prepared, { from: ['boss'] }).availability.map((a) => a.vm)).toEqual(['desk-boss']);
    expect(ask(prepared, { from: ['ann'] }).availability).toEqual([]);
    expect(ask(prepared, { from: ['dev'] }).availability).toEqual([]);
  });
});
