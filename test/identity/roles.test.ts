// Azure RBAC, Entra directory roles and PIM on one small hand-checked model: one pooled pool of two
// session hosts (ann and bob float on it), an FSLogix profile share, a team share and a key vault,
// all in resource group rg of subscription acme-sub under management group root. `ops` signs in to
// nothing; each case gives ops one role and reads what ops reaches, and at which depth.

import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/model/load-model.js';
import { acme, buildModelText, edgeStrings, prepareText } from '../support/model.js';
import { depthsFrom, setsFrom } from './support.js';

function model(assignments: string, extra = ''): string {
  return acme(`
managementGroups:
  - id: root
    tenant: acme-dir
    subscriptions: [acme-sub]
resourceGroups:
  - id: rg
    subscription: acme-sub
    resources: [pool, profiles, files, vault]
hostPools:
  - id: pool
    subscription: acme-sub
    type: pooled
    vms: 2
users:
  - id: ann
    organization: acme
    hostPool: pool
  - id: bob
    organization: acme
    hostPool: pool
  - id: ops
    organization: acme
data:
  - id: profiles
    organization: acme
    location: fslogixProfile
    users: [ann, bob]
    subscription: acme-sub
  - id: files
    organization: acme
    location: share
    users: [ann]
    subscription: acme-sub
  - id: vault
    organization: acme
    location: keyVault
    subscription: acme-sub
roleAssignments:
${assignments}
${extra}`);
}

const ALL = ['files', 'profiles/ann', 'profiles/bob', 'vault'];

function depths(assignments: string): Record<string, number | null> {
  const d = depthsFrom(prepareText(model(assignments)), ['ops']);
  return Object.fromEntries(ALL.map((id) => [id, d.get(id) ?? null]));
}

