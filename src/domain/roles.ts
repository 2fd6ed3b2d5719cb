// The built-in roles indepth understands, as data: Azure RBAC roles (assigned at a management group,
// subscription, resource group or resource), Microsoft Entra directory roles (assigned on a tenant)
// and the AD DS Domain Admins group (on a domain). Each role lists the effects it grants; the rule
// of each effect (src/rules/role-*.ts, directory-*.ts, domain-*.ts) derives the edges, citing the
// Microsoft Learn permission that justifies it. Rules read this table; they never switch on a name.

import type { ManagementType } from './management.js';

/** Where a role is assigned: an Azure resource scope, an Entra ID tenant, or an AD DS domain. */
export type RolePlane = 'azure' | 'entra' | 'adds';

export const ROLE_EFFECTS = [
  /** Full control of the scope and everything in it (Owner, Contributor, User Access Administrator). */
  'scopeControl',
  /** Run Command on every VM in scope: code as SYSTEM, the VM's kernel. */
  'vmRunCommand',
  /** Sign in as a local administrator to Entra-joined VMs in scope. */
  'vmAdminLogin',
  /** Sign in as a standard user to Entra-joined VMs in scope. */
  'vmUserLogin',
  /** Retrieve a host pool's registration token: register a rogue session host that receives the pool's users. */
  'hostPoolRegistration',
  /** List a storage account's keys: full access to every file share in it. */
  'storageKeys',
  /** SMB data access to file shares (read; read/write/delete; and changing NTFS permissions). */
  'shareRead',
  'shareWrite',
  'shareAdmin',
  /** Read a key vault's secrets; or manage every secret (and its access). */
  'secretsRead',
  'secretsAdmin',
  /** Control of the tenant's directory (Global Administrator, or a role that can make itself one). */
  'tenantControl',
  /** Reset the passwords and authentication methods of the tenant's non-administrators. */
  'resetNonAdmins',
  /** Run scripts and apps on every Intune-managed device and session host of the tenant. */
  'intuneManage',
  /** Local administrator on every Entra-joined device and session host of the tenant. */
  'deviceLocalAdmin',
  /** Full access to Defender for Endpoint: live response (a SYSTEM shell) on every onboarded device. */
  'defenderLiveResponse',
  /** Control of an AD DS domain: every joined host and every account in it. */
  'domainControl',
] as const;

export type RoleEffect = (typeof ROLE_EFFECTS)[number];

/**
 * Effects that act on a scope through a hub node of their own (`scope/can:effect`), labelled here;
 * the others act on the scope's own node (a subscription, a tenant, a domain).
 */
export const EFFECT_HUB_LABELS: Readonly<Partial<Record<RoleEffect, string>>> = {
  vmRunCommand: 'Run Command on every VM in',
  vmAdminLogin: 'administrator sign-in to every Entra-joined VM in',
  vmUserLogin: 'user sign-in to every Entra-joined VM in',
  hostPoolRegistration: 'a rogue session host registered in every host pool in',
  storageKeys: 'storage account keys of every share in',
  shareRead: 'SMB read access to every share in',
  shareWrite: 'SMB read/write access to every share in',
  shareAdmin: 'SMB access and NTFS permissions of every share in',
  secretsRead: 'secrets of every key vault in',
  secretsAdmin: 'management of every key vault secret in',
  resetNonAdmins: 'password and MFA resets of every non-administrator in',
  intuneManage: 'Intune scripts on every managed device and session host of',
  deviceLocalAdmin: 'local administrator on every Entra-joined device and session host of',
  defenderLiveResponse: 'Defender for Endpoint live response on every onboarded device of',
};

/**
 * Directory-role effects that administer a kind of management plane (src/domain/management.ts): the
 * effect's hub at a tenant controls every plane of that type whose `tenant` is that tenant. Azure
 * roles reach an image pipeline through its scope (Owner, Contributor: `scopeControl`), and Domain
 * Admins reach Group Policy through the domain; neither needs an entry here.
 */
export const PLANE_ADMIN_EFFECTS = {
  // Intune Administrator: "full rights within Intune" (permissions reference), scripts and Win32 apps included.
  intuneManage: 'intune',
  // Security Administrator: full access to Defender for Endpoint (basic permissions), live response included.
  defenderLiveResponse: 'defenderLiveResponse',
} as const satisfies Partial<Record<RoleEffect, ManagementType>>;

/** The hub node of an effect at a scope. `:` never occurs in model ids, so it cannot collide. */
export function effectHubId(scope: string, effect: RoleEffect): string {
  return `${scope}/can:${effect}`;
}

export interface RoleDefinition {
  readonly plane: RolePlane;
  readonly effects: readonly RoleEffect[];
  /** The documented actions (or data actions) behind the effects, as the Learn page lists them. */
  readonly permissions: readonly string[];
  /** The Microsoft Learn page that documents the role. */
  readonly page: string;
}

