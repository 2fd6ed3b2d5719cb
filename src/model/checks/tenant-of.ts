// The tenant of a principal (user, group, managed identity: its organization's) and of an Azure
// scope (management group, subscription, resource group, host pool, data store), for checks that
// compare them. Undefined where the model does not say (invalid or unknown ids, reported elsewhere).

import type { Model } from '../types.js';
import { byId, type Draft } from './model-check.js';

export interface TenantLookup {
  ofPrincipal(principal: string): string | undefined;
  ofScope(scope: string): string | undefined;
  /** Tenants a user is invited into as a B2B guest. */
  guestTenantsOf(user: string): ReadonlySet<string>;
}

export function tenantLookup(model: Draft<Model>): TenantLookup {
  const tenantOfOrg = new Map<string, string>();
  for (const t of model.tenants ?? []) for (const org of t.organizations ?? []) if (t.id !== undefined && !tenantOfOrg.has(org)) tenantOfOrg.set(org, t.id);
  const orgOf = new Map<string, string | undefined>();
  for (const list of [model.users, model.groups, model.managedIdentities]) {
    for (const e of list ?? []) if (e.id !== undefined) orgOf.set(e.id, e.organization);
  }
  const subs = byId(model.subscriptions);
  const mgs = byId(model.managementGroups);
  const rgs = byId(model.resourceGroups);
  const pools = byId(model.hostPools);
  const data = byId(model.data);
  const tenants = byId(model.tenants);
  const guests = new Map<string, Set<string>>();
  for (const g of model.guests ?? []) {
    if (g.user === undefined || g.tenant === undefined) continue;
    (guests.get(g.user) ?? guests.set(g.user, new Set()).get(g.user)!).add(g.tenant);
  }
  const ofSub = (id: string | null | undefined) => (id == null ? undefined : subs.get(id)?.tenant);
  return {
    ofPrincipal(principal) {
      const org = orgOf.get(principal);
      return org === undefined ? undefined : tenantOfOrg.get(org);
    },
    ofScope(scope) {
      if (tenants.has(scope)) return scope;
      if (mgs.has(scope)) return mgs.get(scope)!.tenant;
      if (subs.has(scope)) return subs.get(scope)!.tenant;
      if (rgs.has(scope)) return ofSub(rgs.get(scope)!.subscription);
      if (pools.has(scope)) return ofSub(pools.get(scope)!.subscription);
      const store = data.get(scope);
      if (store !== undefined) return store.subscription != null ? ofSub(store.subscription) : store.organization === undefined ? undefined : tenantOfOrg.get(store.organization);
      return undefined;
    },
    guestTenantsOf: (user) => guests.get(user) ?? new Set(),
  };
}