describe('Azure RBAC roles at scopes, inherited downward', () => {
  it('Owner on the management group controls everything beneath it, with no failure', () => {
    // root → acme-sub → rg → pool → VMs → sessions → data; rg → files, vault, profiles directly.
    expect(depths('  - {principal: ops, role: Owner, scope: root}')).toEqual({ files: 0, 'profiles/ann': 0, 'profiles/bob': 0, vault: 0 });
    const { graph } = buildModelText(model('  - {principal: ops, role: Owner, scope: root}'));
    expect(edgeStrings(graph, 'role-scope-control')).toEqual(['ops -> root [role-scope-control]']);
    expect(edgeStrings(graph, 'scope-inheritance')).toEqual([
      'acme-sub -> rg [scope-inheritance]',
      'rg -> files [scope-inheritance]',
      'rg -> pool [scope-inheritance]',
      'rg -> profiles/ann [scope-inheritance]',
      'rg -> profiles/bob [scope-inheritance]',
      'rg -> vault [scope-inheritance]',
      'root -> acme-sub [scope-inheritance]',
    ]);
  });

  it('User Access Administrator on the resource group can make itself Owner there: same reach', () => {
    expect(depths('  - {principal: ops, role: User Access Administrator, scope: rg}')).toEqual({ files: 0, 'profiles/ann': 0, 'profiles/bob': 0, vault: 0 });
  });

  it('Virtual Machine Contributor reaches the session hosts\u2019 kernels (Run Command), hence every session and mounted profile, not the key vault', () => {
    // VM kernel → sessions of ann and bob → their profiles and ann's files; nobody's session reads the vault.
    expect(depths('  - {principal: ops, role: Virtual Machine Contributor, scope: acme-sub}')).toEqual({ files: 0, 'profiles/ann': 0, 'profiles/bob': 0, vault: null });
    const { graph } = buildModelText(model('  - {principal: ops, role: Virtual Machine Contributor, scope: acme-sub}'));
    expect(edgeStrings(graph, 'role-vm-run-command')).toEqual([
      'acme-sub/can:vmRunCommand -> pool-vm1 [role-vm-run-command]',
      'acme-sub/can:vmRunCommand -> pool-vm2 [role-vm-run-command]',
      'ops -> acme-sub/can:vmRunCommand [role-vm-run-command]',
    ]);
  });

  it('Virtual Machine User Login is unprivileged code on the hosts: co-residents need one failure', () => {
    const d = depths('  - {principal: ops, role: Virtual Machine User Login, scope: pool}');
    expect(d).toEqual({ files: 1, 'profiles/ann': 1, 'profiles/bob': 1, vault: null });
  });

  it('Virtual Machine Administrator Login is the kernel of Entra-joined hosts, and nothing on AD DS-joined ones', () => {
    expect(depths('  - {principal: ops, role: Virtual Machine Administrator Login, scope: pool}')['profiles/ann']).toBe(0);
    const joined = model(
      '  - {principal: ops, role: Virtual Machine Administrator Login, scope: pool}',
      'domains:\n  - id: corp\n    organizations: [acme]\n    hostPools: [pool]\n',
    );
    expect(edgeStrings(buildModelText(joined).graph, 'role-vm-login')).toEqual(['ops -> pool/can:vmAdminLogin [role-vm-login]']);
  });

  it('Host Pool Contributor registers a rogue host: the floating users\u2019 sessions, profiles and credentials', () => {
    expect(depths('  - {principal: ops, role: Desktop Virtualization Host Pool Contributor, scope: pool}')).toEqual({
      files: 0,
      'profiles/ann': 0,
      'profiles/bob': 0,
      vault: null,
    });
  });

  it('Storage Account Contributor lists keys: every share and profile container, no failure', () => {
    expect(depths('  - {principal: ops, role: Storage Account Contributor, scope: rg}')).toEqual({ files: 0, 'profiles/ann': 0, 'profiles/bob': 0, vault: null });
  });

  it('SMB Share Contributor writes the share but meets NTFS ACLs on profile containers (user@profiles:share); Elevated Contributor does not', () => {
    const text = model('  - {principal: ops, role: Storage File Data SMB Share Contributor, scope: rg}');
    const prepared = prepareText(text);
    expect(setsFrom(prepared, ['ops'], 'profiles/ann')).toEqual([['user']]);
    // The role opens the share's SMB access, and the one NTFS boundary of the share (rule fslogix-share,
    // the same instance the session hosts meet) stands before each container.
    expect(edgeStrings(buildModelText(text).graph, 'role-file-share-data')).toEqual([
      'ops -> rg/can:shareWrite [role-file-share-data]',
      'rg/can:shareWrite -> files [role-file-share-data]',
      'rg/can:shareWrite -> profiles:share [role-file-share-data]',
    ]);
    expect(depthsFrom(prepared, ['ops']).get('files')).toBe(0);
    // Writing ann's profile container is code as ann at her next sign-in (profile-logon-code), so her
    // share follows too.
    expect(depths('  - {principal: ops, role: Storage File Data SMB Share Elevated Contributor, scope: profiles}')).toEqual({
      files: 0,
      'profiles/ann': 0,
      'profiles/bob': 0,
      vault: null,
    });
  });

  it('Key Vault Secrets User reads the vault (read access only); Administrator controls it', () => {
    const { graph } = buildModelText(model('  - {principal: ops, role: Key Vault Secrets User, scope: vault}\n  - {principal: ops, role: Key Vault Administrator, scope: rg}'));
    expect(edgeStrings(graph, 'role-key-vault-secrets')).toEqual([
      'ops -> rg/can:secretsAdmin [role-key-vault-secrets]',
      'ops -> vault/can:secretsRead [role-key-vault-secrets]',
      'rg/can:secretsAdmin -> vault [role-key-vault-secrets]',
      'vault/can:secretsRead -> vault [role-key-vault-secrets read]',
    ]);
  });

  it('a role held by a group reaches through its members', () => {
    const text = model('  - {principal: admins, role: Owner, scope: rg}', 'groups:\n  - id: admins\n    organization: acme\n    members: [ops]\n');
    expect(depthsFrom(prepareText(text), ['ops']).get('vault')).toBe(0);
  });
});

