// The counterexamples that forced each claim's narrowing (README, "What the guide's claims mean, precisely"), hand-trimmed from
// what fast-check shrank to. Each test shows the broad reading of the claim failing on its model,
// and the precise claim (the same predicate the property runs) holding on it.

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ModelDoc } from '../arbitraries/document.js';
import type { ModelPair } from '../arbitraries/pair.js';
import { adminReachesCoResidents } from './claims/admin-reaches-co-residents.js';
import { crossOrgHostSingleFailure } from './claims/cross-org-host-single-failure.js';
import { bridges, separateTenantAndSubscription } from './claims/separate-tenant-and-subscription.js';
import { separationNeverHurts } from './claims/separation-never-hurts.js';
import { sharedTenantAdminReachesEveryOrg } from './claims/shared-tenant-admin-reaches-every-org.js';
import { standardUserNeedsAFailure } from './claims/standard-user-needs-a-failure.js';
import { dataIds, depth, load, simulate } from './support/load.js';

const doc = (yaml: string): ModelDoc => parse(yaml) as ModelDoc;

/** Two organizations in their own tenants, subscriptions and pools; `extra` YAML is appended. */
const separatedOrgs = (users: string, data: string, controls = 'credentialGuard: false') =>
  doc(`
name: finding
organizations: [{ id: org1 }, { id: org2 }]
tenants:
  - { id: t1, organizations: [org1] }
  - { id: t2, organizations: [org2] }
subscriptions:
  - { id: sub1, tenant: t1, organizations: [org1] }
  - { id: sub2, tenant: t2, organizations: [org2] }
hostPools:
  - { id: pool1, subscription: sub1, type: pooled }
  - { id: pool2, subscription: sub2, type: pooled }
users:
${users}
data:
${data}
controls: { ${controls} }
`);

describe('claim 1: co-resident means "may share a VM", not "in the same pool"', () => {
  const model = doc(`
name: pinned-admin
organizations: [{ id: org1 }]
tenants: [{ id: t1, organizations: [org1] }]
subscriptions: [{ id: sub1, tenant: t1, organizations: [org1] }]
hostPools: [{ id: pool1, subscription: sub1, type: pooled, vms: 2 }]
users:
  - { id: admin, organization: org1, privilege: localAdmin, hostPool: pool1, vm: 1 }
  - { id: u1, organization: org1, hostPool: pool1, vm: 2 }
data:
  - { id: d1, organization: org1, location: fslogixProfile, users: [u1] }
`);

  it('an admin pinned to VM 1 does not reach the profile of a user pinned to VM 2', () => {
    expect(dataIds(simulate(load(model), ['admin']))).not.toContain('d1');
    expect(adminReachesCoResidents.predicate({ model })).toBeGreaterThan(0);
  });
});

describe('claim 1: "only their own" on a personal desktop needs identity-based access to FSLogix shares', () => {
  // Two local admins on personal desktops, their profiles on one share whose hosts hold the storage
  // account key: u1#1's kernel has the key, so u1#2's container, whose logon code runs in u1#2's
  // session, an admin's session: u1#2's desktop too. With identity-based access, only their own.
  const model = (access: string) =>
    doc(`
name: keyed-personal
organizations: [{ id: org1 }]
tenants: [{ id: t1, organizations: [org1] }]
subscriptions: [{ id: sub1, tenant: t1, organizations: [org1] }]
hostPools: [{ id: pool1, subscription: sub1, type: personal }]
users:
  - { id: u1, organization: org1, count: 2, privilege: localAdmin, hostPool: pool1 }
data:
  - { id: d1, organization: org1, location: fslogixProfile, users: [u1], access: ${access} }
`);

  it('with the storage key, one admin reaches the other\u2019s container and desktop; the precise claim holds', () => {
    const keyed = model('storageKey');
    const result = simulate(load(keyed), ['u1#1']);
    expect([...dataIds(result)].sort()).toEqual(['d1/u1#1', 'd1/u1#2']);
    expect(result.availability.map((a) => a.vm).sort()).toEqual(['pool1-u1#1', 'pool1-u1#2']);
    expect(adminReachesCoResidents.predicate({ model: keyed })).toBeGreaterThan(0);
  });

  it('with identity-based access, only their own', () => {
    const result = simulate(load(model('identity')), ['u1#1']);
    expect([...dataIds(result)]).toEqual(['d1/u1#1']);
    expect(result.availability.map((a) => a.vm)).toEqual(['pool1-u1#1']);
  });
});

