// Azure built-in roles by name and by role definition id (the GUID is the same in every subscription),
// and the model role each becomes. Every id was checked against Microsoft Learn, "Azure built-in roles"
// (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles, table "All").

import type { RoleName } from '../domain/roles.js';

/** What a role assignment becomes in the model. */
export type RoleMapping =
  /** A role of the model's vocabulary (src/domain/roles.ts): a `roleAssignments` entry. */
  | { readonly kind: 'model'; readonly role: RoleName }
  /** Desktop Virtualization User: an `applicationGroups` assignment. */
  | { readonly kind: 'avdUser' }
  /** A built-in role that grants nothing indepth models (read-only, monitoring, power on/off). */
  | { readonly kind: 'none' };

interface BuiltInRole {
  readonly name: string;
  readonly id: string;
  readonly mapping: RoleMapping;
  /** Why a role is modelled as another one, when it is (written beside the assignment). */
  readonly as?: string;
}

const model = (role: RoleName): RoleMapping => ({ kind: 'model', role });
const NONE: RoleMapping = { kind: 'none' };

const BUILT_IN: readonly BuiltInRole[] = [
  // General
  { name: 'Owner', id: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', mapping: model('Owner') },
  { name: 'Contributor', id: 'b24988ac-6180-42a0-ab88-20f7382dd24c', mapping: model('Contributor') },
  { name: 'Reader', id: 'acdd72a7-3385-48ef-bd42-f606fba81ae7', mapping: NONE },
  { name: 'User Access Administrator', id: '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9', mapping: model('User Access Administrator') },
  { name: 'Role Based Access Control Administrator', id: 'f58310d9-a9f6-439a-9e8d-f62e7b41a168', mapping: model('Role Based Access Control Administrator') },
  // Compute
  { name: 'Virtual Machine Contributor', id: '9980e02c-c2be-4d73-94e8-173b1dc7cf3c', mapping: model('Virtual Machine Contributor') },
  { name: 'Virtual Machine Administrator Login', id: '1c0163c0-47e6-4577-8991-ea5c82e286e4', mapping: model('Virtual Machine Administrator Login') },
  { name: 'Virtual Machine User Login', id: 'fb879df8-f326-4884-b1cf-06f3ad86be52', mapping: model('Virtual Machine User Login') },
  // Storage
  { name: 'Storage Account Contributor', id: '17d1049b-9a84-46fb-8f53-869881c3d3ab', mapping: model('Storage Account Contributor') },
  {
    name: 'Storage Account Key Operator Service Role',
    id: '81a9662b-bebf-436f-a333-f67b29880f12',
    mapping: model('Storage Account Contributor'),
    as: 'it lists the storage account keys, as Storage Account Contributor does',
  },
  {
    name: 'Reader and Data Access',
    id: 'c12c1c16-33a1-487b-954d-41c89c60f349',
    mapping: model('Storage Account Contributor'),
    as: 'it lists the storage account keys, as Storage Account Contributor does',
  },
  { name: 'Storage File Data SMB Share Reader', id: 'aba4ae5f-2193-4029-9191-0cb91df5e314', mapping: model('Storage File Data SMB Share Reader') },
  { name: 'Storage File Data SMB Share Contributor', id: '0c867c2a-1d8c-454a-a3db-ab2ea1bdc8bb', mapping: model('Storage File Data SMB Share Contributor') },
  { name: 'Storage File Data SMB Share Elevated Contributor', id: 'a7264617-510b-434b-a828-9731dc254ea7', mapping: model('Storage File Data SMB Share Elevated Contributor') },
  {
    name: 'Storage File Data Privileged Contributor',
    id: '69566ab7-960f-475b-8e7c-b3118f30c6bd',
    mapping: model('Storage File Data SMB Share Elevated Contributor'),
    as: 'it reads, writes and changes every file regardless of NTFS permissions',
  },
  {
    name: 'Storage File Data Privileged Reader',
    id: 'b8eda974-7b85-4f76-af95-65846b26df6d',
    mapping: model('Storage File Data SMB Share Reader'),
    as: 'it reads every file regardless of NTFS permissions',
  },
  // Security
  { name: 'Key Vault Administrator', id: '00482a5a-887f-4fb3-b363-3b7fe8e74483', mapping: model('Key Vault Administrator') },
  { name: 'Key Vault Secrets Officer', id: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7', mapping: model('Key Vault Secrets Officer') },
  { name: 'Key Vault Secrets User', id: '4633458b-17de-408a-b874-0445c86b69e6', mapping: model('Key Vault Secrets User') },
  { name: 'Key Vault Reader', id: '21090545-7ca7-4776-b22c-e363652d74d2', mapping: NONE },
  // Virtual desktop infrastructure
  { name: 'Desktop Virtualization User', id: '1d18fff3-a72a-46b5-b4a9-0b38a3cd7e63', mapping: { kind: 'avdUser' } },
  { name: 'Desktop Virtualization Host Pool Contributor', id: 'e307426c-f9b6-4e81-87de-d99efb3c32bc', mapping: model('Desktop Virtualization Host Pool Contributor') },
  {
    name: 'Desktop Virtualization Contributor',
    id: '082f0a83-3be5-4ba1-904c-961cca79b387',
    mapping: model('Desktop Virtualization Host Pool Contributor'),
    as: 'its Microsoft.DesktopVirtualization/* includes a host pool\u2019s registration token',
  },
  {
    name: 'Desktop Virtualization Virtual Machine Contributor',
    id: 'a959dbd1-f747-45e3-8ba6-dd80f235f97c',
    mapping: model('Virtual Machine Contributor'),
    as: 'it creates and updates the session host VMs (worst case: their extensions, and so code on them)',
  },
  { name: 'Desktop Virtualization Reader', id: '49a72310-ab8d-41df-bbb0-79b649203868', mapping: NONE },
  { name: 'Desktop Virtualization Host Pool Reader', id: 'ceadfde2-b300-400a-ab7b-6143895aa822', mapping: NONE },
  { name: 'Desktop Virtualization Application Group Reader', id: 'aebf23d0-b568-4e86-b8f9-fe83a2c6ab55', mapping: NONE },
  { name: 'Desktop Virtualization Workspace Reader', id: '0fa44ee9-7a7d-466b-9bb2-2bf446b1204d', mapping: NONE },
  { name: 'Desktop Virtualization Workspace Contributor', id: '21efdde3-836f-432b-bf3d-3e8e734d4b2b', mapping: NONE },
  { name: 'Desktop Virtualization Session Host Operator', id: '2ad6aaab-ead9-4eaa-8ac5-da422f562408', mapping: NONE },
  { name: 'Desktop Virtualization User Session Operator', id: 'ea4bfff8-7fb4-485a-aadd-d4129a0ffaa6', mapping: NONE },
  { name: 'Desktop Virtualization Power On Off Contributor', id: '40c5ff49-9181-41f8-ae61-143b0e78555e', mapping: NONE },
  { name: 'Desktop Virtualization Power On Contributor', id: '489581de-a3bd-480d-9518-53dea7416b33', mapping: NONE },
  // Monitoring
  { name: 'Monitoring Reader', id: '43d0d8ad-25c7-4714-9337-8ba259a9fe05', mapping: NONE },
  { name: 'Monitoring Contributor', id: '749f88d5-cbae-40b8-bcfc-e573ddc772fa', mapping: NONE },
];

/** Known built-in role ids (lower case), for tests. */
export const BUILT_IN_ROLE_IDS: ReadonlyMap<string, string> = new Map(BUILT_IN.map((r) => [r.id, r.name]));

const BY_NAME = new Map(BUILT_IN.map((r) => [r.name.toLowerCase(), r]));
const BY_ID = new Map(BUILT_IN.map((r) => [r.id, r]));

/** The role indepth assumes for a role it does not know (a custom role, a newer built-in): the worst case. */
export const UNKNOWN_ROLE_AS: RoleName = 'Owner';

export interface ResolvedRole {
  /** The role's name, or the definition id as given when the role is not a known built-in. */
  readonly name: string;
  readonly mapping: RoleMapping;
  /** Why the mapping differs from the role's own name (another role modelled in its place, or unknown). */
  readonly note?: string;
  readonly known: boolean;
}

/**
 * Resolves a role from its name or its definition id (a bare GUID or a full
 * `/subscriptions/…/providers/Microsoft.Authorization/roleDefinitions/{guid}` path). A role it does
 * not know (a custom role, a built-in outside the table) is modelled as Owner: its actions are not in
 * the input, and a security review must not assume they are harmless.
 */
export function resolveRole(nameOrId: string): ResolvedRole {
  const known = BY_NAME.get(nameOrId.trim().toLowerCase()) ?? byGuid(nameOrId);
  if (known !== undefined) return { name: known.name, mapping: known.mapping, known: true, ...(known.as === undefined ? {} : { note: known.as }) };
  return {
    name: nameOrId,
    mapping: { kind: 'model', role: UNKNOWN_ROLE_AS },
    known: false,
    note: `a role the importer does not know (a custom role or a newer built-in): its actions are not in the input, so it is modelled as ${UNKNOWN_ROLE_AS} (the worst case)`,
  };
}

function byGuid(nameOrId: string): BuiltInRole | undefined {
  const guid = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\s*$/i.exec(nameOrId)?.[1]?.toLowerCase();
  return guid === undefined ? undefined : BY_ID.get(guid);
}
