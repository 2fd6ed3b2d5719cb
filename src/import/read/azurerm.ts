// Terraform resources (azurerm, azuread, Azure Verified Modules) translated into the ARM shape of the
// inventory: the same host pool reads the same whether it came from Terraform, a template or Azure.
// Shared by the HCL reader and the `terraform show -json` reader.

import { armId } from '../arm-id.js';
import { ARM, type InventoryResource } from '../inventory.js';
import { UNKNOWN_SUBSCRIPTION } from '../map/organizations.js';
import { firstBlock, known, nameOf, resource, scopeOf, str, type Computed, type TerraformInstance, type Translator } from './azurerm-common.js';
import { linkNetworkAssociations, NETWORK_TRANSLATORS } from './azurerm-network.js';
import { isObject, isUnknown, type HclValue } from './hcl/value.js';

export type { Computed, TerraformInstance } from './azurerm-common.js';

export const DVU = 'Desktop Virtualization User';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AVD_APP_ID = '9cdead84-a844-4324-93f2-b2e6bb768d07';

/** Role assignments an AVM module makes on its own resource from its `role_assignments` input. */
function avmRoleAssignments(inst: TerraformInstance, scope: string): InventoryResource[] {
  const input = inst.get('role_assignments');
  if (!isObject(input)) return [];
  return Object.entries(input).flatMap(([key, value]) => {
    if (!isObject(value)) return [];
    const role = str(value['role_definition_id_or_name'] ?? null);
    const principal = str(value['principal_id'] ?? null);
    if (role === null || principal === null) return [];
    return [resource(inst, ARM.roleAssignment, `${scope}/providers/Microsoft.Authorization/roleAssignments/${key}`, key, { scope, roleDefinitionName: role, principalId: principal, principalType: str(value['principal_type'] ?? null) }, inst.subscription)];
  });
}

function hostPool(inst: TerraformInstance, unresolved: string[], attrs: { name: string; rg: string; type: string; assignment: string; rdp: string; max: string }): { resources: InventoryResource[]; computed: Computed } {
  const name = nameOf(inst, attrs.name, unresolved);
  const { sub, rg } = scopeOf(inst, attrs.rg, unresolved);
  const id = armId(sub, rg, 'Microsoft.DesktopVirtualization/hostPools', [name]);
  const r = resource(inst, ARM.hostPool, id, name, { hostPoolType: known(inst.get(attrs.type)), personalDesktopAssignmentType: known(inst.get(attrs.assignment)), customRdpProperty: known(inst.get(attrs.rdp)), customRdpPropertyUnknown: isUnknown(inst.get(attrs.rdp)) || undefined, maxSessionLimit: known(inst.get(attrs.max)) }, sub);
  return { resources: [r, ...avmRoleAssignments(inst, id)], computed: { id, name, resource_id: id, resource: { id, name } } };
}

function applicationGroup(inst: TerraformInstance, unresolved: string[], attrs: { name: string; rg: string; type: string; pool: string }): { resources: InventoryResource[]; computed: Computed } {
  const name = nameOf(inst, attrs.name, unresolved);
  const { sub, rg } = scopeOf(inst, attrs.rg, unresolved);
  const id = armId(sub, rg, 'Microsoft.DesktopVirtualization/applicationGroups', [name]);
  const type = str(inst.get(attrs.type));
  const r = resource(inst, ARM.applicationGroup, id, name, { applicationGroupType: type === null ? undefined : /remote/i.test(type) ? 'RemoteApp' : 'Desktop', hostPoolArmPath: str(inst.get(attrs.pool)) ?? undefined }, sub);
  return { resources: [r, ...avmRoleAssignments(inst, id)], computed: { id, name, resource_id: id, resource: { id, name } } };
}

