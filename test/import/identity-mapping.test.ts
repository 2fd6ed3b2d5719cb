// Role assignments onto the identity vocabulary (hand-made Resource Graph rows in
// test/fixtures/import/handmade/role-assignments.json, each row's expectation reasoned below), and the
// built-in role table the importer resolves role definition ids with.

import { describe, expect, it } from 'vitest';
import { ROLE_NAMES } from '../../src/domain/roles.js';
import { BUILT_IN_ROLE_IDS, resolveRole, UNKNOWN_ROLE_AS } from '../../src/import/roles.js';
import { FIXTURES, importFixture, loadImported } from './support.js';

describe('role assignments → applicationGroups, roleAssignments and scopes', () => {
  it('maps each row of role-assignments.json as reasoned', async () => {
    const result = await importFixture([`${FIXTURES}handmade/role-assignments.json`]);
    const model = loadImported(result);
    const messages = result.assumptions.map((a) => a.message);
    // a1: Desktop Virtualization User on rg-contoso, above the RemoteApp group contoso-apps: the group is assigned.
    expect(model.applicationGroups.map((g) => [g.id, g.type, g.apps, g.assignments])).toEqual([['contoso-apps', 'remoteApp', ['erp', 'edge'], ['group-55555555']]]);
    // The group's applications are listed (erp.exe, msedge.exe): published as apps, Edge a browser.
    expect(model.apps.map((a) => [a.id, a.browser])).toEqual([['erp', false], ['edge', true]]);
    expect(model.roleAssignments.map((a) => [a.principal, a.role, a.scope, a.delegation])).toEqual([
      // a2: a role definition id in no built-in table → Owner, the worst case, stated.
      ['user-66666666', 'Owner', 'rg-contoso-hosts', null],
      // a4: Storage File Data Privileged Contributor on the share → Elevated Contributor (it overrides NTFS ACLs).
      ['user-88888888', 'Storage File Data SMB Share Elevated Contributor', 'stcontoso-profiles', null],
      // a5: Virtual Machine Contributor on the VM vm-a → its host pool (widened, stated).
      ['user-66666666', 'Virtual Machine Contributor', 'contoso-pool', null],
      // a6: User Access Administrator on management group mg-root (row of tenant aaaaaaaa-…).
      ['group-99999999', 'User Access Administrator', 'mg-root', null],
      // a7: SMB Share Contributor on the account → on its one share.
      ['group-55555555', 'Storage File Data SMB Share Contributor', 'stcontoso-profiles', null],
    ]);
    expect(messages.some((m) => m.includes('modelled as `Owner`: a role the importer does not know'))).toBe(true);
    expect(messages.some((m) => m.includes('widened to its host pool `contoso-pool`'))).toBe(true);
    // a3: Reader grants nothing the model has: said (from input), not imported.
    expect(result.assumptions.some((a) => a.fact === true && a.message.includes('Reader on subscription') && a.message.includes('grants nothing indepth models'))).toBe(true);
    // The hosts' resource group holds the pool (its VM is there); the management group every subscription of its tenant.
    expect(model.resourceGroups.map((g) => [g.id, g.resources])).toEqual([['rg-contoso-hosts', ['contoso-pool']]]);
    expect(model.managementGroups.map((m) => [m.id, m.tenant, m.subscriptions])).toEqual([['mg-root', 'tenant-aaaaaaaa', ['11111111-1111-1111-1111-111111111111']]]);
    // Entra groups are groups: the users' group lists its 50 unknown members as one users entry
    // (the profile share holds them); the management group admins keep a `count`.
    expect(model.groups.map((g) => [g.id, g.members, g.count])).toEqual([
      ['group-55555555', ['group-55555555-members'], 0],
      ['group-99999999', [], 50],
    ]);
    // AADKERB: identity-based access; the holders of SMB share roles own the profiles.
    expect(model.data.map((d) => [d.id, d.access, d.users])).toEqual([['stcontoso-profiles', 'identity', ['user-88888888', 'group-55555555-members']]]);
  });
});

describe('built-in role table (Microsoft Learn, "Azure built-in roles")', () => {
  it('resolves names and ids alike, and every modelled role is one the model knows', () => {
    for (const [id, name] of BUILT_IN_ROLE_IDS) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      const byId = resolveRole(`/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/${id.toUpperCase()}`);
      expect(byId).toEqual(resolveRole(name));
      expect(byId.known).toBe(true);
      if (byId.mapping.kind === 'model') expect(ROLE_NAMES).toContain(byId.mapping.role);
    }
    // Ids are unique per name (a copy-paste slip would map two names to one id).
    expect(new Set(BUILT_IN_ROLE_IDS.values()).size).toBe(BUILT_IN_ROLE_IDS.size);
  });

  it('models an unknown role as Owner and says why', () => {
    const role = resolveRole('Contoso Custom Operator');
    expect(role.known).toBe(false);
    expect(role.mapping).toEqual({ kind: 'model', role: UNKNOWN_ROLE_AS });
    expect(UNKNOWN_ROLE_AS).toBe('Owner');
    expect(role.note).toContain('worst case');
  });
});
