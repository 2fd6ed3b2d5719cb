// Rule `placement`: pooled pools link each VM to pool-wide hubs (any host, floating sessions/profiles/
// credentials) so size stays linear in users + VMs; pinned users sit on their VM only; personal
// pools give each member one VM of their own and no hubs.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { acme, buildModelText, edgeRecords, edgeStrings, prepareText, reachedNodeIds } from '../support/model.js';

describe('rule placement: a pooled pool', () => {
  const { graph } = buildModelText(
    acme(`
hostPools:
  - id: pool
    subscription: acme-sub
    type: pooled
    vms: 2
users:
  - id: ann
    organization: acme
    hostPool: pool
  - id: pat
    organization: acme
    hostPool: pool
    vm: 2
  - id: adm
    organization: acme
    privilege: localAdmin
    hostPool: pool
  - id: padm
    organization: acme
    privilege: localAdmin
    hostPool: pool
    vm: 1
data:
  - id: profiles
    organization: acme
    location: fslogixProfile
    users: [ann, pat]
`),
  );

  it('derives exactly the hub, floating and pinned edges', () => {
    expect(edgeStrings(graph, 'placement')).toEqual(
      [
        // every VM of the pool ↔ the pool-wide hubs
        'pool/any-host -> pool-vm1/unprivileged [placement]',
        'pool/any-host -> pool-vm2/unprivileged [placement]',
        'pool-vm1/sessions -> pool/floating-sessions [placement]',
        'pool-vm2/sessions -> pool/floating-sessions [placement]',
        'pool-vm1/profiles -> pool/floating-profiles [placement]',
        'pool-vm2/profiles -> pool/floating-profiles [placement]',
        'pool-vm1/credentials -> pool/floating-credentials [placement]',
        'pool-vm2/credentials -> pool/floating-credentials [placement]',
        // ann floats: her code runs on any host; her session, profile and credentials may sit on any
        'ann/session -> pool/any-host [placement]',
        'pool/floating-sessions -> ann/session [placement]',
        'pool/floating-profiles -> profiles/ann [placement]',
        'pool/floating-credentials -> ann/credential [placement]',
        // adm floats too, but an admin's code reaches kernels (admin-to-kernel), not unprivileged code
        'pool/floating-sessions -> adm/session [placement]',
        'pool/floating-credentials -> adm/credential [placement]',
        // pat is pinned to VM 2
        'pat/session -> pool-vm2/unprivileged [placement]',
        'pool-vm2/sessions -> pat/session [placement]',
        'pool-vm2/profiles -> profiles/pat [placement]',
        'pool-vm2/credentials -> pat/credential [placement]',
        // padm is a pinned admin on VM 1
        'pool-vm1/sessions -> padm/session [placement]',
        'pool-vm1/credentials -> padm/credential [placement]',
      ].sort(),
    );
  });

  it('is legitimate access only', () => {
    for (const edge of edgeRecords(graph, 'placement')) {
      expect(edge).toMatchObject({ boundary: null, instance: null, groups: [], access: 'control', blockedBy: null });
    }
  });

  it('sits a pinned user (vm: 2) on that VM only', () => {
    const pats = new Set(['pat/session', 'pat/credential', 'profiles/pat']);
    const otherEnds = edgeRecords(graph, 'placement').flatMap((e) =>
      pats.has(e.from) ? [e.to] : pats.has(e.to) ? [e.from] : [],
    );
    expect(otherEnds.sort()).toEqual(['pool-vm2/credentials', 'pool-vm2/profiles', 'pool-vm2/sessions', 'pool-vm2/unprivileged']);
  });
});

