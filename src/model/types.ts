// The deployment model as an architect writes it: organizations, identity, hosting, users, apps,
// data and controls. Edges are never written here; the rules derive them (src/rules).

import type { BoundaryType } from '../domain/boundary.js';
import type { ControlName } from '../domain/controls.js';
import type { NodeKind } from '../domain/kinds.js';
import type { ApplicationGroup, Domain, Group, Guest, ManagedIdentity, ManagementGroup, Person, ResourceGroup, RoleAssignment } from './access-types.js';
import type { AppAttachPackage, ManagementPlane, Network, NetworkLink, Server, StorageAccount, Subnet } from './infra-types.js';

export const PRIVILEGES = ['standard', 'localAdmin', 'tenantAdmin', 'subscriptionOwner'] as const;
export type Privilege = (typeof PRIVILEGES)[number];

export const POOL_TYPES = ['pooled', 'personal'] as const;
export type PoolType = (typeof POOL_TYPES)[number];

export const DATA_LOCATIONS = ['fslogixProfile', 'share', 'database', 'keyVault'] as const;
export type DataLocation = (typeof DATA_LOCATIONS)[number];

export const CLASSIFICATIONS = ['public', 'internal', 'confidential', 'restricted'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const ACCESS_MODES = ['control', 'read', 'tamper', 'deny'] as const;
/** What an edge grants: `control` of the target (and onward propagation), or one kind of access to it. */
export type Access = (typeof ACCESS_MODES)[number];

export interface Organization {
  readonly id: string;
  readonly name: string;
}

/** An identity directory (Active Directory / Entra ID tenant). Orgs listed together share it. */
export interface Tenant {
  readonly id: string;
  readonly organizations: readonly string[];
}

/** An Azure subscription: the control plane of the resources placed in it. */
export interface Subscription {
  readonly id: string;
  readonly tenant: string;
  readonly organizations: readonly string[];
}

/** A hypervisor host; the VMs of the listed pools may run on it together (worst case, as in a public cloud). */
export interface PhysicalHost {
  readonly id: string;
  readonly hostPools: readonly string[];
}

export interface HostPool {
  readonly id: string;
  readonly subscription: string;
  readonly type: PoolType;
  /** Session hosts of a pooled pool; a personal pool has one VM per user and ignores it. */
  readonly vms: number;
  readonly osBuild: string;
  readonly apps: readonly string[];
  /** Hourly price of one VM, overriding the model's `costs.vmHourly`. */
  readonly vmHourly: number | null;
  /** Share of the month the pool's VMs are deallocated, overriding `costs.offPeakShutdown`. */
  readonly offPeakShutdown?: number;
  /** The pool's VMs run on hosts of their own (Azure Dedicated Host): no other pool's VM shares them. */
  readonly dedicatedHost: boolean;
  /** Confidential VMs (memory encrypted against the host): the host reaches a guest only across vsm. */
  readonly confidential: boolean;
  /** The pool's RDP properties as Azure stores them (device redirection: domain/redirection.ts); absent: every channel on. */
  readonly customRdpProperty?: string;
  /** Trusted Launch (Secure Boot, vTPM): without it, virtualization-based security and so Credential Guard are unavailable. */
  readonly trustedLaunch?: boolean;
  /** Days from a fix's release until it is deployed on this pool's hosts, overriding `risk.patchDays`. */
  readonly patchDays?: number;
}

export interface App {
  readonly id: string;
  /** Runs in an AppContainer sandbox. */
  readonly sandboxed: boolean;
  /** A web browser: web content reaches it across the browser boundary. */
  readonly browser: boolean;
}

/** One user, or a group of `count` identical users ("200 contoso knowledge workers"). */
export interface User {
  readonly id: string;
  readonly organization: string;
  readonly count: number;
  readonly privilege: Privilege;
  readonly hostPool: string | null;
  /** Pins a pooled user to one VM (1-based); null means the load balancer may place them anywhere. */
  readonly vm: number | null;
  /** The subscription a `subscriptionOwner` owns. */
  readonly subscription: string | null;
  readonly apps: readonly string[];
  /** Whether the user signs in from an end-user device that is modelled (a foothold of its own). */
  readonly device: boolean;
}

export interface DataStore {
  readonly id: string;
  readonly organization: string;
  readonly classification: Classification;
  readonly location: DataLocation;
  /** fslogixProfile: whose profiles (one container per user); share/database: who may read and write. */
  readonly users: readonly string[];
  /** Users with read-only access (share/database). */
  readonly readers: readonly string[];
  /** The subscription whose control plane holds the store (storage account, database server). */
  readonly subscription: string | null;
  /**
   * How session hosts reach an `fslogixProfile` share: `identity` (Entra/AD DS identity-based access,
   * each user opens their own container) or `storageKey` (hosts hold the storage account key).
   */
  readonly access: StoreAccess;
}

export const STORE_ACCESS = ['identity', 'storageKey'] as const;
export type StoreAccess = (typeof STORE_ACCESS)[number];

/**
 * Organizations that agreed to trust each other with their data (a joint venture, a parent and its
 * subsidiary): within a group, access to another member's data is authorized, not leakage
 * (src/analyze/authorization.ts).
 */
export interface TrustGroup {
  readonly organizations: readonly string[];
  /**
   * How far: `data` (the default) authorizes shared data stores only — profile containers, sessions
   * and credentials stay leakage and a shared multi-session pool is still a finding; `full` trusts as
   * one organization (profiles too; sharing a multi-session host is the guide's accepted case).
   */
  readonly level: TrustLevel;
  /** Why they trust each other (an agreement, a contract); shown beside authorized access. */
  readonly reason: string;
}

export const TRUST_LEVELS = ['data', 'full'] as const;
export type TrustLevel = (typeof TRUST_LEVELS)[number];

export interface Costs {
  readonly currency: string;
  readonly vmHourly: number;
  readonly hoursPerMonth: number;
  readonly tenantMonthly: number;
  readonly subscriptionMonthly: number;
  /** Share of the month pooled session hosts are deallocated off-peak (default 0). */
  readonly offPeakShutdown?: number;
  /** Users one multi-session host serves at peak (default 12). */
  readonly sessionsPerHost?: number;
}

/** A model's override of the default failure likelihood of some boundaries (docs/risk.md). */
export interface FailureLikelihood {
  /** A failure spec: boundary type, instance, group or type@group. */
  readonly target: string;
  /** All causes together; overrides the three below. */
  readonly probability: number | null;
  readonly configuration: number | null;
  readonly zeroDay: number | null;
  readonly knownPerYear: number | null;
  readonly note: string;
}

export interface RiskSettings {
  /** Days from a fix's release until it is deployed. */
  readonly patchDays: number;
  /** Mean days from disclosure until a working exploit is in use. */
  readonly exploitDays: number;
  readonly likelihoods: readonly FailureLikelihood[];
}

export interface ExtraNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly organization: string | null;
  readonly label: string;
}

