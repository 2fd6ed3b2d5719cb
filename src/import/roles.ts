// Azure built-in roles the mapping understands, by name and by role definition id (the GUID is the
// same in every subscription). Source: Microsoft Learn, "Azure built-in roles"
// (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).

/** What a role lets its holder do, in indepth's terms. */
export type RoleEffect =
  /** Sign in to the desktops/apps of application groups in scope (Desktop Virtualization User). */
  | 'avdUser'
  /** Administrator sign-in to the VMs in scope (Virtual Machine Administrator Login). */
  | 'vmAdminLogin'
  /** Standard sign-in to Entra-joined VMs in scope (Virtual Machine User Login). */
  | 'vmUserLogin'
  /** Control of every resource in scope, VMs included (Run Command), or of who holds roles there. */
  | 'control'
  /** Read and write files of Azure Files shares in scope over SMB. */
  | 'smbWrite'
  /** Read files of Azure Files shares in scope over SMB. */
  | 'smbRead'
  /** Management of storage accounts in scope, including listing their keys (full data access). */
  | 'storageControl'
  /** Anything else: recorded as an assumption, not mapped. */
  | 'other';

interface RoleInfo {
  readonly name: string;
  readonly id: string;
  readonly effect: RoleEffect;
}

const ROLES: readonly RoleInfo[] = [
  { name: 'Owner', id: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', effect: 'control' },
  { name: 'Contributor', id: 'b24988ac-6180-42a0-ab88-20f7382dd24c', effect: 'control' },
  { name: 'User Access Administrator', id: '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9', effect: 'control' },
  { name: 'Virtual Machine Contributor', id: '9980e02c-c2be-4d73-94e8-173b1dc7cf3c', effect: 'control' },
  { name: 'Desktop Virtualization User', id: '1d18fff3-a72a-46b5-b4a9-0b38a3cd7e63', effect: 'avdUser' },
  { name: 'Virtual Machine Administrator Login', id: '1c0163c0-47e6-4577-8991-ea5c82e286e4', effect: 'vmAdminLogin' },
  { name: 'Virtual Machine User Login', id: 'fb879df8-f326-4884-b1cf-06f3ad86be52', effect: 'vmUserLogin' },
  { name: 'Storage File Data SMB Share Contributor', id: '0c867c2a-1d8c-454a-a3db-ab2ea1bdc8bb', effect: 'smbWrite' },
  { name: 'Storage File Data SMB Share Elevated Contributor', id: 'a7264617-510b-434b-a828-9731dc254ea7', effect: 'smbWrite' },
  { name: 'Storage File Data SMB Share Reader', id: 'aba4ae5f-2193-4029-9191-0cb91df5e314', effect: 'smbRead' },
  { name: 'Storage Account Contributor', id: '17d1049b-9a84-46fb-8f53-869881c3d3ab', effect: 'storageControl' },
  { name: 'Reader', id: 'acdd72a7-3385-48ef-bd42-f606fba81ae7', effect: 'other' },
  { name: 'Key Vault Administrator', id: '00482a5a-887f-4fb3-b363-3b7fe8e74483', effect: 'other' },
  { name: 'Desktop Virtualization Power On Off Contributor', id: '40c5ff49-9181-41f8-ae61-143b0e78555e', effect: 'other' },
];

const BY_NAME = new Map(ROLES.map((r) => [r.name.toLowerCase(), r]));
const BY_ID = new Map(ROLES.map((r) => [r.id, r]));

export interface ResolvedRole {
  /** The role's name, or the definition id when the role is not a known built-in. */
  readonly name: string;
  readonly effect: RoleEffect;
}

/**
 * Resolves a role from its name or its definition id (a bare GUID or a full
 * `/subscriptions/…/providers/Microsoft.Authorization/roleDefinitions/{guid}` path).
 */
export function resolveRole(nameOrId: string): ResolvedRole {
  const byName = BY_NAME.get(nameOrId.trim().toLowerCase());
  if (byName !== undefined) return byName;
  const guid = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\s*$/i.exec(nameOrId)?.[1]?.toLowerCase();
  const byId = guid === undefined ? undefined : BY_ID.get(guid);
  return byId ?? { name: nameOrId, effect: 'other' };
}