describe('PIM-eligible assignments', () => {
  it('count as held, through an activation node the path shows', () => {
    const { graph } = buildModelText(model('  - {principal: ops, role: Owner, scope: rg, eligible: true}'));
    expect(edgeStrings(graph, 'pim-activation')).toEqual(['ops -> role-assignment:1/activation [pim-activation]']);
    expect(edgeStrings(graph, 'role-scope-control')).toEqual(['role-assignment:1/activation -> rg [role-scope-control]']);
    expect(graph.getNodeAttribute('role-assignment:1/activation', 'label')).toBe(
      'Owner on rg, PIM-eligible: activated by ops with their own credentials and MFA',
    );
    expect(depths('  - {principal: ops, role: Owner, scope: rg, eligible: true}').vault).toBe(0);
  });
});

describe('Entra directory roles', () => {
  it('Helpdesk Administrator acts as every non-administrator (ann and bob), not as another administrator', () => {
    const text = model('  - {principal: ops, role: Helpdesk Administrator, scope: acme-dir}\n  - {principal: bob, role: Intune Administrator, scope: acme-dir}');
    const { graph } = buildModelText(text);
    // bob holds a directory role: an administrator, out of a Helpdesk Administrator's reach.
    expect(edgeStrings(graph, 'directory-credential-reset')).toEqual([
      'acme-dir/can:resetNonAdmins -> ann [directory-credential-reset]',
      'ops -> acme-dir/can:resetNonAdmins [directory-credential-reset]',
    ]);
  });

  it('Privileged Role Administrator controls the tenant, which controls its subscriptions', () => {
    expect(depths('  - {principal: ops, role: Privileged Role Administrator, scope: acme-dir}')).toEqual({ files: 0, 'profiles/ann': 0, 'profiles/bob': 0, vault: 0 });
  });

  it('Intune Administrator runs scripts on every session host of the tenant', () => {
    expect(depths('  - {principal: ops, role: Intune Administrator, scope: acme-dir}')['profiles/bob']).toBe(0);
  });
});

describe('role assignment checks', () => {
  const issues = (assignments: string, extra = '') => {
    const parsed = parseModel(model(assignments, extra), 'm.yaml');
    return parsed.ok ? [] : parsed.issues.map((i) => `${i.location.line}:${i.location.column} ${i.message}`);
  };

  it('rejects an Azure role on a tenant and a directory role on a subscription, naming the scope kind', () => {
    expect(issues('  - {principal: ops, role: Owner, scope: acme-dir}\n  - {principal: ops, role: Global Administrator, scope: acme-sub}')).toEqual([
      '50:42 role assignment of `Owner` to `ops`: `Owner` is assigned on an Azure scope (management group, subscription, resource group, host pool, data store or image pipeline), but `acme-dir` is a tenant',
      '51:57 role assignment of `Global Administrator` to `ops`: `Global Administrator` is assigned on a tenant, but `acme-sub` is an Azure scope (management group, subscription, resource group, host pool, data store or image pipeline)',
    ]);
  });

  it('suggests the role and the scope a typo meant', () => {
    expect(issues('  - {principal: ops, role: Onwer, scope: rgg}')).toEqual([
      // With a suggestion the 26 role names are counted, not listed: the list buried the suggestion.
      '50:28 `role` of `roleAssignments[0]` must be one of 26 values, got `Onwer` (did you mean `Owner`?)',
      '50:42 `roleAssignments[0]` references unknown scope `rgg` (did you mean `rg`?)',
    ]);
  });

  it('lists every role when nothing is close to the name given', () => {
    const [role] = issues('  - {principal: ops, role: Storage Blob Data Reader, scope: rg}');
    expect(role).toMatch(/^50:28 `role` of `roleAssignments\[0\]` must be one of `Owner`, `Contributor`, .*`Domain Admins`, got `Storage Blob Data Reader`$/);
  });
});
