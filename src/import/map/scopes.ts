// Azure scopes as model scopes: a subscription, a resource group (holding host pools and data
// stores), a management group, or one resource (a host pool, a data store). A role assigned on a
// resource the model has no entity for (a VM, a storage account) lands on the entity it belongs to.

import { normalize, parseArmId, scopeContains } from '../arm-id.js';
import type { DraftManagementGroup, DraftResourceGroup } from '../model-draft.js';
import type { MapContext } from './context.js';
import type { MappedPool } from './host-pools.js';
import type { Organizations } from './organizations.js';
import type { MappedStore } from './storage.js';

/** One model scope a role assignment lands on, and how the input's scope became it (when not 1:1). */
export interface ModelScope {
  readonly id: string;
  readonly note?: string;
  /** The model scope is wider than the Azure one (the worst case), not just its model name. */
  readonly widened?: boolean;
}

const MANAGEMENT_GROUP = /^\/?providers\/microsoft\.management\/managementgroups\/([^/]+)$/i;

export class Scopes {
  readonly resourceGroups: DraftResourceGroup[] = [];
  private readonly managementGroupIds = new Map<string, { id: string; tenant: string | null }>();

  constructor(
    private readonly context: MapContext,
    private readonly orgs: Organizations,
    private readonly pools: readonly MappedPool[],
    private readonly stores: readonly MappedStore[],
  ) {}

  /** The model scopes of an ARM scope; empty when it holds nothing the model has. `tenant` is the assignment's, if known. */
  resolve(scope: string, tenant: string | null): ModelScope[] {
    const mg = MANAGEMENT_GROUP.exec(scope.replace(/\/+$/, ''));
    if (mg !== null) return [{ id: this.managementGroup(mg[1] as string, tenant) }];
    const parsed = parseArmId(scope);
    if (parsed.subscription === null) return [];
    if (parsed.resourceGroup === null && parsed.type === null) {
      return [{ id: this.orgs.subscriptionFor(parsed.subscription) }];
    }
    if (parsed.type === null) return this.resourceGroup(scope, parsed.subscription, parsed.resourceGroup as string);
    return this.resource(scope);
  }

  /** A resource scope: the host pool of a VM, session host, application group or the pool itself; the stores of a storage account or share. */
  private resource(scope: string): ModelScope[] {
    for (const pool of this.pools) {
      if (scopeContains(scope, pool.resource.id)) return [{ id: pool.draft.id }];
      const vm = pool.sessionHosts.find((h) => h.vmId !== null && scopeContains(scope, h.vmId));
      if (vm !== undefined) {
        return [{ id: pool.draft.id, widened: true, note: `the session host VM \`${vm.name}\` is not a model entity: widened to its host pool \`${pool.draft.id}\` (the worst case: a pool's VMs are alike)` }];
      }
      if (scopeContains(pool.resource.id, scope)) return [{ id: pool.draft.id, widened: true, note: `a resource of host pool \`${pool.draft.id}\`: modelled on the pool` }];
    }
    const stores = this.stores.filter((s) => scopeContains(scope, s.resource.id) || scopeContains(s.resource.id, scope) || scopeContains(scope, s.account.id));
    return stores.map((s) => (normalize(s.resource.id) === normalize(scope) ? { id: s.draft.id } : { id: s.draft.id, note: `on storage account \`${s.account.name}\`: every share of it, \`${s.draft.id}\` included` }));
  }

  /**
   * A resource group holds the host pools whose session host VMs are in it (or, without known VMs,
   * whose pool object is) and the data stores of its storage accounts. A pool whose object is here
   * but whose VMs are elsewhere is a scope of its own (a role there reaches the pool object only;
   * modelled on the whole pool, the worst case).
   */
  private resourceGroup(scope: string, subscription: string, name: string): ModelScope[] {
    const pools = this.pools.filter((p) => this.poolGroup(p) === normalize(scope));
    const stores = this.stores.filter((s) => scopeContains(scope, s.account.id));
    const objectsOnly = this.pools.filter((p) => !pools.includes(p) && scopeContains(scope, p.resource.id));
    const result: ModelScope[] = objectsOnly.map((p) => ({ id: p.draft.id, widened: true, note: `resource group \`${name}\` holds host pool \`${p.draft.id}\` but not its session hosts: modelled on the whole pool (the worst case)` }));
    if (pools.length === 0 && stores.length === 0) return result;
    const subscriptionId = this.orgs.subscriptionFor(subscription);
    let rg = this.resourceGroups.find((g) => g.id === this.context.ids.allocate(`rg:${normalize(scope)}`, name));
    if (rg === undefined) {
      rg = { id: this.context.ids.allocate(`rg:${normalize(scope)}`, name), subscription: subscriptionId, resources: [...pools.map((p) => p.draft.id), ...stores.map((s) => s.draft.id)] };
      this.resourceGroups.push(rg);
      this.context.read(`resourceGroups/${rg.id}`, `resource group \`${name}\`: ${rg.resources.map((r) => `\`${r}\``).join(', ')}${pools.length > 0 ? ' (a host pool is where its session host VMs are)' : ''}`);
    }
    return [{ id: rg.id }, ...result];
  }

  /** The resource group (normalized id) of a pool: its session hosts' VMs' if they share one, else the pool object's. */
  private poolGroup(pool: MappedPool): string {
    const groups = new Set(pool.sessionHosts.flatMap((h) => (h.vmId === null ? [] : [rgOf(h.vmId)])).filter((g): g is string => g !== null));
    if (groups.size === 1) return [...groups][0] as string;
    return rgOf(pool.resource.id) ?? '';
  }

  isManagementGroup(id: string): boolean {
    return [...this.managementGroupIds.values()].some((m) => m.id === id);
  }

  private managementGroup(name: string, tenant: string | null): string {
    const known = this.managementGroupIds.get(name.toLowerCase());
    if (known !== undefined) return known.id;
    const id = this.context.ids.allocate(`mg:${name.toLowerCase()}`, name);
    this.managementGroupIds.set(name.toLowerCase(), { id, tenant });
    return id;
  }

  /**
   * Management groups, once tenants and subscriptions are known: the input does not say which
   * subscriptions sit under a management group, so each holds every imported subscription of its
   * tenant (the worst case), stated.
   */
  managementGroups(subscriptionsOfTenant: (tenant: string | null) => { tenant: string; subscriptions: string[] } | null): DraftManagementGroup[] {
    const result: DraftManagementGroup[] = [];
    for (const [name, { id, tenant }] of this.managementGroupIds) {
      const found = subscriptionsOfTenant(tenant);
      if (found === null) continue;
      result.push({ id, tenant: found.tenant, subscriptions: found.subscriptions });
      this.context.assume(`managementGroups/${id}`, `management group \`${name}\`: which subscriptions it holds is not in the input; assumed every imported subscription of its tenant (the worst case)`, undefined, 'subscriptions');
    }
    return result;
  }
}

function rgOf(id: string): string | null {
  const parsed = parseArmId(id);
  return parsed.subscription === null || parsed.resourceGroup === null ? null : normalize(`/subscriptions/${parsed.subscription}/resourceGroups/${parsed.resourceGroup}`);
}
