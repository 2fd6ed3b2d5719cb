// Rule `management-plane`: controllers of Intune (and its directory) control every enrolled session
// host with no failure; hosts of pools that are not enrolled stay out of reach.

import { describe, expect, it } from 'vitest';
import { analyzeDepth } from '../../src/analyze/depth.js';
import { acme, ask, buildModelText, edgeRecords, edgeStrings, prepareText, reachedNodeIds } from '../support/model.js';

// Two pooled pools; `enrolled` (2 VMs) is enrolled in Intune, `other` (1 VM) is not. `it-admin` is an
// Intune administrator with no session host; `ann` works on `enrolled`, `bob` on `other`.
const text = acme(`
hostPools:
  - id: enrolled
    subscription: acme-sub
    type: pooled
    vms: 2
  - id: other
    subscription: acme-sub
    type: pooled
users:
  - id: it-admin
    organization: acme
    device: true
  - id: ann
    organization: acme
    hostPool: enrolled
  - id: bob
    organization: acme
    hostPool: other
data:
  - id: profiles
    organization: acme
    location: fslogixProfile
    users: [ann, bob]
managementPlanes:
  - id: intune
    type: intune
    tenant: acme-dir
    controllers: [it-admin]
    hostPools: [enrolled]
    devices: [bob]
`);

describe('rule management-plane', () => {
  const { graph } = buildModelText(text);

  it('links controllers and the directory to the plane, and the plane to every enrolled VM and device', () => {
    // Hand-derived: 1 controller, 1 directory, 2 VMs of `enrolled`, bob's device; nothing to `other-vm1`.
    expect(edgeStrings(graph, 'management-plane')).toEqual(
      [
        'it-admin -> intune [management-plane]',
        'acme-dir -> intune [management-plane]',
        'intune -> enrolled-vm1 [management-plane]',
        'intune -> enrolled-vm2 [management-plane]',
        'intune -> bob/device [management-plane]',
      ].sort(),
    );
    for (const edge of edgeRecords(graph, 'management-plane')) expect(edge.boundary).toBeNull();
  });

  it('gives the Intune administrator every enrolled host\u2019s sessions and data at depth 0', () => {
    const prepared = prepareText(text);
    const reached = reachedNodeIds(prepared, { from: ['it-admin'] });
    // intune → enrolled-vm1 (kernel) → sessions on it → the pool's floating sessions → ann's session.
    expect(reached).toEqual(expect.arrayContaining(['intune', 'enrolled-vm1', 'enrolled-vm2', 'ann/session', 'bob/device']));
    expect(reached).not.toContain('other-vm1');
    const depth = analyzeDepth(prepared, { from: ['it-admin'], by: 'type', order: 1, controls: {}, maxSets: 5 });
    if (!depth.ok) throw new Error('depth rejected');
    expect(depth.result.data.find((d) => d.id === 'profiles/ann')!.depth).toBe(0);
    // bob's profile: his enrolled device yields his credential, and so bob himself, with no failure.
    expect(depth.result.data.find((d) => d.id === 'profiles/bob')!.depth).toBe(0);
    // Every enrolled VM can be shut down: availability lists both.
    expect(ask(prepared, { from: ['it-admin'] }).availability.map((a) => a.vm)).toEqual(['enrolled-vm1', 'enrolled-vm2']);
  });

  it('emits nothing when the model has no management planes', () => {
    const { graph: plain } = buildModelText(text.slice(0, text.indexOf('managementPlanes:')));
    expect(edgeStrings(plain, 'management-plane')).toEqual([]);
  });
});

// Role assignments reach management planes. Pools `enrolled` (2 VMs) and `other` (1 VM), both in
// acme-sub; an on-premises-style server `app1` in subnet `srv`. Planes: Intune (tenant acme-dir,
// manages `app1` only), Defender live response (acme-dir, onboards `other`), Group Policy held by
// domain `acme-ad` (applies to `app1`) and an image pipeline in resource group `images-rg` that builds
// `enrolled`. Each administrator holds one role and nothing else.
const roles = acme(`
hostPools:
  - id: enrolled
    subscription: acme-sub
    type: pooled
    vms: 2
  - id: other
    subscription: acme-sub
    type: pooled
users:
  - id: ann
    organization: acme
    hostPool: enrolled
  - id: bob
    organization: acme
    hostPool: other
  - id: intune-admin
    organization: acme
  - id: sec-admin
    organization: acme
  - id: domain-admin
    organization: acme
  - id: gallery-contributor
    organization: acme
  - id: gallery-owner
    organization: acme
data:
  - id: ann-data
    organization: acme
    location: share
    users: [ann]
  - id: bob-data
    organization: acme
    location: share
    users: [bob]
  - id: app-data
    organization: acme
    location: share
domains:
  - id: acme-ad
    organizations: [acme]
    entraConnect: false
networks:
  - id: vnet
subnets:
  - id: srv
    network: vnet
servers:
  - id: app1
    subnet: srv
    data: [app-data]
resourceGroups:
  - id: images-rg
    subscription: acme-sub
    resources: [gallery]
managementPlanes:
  - id: intune
    type: intune
    tenant: acme-dir
    servers: [app1]
  - id: defender
    type: defenderLiveResponse
    tenant: acme-dir
    hostPools: [other]
  - id: gpo
    type: groupPolicy
    tenant: acme-ad
    servers: [app1]
  - id: gallery
    type: imagePipeline
    subscription: acme-sub
    hostPools: [enrolled]
roleAssignments:
  - { principal: intune-admin, role: Intune Administrator, scope: acme-dir }
  - { principal: sec-admin, role: Security Administrator, scope: acme-dir }
  - { principal: domain-admin, role: Domain Admins, scope: acme-ad }
  - { principal: gallery-contributor, role: Contributor, scope: images-rg }
  - { principal: gallery-owner, role: Owner, scope: gallery }
`);

