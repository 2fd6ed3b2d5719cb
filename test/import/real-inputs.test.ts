// The acceptance fixtures (public Microsoft files, copied in test/fixtures/import with their
// licence): each imports into a model that validates, and the facts below were checked by hand
// against the files.

import { describe, expect, it } from 'vitest';
import { FIXTURES, comments, importFixture, loadImported } from './support.js';

const AAD = `${FIXTURES}terraform/avdaccelerator-AADscenario`;
const ADDS = `${FIXTURES}terraform/avdaccelerator-ADDSscenario`;

describe('Terraform: avdaccelerator ADDS scenario with its terraform.tfvars.sample', () => {
  it('imports one pooled pool of rdsh_count hosts, AD DS-joined, assigned to the Entra group, with FSLogix storage', async () => {
    const result = await importFixture([ADDS]);
    const model = loadImported(result);
    expect(result.issues).toEqual([]);
    // main.tf: name = "${var.hostpool}-${var.prefix}-${var.environment}", type "Pooled";
    // the sample sets hostpool = "vdpool", prefix = "poc1", environment = "prod".
    expect(model.hostPools.map((p) => [p.id, p.type])).toEqual([['vdpool-poc1-prod', 'pooled']]);
    // host.tf: azurerm_windows_virtual_machine.avd_vm has count = var.rdsh_count, and each VM's
    // DSC extension names the pool in HostPoolName; the sample sets rdsh_count = 2.
    expect(model.hostPools[0]?.vms).toBe(2);
    // The sample's marketplace image: sku = "win10-22h2-avd-g2".
    expect(model.hostPools[0]?.osBuild).toBe('win10-22h2-avd-g2');
    // host.tf: each VM has a JsonADDomainExtension (domain join), no AADLoginForWindows.
    expect(comments(result.yaml).some((c) => c.includes('AD DS-joined (extension poc1-1-domainJoin (JsonADDomainExtension))'))).toBe(true);
    // host.tf: the domain join extension's settings name var.domain_name = "contoso.net" (the sample).
    expect(model.domains.map((d) => [d.id, d.hostPools])).toEqual([['contoso.net', ['vdpool-poc1-prod']]]);
    // main.tf: azurerm_role_assignment.this gives data.azuread_group.existing (display_name =
    // var.user_group_name = "avdusersgrp") Desktop Virtualization User on the application group
    // of the pool: an Entra group assigned the application group, not a user with a count.
    expect(model.applicationGroups.map((g) => [g.id, g.hostPool, g.type, g.assignments])).toEqual([['vdag-poc1-prod-01', 'vdpool-poc1-prod', 'desktop', ['avdusersgrp']]]);
    // Its members are not in the files: --group-size (50) unlisted members, one users entry the group
    // lists so that the FSLogix share (a store lists users) can hold their profiles.
    expect(model.groups.map((g) => [g.id, g.members, g.count])).toEqual([['avdusersgrp', ['avdusersgrp-members'], 0]]);
    expect(model.users.find((u) => u.id === 'avdusersgrp-members')).toMatchObject({ count: 50, privilege: 'standard', hostPool: null });
    // afstorage.tf: share "fslogix" of azurerm_storage_account.azfile, without azure_files_authentication:
    // the hosts mount it with the account key.
    expect(model.data.map((d) => [d.id, d.location, d.users, d.access])).toEqual([['azfile-fslogix', 'fslogixProfile', ['avdusersgrp-members'], 'storageKey']]);
    // The account is a storageAccounts entry listing its share: its key opens every share of it.
    expect((model.storageAccounts ?? []).map((a) => [a.id, a.subscription, a.shares])).toEqual([['azfile', 'default-subscription', ['azfile-fslogix']]]);
    // afstorage.tf: the group holds SMB Share Contributor and Elevated Contributor on the account (so on
    // its one share), and the deployer (data.azurerm_client_config, a service principal) Storage
    // Account Contributor: three role assignments, scoped to the share.
    expect(model.roleAssignments.map((a) => [a.principal, a.role, a.scope])).toEqual([
      ['avdusersgrp', 'Storage File Data SMB Share Elevated Contributor', 'azfile-fslogix'],
      ['avdusersgrp', 'Storage File Data SMB Share Contributor', 'azfile-fslogix'],
      ['terraform-deployer', 'Storage Account Contributor', 'azfile-fslogix'],
    ]);
    expect(model.users.find((u) => u.id === 'terraform-deployer')).toMatchObject({ device: false });
    // data.tf: data.azurerm_virtual_network.vnet (and .remote, the hub), data.azurerm_subnet.subnet and
    // .pesubnet, named from var.vnet/var.snet/var.pesnet, "eastus" and the prefix "poc1". host.tf: each
    // NIC's ip_configuration uses data.azurerm_subnet.subnet.id: the pool sits in that subnet.
    expect((model.networks ?? []).map((n) => n.id)).toEqual(['hub-eastus', 'vnet-avd-eastu-poc1-001']);
    expect((model.subnets ?? []).map((s) => [s.id, s.network, s.hostPools, s.inbound])).toEqual([
      ['pesnet-avd-eastu-poc1-001', 'vnet-avd-eastu-poc1-001', [], null],
      ['snet-avd-eastu-poc1-001', 'vnet-avd-eastu-poc1-001', ['vdpool-poc1-prod'], null],
    ]);
    // The subnets are data sources (made by the unread local module `network`): their NSG is unknown,
    // so it allows everything; no NIC has a public_ip_address_id, so nothing comes from the internet.
    expect(result.assumptions.some((a) => a.subject === 'subnets/snet-avd-eastu-poc1-001' && a.fact !== true && a.message.includes('allow everything'))).toBe(true);
    expect(comments(result.yaml)).toContain('# from input: no TCP 3389 from the internet: no public IP address on network interface `poc1-1-nic`; no public IP address on network interface `poc1-2-nic`');
  });
});

