import { describe, expect, it } from 'vitest';
import { crossOrgDepth } from '../../src/policy/cross-org-depth.js';
import { assets, at, bundledContext, bundledText, contextOfText, run } from './helpers.js';

describe('policy cross-org-depth', () => {
  it('shared topology: every store of each organization is one failure from the other org, at its model line', () => {
    const findings = run(crossOrgDepth, bundledContext('cross-org-shared'));
    expect(assets(findings)).toEqual(['contoso-profiles', 'contoso-finance', 'fabrikam-profiles', 'fabrikam-designs']);
    const finance = findings.find((f) => f.asset === 'contoso-finance')!;
    expect(at(finance)).toBe('models/cross-org-shared.yaml:64:9');
    // fabrikam-it is a tenant admin of the shared directory: control of every contoso principal, so
    // alice's session and her database with no failure. fabrikam's standard users need one
    // co-residency failure on the shared pool.
    expect(finance.depths).toEqual([
      { attacker: 'fabrikam:admins', depth: 0 },
      { attacker: 'fabrikam', depth: 1 },
    ]);
    expect(finance.minDepth).toBe(2);
    expect(finance.message).toContain('no boundary failure from fabrikam\u2019s admins and owners (fabrikam-it) (via no failure; at least 1 required from them)');
    expect(finance.message).toContain('1 boundary failure from fabrikam\u2019s standard users (via {kernel} or {process} or {session} or {user})');
  });

  it('names the shared entities on the attack paths as the fix and as related locations', () => {
    // The admins' path crosses the shared directory, the standard users' the shared pool.
    const [first] = run(crossOrgDepth, bundledContext('cross-org-shared'));
    expect(first!.fix).toBe(
      'Give contoso and fabrikam separate identity tenants instead of sharing `shared-directory`; stop sharing host pool `shared-pool` between contoso and fabrikam: give each organization its own host pool.',
    );
    expect(first!.related.map((r) => `${r.location.line}:${r.location.column} ${r.message}`)).toEqual([
      '16:9 the attack path crosses identity tenant `shared-directory`, shared by contoso and fabrikam',
      '25:9 the attack path crosses host pool `shared-pool`, shared by contoso and fabrikam',
    ]);
  });

  it('from admins and owners: the separated topology keeps another organization\u2019s admins one failure away, which the default allows', () => {
    // fabrikam-it (tenant admin of fabrikam-directory) controls fabrikam's directory, subscription and
    // hosts already: contoso's data is one failure away, a tenant, subscription or VM escape.
    const findings = run(crossOrgDepth, bundledContext('cross-org-separated'), { minDepthFromAdmins: 2 });
    expect(assets(findings)).toEqual(['contoso-profiles', 'contoso-finance', 'fabrikam-profiles', 'fabrikam-designs']);
    const finance = findings.find((f) => f.asset === 'contoso-finance')!;
    expect(finance.depths).toEqual([{ attacker: 'fabrikam:admins', depth: 1 }]);
    expect(finance.message).toContain('1 boundary failure from fabrikam\u2019s admins and owners (fabrikam-it) (via {subscription} or {tenant} or {vm})');
  });

  it('separated topology (the guide\u2019s recommendation) holds at the default minimum of 2', () => {
    expect(run(crossOrgDepth, bundledContext('cross-org-separated'))).toEqual([]);
  });

  it('a minimum of 3 catches the shared physical host of the separated topology', () => {
    const findings = run(crossOrgDepth, bundledContext('cross-org-separated'), { minDepth: 3 });
    expect(findings).toHaveLength(4);
    for (const f of findings) {
      expect(f.depths![0]!.depth).toBe(2);
      expect(f.fix).toContain('physical host `azure-host-1`');
      expect(f.related[0]!.location.line).toBe(29);
    }
  });

  it('a single-organization model has no other organization to reach', () => {
    expect(run(crossOrgDepth, bundledContext('single-org-pooled'))).toEqual([]);
  });
});

describe('policy cross-org-depth: stores shared on purpose', () => {
  it('a store that lists users of another organization is not a target for that organization', () => {
    const text = bundledText('cross-org-separated').replace(
      'controls:\n',
      ['  - id: joint-project', '    organization: contoso', '    location: share', '    users: [alice, mallory]', '', 'controls:', ''].join('\n'),
    );
    const context = contextOfText(text, 'joint.yaml');
    // mallory reaches joint-project with no failure: legitimately, so no finding for it.
    expect(context.storeDepths(['fabrikam'])!.get('joint-project')!.depth).toBe(0);
    expect(assets(run(crossOrgDepth, context))).toEqual([]);
  });
});

