import { describe, expect, it } from 'vitest';
import { noLocalAdminOnPooledHosts } from '../../src/policy/no-local-admin-on-pooled-hosts.js';
import { acme } from '../support/model.js';
import { assets, at, bundledContext, contextOfText, run } from './helpers.js';

describe('policy no-local-admin-on-pooled-hosts', () => {
  it('flags the local admin on the pooled pool at their user entry, with the pool as related location', () => {
    const [finding, ...rest] = run(noLocalAdminOnPooledHosts, bundledContext('single-org-pooled'));
    expect(rest).toEqual([]);
    expect(finding!.asset).toBe('admin-ann');
    expect(at(finding!)).toBe('models/single-org-pooled.yaml:45:9');
    expect(finding!.message).toContain('12 other users');
    expect(finding!.fix).toContain('personal desktop');
    expect(finding!.related[0]!.location.line).toBe(22);
  });

  it('holds when the admin has a personal desktop (the guide\u2019s fix)', () => {
    expect(run(noLocalAdminOnPooledHosts, bundledContext('admins-personal'))).toEqual([]);
  });

  it('ignores local admins without a host pool and standard users on pooled hosts', () => {
    const context = contextOfText(
      acme(`hostPools:
  - id: p
    subscription: acme-sub
    type: pooled
users:
  - id: worker
    organization: acme
    hostPool: p
  - id: roaming-admin
    organization: acme
    privilege: localAdmin
`),
    );
    expect(assets(run(noLocalAdminOnPooledHosts, context))).toEqual([]);
  });

  // A Global Administrator is added to the local Administrators group of every Entra-joined device
  // of their tenant at join, and Microsoft Entra Joined Device Local Administrator is that group's
  // member by definition (Learn, "Manage the local administrators group on Microsoft Entra joined
  // devices"): `gale` (Global Administrator through group `tier0`) and `devon` (device local admin,
  // directly) sign in to the pooled pool `p` of their own tenant, so both are local admins there —
  // the same exposure as `privilege: localAdmin`. `walt`, a Global Administrator of another tenant
  // (`other-dir`) signed in as a B2B guest, is not an administrator of acme's hosts; `wes` has no role.
  it('flags holders of Global Administrator (through a group) and Entra device local admin roles on their own tenant\u2019s pooled hosts', () => {
    const context = contextOfText(`name: test
organizations:
  - id: acme
  - id: other
tenants:
  - id: acme-dir
    organizations: [acme]
  - id: other-dir
    organizations: [other]
subscriptions:
  - id: acme-sub
    tenant: acme-dir
    organizations: [acme]
hostPools:
  - id: p
    subscription: acme-sub
    type: pooled
users:
  - id: gale
    organization: acme
    hostPool: p
  - id: devon
    organization: acme
    hostPool: p
  - id: wes
    organization: acme
    hostPool: p
  - id: walt
    organization: other
    hostPool: p
groups:
  - id: tier0
    organization: acme
    members: [gale]
guests:
  - {user: walt, tenant: acme-dir}
roleAssignments:
  - {principal: tier0, role: Global Administrator, scope: acme-dir}
  - {principal: devon, role: Microsoft Entra Joined Device Local Administrator, scope: acme-dir}
  - {principal: walt, role: Global Administrator, scope: other-dir}
`);
    const findings = run(noLocalAdminOnPooledHosts, context);
    expect(assets(findings).sort()).toEqual(['devon', 'gale']);
    const gale = findings.find((f) => f.asset === 'gale')!;
    expect(gale.message).toContain('`Global Administrator` (through group `tier0`) in tenant `acme-dir`');
    expect(gale.message).toContain('3 other users');
    expect(gale.fix).toContain('separate account that does not hold `Global Administrator`');
    expect(findings.find((f) => f.asset === 'devon')!.message).not.toContain('through group');
  });
});