describe('Terraform: avdaccelerator AAD scenario with its terraform.tfvars.sample', () => {
  it('imports one pooled pool of 2 Entra-joined hosts and says which values the sample leaves unset', async () => {
    const result = await importFixture([AAD]);
    const model = loadImported(result);
    expect(result.issues).toEqual([]);
    // The AAD sample sets no `environment` and calls the group variable `aad_group_name` while
    // variables.tf declares `user_group_name`: both stay unknown, named by stand-ins, and listed.
    expect(model.hostPools.map((p) => [p.id, p.type, p.vms])).toEqual([['vdmpool-poc1--var.environment--eastus', 'pooled', 2]]);
    const messages = result.assumptions.map((a) => a.message);
    expect(messages).toContain('variable `environment` has no value (no default, not in a .tfvars file or -var)');
    expect(messages).toContain('variable `user_group_name` has no value (no default, not in a .tfvars file or -var)');
    expect(messages.some((m) => m.includes('sets `aad_group_name`, which no variable block declares'))).toBe(true);
    // host.tf: AADLoginForWindows extension on every VM.
    expect(comments(result.yaml).some((c) => c.includes('Entra ID-joined (extension poc1-1-aadJoin (AADLoginForWindows))'))).toBe(true);
    // rbac.tf and main.tf look the group up twice (adds_group, existing), both by var.user_group_name:
    // one group, assigned the application group (main.tf) and the FSLogix share (afstorage.tf).
    expect(model.groups.map((g) => g.id)).toEqual(['var.user_group_name']);
    expect(model.applicationGroups.map((g) => g.assignments)).toEqual([['var.user_group_name']]);
    // afstorage.tf: azure_files_authentication { directory_type = "AADKERB" }: identity-based access.
    expect(model.data.map((d) => [d.location, d.users, d.access])).toEqual([['fslogixProfile', ['var.user_group_name-members'], 'identity']]);
    // rbac.tf: Virtual Machine User Login on azurerm_resource_group.shrg, the resource group of the
    // session host VMs (host.tf), so a model resource group holding the pool; SMB Share Contributor on
    // the storage account (afstorage.tf). rbac.tf's Desktop Virtualization User on the host pool object
    // holds no application group: listed, not imported.
    expect(model.resourceGroups.map((g) => [g.id, g.resources])).toEqual([['rg-avd-poc1--var.environment--eastus-pool-compute', ['vdmpool-poc1--var.environment--eastus']]]);
    expect(model.roleAssignments.map((a) => [a.principal, a.role, a.scope])).toEqual([
      ['var.user_group_name', 'Storage File Data SMB Share Contributor', 'storage-fslogix'],
      ['var.user_group_name', 'Virtual Machine User Login', 'rg-avd-poc1--var.environment--eastus-pool-compute'],
    ]);
    expect(messages.some((m) => m.includes('Desktop Virtualization User on hostpools') && m.includes('holds no application group'))).toBe(true);
    // Entra-joined: no AD DS domain.
    expect(model.domains).toEqual([]);
  });

  it('takes -var values over the sample', async () => {
    const result = await importFixture([AAD], { vars: { environment: 'prod', user_group_name: 'avd-users' } });
    const model = loadImported(result);
    expect(model.hostPools.map((p) => p.id)).toEqual(['vdmpool-poc1-prod-eastus']);
    expect(model.groups.map((g) => g.id)).toEqual(['avd-users']);
  });
});