describe('role assignments reach management planes', () => {
  const prepared = prepareText(roles);
  const { graph } = buildModelText(roles);
  const depthFrom = (from: string) => {
    const outcome = analyzeDepth(prepared, { from: [from], by: 'type', order: 1, controls: {}, maxSets: 5 });
    if (!outcome.ok) throw new Error('depth rejected');
    return new Map(outcome.result.data.map((d) => [d.id, d.depth] as const));
  };

  it('derives one edge from each role\u2019s hub or scope to the plane it administers', () => {
    const edges = edgeStrings(graph);
    expect(edges).toEqual(
      expect.arrayContaining([
        'acme-dir/can:intuneManage -> intune [directory-device-management]',
        'acme-dir/can:defenderLiveResponse -> defender [directory-device-management]',
        'acme-ad -> gpo [management-plane]',
        'acme-sub -> gallery [management-plane]',
        'images-rg -> gallery [scope-inheritance]',
        'gallery-owner -> gallery [role-scope-control]',
      ]),
    );
    // Intune Administrator does not administer Defender, nor Security Administrator Intune.
    expect(edges).not.toContain('acme-dir/can:intuneManage -> defender [directory-device-management]');
    expect(edges).not.toContain('acme-dir/can:defenderLiveResponse -> intune [directory-device-management]');
    const intoPlanes = edgeRecords(graph).filter((e) => ['intune', 'defender', 'gpo', 'gallery'].includes(e.to));
    // The six above, and the tenant itself (its Global Administrators) into Intune and Defender.
    expect(intoPlanes.map((e) => `${e.from} -> ${e.to}`)).toEqual(expect.arrayContaining(['acme-dir -> intune', 'acme-dir -> defender']));
    expect(intoPlanes.length).toBe(8);
    for (const edge of intoPlanes) expect(edge.boundary).toBeNull();
  });

  it('gives the Intune Administrator the server Intune manages, at depth 0', () => {
    // intune-admin → acme-dir/can:intuneManage → intune → app1 → app-data (server-control).
    expect(depthFrom('intune-admin').get('app-data')).toBe(0);
  });

  it('gives the Security Administrator the onboarded pool, not the other one', () => {
    // sec-admin → …/can:defenderLiveResponse → defender → other-vm1 → bob's session → bob-data.
    const depth = depthFrom('sec-admin');
    expect(depth.get('bob-data')).toBe(0);
    // ann's pool is not onboarded: only a VM escape from other-vm1 to the physical host the two pools
    // are assumed to share (none is declared: the public-cloud worst case) reaches her hosts.
    expect(depth.get('ann-data')).toBe(1);
    expect(reachedNodeIds(prepared, { from: ['sec-admin'] })).not.toContain('enrolled-vm1');
    expect(reachedNodeIds(prepared, { from: ['sec-admin'], fail: ['vm'] })).toContain('enrolled-vm1');
  });

  it('gives Domain Admins the Group Policy of their domain, and so the server it applies to', () => {
    // domain-admin → acme-ad (domain-control) → gpo → app1 → app-data.
    expect(depthFrom('domain-admin').get('app-data')).toBe(0);
  });

  it('gives a Contributor on the gallery\u2019s resource group, and an Owner of the gallery, every host built from it', () => {
    for (const who of ['gallery-contributor', 'gallery-owner']) {
      const reached = reachedNodeIds(prepared, { from: [who] });
      expect(reached, who).toEqual(expect.arrayContaining(['gallery', 'enrolled-vm1', 'enrolled-vm2', 'ann/session']));
      expect(depthFrom(who).get('ann-data'), who).toBe(0);
    }
    // The resource group holds the gallery only: the owner of the gallery alone gets no other pool.
    expect(reachedNodeIds(prepared, { from: ['gallery-owner'] })).not.toContain('other-vm1');
  });

  it('refuses an Azure scope on a plane that is not an Azure resource', () => {
    const wrong = roles
      .replace('    tenant: acme-dir\n    servers: [app1]\n', '    tenant: acme-dir\n    subscription: acme-sub\n    servers: [app1]\n')
      .replace('scope: gallery }', 'scope: intune }');
    expect(() => buildModelText(wrong)).toThrow(/management plane `intune` is of type `intune`: `subscription` applies to image pipelines/);
    expect(() => buildModelText(wrong)).toThrow(/role assignment of `Owner` to `gallery-owner` is on `intune`, an `intune` management plane; only an `imagePipeline` is an Azure resource/);
  });
});