export interface ExtraEdge {
  readonly from: string;
  readonly to: string;
  readonly boundary: BoundaryType | null;
  /** Defaults to `boundary@to` when a boundary is given. */
  readonly instance: string | null;
  readonly access: Access;
}

export interface Model {
  readonly name: string;
  readonly description: string;
  readonly organizations: readonly Organization[];
  readonly tenants: readonly Tenant[];
  readonly subscriptions: readonly Subscription[];
  readonly physicalHosts: readonly PhysicalHost[];
  readonly hostPools: readonly HostPool[];
  readonly apps: readonly App[];
  readonly users: readonly User[];
  /** Entra ID groups (access-types.ts). */
  readonly groups: readonly Group[];
  /** AVD application groups: who may sign in to which host pool, besides a user's own `hostPool`. */
  readonly applicationGroups: readonly ApplicationGroup[];
  readonly managementGroups: readonly ManagementGroup[];
  readonly resourceGroups: readonly ResourceGroup[];
  /** Azure RBAC, Entra directory and AD DS roles held at scopes (src/domain/roles.ts). */
  readonly roleAssignments: readonly RoleAssignment[];
  /** Microsoft Entra B2B guests: users invited into another organization's tenant. */
  readonly guests: readonly Guest[];
  readonly managedIdentities: readonly ManagedIdentity[];
  /** AD DS domains. */
  readonly domains: readonly Domain[];
  /** People with several linked accounts. */
  readonly people: readonly Person[];
  readonly data: readonly DataStore[];
  readonly controls: Readonly<Record<ControlName, boolean>>;
  /** Groups of organizations that trust each other; absent: none (each trusts only itself). */
  readonly trust?: readonly TrustGroup[];
  /** The explicit cost model; absent: no costs given (reports say so rather than print 0.00). */
  readonly costs?: Costs;
  readonly extra: { readonly nodes: readonly ExtraNode[]; readonly edges: readonly ExtraEdge[] };
  /** Failure likelihoods for risk analysis; absent: the documented defaults. */
  readonly risk?: RiskSettings;
  // Infrastructure (infra-types.ts); an absent section means none.
  readonly managementPlanes?: readonly ManagementPlane[];
  readonly networks?: readonly Network[];
  readonly networkLinks?: readonly NetworkLink[];
  readonly subnets?: readonly Subnet[];
  readonly servers?: readonly Server[];
  readonly storageAccounts?: readonly StorageAccount[];
  readonly appAttachPackages?: readonly AppAttachPackage[];
}

/** A position in a source file, 1-based as editors show it. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Where each model entity was written: `users/alice` → its position (for errors, SARIF, diagrams). */
export type EntityLocations = ReadonlyMap<string, SourceLocation>;
