// Resource Graph exports and `terraform show -json` (hand-made inputs in the documented shapes):
// role assignments become users and privileges, and every value is read, not guessed.

import { describe, expect, it } from 'vitest';
import { FIXTURES, importFixture, loadImported } from './support.js';

describe('az graph query output', () => {
  it('maps Desktop Virtualization User, Virtual Machine Administrator Login and Owner onto users', async () => {
    const result = await importFixture([`${FIXTURES}handmade/resource-graph.json`], { orgBy: { kind: 'tag', tag: 'customer' } });
    const model = loadImported(result);
    expect(model.hostPools.map((p) => [p.id, p.type, p.vms])).toEqual([['contoso-pool', 'pooled', 2]]);
    // r1: Desktop Virtualization User (1d18fff3-…) on the desktop group → an assignment of the group.
    expect(model.applicationGroups.map((g) => [g.id, g.hostPool, g.assignments])).toEqual([['contoso-desktop', 'contoso-pool', ['group-22222222']]]);
    // r2: Virtual Machine Administrator Login (1c0163c0-…) on rg-contoso-hosts, the resource group of
    // both session host VMs → a model resource group holding the pool. r3: Owner (8e3af657-…) on the subscription.
    expect(model.resourceGroups.map((g) => [g.id, g.subscription, g.resources])).toEqual([['rg-contoso-hosts', '11111111-1111-1111-1111-111111111111', ['contoso-pool']]]);
    expect(model.roleAssignments.map((a) => [a.principal, a.role, a.scope])).toEqual([
      ['user-33333333', 'Virtual Machine Administrator Login', 'rg-contoso-hosts'],
      ['user-44444444', 'Owner', '11111111-1111-1111-1111-111111111111'],
    ]);
    // The principals are known by object id only (principalType Group / User).
    expect(model.groups.map((g) => [g.id, g.organization])).toEqual([['group-22222222', 'contoso']]);
    // The share `profiles` is FSLogix by name; without SMB roles it holds the profiles of everyone who
    // signs in to the pool: the group's members and the VM administrator.
    expect(model.data.map((d) => [d.id, d.location, d.users, d.access])).toEqual([['stcontoso-profiles', 'fslogixProfile', ['group-22222222-members', 'user-33333333'], 'storageKey']]);
    // tenantId is in every Resource Graph row: one named tenant, no shared-tenant assumption.
    expect(model.tenants.map((t) => t.id)).toEqual(['tenant-aaaaaaaa']);
    // The virtual network row is read as a network (its origin, a line of the export, is in the comment).
    expect((model.networks ?? []).map((n) => n.id)).toContain('vnet1');
    expect(result.assumptions.find((a) => a.subject === 'networks/vnet1')?.origin?.line).toBeGreaterThan(1);
  });
});

describe('terraform show -json', () => {
  it('reads resources of the root and child modules, with real principal ids', async () => {
    const result = await importFixture([`${FIXTURES}handmade/terraform-show.json`]);
    const model = loadImported(result);
    expect(model.hostPools.map((p) => [p.id, p.subscription, p.vms, p.osBuild])).toEqual([['fab-pool', '66666666-6666-6666-6666-666666666666', 1, 'win11-23h2-avd-m365']]);
    expect(model.applicationGroups.map((g) => [g.hostPool, g.assignments])).toEqual([['fab-pool', ['fabrikam-users']]]);
  });
});

describe('a Terraform layout unlike the accelerator (for_each over customers)', () => {
  it('expands for_each, nested for expressions and count, and keeps a cross-customer admin grant in its home organization', async () => {
    const result = await importFixture([`${FIXTURES}handmade/terraform-msp`], { orgBy: { kind: 'tag', tag: 'customer' } });
    const model = loadImported(result);
    expect(result.issues).toEqual([]);
    // customers = {contoso: Pooled, 3 hosts; fabrikam: Personal, 2 hosts}; local.hosts flattens
    // them into 5 VMs whose DSC settings (jsonencode) name their customer's pool.
    expect(model.hostPools.map((p) => [p.id, p.type, p.vms, p.osBuild])).toEqual([
      ['hp-contoso', 'pooled', 3, 'win11-23h2-avd-m365'],
      ['hp-fabrikam', 'personal', 1, 'win11-23h2-avd-m365'],
    ]);
    expect(model.organizations.map((o) => o.id)).toEqual(['contoso', 'fabrikam']);
    // Each customer's group is assigned its own desktop; fabrikam's group also holds Virtual Machine
    // Administrator Login on contoso's resource group: fabrikam local admins on contoso's pooled
    // hosts, the pattern the guide warns against, kept in fabrikam.
    expect(model.groups.map((g) => [g.id, g.organization, g.count])).toEqual([
      ['contoso-avd-users', 'contoso', 50],
      ['fabrikam-avd-users', 'fabrikam', 50],
    ]);
    expect(model.applicationGroups.map((g) => [g.hostPool, g.assignments])).toEqual([
      ['hp-contoso', ['contoso-avd-users']],
      ['hp-fabrikam', ['fabrikam-avd-users']],
    ]);
    expect(model.roleAssignments.map((a) => [a.principal, a.role, a.scope])).toEqual([['fabrikam-avd-users', 'Virtual Machine Administrator Login', 'rg-avd-contoso']]);
    expect(model.resourceGroups.map((g) => [g.id, g.resources])).toEqual([['rg-avd-contoso', ['hp-contoso']]]);
  });
});
