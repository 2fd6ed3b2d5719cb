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