function virtualMachine(inst: TerraformInstance, unresolved: string[]) {
  const name = nameOf(inst, 'name', unresolved);
  const { sub, rg } = scopeOf(inst, 'resource_group_name', unresolved);
  const id = armId(sub, rg, 'Microsoft.Compute/virtualMachines', [name]);
  const image = firstBlock(inst.get('source_image_reference')) ?? firstBlock(inst.get('storage_image_reference'));
  const imageId = str(inst.get('source_image_id'));
  const imageReference = image !== null ? { publisher: known(image['publisher'] ?? null), offer: known(image['offer'] ?? null), sku: known(image['sku'] ?? null) } : imageId !== null ? { id: imageId } : undefined;
  const nics = inst.get('network_interface_ids');
  const networkProfile = Array.isArray(nics) ? { networkInterfaces: nics.map(str).filter((n): n is string => n !== null).map((nic) => ({ id: nic })) } : undefined;
  return { resources: [resource(inst, ARM.virtualMachine, id, name, { storageProfile: { imageReference }, networkProfile }, sub)], computed: { id, name } };
}

function jsonSettings(v: HclValue): unknown {
  if (isObject(v)) return v;
  if (typeof v !== 'string') return undefined;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return undefined;
  }
}

const TRANSLATORS: Readonly<Record<string, Translator>> = {
  ...NETWORK_TRANSLATORS,
  azurerm_virtual_desktop_host_pool: (inst, u) => hostPool(inst, u, { name: 'name', rg: 'resource_group_name', type: 'type', assignment: 'personal_desktop_assignment_type', rdp: 'custom_rdp_properties', max: 'maximum_sessions_allowed' }),
  'module:avm-res-desktopvirtualization-hostpool': (inst, u) =>
    hostPool(inst, u, { name: 'virtual_desktop_host_pool_name', rg: 'virtual_desktop_host_pool_resource_group_name', type: 'virtual_desktop_host_pool_type', assignment: 'virtual_desktop_host_pool_personal_desktop_assignment_type', rdp: 'virtual_desktop_host_pool_custom_rdp_properties', max: 'virtual_desktop_host_pool_maximum_sessions_allowed' }),
  azurerm_virtual_desktop_application_group: (inst, u) => applicationGroup(inst, u, { name: 'name', rg: 'resource_group_name', type: 'type', pool: 'host_pool_id' }),
  'module:avm-res-desktopvirtualization-applicationgroup': (inst, u) => {
    const out = applicationGroup(inst, u, { name: 'virtual_desktop_application_group_name', rg: 'virtual_desktop_application_group_resource_group_name', type: 'virtual_desktop_application_group_type', pool: 'virtual_desktop_application_group_host_pool_id' });
    // The module looks the group up by display name and assigns it Desktop Virtualization User itself.
    const rawGroup = inst.get('user_group_name');
    const group = str(rawGroup) ?? (isUnknown(rawGroup) ? rawGroup.placeholder : null);
    const id = out.computed['id'] as string;
    if (group !== null) {
      out.resources.push(resource(inst, ARM.group, `group:${group}`, group, {}, inst.subscription));
      out.resources.push(resource(inst, ARM.roleAssignment, `${id}/providers/Microsoft.Authorization/roleAssignments/module-user-group`, `${inst.address}.user_group_name`, { scope: id, roleDefinitionName: DVU, principalId: `group:${group}`, principalType: 'Group' }, inst.subscription));
    } else if (!isUnknown(inst.get('user_group_name')) || inst.get('user_group_name') !== null) {
      if (isUnknown(inst.get('user_group_name'))) u.push(`${inst.address}.user_group_name`);
    }
    return out;
  },
  azurerm_virtual_desktop_application: (inst, u) => {
    const name = nameOf(inst, 'name', u);
    const group = str(inst.get('application_group_id')) ?? 'unknown-application-group';
    const id = `${group}/applications/${name}`;
    return { resources: [resource(inst, ARM.application, id, name, { filePath: known(inst.get('path')) }, inst.subscription)], computed: { id, name } };
  },
  azurerm_windows_virtual_machine: virtualMachine,
  azurerm_linux_virtual_machine: virtualMachine,
  azurerm_virtual_machine: virtualMachine,
  azurerm_virtual_machine_extension: (inst, u) => {
    const name = nameOf(inst, 'name', u);
    const vm = str(inst.get('virtual_machine_id')) ?? 'unknown-vm';
    const id = `${vm}/extensions/${name}`;
    return { resources: [resource(inst, ARM.vmExtension, id, name, { publisher: known(inst.get('publisher')), type: known(inst.get('type')), settings: jsonSettings(inst.get('settings')), protectedSettings: jsonSettings(inst.get('protected_settings')) }, inst.subscription)], computed: { id, name } };
  },
  azurerm_role_assignment: (inst, u) => {
    const scope = str(inst.get('scope'));
    const role = str(inst.get('role_definition_name')) ?? str(inst.get('role_definition_id'));
    const principal = str(inst.get('principal_id'));
    for (const [attr, v] of [['scope', scope], ['role_definition_id', role], ['principal_id', principal]] as const) if (v === null) u.push(`${inst.address}.${attr}`);
    const id = `${scope ?? 'unknown-scope'}/providers/Microsoft.Authorization/roleAssignments/${inst.address}`;
    if (scope === null || role === null || principal === null) return { resources: [], computed: { id } };
    return { resources: [resource(inst, ARM.roleAssignment, id, inst.address, { scope, roleDefinitionName: role, principalId: principal, principalType: str(inst.get('principal_type')) ?? undefined }, inst.subscription)], computed: { id } };
  },
  azurerm_storage_account: (inst, u) => {
    const name = nameOf(inst, 'name', u);
    const { sub, rg } = scopeOf(inst, 'resource_group_name', u);
    const id = armId(sub, rg, 'Microsoft.Storage/storageAccounts', [name]);
    const auth = firstBlock(inst.get('azure_files_authentication'));
    const directory = auth === null ? 'None' : (str(auth['directory_type'] ?? null) ?? 'AD');
    return { resources: [resource(inst, ARM.storageAccount, id, name, { kind: known(inst.get('account_kind')), azureFilesIdentityBasedAuthentication: { directoryServiceOptions: directory } }, sub)], computed: { id, name } };
  },
  'module:avm-res-storage-storageaccount': (inst, u) => {
    const name = nameOf(inst, 'name', u);
    const { sub, rg } = scopeOf(inst, 'resource_group_name', u);
    const id = armId(sub, rg, 'Microsoft.Storage/storageAccounts', [name]);
    const auth = firstBlock(inst.get('azure_files_authentication'));
    const out: InventoryResource[] = [resource(inst, ARM.storageAccount, id, name, { azureFilesIdentityBasedAuthentication: { directoryServiceOptions: auth === null ? 'None' : (str(auth['directory_type'] ?? null) ?? 'AD') } }, sub), ...avmRoleAssignments(inst, id)];
    const shares = inst.get('shares');
    if (isObject(shares)) for (const [key, share] of Object.entries(shares)) {
      const shareName = isObject(share) ? (str(share['name'] ?? null) ?? key) : key;
      out.push(resource(inst, ARM.fileShare, `${id}/fileServices/default/shares/${shareName}`, shareName, {}, sub));
    }
    return { resources: out, computed: { id, name, resource_id: id, resource: { id, name } } };
  },
  azurerm_storage_share: (inst, u) => {
    const name = nameOf(inst, 'name', u);
    const accountId = str(inst.get('storage_account_id'));
    const accountName = str(inst.get('storage_account_name'));
    // Without the account id, the share is tied to its account by name after translation (see linkShares).
    const parent = accountId ?? `account-name:${accountName ?? 'unknown'}`;
    const id = `${parent}/fileServices/default/shares/${name}`;
    return { resources: [resource(inst, ARM.fileShare, id, name, {}, inst.subscription)], computed: { id, name } };
  },
  azurerm_resource_group: (inst, u) => {
    const name = nameOf(inst, 'name', u);
    return { resources: [], computed: { id: `/subscriptions/${inst.subscription ?? UNKNOWN_SUBSCRIPTION}/resourceGroups/${name}`, name } };
  },
  'data:azurerm_resource_group': (inst, u) => {
    const name = nameOf(inst, 'name', u);
    return { resources: [], computed: { id: `/subscriptions/${inst.subscription ?? UNKNOWN_SUBSCRIPTION}/resourceGroups/${name}`, name } };
  },
  'data:azurerm_subscription': (inst) => {
    const sub = str(inst.get('subscription_id')) ?? inst.subscription ?? UNKNOWN_SUBSCRIPTION;
    return { resources: [], computed: { id: `/subscriptions/${sub}`, subscription_id: sub } };
  },
  'data:azurerm_client_config': (inst) => {
    const r = resource(inst, ARM.servicePrincipal, 'terraform-deployer', 'terraform-deployer', {}, inst.subscription);
    return { resources: [r], computed: { object_id: 'terraform-deployer', client_id: 'terraform-deployer' } };
  },
  'data:azurerm_role_definition': (inst, u) => {
    const name = str(inst.get('name')) ?? str(inst.get('role_definition_id'));
    if (name === null) u.push(`${inst.address}.name`);
    const id = name ?? 'unknown-role';
    return { resources: [], computed: { id, role_definition_id: id, name: id } };
  },
  'data:azuread_group': (inst, u) => {
    const raw = inst.get('display_name');
    const name = str(raw) ?? str(inst.get('object_id')) ?? (isUnknown(raw) ? raw.placeholder : null);
    if (name === null) u.push(`${inst.address}.display_name`);
    const display = name ?? inst.address;
    // A state or plan knows the object id role assignments name; a configuration only the display name.
    const objectId = str(inst.get('object_id'));
    const id = objectId !== null && GUID.test(objectId) ? objectId : `group:${display}`;
    return { resources: [resource(inst, ARM.group, id, display, {}, inst.subscription)], computed: { id, object_id: id, display_name: display } };
  },
  azuread_group: (inst, u) => {
    const display = nameOf(inst, 'display_name', u);
    const id = `group:${display}`;
    const members = inst.get('members');
    return { resources: [resource(inst, ARM.group, id, display, Array.isArray(members) ? { memberCount: members.length } : {}, inst.subscription)], computed: { id, object_id: id, display_name: display } };
  },
  'data:azuread_user': (inst, u) => {
    const name = str(inst.get('user_principal_name')) ?? str(inst.get('mail')) ?? str(inst.get('object_id'));
    if (name === null) u.push(`${inst.address}.user_principal_name`);
    const display = name ?? inst.address;
    return { resources: [resource(inst, ARM.user, `user:${display}`, display, {}, inst.subscription)], computed: { id: `user:${display}`, object_id: `user:${display}` } };
  },
  'data:azuread_service_principal': (inst) => {
    const client = str(inst.get('client_id')) ?? str(inst.get('application_id'));
    const display = str(inst.get('display_name')) ?? (client === AVD_APP_ID ? 'Azure Virtual Desktop' : (client ?? inst.address));
    const id = `sp:${client ?? display}`;
    return { resources: [resource(inst, ARM.servicePrincipal, id, display, {}, inst.subscription)], computed: { id, object_id: id } };
  },
};

