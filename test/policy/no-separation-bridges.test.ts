import { describe, expect, it } from 'vitest';
import { noSeparationBridges } from '../../src/policy/no-separation-bridges.js';
import { trustOf } from '../../src/policy/trust.js';
import { assets, at, bundledContext, contextOfText, run } from './helpers.js';

// A provider (prov) and two customers (ca, cb), each with its own tenant and subscription, joined by
// every kind of bridge the policy knows, one of each, plus two things that are not bridges: a
// data-plane role on a customer's share (shared data, authorized access) and an Owner on the
// provider's own subscription.
const BRIDGED = `name: bridged
organizations:
  - id: prov
  - id: ca
  - id: cb
tenants:
  - id: prov-dir
    organizations: [prov]
  - id: ca-dir
    organizations: [ca]
  - id: cb-dir
    organizations: [cb]
subscriptions:
  - id: prov-sub
    tenant: prov-dir
    organizations: [prov]
  - id: ca-sub
    tenant: ca-dir
    organizations: [ca]
  - id: cb-sub
    tenant: cb-dir
    organizations: [cb]
domains:
  - id: corp
    organizations: [ca, cb]
hostPools:
  - id: prov-pool
    subscription: prov-sub
    type: pooled
  - id: ca-pool
    subscription: ca-sub
    type: pooled
users:
  - id: pat
    organization: prov
  - id: pat-admin
    organization: prov
    privilege: subscriptionOwner
    subscription: ca-sub
  - id: amy
    organization: ca
    hostPool: prov-pool
  - id: ben
    organization: cb
    hostPool: ca-pool
  - id: bea
    organization: cb
people:
  - id: pat-person
    accounts: [pat, bea]
guests:
  - user: amy
    tenant: prov-dir
  - user: ben
    tenant: ca-dir
managedIdentities:
  - id: cb-identity
    organization: cb
    hostPools: [ca-pool]
roleAssignments:
  - {principal: pat, role: Contributor, scope: cb-sub, delegation: lighthouse}
  - {principal: pat, role: Owner, scope: prov-sub}
  - {principal: ben, role: Storage File Data SMB Share Contributor, scope: ca-files}
data:
  - id: profiles
    organization: prov
    location: fslogixProfile
    users: [amy, ben]
    subscription: prov-sub
  - id: ca-files
    organization: ca
    location: share
    users: [ben]
    subscription: ca-sub
  - id: cb-files
    organization: cb
    location: share
    subscription: ca-sub
`;