const AZURE_ROLES_PAGE = 'https://learn.microsoft.com/azure/role-based-access-control/built-in-roles';
const ENTRA_ROLES_PAGE = 'https://learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference';

export const ROLES = {
  Owner: {
    plane: 'azure',
    effects: ['scopeControl'],
    permissions: ['*'],
    page: `${AZURE_ROLES_PAGE}/general#owner`,
  },
  Contributor: {
    plane: 'azure',
    effects: ['scopeControl'],
    // NotActions exclude role assignments, but every resource action (Run Command, listKeys, publishing
    // an image version to a Compute Gallery, …) is in `*`.
    permissions: [
      '*',
      'Microsoft.Compute/virtualMachines/runCommand/action',
      'Microsoft.Storage/storageAccounts/listkeys/action',
      'Microsoft.Compute/galleries/images/versions/write',
    ],
    page: `${AZURE_ROLES_PAGE}/general#contributor`,
  },
  'User Access Administrator': {
    plane: 'azure',
    effects: ['scopeControl'],
    // It can assign any role, Owner included, to itself at its scope.
    permissions: ['Microsoft.Authorization/*'],
    page: `${AZURE_ROLES_PAGE}/general#user-access-administrator`,
  },
  'Role Based Access Control Administrator': {
    plane: 'azure',
    effects: ['scopeControl'],
    // Unless a condition constrains it (not modelled: worst case), it can assign itself Owner.
    permissions: ['Microsoft.Authorization/roleAssignments/write'],
    page: `${AZURE_ROLES_PAGE}/privileged#role-based-access-control-administrator`,
  },
  'Virtual Machine Contributor': {
    plane: 'azure',
    effects: ['vmRunCommand'],
    permissions: ['Microsoft.Compute/virtualMachines/*', 'Microsoft.Compute/virtualMachines/runCommand/action'],
    page: `${AZURE_ROLES_PAGE}/compute#virtual-machine-contributor`,
  },
  'Virtual Machine Administrator Login': {
    plane: 'azure',
    effects: ['vmAdminLogin'],
    permissions: ['Microsoft.Compute/virtualMachines/loginAsAdmin/action'],
    page: `${AZURE_ROLES_PAGE}/compute#virtual-machine-administrator-login`,
  },
  'Virtual Machine User Login': {
    plane: 'azure',
    effects: ['vmUserLogin'],
    permissions: ['Microsoft.Compute/virtualMachines/login/action'],
    page: `${AZURE_ROLES_PAGE}/compute#virtual-machine-user-login`,
  },
  'Desktop Virtualization Host Pool Contributor': {
    plane: 'azure',
    effects: ['hostPoolRegistration'],
    permissions: ['Microsoft.DesktopVirtualization/hostpools/*', 'Microsoft.DesktopVirtualization/hostpools/retrieveRegistrationToken/action'],
    page: `${AZURE_ROLES_PAGE}/virtual-desktop-infrastructure#desktop-virtualization-host-pool-contributor`,
  },
  'Storage Account Contributor': {
    plane: 'azure',
    effects: ['storageKeys'],
    permissions: ['Microsoft.Storage/storageAccounts/*', 'Microsoft.Storage/storageAccounts/listkeys/action'],
    page: `${AZURE_ROLES_PAGE}/storage#storage-account-contributor`,
  },
  'Storage File Data SMB Share Reader': {
    plane: 'azure',
    effects: ['shareRead'],
    permissions: ['Microsoft.Storage/storageAccounts/fileServices/fileshares/files/read'],
    page: `${AZURE_ROLES_PAGE}/storage#storage-file-data-smb-share-reader`,
  },
  'Storage File Data SMB Share Contributor': {
    plane: 'azure',
    effects: ['shareWrite'],
    permissions: [
      'Microsoft.Storage/storageAccounts/fileServices/fileshares/files/read',
      'Microsoft.Storage/storageAccounts/fileServices/fileshares/files/write',
      'Microsoft.Storage/storageAccounts/fileServices/fileshares/files/delete',
    ],
    page: `${AZURE_ROLES_PAGE}/storage#storage-file-data-smb-share-contributor`,
  },
  'Storage File Data SMB Share Elevated Contributor': {
    plane: 'azure',
    effects: ['shareAdmin'],
    permissions: ['Microsoft.Storage/storageAccounts/fileServices/fileshares/files/modifypermissions/action'],
    page: `${AZURE_ROLES_PAGE}/storage#storage-file-data-smb-share-elevated-contributor`,
  },
  'Key Vault Secrets User': {
    plane: 'azure',
    effects: ['secretsRead'],
    permissions: ['Microsoft.KeyVault/vaults/secrets/getSecret/action'],
    page: `${AZURE_ROLES_PAGE}/security#key-vault-secrets-user`,
  },
  'Key Vault Secrets Officer': {
    plane: 'azure',
    effects: ['secretsAdmin'],
    permissions: ['Microsoft.KeyVault/vaults/secrets/*'],
    page: `${AZURE_ROLES_PAGE}/security#key-vault-secrets-officer`,
  },
  'Key Vault Administrator': {
    plane: 'azure',
    effects: ['secretsAdmin'],
    permissions: ['Microsoft.KeyVault/vaults/*'],
    page: `${AZURE_ROLES_PAGE}/security#key-vault-administrator`,
  },
  'Global Administrator': {
    plane: 'entra',
    effects: ['tenantControl'],
    permissions: ['microsoft.directory/*', 'Microsoft.Authorization/elevateAccess/action'],
    page: `${ENTRA_ROLES_PAGE}#global-administrator`,
  },
  'Privileged Role Administrator': {
    plane: 'entra',
    effects: ['tenantControl'],
    // It can assign any directory role, Global Administrator included, to itself.
    permissions: ['microsoft.directory/roleAssignments/allProperties/allTasks'],
    page: `${ENTRA_ROLES_PAGE}#privileged-role-administrator`,
  },
  'Privileged Authentication Administrator': {
    plane: 'entra',
    effects: ['tenantControl'],
    // It resets the credentials of any user, Global Administrators included.
    permissions: ['microsoft.directory/users/authenticationMethods/standard/privileged/update', 'microsoft.directory/users/password/update'],
    page: `${ENTRA_ROLES_PAGE}#privileged-authentication-administrator`,
  },
  'User Administrator': {
    plane: 'entra',
    effects: ['resetNonAdmins'],
    permissions: ['microsoft.directory/users/password/update'],
    page: `${ENTRA_ROLES_PAGE}#user-administrator`,
  },
  'Helpdesk Administrator': {
    plane: 'entra',
    effects: ['resetNonAdmins'],
    permissions: ['microsoft.directory/users/password/update'],
    page: `${ENTRA_ROLES_PAGE}#helpdesk-administrator`,
  },
  'Authentication Administrator': {
    plane: 'entra',
    effects: ['resetNonAdmins'],
    permissions: ['microsoft.directory/users/authenticationMethods/standard/restrictedAdmin/update'],
    page: `${ENTRA_ROLES_PAGE}#authentication-administrator`,
  },
  'Intune Administrator': {
    plane: 'entra',
    effects: ['intuneManage'],
    permissions: ['microsoft.intune/allEntities/allTasks'],
    page: `${ENTRA_ROLES_PAGE}#intune-administrator`,
  },
  'Security Administrator': {
    plane: 'entra',
    effects: ['defenderLiveResponse'],
    // "Users who have full access (users who are assigned the Global Administrator or Security
    // Administrator directory role in Microsoft Entra ID)" — Defender for Endpoint, "Assign user
    // access"; full access includes live response. Global Administrator controls the tenant, and so the plane, already.
    permissions: ['Microsoft Defender for Endpoint full access (basic permissions): live response on onboarded devices'],
    page: 'https://learn.microsoft.com/defender-endpoint/assign-portal-access',
  },
  'Cloud Device Administrator': {
    plane: 'entra',
    effects: ['deviceLocalAdmin'],
    // Reads the Windows LAPS password of every Entra-joined device (worst case: LAPS is on).
    permissions: ['microsoft.directory/deviceLocalCredentials/password/read'],
    page: `${ENTRA_ROLES_PAGE}#cloud-device-administrator`,
  },
  'Microsoft Entra Joined Device Local Administrator': {
    plane: 'entra',
    effects: ['deviceLocalAdmin'],
    permissions: ['Member of the local Administrators group of every Microsoft Entra joined device'],
    page: `${ENTRA_ROLES_PAGE}#microsoft-entra-joined-device-local-administrator`,
  },
  'Domain Admins': {
    plane: 'adds',
    effects: ['domainControl'],
    permissions: ['Member of the Administrators group of every domain-joined computer and of the domain'],
    page: 'https://learn.microsoft.com/windows-server/identity/ad-ds/plan/security-best-practices/appendix-b--privileged-accounts-and-groups-in-active-directory',
  },
} as const satisfies Readonly<Record<string, RoleDefinition>>;

export type RoleName = keyof typeof ROLES;

export const ROLE_NAMES = Object.keys(ROLES) as RoleName[];

/** Roles that grant an effect, in table order. */
export function rolesWith(effect: RoleEffect): readonly RoleName[] {
  return ROLE_NAMES.filter((name) => (ROLES[name].effects as readonly RoleEffect[]).includes(effect));
}

/**
 * Effects that administer: control of a control plane, of compute (code on VMs, a rogue session
 * host) or of identities. Their holders are an organization's admins and owners (check's privileged
 * footholds). Data-plane effects (SMB share and key vault data access) and standard sign-in are not.
 */
export const ADMIN_EFFECTS: ReadonlySet<RoleEffect> = new Set<RoleEffect>([
  'scopeControl',
  'vmRunCommand',
  'vmAdminLogin',
  'hostPoolRegistration',
  'storageKeys',
  'tenantControl',
  'resetNonAdmins',
  'intuneManage',
  'deviceLocalAdmin',
  'domainControl',
]);
