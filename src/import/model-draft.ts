// The model the importer writes: plain objects in indepth's model-file shape (only the fields it
// sets; the loader fills the documented defaults), before they become YAML.

import type { ControlName } from '../domain/controls.js';
import type { RoleName } from '../domain/roles.js';
import type { ApplicationGroupType, Delegation } from '../model/access-types.js';
import type { Classification, DataLocation, PoolType, StoreAccess } from '../model/types.js';

export interface DraftOrganization { id: string; name?: string }
export interface DraftTenant { id: string; organizations: string[] }
export interface DraftSubscription { id: string; tenant: string; organizations: string[] }
export interface DraftHostPool { id: string; subscription: string; type: PoolType; vms?: number; osBuild?: string; customRdpProperty?: string; apps?: string[] }
export interface DraftApp { id: string; browser?: boolean }
export interface DraftUser {
  id: string;
  organization: string;
  count?: number;
  hostPool?: string;
  vm?: number;
  device?: boolean;
}
export interface DraftGroup { id: string; organization: string; members?: string[]; count?: number }
export interface DraftApplicationGroup { id: string; hostPool: string; type: ApplicationGroupType; apps?: string[]; assignments: string[] }
export interface DraftManagementGroup { id: string; tenant: string; subscriptions: string[] }
export interface DraftResourceGroup { id: string; subscription: string; resources: string[] }
export interface DraftRoleAssignment { principal: string; role: RoleName; scope: string; delegation?: Delegation }
export interface DraftGuest { user: string; tenant: string }
export interface DraftStorageAccount { id: string; organization?: string; subscription: string; shares: string[] }
export interface DraftNetwork { id: string; type?: 'onPremises'; organization?: string }
export interface DraftNetworkLink { between: [string, string]; type: 'peering' | 'vpn' | 'expressRoute'; gatewayTransit?: boolean }
export interface DraftSubnet { id: string; network: string; hostPools: string[]; inbound?: { from: string[]; ports: number[] | null }[]; outbound?: { to: string[]; ports: number[] | null }[] }
export interface DraftDomain { id: string; organizations: string[]; hostPools: string[] }
export interface DraftDataStore {
  id: string;
  organization: string;
  classification?: Classification;
  location: DataLocation;
  users: string[];
  subscription?: string;
  access?: StoreAccess;
}

export interface ModelDraft {
  name: string;
  description: string;
  organizations: DraftOrganization[];
  tenants: DraftTenant[];
  subscriptions: DraftSubscription[];
  managementGroups?: DraftManagementGroup[];
  resourceGroups?: DraftResourceGroup[];
  hostPools: DraftHostPool[];
  apps: DraftApp[];
  users: DraftUser[];
  groups?: DraftGroup[];
  guests?: DraftGuest[];
  applicationGroups?: DraftApplicationGroup[];
  roleAssignments?: DraftRoleAssignment[];
  domains?: DraftDomain[];
  storageAccounts?: DraftStorageAccount[];
  networks?: DraftNetwork[];
  networkLinks?: DraftNetworkLink[];
  subnets?: DraftSubnet[];
  data: DraftDataStore[];
  controls: Record<ControlName, boolean>;
}

/** Model collections the importer writes, in file order. */
export const DRAFT_COLLECTIONS = [
  'organizations',
  'tenants',
  'subscriptions',
  'managementGroups',
  'resourceGroups',
  'hostPools',
  'apps',
  'users',
  'groups',
  'guests',
  'applicationGroups',
  'roleAssignments',
  'domains',
  'data',
  'storageAccounts',
  'networks',
  'networkLinks',
  'subnets',
] as const;

export type DraftCollection = (typeof DRAFT_COLLECTIONS)[number];

/** The entries of a collection (an optional one left out reads as empty). */
export function entriesOf(model: ModelDraft, collection: DraftCollection): readonly object[] {
  return (model[collection] ?? []) as readonly object[];
}

/** Leaves out the optional collections that are empty, so the file shows only what the input holds. */
export function pruneEmpty(model: ModelDraft): ModelDraft {
  const pruned = { ...model };
  for (const key of ['managementGroups', 'resourceGroups', 'groups', 'guests', 'applicationGroups', 'roleAssignments', 'domains', 'storageAccounts', 'networks', 'networkLinks', 'subnets'] as const) {
    if ((pruned[key] ?? []).length === 0) delete pruned[key];
  }
  return pruned;
}

/**
 * The key of an entry within its collection: its `id`, or for entries without one (role
 * assignments, guests) what identifies them — `principal · role @ scope`, `user @ tenant`.
 * Assumption subjects (`roleAssignments/<key>`) and `--diff` use it.
 */
export function entryKey(entry: object): string {
  const e = entry as Record<string, unknown>;
  if (typeof e['id'] === 'string') return e['id'];
  if (typeof e['role'] === 'string') return `${String(e['principal'])} \u00b7 ${e['role']} @ ${String(e['scope'])}`;
  if (typeof e['user'] === 'string') return `${e['user']} @ ${String(e['tenant'])}`;
  if (Array.isArray(e['between'])) return `${e['between'].join(' \u2194 ')} (${String(e['type'])})`;
  return JSON.stringify(e);
}

/** `1 host pools, 2 users, 1 groups, 3 role assignments, 1 data stores`: what an import produced, for its stderr summary. */
export function importCounts(model: ModelDraft): string {
  const counts: [number, string][] = [
    [model.hostPools.length, 'host pools'],
    [model.applicationGroups?.length ?? 0, 'application groups'],
    [model.users.length, 'users'],
    [model.groups?.length ?? 0, 'groups'],
    [model.roleAssignments?.length ?? 0, 'role assignments'],
    [model.data.length, 'data stores'],
  ];
  return counts.map(([n, what]) => `${n} ${what}`).join(', ');
}
