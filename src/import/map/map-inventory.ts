// The one mapping from the inventory to indepth's model: organizations, host pools, application
// groups, storage, Entra identities, role assignments and scopes, each by its own small function,
// every gap an assumption.

import { ARM, type Assumption, type Inventory, type InventoryResource } from '../inventory.js';
import { pruneEmpty, type DraftApp, type ModelDraft } from '../model-draft.js';
import { mapApplicationGroups } from './application-groups.js';
import { MapContext, type MapOptions } from './context.js';
import { mapControls } from './controls.js';
import { reconcileOrganizations } from './cross-organization.js';
import { mapDomains } from './domains.js';
import { warnMergedCustomers } from './merged-customers.js';
import { mapNetworks } from './networks.js';
import { mapHostPools } from './host-pools.js';
import { Identities } from './identities.js';
import { Organizations } from './organizations.js';
import { mapPinnedUsers } from './pinned-users.js';
import { readGrants } from './principals.js';
import { mapProfileOwners } from './profile-owners.js';
import { mapRoleAssignments } from './role-assignments.js';
import { Scopes } from './scopes.js';
import { mapStorage } from './storage.js';
import { profileLocations } from './fslogix-settings.js';

export interface MappedModel {
  readonly model: ModelDraft;
  /** Every assumption: the readers' first, then the mapping's, in the order made. */
  readonly assumptions: readonly Assumption[];
}

export function mapInventory(inventory: Inventory, options: MapOptions): MappedModel {
  const context = new MapContext(inventory, options);
  const orgs = new Organizations(context);
  const pools = mapHostPools(context, orgs);
  const apps: DraftApp[] = [];
  const appGroups = mapApplicationGroups(context, pools, apps);
  const grants = readGrants(context);
  const locations = profileLocations(context, pools);
  const configured = new Set([...locations.values()].flatMap((l) => l.pools));
  // A subscription is settled when each of its host pools' FSLogix settings were read.
  const settled = (subscription: string): boolean => {
    const mine = pools.filter((p) => p.draft.subscription === subscription);
    return mine.length > 0 && mine.every((p) => configured.has(p.draft.id));
  };
  const { stores, accounts } = mapStorage(context, orgs, grants, locations, settled);
  const identities = new Identities(context);
  const scopes = new Scopes(context, orgs, pools, stores);
  const roleAssignments = mapRoleAssignments(context, grants, identities, scopes, appGroups, pools, stores, orgs);
  mapPinnedUsers(context, pools, identities);
  for (const pool of pools) {
    const assigned = appGroups.some((g) => g.pool === pool && g.draft.assignments.length > 0) || identities.users.some((u) => u.hostPool === pool.draft.id);
    if (!assigned) context.assume(`hostPools/${pool.draft.id}`, 'no user or group is assigned this pool in the input', pool.resource.origin);
  }
  const { networks, networkLinks, subnets } = mapNetworks(context, pools);
  reportUnread(context);
  const controls = mapControls(context);
  if (pools.length === 0) context.assume(null, 'the input holds no Azure Virtual Desktop host pool');
  const { organizations, tenants, subscriptions, tenantOf } = orgs.finish();
  if (organizations.length === 0) {
    // A model needs one organization; an input with nothing mappable still yields a valid model.
    const id = context.ids.allocate('organization:empty', 'imported');
    organizations.push({ id });
    tenants.push({ id: context.ids.allocate('tenant:empty', 'tenant'), organizations: [id] });
    context.assume(`organizations/${id}`, 'nothing in the input maps to an organization: one placeholder organization');
  }
  const managementGroups = scopes.managementGroups((tenant) => {
    const tenantId = tenant === null ? undefined : tenantOf(tenant);
    const list = subscriptions.filter((s) => tenantId === undefined || s.tenant === tenantId);
    const first = list[0];
    return first === undefined ? null : { tenant: first.tenant, subscriptions: list.filter((s) => s.tenant === first.tenant).map((s) => s.id) };
  });
  const scopeIds = new Set([...subscriptions.map((s) => s.id), ...managementGroups.map((m) => m.id), ...scopes.resourceGroups.map((g) => g.id), ...pools.map((p) => p.draft.id), ...stores.map((s) => s.draft.id)]);
  const kept = roleAssignments.filter((a) => scopeIds.has(a.scope));
  // The model scopes that hold a host pool or data store: itself, its resource group, subscription and management groups.
  const containing = (resource: string): string[] => {
    const subscription = stores.find((s) => s.draft.id === resource)?.draft.subscription ?? pools.find((p) => p.draft.id === resource)?.draft.subscription;
    const rgs = scopes.resourceGroups.filter((g) => g.resources.includes(resource)).map((g) => g.id);
    const mgs = managementGroups.filter((m) => subscription !== undefined && m.subscriptions.includes(subscription)).map((m) => m.id);
    return [resource, ...rgs, ...(subscription === undefined ? [] : [subscription]), ...mgs];
  };
  mapProfileOwners(context, stores, kept, appGroups.map((g) => g.draft), new Map(pools.map((p) => [p.draft.id, p.draft.subscription])), identities, containing);
  const model: ModelDraft = {
    name: options.name,
    description: `Imported by \`indepth import\` from ${inventory.resources.length} Azure resources; review every \`assumed\` comment.`,
    organizations,
    tenants,
    subscriptions,
    managementGroups,
    resourceGroups: scopes.resourceGroups,
    hostPools: pools.map((p) => p.draft),
    apps,
    users: identities.users,
    groups: identities.groups,
    guests: [],
    applicationGroups: appGroups.map((g) => g.draft),
    roleAssignments: kept,
    domains: mapDomains(context, pools),
    data: stores.map((s) => s.draft),
    storageAccounts: accounts,
    networks,
    networkLinks,
    subnets,
    controls,
  };
  reconcileOrganizations(context, model);
  warnMergedCustomers(context, model, identities, (org) => orgs.resourcesOf(org));
  return { model: pruneEmpty(model), assumptions: [...inventory.assumptions, ...context.assumptions] };
}

/** Resource types the mapping does not read, one line per type with its first position. */
const READ_TYPES: ReadonlySet<string> = new Set(Object.values(ARM));

function reportUnread(context: MapContext): void {
  const unread = new Map<string, InventoryResource[]>();
  for (const r of context.inventory.resources) if (!READ_TYPES.has(r.type)) unread.set(r.type, [...(unread.get(r.type) ?? []), r]);
  for (const [type, list] of [...unread].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const first = list[0] as InventoryResource;
    context.assume(null, `${list.length} resource${list.length === 1 ? '' : 's'} of type \`${type}\` (first: \`${first.name}\`): not a type the importer maps, not imported`, first.origin);
  }
}
