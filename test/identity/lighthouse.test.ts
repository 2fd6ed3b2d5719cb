// Azure Lighthouse delegates no Owner, no role with DataActions and no role-assignment writes
// (Microsoft Learn, "Tenants, users, and roles in Azure Lighthouse scenarios", "Role support for
// Azure Lighthouse"): a model that says otherwise is wrong, and every such assignment is a positioned
// error naming the fix, all at once.

import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/model/load-model.js';

const MODEL = (assignments: string) => `name: lighthouse
organizations:
  - id: prov
  - id: cust
tenants:
  - id: prov-dir
    organizations: [prov]
  - id: cust-dir
    organizations: [cust]
subscriptions:
  - id: cust-sub
    tenant: cust-dir
    organizations: [cust]
hostPools:
  - id: cust-pool
    subscription: cust-sub
    type: pooled
users:
  - id: pat
    organization: prov
  - id: carl
    organization: cust
    hostPool: cust-pool
groups:
  - id: prov-admins
    organization: prov
    members: [pat]
data:
  - id: cust-files
    organization: cust
    location: share
    subscription: cust-sub
    users: [carl]
roleAssignments:
${assignments}`;

const issues = (assignments: string) => {
  const parsed = parseModel(MODEL(assignments), 'm.yaml');
  return parsed.ok ? [] : parsed.issues.map((i) => `${i.location.line}:${i.location.column} ${i.message}`);
};

const PAGE = 'https://learn.microsoft.com/azure/lighthouse/concepts/tenants-users-roles#role-support-for-azure-lighthouse';

describe('role assignments delegated through Azure Lighthouse', () => {
  it('accepts the roles Lighthouse delegates (Contributor, Virtual Machine Contributor, User Access Administrator)', () => {
    expect(
      issues(`  - {principal: prov-admins, role: Contributor, scope: cust-sub, delegation: lighthouse}
  - {principal: prov-admins, role: Virtual Machine Contributor, scope: cust-pool, delegation: lighthouse}
  - {principal: pat, role: User Access Administrator, scope: cust-sub, delegation: lighthouse}
`),
    ).toEqual([]);
  });

  it('rejects Owner, RBAC Administrator and data roles, each at its role, with the fix, all at once', () => {
    expect(
      issues(`  - {principal: prov-admins, role: Owner, scope: cust-sub, delegation: lighthouse}
  - {principal: pat, role: Storage File Data SMB Share Reader, scope: cust-files, delegation: lighthouse}
  - {principal: prov-admins, role: Role Based Access Control Administrator, scope: cust-sub, delegation: lighthouse}
  - {principal: prov-admins, role: Virtual Machine User Login, scope: cust-pool, delegation: lighthouse}
`),
    ).toEqual([
      `35:36 role assignment of \`Owner\` to \`prov-admins\`: Azure Lighthouse cannot delegate \`Owner\` (the Owner role is not supported: ${PAGE}); delegate \`Contributor\` instead (the same control of the scope\u2019s resources in indepth), or assign it to users of tenant \`cust-dir\` or to guests of it (\`guests\`; a group of another tenant cannot be a guest)`,
      `36:28 role assignment of \`Storage File Data SMB Share Reader\` to \`pat\`: Azure Lighthouse cannot delegate \`Storage File Data SMB Share Reader\` (roles with DataActions (here Microsoft.Storage/storageAccounts/fileServices/fileshares/files/read) are not supported: ${PAGE}); invite \`pat\` as a guest of \`cust-dir\` (\`guests\`) and drop \`delegation\``,
      `37:36 role assignment of \`Role Based Access Control Administrator\` to \`prov-admins\`: Azure Lighthouse cannot delegate \`Role Based Access Control Administrator\` (roles that include the action Microsoft.Authorization/roleAssignments/write are not supported: ${PAGE}); delegate \`Contributor\` instead (the same control of the scope\u2019s resources in indepth), or assign it to users of tenant \`cust-dir\` or to guests of it (\`guests\`; a group of another tenant cannot be a guest)`,
      `38:36 role assignment of \`Virtual Machine User Login\` to \`prov-admins\`: Azure Lighthouse cannot delegate \`Virtual Machine User Login\` (roles with DataActions (here Microsoft.Compute/virtualMachines/login/action) are not supported: ${PAGE}); assign it to users of tenant \`cust-dir\` or to guests of it (\`guests\`; a group of another tenant cannot be a guest)`,
    ]);
  });

  it('suggests Lighthouse for a cross-tenant data role never, a guest always (it used to suggest `delegation: lighthouse`)', () => {
    expect(issues('  - {principal: pat, role: Storage File Data SMB Share Reader, scope: cust-files}\n')).toEqual([
      '35:17 role assignment of `Storage File Data SMB Share Reader` to `pat`: `pat` is in tenant `prov-dir` but `cust-files` is in tenant `cust-dir`; invite `pat` as a guest of `cust-dir` (`guests`): Azure Lighthouse does not delegate `Storage File Data SMB Share Reader` (roles with DataActions (here Microsoft.Storage/storageAccounts/fileServices/fileshares/files/read) are not supported)',
    ]);
    expect(issues('  - {principal: pat, role: Contributor, scope: cust-sub}\n')).toEqual([
      '35:17 role assignment of `Contributor` to `pat`: `pat` is in tenant `prov-dir` but `cust-sub` is in tenant `cust-dir`; invite `pat` as a guest of `cust-dir` (`guests`) or set `delegation: lighthouse`',
    ]);
  });

  it('offers Contributor for an undelegated Owner, and for a group no guest', () => {
    expect(issues('  - {principal: pat, role: Owner, scope: cust-sub}\n  - {principal: prov-admins, role: Key Vault Secrets User, scope: cust-sub}\n')).toEqual([
      '35:17 role assignment of `Owner` to `pat`: `pat` is in tenant `prov-dir` but `cust-sub` is in tenant `cust-dir`; invite `pat` as a guest of `cust-dir` (`guests`), or delegate `Contributor` instead (`delegation: lighthouse`; the same control of the scope\u2019s resources in indepth): Azure Lighthouse does not delegate `Owner` (the Owner role is not supported)',
      '36:17 role assignment of `Key Vault Secrets User` to `prov-admins`: `prov-admins` is in tenant `prov-dir` but `cust-sub` is in tenant `cust-dir`; assign it to users of tenant `cust-dir` or to guests of it (`guests`): Azure Lighthouse does not delegate `Key Vault Secrets User` (roles with DataActions (here Microsoft.KeyVault/vaults/secrets/getSecret/action) are not supported), and a group of another tenant cannot be a guest',
    ]);
  });

  it('a typo in a tenant id is one error where it is written, no cross-tenant advice built on it', () => {
    // cust-sub names `cust-dr` (no such tenant): the role assignment on it cannot be judged, and
    // "set `delegation: lighthouse`" for it was wrong advice (a fresh user's trial).
    const parsed = parseModel(MODEL('  - {principal: prov-admins, role: Contributor, scope: cust-sub}\n').replace('    tenant: cust-dir\n', '    tenant: cust-dr\n'), 'm.yaml');
    expect(parsed.ok ? [] : parsed.issues.map((i) => `${i.location.line}:${i.location.column} ${i.message}`)).toEqual([
      '12:13 subscription `cust-sub` references unknown tenant `cust-dr` (did you mean `cust-dir`?)',
    ]);
  });

  it('accepts a data role held by a B2B guest', () => {
    expect(issues('  - {principal: pat, role: Storage File Data SMB Share Reader, scope: cust-files}\nguests:\n  - {user: pat, tenant: cust-dir}\n')).toEqual([]);
  });
});