describe('policy no-separation-bridges', () => {
  it('names each bridge once, at the entry that makes it, with a fix that removes it', () => {
    const findings = run(noSeparationBridges, contextOfText(BRIDGED));
    // Checked by hand, in the policy's order (role holders, owners, stores, pools, profile
    // containers, guests, people, domains, managed identities):
    // - pat (prov) is a Lighthouse Contributor on cb-sub: control of cb's subscription. pat's Owner
    //   on prov-sub is their own organization's; ben's SMB role on ca-files (as a guest of ca-dir: Lighthouse delegates no data role) is data access only.
    // - pat-admin (prov) owns ca-sub.
    // - cb-files (cb) sits in ca-sub, which only ca has.
    // - amy (ca) and ben (cb) sign in to pools of other subscriptions as guests: reported as guests.
    // - profiles (prov) holds amy's (ca) and ben's (cb) containers: one bridge per container owner.
    // - amy is a guest in prov-dir, ben in ca-dir; pat-person links pat (prov) and bea (cb); domain
    //   corp holds ca and cb; cb-identity (cb) is on ca-pool's hosts in ca-sub.
    expect(assets(findings)).toEqual([
      'pat:Contributor@cb-sub',
      'pat-admin:Owner@ca-sub',
      'cb-files@ca-sub',
      'profiles:ca',
      'profiles:cb',
      'amy@prov-dir',
      'ben@ca-dir',
      'pat-person',
      'corp',
      'cb-identity',
    ]);
    const byAsset = new Map(findings.map((f) => [f.asset, f] as const));
    const lighthouse = byAsset.get('pat:Contributor@cb-sub')!;
    expect(lighthouse.message).toBe(
      'Bridge from prov into cb: `pat` of prov, delegated through Azure Lighthouse from another tenant, holds Contributor on `cb-sub`, a scope of cb: whoever controls `pat` (their home organization\u2019s admins, or an attacker in their live session) controls everything there with no boundary failure.',
    );
    expect(lighthouse.fix).toMatch(/^Remove Contributor from `pat` on `cb-sub`/);
    // The role assignment is the first entry under roleAssignments, line 61 of the model text.
    expect(at(lighthouse)).toBe('test-model.yaml:61:5');
    expect(lighthouse.related.map((r) => r.message)).toEqual(['organization `cb`, on the far side of the bridge']);
    expect(byAsset.get('profiles:ca')!.message).toContain('holds the profile containers of ca\u2019s 1 user (`amy`)');
    expect(byAsset.get('profiles:cb')!.fix).toContain('cb\u2019s own storage account');
    expect(at(byAsset.get('ben@ca-dir')!)).toBe('test-model.yaml:54:5');
  });

  it('declared trust removes the bridges between the trusted organizations, and only those', () => {
    const context = contextOfText(BRIDGED);
    // prov ⟷ ca bridges go (amy's container in profiles, amy the guest in prov-dir); every bridge
    // touching cb stays — pat-admin's ownership of ca-sub included, as cb-files sits in ca-sub.
    const kept = run(noSeparationBridges, context, {}, null, trustOf([['prov', 'ca']]));
    expect(assets(kept)).toEqual(['pat:Contributor@cb-sub', 'pat-admin:Owner@ca-sub', 'cb-files@ca-sub', 'profiles:cb', 'ben@ca-dir', 'pat-person', 'corp', 'cb-identity']);
    expect(kept.find((f) => f.asset === 'pat-admin:Owner@ca-sub')!.message).toMatch(/^Bridge from prov into cb: /);
  });

  it('flags a pool of one organization\u2019s subscription that a member of a shared tenant signs in to', () => {
    // x and y share tenant xy (no-shared-identity-tenant's finding) but not subscriptions: xena of x
    // signs in to y-pool in y-sub (the loader asks her to be listed as a guest of xy, her own tenant:
    // no guest bridge), and y-sub's owners control her session and what it reaches.
    const context = contextOfText(`name: pool-bridge
organizations: [{id: x}, {id: y}]
tenants:
  - {id: xy, organizations: [x, y]}
subscriptions:
  - {id: x-sub, tenant: xy, organizations: [x]}
  - {id: y-sub, tenant: xy, organizations: [y]}
hostPools:
  - {id: y-pool, subscription: y-sub, type: pooled}
users:
  - {id: xena, organization: x, hostPool: y-pool}
  - {id: yuri, organization: y, hostPool: y-pool}
guests:
  - {user: xena, tenant: xy}
`);
    const [finding, ...rest] = run(noSeparationBridges, context);
    expect(rest).toEqual([]);
    expect(finding!.asset).toBe('y-pool:x@y-sub');
    expect(finding!.message).toMatch(/^Bridge from x into y: Users of x sign in to host pool `y-pool`, placed in subscription `y-sub` of y/);
    expect(at(finding!)).toBe('test-model.yaml:9:10');
  });

  it('finds the provider\u2019s delegated Contributor and the customer\u2019s guest in the bundled MSP model', () => {
    // northwind-admins hold Contributor on both customers' subscriptions through Lighthouse, and fiona of
    // fabrikam is a B2B guest in contoso's tenant (msp-hosting.yaml's description says as much).
    // The managed identity's Storage Account Contributor is on contoso's own resource group: no bridge.
    expect(assets(run(noSeparationBridges, bundledContext('msp-hosting')))).toEqual([
      'northwind-admins:Contributor@contoso-subscription',
      'northwind-admins:Contributor@fabrikam-subscription',
      'fiona@contoso-directory',
    ]);
  });

  it('holds on the guide\u2019s separated deployment, and on a shared one (that is other policies\u2019 finding)', () => {
    expect(run(noSeparationBridges, bundledContext('cross-org-separated'))).toEqual([]);
    expect(run(noSeparationBridges, bundledContext('cross-org-shared'))).toEqual([]);
  });
});
