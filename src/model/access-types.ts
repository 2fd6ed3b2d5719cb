// Identity and access as Azure grants it: Entra groups and AVD application groups (who may sign in
// to which host pool). Part of the Model (types.ts); the rules in src/rules derive what they grant.

import type { RoleName } from '../domain/roles.js';

export const APPLICATION_GROUP_TYPES = ['desktop', 'remoteApp'] as const;
/** `desktop`: the pool's full desktop (every app installed on it); `remoteApp`: only the published apps. */
export type ApplicationGroupType = (typeof APPLICATION_GROUP_TYPES)[number];

/** An Entra ID security group: its members act with every right the group holds. */
export interface Group {
  readonly id: string;
  readonly organization: string;
  /** Member users and nested member groups. */
  readonly members: readonly string[];
  /** Further members not listed by name (unknown users of the group's organization, standard privilege). */
  readonly count: number;
}

/**
 * An Azure Virtual Desktop application group of one host pool. Users and groups in `assignments`
 * hold "Desktop Virtualization User" on it, so they may sign in to the pool.
 */
export interface ApplicationGroup {
  readonly id: string;
  readonly hostPool: string;
  readonly type: ApplicationGroupType;
  /** A RemoteApp group's published apps (each installed on the pool); empty for a desktop group. */
  readonly apps: readonly string[];
  /** Users and groups assigned to the application group. */
  readonly assignments: readonly string[];
}

/** An Azure management group: role assignments on it apply to its child groups and subscriptions. */
export interface ManagementGroup {
  readonly id: string;
  readonly tenant: string;
  /** The parent management group; null under the tenant root. */
  readonly parent: string | null;
  readonly subscriptions: readonly string[];
}

/** An Azure resource group of one subscription, holding host pools (with their VMs) and data stores. */
export interface ResourceGroup {
  readonly id: string;
  readonly subscription: string;
  readonly resources: readonly string[];
}

export const DELEGATIONS = ['lighthouse', 'gdap'] as const;
/** How a principal of another tenant holds a role: Azure Lighthouse (Azure roles) or GDAP (directory roles). */
export type Delegation = (typeof DELEGATIONS)[number];

/**
 * One role held by a principal at a scope: an Azure role on a management group, subscription,
 * resource group or resource; an Entra directory role on a tenant; Domain Admins on a domain.
 */
export interface RoleAssignment {
  /** A user, group or managed identity. */
  readonly principal: string;
  /** A built-in role (src/domain/roles.ts). */
  readonly role: RoleName;
  readonly scope: string;
  /** PIM-eligible: counted as held (activation needs only the principal's own credentials and MFA). */
  readonly eligible: boolean;
  /** Held by a principal of another tenant through Azure Lighthouse or GDAP; null for the scope's own tenant. */
  readonly delegation: Delegation | null;
}

/** A Microsoft Entra B2B guest: a user of one tenant invited into another (`tenant`). */
export interface Guest {
  readonly user: string;
  readonly tenant: string;
}

/** A managed identity whose tokens the VMs of the listed host pools obtain from the instance metadata service. */
export interface ManagedIdentity {
  readonly id: string;
  readonly organization: string;
  readonly hostPools: readonly string[];
}

/** An Active Directory Domain Services domain (one forest): its accounts, DCs and joined session hosts. */
export interface Domain {
  readonly id: string;
  /** Organizations whose user accounts live in the domain (synced to their Entra tenants). */
  readonly organizations: readonly string[];
  /** Host pools whose session hosts are AD DS- or hybrid-joined to the domain. */
  readonly hostPools: readonly string[];
  /** Domain controllers (each a host holding the whole directory). */
  readonly controllers: number;
  /** Whether a Microsoft Entra Connect server syncs the domain's accounts to the organizations' tenants. */
  readonly entraConnect: boolean;
}

/** One person with several accounts (a standard and an admin account): their devices hold every account's tokens. */
export interface Person {
  readonly id: string;
  readonly accounts: readonly string[];
}