describe('ARM template: the AVD quickstart', () => {
  it('imports a personal pool with Direct assignment and one Entra-joined VM', async () => {
    const result = await importFixture([`${FIXTURES}arm/quickstart-azure-virtual-desktop.json`]);
    const model = loadImported(result);
    // hostPoolProperties' default: hostPoolType "Personal", personalDesktopAssignmentType "Direct".
    expect(model.hostPools.map((p) => [p.id, p.type])).toEqual([['hostPoolName', 'personal']]);
    expect(comments(result.yaml)).toContain('# from input: personal desktops, Direct assignment; 1 session host in the input (' + `${FIXTURES}arm/quickstart-azure-virtual-desktop.json:173)`);
    // The parameters without defaults are listed, and reference() (the registration token) is unsupported.
    const messages = result.assumptions.map((a) => a.message);
    expect(messages).toContain('template parameter `hostPoolName` has no value (no default, no parameters file)');
    expect(messages.some((m) => m.includes('template function reference() is not supported'))).toBe(true);
    // The VM's NIC (resourceId('Microsoft.Network/networkInterfaces', …)) is in the template, without
    // a public IP address: no direct RDP. Its subnet id is if(newVirtualNetwork, resourceId(…subnets…),
    // …): with the condition unknown, the first branch, the template's own subnet (assumed deployed, as
    // its `condition` is), in the template's virtual network; no NSG: Azure's default inbound.
    expect((model.subnets ?? []).map((s) => [s.id, s.network, s.hostPools, s.inbound])).toEqual([['subnetName', 'virtualNetworkName', ['hostPoolName'], null]]);
  });
});

describe('ARM REST examples', () => {
  it('import as one pooled pool with its RemoteApp groups and session hosts pinned to their assigned users', async () => {
    const result = await importFixture([`${FIXTURES}rest`]);
    const model = loadImported(result);
    expect(result.issues).toEqual([]);
    // HostPool_Get: hostPool1, Pooled; SessionHost_List: two hosts of hostPool1.
    expect(model.hostPools.map((p) => [p.id, p.type, p.vms])).toEqual([['hostPool1', 'pooled', 2]]);
    // ApplicationGroup_ListBySubscription: two RemoteApp groups of hostPool1, assigned to nobody in the
    // examples; their applications are not listed, so each publishes one stand-in app.
    expect(model.applicationGroups.map((g) => [g.id, g.hostPool, g.type, g.apps, g.assignments])).toEqual([
      ['applicationGroup1', 'hostPool1', 'remoteApp', ['applicationGroup1-apps'], []],
      ['applicationGroup2', 'hostPool1', 'remoteApp', ['applicationGroup2-apps'], []],
    ]);
    expect(model.hostPools[0]?.apps).toEqual(['applicationGroup1-apps', 'applicationGroup2-apps']);
    // HostPool_Get: the DomainJoinedCheck health check succeeded: AD DS-joined, domain not named.
    expect(model.domains.map((d) => [d.id, d.hostPools])).toEqual([['ad-ds-domain', ['hostPool1']]]);
    // sessionHost1 → user1@microsoft.com, sessionHost2 → user2@microsoft.com (sorted by name).
    expect(model.users.map((u) => [u.id, u.hostPool, u.vm])).toEqual([
      ['user1-microsoft.com', 'hostPool1', 1],
      ['user2-microsoft.com', 'hostPool1', 2],
    ]);
    // The examples hold no VM or network interface: a stand-in subnet open to any port, from the internet
    // too (the worst case).
    expect((model.subnets ?? []).map((n) => [n.id, n.hostPools, n.inbound])).toEqual([['hostPool1-hosts', ['hostPool1'], [{ from: ['hostPool1-hosts', 'internet'], ports: null }]]]);
    // Subscription daefabc0-…: one organization per subscription by default.
    expect(model.subscriptions.map((s) => [s.id, s.organizations])).toEqual([['daefabc0-95b4-48b3-b645-8a753a63c4fa', ['org-daefabc0']]]);
  });

  it('maps organizations by resource group or tag when asked', async () => {
    const byGroup = loadImported(await importFixture([`${FIXTURES}rest`], { orgBy: { kind: 'resource-group' } }));
    expect(byGroup.organizations.map((o) => o.id)).toEqual(['resourceGroup1']);
    const byTag = loadImported(await importFixture([`${FIXTURES}rest`], { orgBy: { kind: 'tag', tag: 'key1' } }));
    // The pool and app groups carry key1=value1; session hosts carry no tags but take their pool's org.
    expect(byTag.organizations.map((o) => o.id)).toEqual(['value1']);
  });

  it('writes the same bytes twice', async () => {
    const a = await importFixture([`${FIXTURES}rest`]);
    const b = await importFixture([`${FIXTURES}rest`]);
    expect(a.yaml).toBe(b.yaml);
  });
});
