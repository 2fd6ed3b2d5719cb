// The one mapping from the inventory to indepth's model: organizations, host pools, application
// groups, role assignments, users and storage, each by its own small function, every gap an assumption.

import { parseArmId } from '../arm-id.js';
import { ARM, type Assumption, type Inventory, type InventoryResource } from '../inventory.js';
import type { DraftApp, ModelDraft } from '../model-draft.js';
import { mapApplicationGroups } from './application-groups.js';
import { MapContext, type MapOptions } from './context.js';
import { mapControls } from './controls.js';
import { mapHostPools } from './host-pools.js';
import { Organizations } from './organizations.js';
import { readGrants } from './principals.js';
import { mapStorage } from './storage.js';
import { Users } from './users.js';

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
  const users = new Users(context, orgs);
  const scopeOf = (scope: string): InventoryResource => context.get(scope) ?? scopeStandIn(scope, inventory);
  users.mapGrants(grants, pools, appGroups, scopeOf);
  const data = mapStorage(context, orgs, users, grants, pools);
  for (const pool of pools) {
    if (!users.drafts.some((u) => u.hostPool === pool.draft.id)) context.assume(`hostPools/${pool.draft.id}`, 'no user or group is assigned this pool in the input', pool.resource.origin);
  }
  reportUnread(context);
  const controls = mapControls(context);
  if (pools.length === 0) context.assume(null, 'the input holds no Azure Virtual Desktop host pool');
  const { organizations, tenants, subscriptions } = orgs.finish();
  if (organizations.length === 0) {
    // A model needs one organization; an input with nothing mappable still yields a valid model.
    const id = context.ids.allocate('organization:empty', 'imported');
    organizations.push({ id });
    tenants.push({ id: context.ids.allocate('tenant:empty', 'tenant'), organizations: [id] });
    context.assume(`organizations/${id}`, 'nothing in the input maps to an organization: one placeholder organization');
  }
  const model: ModelDraft = {
    name: options.name,
    description: `Imported by \`indepth import\` from ${inventory.resources.length} Azure resources; review every \`assumed\` comment.`,
    organizations,
    tenants,
    subscriptions,
    hostPools: pools.map((p) => p.draft),
    apps,
    users: users.drafts,
    data,
    controls,
  };
  return { model, assumptions: [...inventory.assumptions, ...context.assumptions] };
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

/** A scope the input does not hold as a resource (a subscription, a resource group): its parts only. */
function scopeStandIn(scope: string, inventory: Inventory): InventoryResource {
  const parsed = parseArmId(scope);
  const sample = inventory.resources.find((r) => r.subscription !== null && r.subscription.toLowerCase() === parsed.subscription?.toLowerCase());
  return {
    type: parsed.type ?? (parsed.resourceGroup !== null ? 'microsoft.resources/resourcegroups' : 'microsoft.resources/subscriptions'),
    id: scope,
    name: parsed.name ?? parsed.resourceGroup ?? parsed.subscription ?? scope,
    subscription: parsed.subscription,
    resourceGroup: parsed.resourceGroup,
    tenant: sample?.tenant ?? null,
    properties: {},
    tags: {},
    origin: sample?.origin ?? { file: '', line: 1, column: 1 },
  };
}