/** The translator key of a resource (`azurerm_…`), data source (`data:…`) or module call (`module:avm-res-…`). */
export function translatorKey(kind: 'resource' | 'data' | 'module', type: string, source?: string): string {
  if (kind === 'resource') return type;
  if (kind === 'data') return `data:${type}`;
  const avm = /avm-res-[a-z0-9-]+/i.exec(source ?? '')?.[0]?.toLowerCase();
  return `module:${avm ?? source ?? ''}`;
}

export function translatorFor(key: string): Translator | undefined {
  return TRANSLATORS[key];
}

/** What every Terraform reader does after translating: shares tied to their accounts, NSG associations folded in. */
export function finishTranslation(resources: InventoryResource[]): InventoryResource[] {
  return linkNetworkAssociations(linkShares(resources));
}

/** Resolves `account-name:` share parents to the account with that name. */
function linkShares(resources: InventoryResource[]): InventoryResource[] {
  const accounts = new Map(resources.filter((r) => r.type === ARM.storageAccount).map((r) => [r.name.toLowerCase(), r.id]));
  return resources.map((r) => {
    const match = /^account-name:([^/]*)(\/.*)$/.exec(r.id);
    if (r.type !== ARM.fileShare || match === null) return r;
    const account = accounts.get((match[1] as string).toLowerCase());
    return account === undefined ? r : { ...r, id: `${account}${match[2] as string}` };
  });
}