describe('claim 2: "another user\u2019s data" is data the user is not authorized for', () => {
  const model = doc(`
name: shared-share
organizations: [{ id: org1 }]
tenants: [{ id: t1, organizations: [org1] }]
subscriptions: [{ id: sub1, tenant: t1, organizations: [org1] }]
hostPools: [{ id: pool1, subscription: sub1, type: pooled }]
users:
  - { id: u1, organization: org1, hostPool: pool1 }
  - { id: u2, organization: org1, hostPool: pool1 }
data:
  - { id: team, organization: org1, location: share, users: [u1, u2] }
  - { id: profiles, organization: org1, location: fslogixProfile, users: [u1, u2] }
`);

  it('a share both users may use is reached with 0 failures; the other\u2019s profile needs one', () => {
    const byId = new Map(depth(load(model), ['u1']).data.map((d) => [d.id, d.depth] as const));
    expect(byId.get('team')).toBe(0);
    expect(byId.get('profiles/u2')).toBe(1);
    expect(standardUserNeedsAFailure.predicate({ model })).toBeGreaterThan(0);
  });
});

describe('claim 3: one failure exposes another org\u2019s credentials only without Credential Guard', () => {
  const model = doc(`
name: cross-org-credential-guard
organizations: [{ id: org1 }, { id: org2 }]
tenants: [{ id: t1, organizations: [org1, org2] }]
subscriptions: [{ id: sub1, tenant: t1, organizations: [org1, org2] }]
hostPools: [{ id: pool1, subscription: sub1, type: pooled }]
users:
  - { id: u1, organization: org1, hostPool: pool1 }
  - { id: u2, organization: org2, hostPool: pool1 }
data:
  - { id: d2, organization: org2, location: fslogixProfile, users: [u2] }
controls: { credentialGuard: true }
`);
  // The same pool with drive redirection stated off (clipboard, printers and USB stay on).
  const noDrives: ModelDoc = { ...model, hostPools: model.hostPools!.map((p) => ({ ...p, customRdpProperty: 'drivestoredirect:s:' })) };

  it('with drive redirection (AVD\u2019s default), kernel alone exposes u2\u2019s device and so their credential', () => {
    // u1 → … ✗kernel@pool1-vm1 → sessions → u2/session → (drives) u2/device → u2/credential.
    const credentials = simulate(load(model), ['u1'], ['kernel']).organizations.find((o) => o.id === 'org2')!.reached.credentials;
    expect(credentials).toBe(1);
  });

  it('kernel alone exposes org2\u2019s data but not its credentials; kernel + vsm does', () => {
    const prepared = load(noDrives);
    const credentials = (fail: string[]) =>
      simulate(prepared, ['u1'], fail).organizations.find((o) => o.id === 'org2')!.reached.credentials;
    expect(dataIds(simulate(prepared, ['u1'], ['kernel']))).toContain('d2');
    expect(credentials(['kernel'])).toBe(0);
    expect(credentials(['kernel', 'vsm'])).toBe(1);
    expect(crossOrgHostSingleFailure.predicate({ model })).toBeGreaterThan(0);
    expect(crossOrgHostSingleFailure.predicate({ model: noDrives })).toBeGreaterThan(0);
  });
});

describe('claim 4: separate tenants and subscriptions, unless the model bridges them', () => {
  const depthFromOrg2 = (model: ModelDoc, id: string) => depth(load(model), ['org2']).data.find((d) => d.id === id)!.depth;

  it('a store granted to a privileged user of the other org falls with one failure (exempt: it is shared)', () => {
    const model = separatedOrgs(
      `  - { id: admin2, organization: org2, privilege: localAdmin, hostPool: pool2 }
  - { id: u2, organization: org2, hostPool: pool2 }`,
      `  - { id: d1, organization: org1, location: share, users: [admin2] }`,
    );
    expect(depthFromOrg2(model, 'd1')).toBe(1);
    expect(separateTenantAndSubscription.predicate({ model })).toBe(0);
  });

  const storeInForeignSubscription = (controls?: string) =>
    separatedOrgs(
      `  - { id: owner2, organization: org2, privilege: subscriptionOwner, subscription: sub2, hostPool: pool2 }
  - { id: u2, organization: org2, hostPool: pool2 }
  - { id: u1, organization: org1, hostPool: pool1 }`,
      `  - { id: d1, organization: org1, location: database, users: [u1], subscription: sub2 }`,
      controls,
    );

  it('a store placed in the other org\u2019s subscription falls with one failure, Credential Guard or not', () => {
    // u2 and owner2 may share pool2's VMs: one kernel, process, session or user failure gives u2
    // owner2's session, which acts as owner2 (session-acts-as-user) and owns sub2, which holds d1.
    // Credential Guard only stops the theft of owner2's reusable credentials, not that use.
    expect(bridges(load(storeInForeignSubscription()).model)).toEqual(['d1 (org1) sits in sub2 of another organization']);
    expect(depthFromOrg2(storeInForeignSubscription(), 'd1')).toBe(1);
    expect(separateTenantAndSubscription.predicate({ model: storeInForeignSubscription() })).toBe(0);
    const guarded = storeInForeignSubscription('credentialGuard: true');
    expect(depthFromOrg2(guarded, 'd1')).toBe(1);
    expect(separateTenantAndSubscription.predicate({ model: guarded })).toBe(0);
  });

  const foreignOwner = (controls?: string) =>
    separatedOrgs(
      `  - { id: owner2, organization: org2, privilege: subscriptionOwner, subscription: sub1, hostPool: pool2 }
  - { id: u2, organization: org2, hostPool: pool2 }
  - { id: u1, organization: org1, hostPool: pool1 }`,
      `  - { id: d1, organization: org1, location: fslogixProfile, users: [u1] }`,
      controls,
    );

  it('an owner of the other org\u2019s subscription is a bridge: one failure, Credential Guard or not', () => {
    // The same path through owner2's live session; Credential Guard changes only how long the
    // attacker holds owner2 (while signed in instead of persistently).
    expect(bridges(load(foreignOwner()).model)).toEqual(['owner2 (org2) owns sub1 of another organization']);
    expect(depthFromOrg2(foreignOwner(), 'd1')).toBe(1);
    expect(depthFromOrg2(foreignOwner('credentialGuard: true'), 'd1')).toBe(1);
    expect(separateTenantAndSubscription.predicate({ model: foreignOwner('credentialGuard: true') })).toBe(0);
  });
});

