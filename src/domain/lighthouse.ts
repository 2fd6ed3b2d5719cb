// Which Azure built-in roles Azure Lighthouse can delegate to a principal of a managing tenant, as
// data: Microsoft Learn, "Tenants, users, and roles in Azure Lighthouse scenarios", section "Role
// support for Azure Lighthouse". The model check `role-assignments-fit` and `indepth import` read it.

import { ROLES, type RoleName } from './roles.js';

export const LIGHTHOUSE_ROLES_PAGE = 'https://learn.microsoft.com/azure/lighthouse/concepts/tenants-users-roles#role-support-for-azure-lighthouse';

/** The Azure roles indepth knows (plane `azure`): the only ones a Lighthouse authorization can name. */
export type AzureRoleName = { [R in RoleName]: (typeof ROLES)[R]['plane'] extends 'azure' ? R : never }[RoleName];

/**
 * Per Azure role: `null` when Lighthouse delegates it, else why not, in the page's terms. The page:
 * "All built-in roles are currently supported with Azure Lighthouse, with the following exceptions:
 * The Owner role is not supported. The User Access Administrator role is supported, but only for the
 * limited purpose of assigning roles to a managed identity in the customer tenant. … Any roles with
 * DataActions permission are not supported. Roles that include any of the following actions are not
 * supported: … Microsoft.Authorization/roleAssignments/write …".
 *
 * User Access Administrator is delegable; indepth keeps its worst case (`scopeControl`: the
 * managed identities it may assign roles to act at the scope), as for any holder.
 * Every Azure role is listed, so adding one to ROLES forces a decision here.
 */
export const LIGHTHOUSE_REFUSAL: { readonly [R in AzureRoleName]: string | null } = {
  Owner: 'the Owner role is not supported',
  Contributor: null,
  'User Access Administrator': null,
  'Role Based Access Control Administrator': 'roles that include the action Microsoft.Authorization/roleAssignments/write are not supported',
  'Virtual Machine Contributor': null,
  'Virtual Machine Administrator Login': 'roles with DataActions (here Microsoft.Compute/virtualMachines/loginAsAdmin/action) are not supported',
  'Virtual Machine User Login': 'roles with DataActions (here Microsoft.Compute/virtualMachines/login/action) are not supported',
  'Desktop Virtualization Host Pool Contributor': null,
  'Storage Account Contributor': null,
  'Storage File Data SMB Share Reader': 'roles with DataActions (here Microsoft.Storage/storageAccounts/fileServices/fileshares/files/read) are not supported',
  'Storage File Data SMB Share Contributor': 'roles with DataActions (here Microsoft.Storage/storageAccounts/fileServices/fileshares/files/read, write and delete) are not supported',
  'Storage File Data SMB Share Elevated Contributor': 'roles with DataActions (here Microsoft.Storage/storageAccounts/fileServices/fileshares/files/modifypermissions/action) are not supported',
  'Key Vault Secrets User': 'roles with DataActions (here Microsoft.KeyVault/vaults/secrets/getSecret/action) are not supported',
  'Key Vault Secrets Officer': 'roles with DataActions (here Microsoft.KeyVault/vaults/secrets/*) are not supported',
  'Key Vault Administrator': 'roles with DataActions (here Microsoft.KeyVault/vaults/*) are not supported',
};

/** Why Azure Lighthouse cannot delegate `role`; null when it can (directory and AD DS roles: never asked). */
export function lighthouseRefusal(role: RoleName): string | null {
  return (LIGHTHOUSE_REFUSAL as Readonly<Record<string, string | null>>)[role] ?? null;
}

/**
 * The delegable role with the same reach in indepth, for a refused role that has one: Owner and Role
 * Based Access Control Administrator both hold `scopeControl` (control of every resource at the
 * scope), which Contributor holds too. Data roles have none: across tenants, only a B2B guest holds them.
 */
export function lighthouseAlternative(role: RoleName): AzureRoleName | null {
  if (lighthouseRefusal(role) === null) return null;
  return (ROLES[role].effects as readonly string[]).includes('scopeControl') ? 'Contributor' : null;
}