describe('policy cross-org-depth: from admins and owners', () => {
  // a and b each have their own tenant, subscription and pooled pool, but b's subscription owner
  // `b-owner` also holds Contributor on a's subscription through Azure Lighthouse and signs in to
  // b's pool beside b's standard user `bob`.
  const BRIDGED = `name: bridged-owner
organizations: [{id: a}, {id: b}]
tenants:
  - {id: a-dir, organizations: [a]}
  - {id: b-dir, organizations: [b]}
subscriptions:
  - {id: a-sub, tenant: a-dir, organizations: [a]}
  - {id: b-sub, tenant: b-dir, organizations: [b]}
hostPools:
  - {id: a-pool, subscription: a-sub, type: pooled}
  - {id: b-pool, subscription: b-sub, type: pooled}
users:
  - {id: ann, organization: a, hostPool: a-pool}
  - {id: bob, organization: b, hostPool: b-pool}
  - {id: b-owner, organization: b, hostPool: b-pool, privilege: subscriptionOwner, subscription: b-sub}
roleAssignments:
  - {principal: b-owner, role: Contributor, scope: a-sub, delegation: lighthouse}
data:
  - {id: a-db, organization: a, location: database, users: [ann], subscription: a-sub}
controls:
  credentialGuard: true
`;

  it('a separate foothold set, named in the finding: the owner reaches with no failure, the standard user through one co-residency failure', () => {
    const context = contextOfText(BRIDGED);
    expect(context.footholdSets.map((s) => `${s.attacker}: ${s.from.join(', ')}`)).toEqual(['a: a', 'b: b', 'b:admins: b-owner']);
    const [finding, ...rest] = run(crossOrgDepth, context);
    expect(rest).toEqual([]);
    // b-owner: Contributor on a-sub controls a-db directly (depth 0). bob: one of kernel, process,
    // session or user on b-pool's shared VM reaches b-owner's live session, which acts as b-owner
    // whatever Credential Guard does (it stops theft, not use): depth 1.
    expect(finding!.asset).toBe('a-db');
    expect(finding!.depths).toEqual([
      { attacker: 'b:admins', depth: 0 },
      { attacker: 'b', depth: 1 },
    ]);
    expect(finding!.message).toBe(
      'Data store `a-db` (a, confidential) falls to no boundary failure from b\u2019s admins and owners (b-owner) (via no failure; at least 1 required from them); 1 boundary failure from b\u2019s standard users (via {kernel} or {process} or {session} or {user}); at least 2 are required between organizations.',
    );
  });

  it('one attacker pass per foothold set, whatever the number of policies asking', () => {
    const context = contextOfText(BRIDGED);
    const asked: string[] = [];
    const counting: typeof context = {
      ...context,
      storeDepths: (from) => (asked.push([...from].sort().join()), context.storeDepths(from)),
      leakageBelow: (from, target, organization, below) => (asked.push(`${[...from].sort().join()} below ${below}`), context.leakageBelow(from, target, organization, below)),
    };
    run(crossOrgDepth, counting);
    run(crossOrgDepth, counting, { minDepth: 3 });
    // a's only store is a's own: a's footholds are never asked about. The admins are held to
    // minDepthFromAdmins (1) whatever minDepth is: a pass bounded below one failure answers them.
    expect(new Set(asked)).toEqual(new Set(['b below 2', 'b below 3', 'b-owner below 1']));
  });
});

describe('policy cross-org-depth: a provider\u2019s FSLogix store for every customer', () => {
  // prov owns one profile store in its own subscription holding the containers of amy (customer ca)
  // and ben (customer cb); each customer has its own tenant, subscription and pool, on hosts that
  // may share a physical host (none is declared).
  const PROVIDER = `name: provider-profiles
organizations: [{id: prov}, {id: ca}, {id: cb}]
tenants:
  - {id: prov-dir, organizations: [prov]}
  - {id: ca-dir, organizations: [ca]}
  - {id: cb-dir, organizations: [cb]}
subscriptions:
  - {id: prov-sub, tenant: prov-dir, organizations: [prov]}
  - {id: ca-sub, tenant: ca-dir, organizations: [ca]}
  - {id: cb-sub, tenant: cb-dir, organizations: [cb]}
hostPools:
  - {id: ca-pool, subscription: ca-sub, type: pooled}
  - {id: cb-pool, subscription: cb-sub, type: pooled}
users:
  - {id: amy, organization: ca, hostPool: ca-pool}
  - {id: ben, organization: cb, hostPool: cb-pool}
data:
  - {id: all-profiles, organization: prov, location: fslogixProfile, users: [amy, ben], subscription: prov-sub}
controls:
  reverseConnect: true
`;

  it('each customer\u2019s containers are that customer\u2019s data, one finding per container owner', () => {
    const findings = run(crossOrgDepth, contextOfText(PROVIDER));
    // The store lists both users, so before it counted as shared with both customers and nothing was
    // flagged. Per container: ben mounts the share, and the share's own user boundary (one instance
    // for the whole share) is all that keeps him from amy's container, {user}; or his host's kernel
    // and a VM escape to ca-pool's host, {kernel, vm}. And the other way round.
    expect(assets(findings)).toEqual(['all-profiles:ca', 'all-profiles:cb']);
    const ca = findings[0]!;
    expect(ca.depths).toEqual([{ attacker: 'cb', depth: 1 }]);
    expect(ca.message).toBe(
      'The profile containers of ca\u2019s users in `all-profiles` (prov\u2019s FSLogix store, confidential) fall to 1 boundary failure from cb\u2019s standard users (via {user} or {kernel, vm}); at least 2 are required between organizations.',
    );
    expect(ca.fix).toMatch(/^Move ca’s profile containers out of `all-profiles` onto an FSLogix share of ca’s own storage account/);
    expect(at(ca)).toBe('test-model.yaml:18:10');
  });

  it('a store of one organization\u2019s own containers stays one target', () => {
    const context = contextOfText(
      PROVIDER.replace('{id: all-profiles, organization: prov, location: fslogixProfile, users: [amy, ben], subscription: prov-sub}', '{id: all-profiles, organization: ca, location: fslogixProfile, users: [amy], subscription: ca-sub}'),
    );
    expect(context.targets.map((t) => t.id)).toEqual(['all-profiles']);
  });
});