describe('claim 5: a tenant admin exposes the orgs whose data the tenant can reach', () => {
  const model = doc(`
name: data-used-outside-the-tenant
organizations: [{ id: org1 }, { id: org2 }, { id: org3 }]
tenants:
  - { id: t1, organizations: [org1, org2] }
  - { id: t2, organizations: [org3] }
subscriptions: [{ id: sub1, tenant: t1, organizations: [org1, org2] }]
users:
  - { id: admin, organization: org2, privilege: tenantAdmin }
  - { id: u1, organization: org1 }
  - { id: u3, organization: org3 }
data:
  - { id: d1, organization: org1, location: database, users: [u3] }
`);

  it('org1 shares the tenant, but its only store is used by org3 (another tenant) and sits in no subscription', () => {
    const result = simulate(load(model), ['admin']);
    expect(result.organizations.find((o) => o.id === 'org1')!.reached.principals).toBe(1);
    expect(result.summary.exposedOrganizations).not.toContain('org1');
    expect(sharedTenantAdminReachesEveryOrg.predicate({ model })).toBeGreaterThan(0);
  });
});

describe('claim 7: separation never hurts, now that every pool sits on some physical host', () => {
  const pair = (sharedOnHost: boolean, dedicated = false): ModelPair => {
    const users = `
users:
  - { id: u1, organization: org1, privilege: localAdmin, hostPool: POOL, vm: 2 }
  - { id: u2, organization: org1, hostPool: POOL, vm: 1 }
data:
  - { id: d1, organization: org1, location: fslogixProfile, users: [u1] }`;
    return {
      shared: doc(`
name: shared
organizations: [{ id: org1 }]
tenants: [{ id: shared-tenant, organizations: [org1] }]
subscriptions: [{ id: shared-sub, tenant: shared-tenant, organizations: [org1] }]
${sharedOnHost ? 'physicalHosts: [{ id: host1, hostPools: [shared-pool] }]' : ''}
hostPools: [{ id: shared-pool, subscription: shared-sub, type: pooled, vms: 2${dedicated ? ', dedicatedHost: true' : ''} }]
${users.replaceAll('POOL', 'shared-pool')}`),
      separated: doc(`
name: separated
organizations: [{ id: org1 }]
tenants: [{ id: t-org1, organizations: [org1] }]
subscriptions: [{ id: sub-org1, tenant: t-org1, organizations: [org1] }]
physicalHosts: [{ id: host1, hostPools: [pool-org1] }]
hostPools: [{ id: pool-org1, subscription: sub-org1, type: pooled, vms: 2 }]
${users.replaceAll('POOL', 'pool-org1')}`),
    };
  };

  it('the former counterexample (pins, shared pool on no declared host) holds: its VMs are assumed to share one', () => {
    // Before, a pool on no declared host had no hypervisor edges, so u2 pinned to VM 1 could not
    // reach admin u1's VM 2 with kernel + vm in the shared model, while the separated one (on host1)
    // could. Now an undeclared pool sits on the assumed shared host: both reach d1.
    const { shared, separated } = pair(false);
    expect(dataIds(simulate(load(separated), ['org1'], ['kernel', 'vm']))).toContain('d1');
    expect(dataIds(simulate(load(shared), ['org1'], ['kernel', 'vm']))).toContain('d1');
    expect(separationNeverHurts.predicate({ pair: { shared, separated }, from: 0, fail: ['kernel', 'vm'] })).toBeGreaterThan(0);
  });

  it('holds with the shared pool on a declared host, or on a dedicated host of its own', () => {
    expect(separationNeverHurts.predicate({ pair: pair(true), from: 0, fail: ['kernel', 'vm'] })).toBeGreaterThan(0);
    expect(separationNeverHurts.predicate({ pair: pair(false, true), from: 0, fail: ['kernel', 'vm'] })).toBeGreaterThan(0);
  });
});
