// Shared by the identity policies: which organizations sign in to each host pool, and which
// organizations' pools and data lie under an Azure scope (management group, subscription, resource
// group or resource), following the same inheritance the role rules use.

import type { Deployment, PoolPlacement } from '../compile/deployment.js';

/** Organizations with a session on the pool, in model order of the organizations. */
export function poolOrganizations(deployment: Deployment, pool: PoolPlacement): string[] {
  const orgs = new Set<string>();
  for (const m of pool.floating) orgs.add(m.user.organization);
  for (const vm of pool.vms) for (const m of vm.pinned) orgs.add(m.user.organization);
  return deployment.model.organizations.map((o) => o.id).filter((id) => orgs.has(id));
}

/** Organizations whose sessions or data lie at or under an Azure scope. */
export function scopeOrganizations(deployment: Deployment, scope: string): string[] {
  const orgs = new Set<string>();
  for (const pool of deployment.access.poolsIn(scope)) for (const org of poolOrganizations(deployment, pool)) orgs.add(org);
  for (const store of deployment.access.dataIn(scope)) orgs.add(store.organization);
  return deployment.model.organizations.map((o) => o.id).filter((id) => orgs.has(id));
}