describe('rule placement: who may be co-resident', () => {
  // pia pinned to VM 1, pat pinned to VM 2, ann floating on either.
  const prepared = prepareText(
    acme(`
hostPools:
  - id: pool
    subscription: acme-sub
    type: pooled
    vms: 2
users:
  - id: ann
    organization: acme
    hostPool: pool
  - id: pia
    organization: acme
    hostPool: pool
    vm: 1
  - id: pat
    organization: acme
    hostPool: pool
    vm: 2
`),
  );
  const sessionsFrom = (from: string, fail: string) =>
    reachedNodeIds(prepared, { from: [from], fail: [fail] }).filter((id) => id.endsWith('/session') && !id.startsWith(`${from}/`));

  it('a pinned user meets floating users and users pinned to the same VM, never those pinned elsewhere', () => {
    expect(sessionsFrom('pat', 'session@pool-vm2')).toEqual(['ann/session']);
    expect(sessionsFrom('pat', 'session@pool-vm1')).toEqual([]);
    expect(sessionsFrom('pia', 'session@pool-vm1')).toEqual(['ann/session']);
  });

  it('a floating user may meet anyone on any VM', () => {
    expect(sessionsFrom('ann', 'session@pool-vm1')).toEqual(['pia/session']);
    expect(sessionsFrom('ann', 'session')).toEqual(['pat/session', 'pia/session']);
  });
});

describe('rule placement: a personal pool', () => {
  const { graph } = buildModelText(
    acme(`
hostPools:
  - id: desk
    subscription: acme-sub
    type: personal
    vms: 5
users:
  - id: dev
    organization: acme
    count: 2
    hostPool: desk
  - id: boss
    organization: acme
    privilege: localAdmin
    hostPool: desk
`),
  );

  it('gives one VM per member (ignoring `vms`) and no pool-wide hubs', () => {
    const vms = graph.filterNodes((_id, a) => a.kind === 'vm').sort();
    expect(vms).toEqual(['desk-boss', 'desk-dev#1', 'desk-dev#2']);
    for (const hub of ['desk/any-host', 'desk/any-host-admin', 'desk/floating-sessions', 'desk/floating-profiles', 'desk/floating-credentials']) {
      expect(graph.hasNode(hub)).toBe(false);
    }
  });

  it('places each member on their own VM only', () => {
    expect(edgeStrings(graph, 'placement')).toEqual(
      [
        'dev#1/session -> desk-dev#1/unprivileged [placement]',
        'desk-dev#1/sessions -> dev#1/session [placement]',
        'desk-dev#1/credentials -> dev#1/credential [placement]',
        'dev#2/session -> desk-dev#2/unprivileged [placement]',
        'desk-dev#2/sessions -> dev#2/session [placement]',
        'desk-dev#2/credentials -> dev#2/credential [placement]',
        'desk-boss/sessions -> boss/session [placement]',
        'desk-boss/credentials -> boss/credential [placement]',
      ].sort(),
    );
  });
});

describe('rule placement: linear size', () => {
  /** A pooled pool of `vms` VMs and `users` floating standard users (one group entry), no data. */
  const poolModel = (vms: number, users: number) =>
    acme(`
hostPools:
  - id: pool
    subscription: acme-sub
    type: pooled
    vms: ${vms}
${users === 0 ? '' : `users:\n  - id: crowd\n    organization: acme\n    count: ${users}\n    hostPool: pool\n`}`);
  const placementEdges = (vms: number, users: number) => edgeRecords(buildModelText(poolModel(vms, users)).graph, 'placement').length;
  const allEdges = (vms: number, users: number) => buildModelText(poolModel(vms, users)).graph.size;

  it('adds 3 placement edges per floating user (session → any host, hub → session, hub → credential), whatever the VM count', () => {
    expect(placementEdges(3, 1) - placementEdges(3, 0)).toBe(3);
    expect(placementEdges(3, 15) - placementEdges(3, 5)).toBe(10 * 3);
    expect(placementEdges(30, 15) - placementEdges(30, 5)).toBe(10 * 3);
  });

  it('has 4 hub edges per VM plus 3 per floating user, for any pool size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 60 }), (vms, users) => {
        expect(placementEdges(vms, users)).toBe(4 * vms + 3 * users);
      }),
      { numRuns: 25 },
    );
  });

  it('grows the whole graph by a per-user constant that does not depend on the VM count', () => {
    const perUser = allEdges(3, 2) - allEdges(3, 1);
    expect(allEdges(3, 12) - allEdges(3, 2)).toBe(10 * perUser);
    expect(allEdges(25, 12) - allEdges(25, 2)).toBe(10 * perUser);
  });

  it('stays linear at scale: 3 VMs and 2000 users', () => {
    expect(placementEdges(3, 2000)).toBe(4 * 3 + 3 * 2000);
  });
});
