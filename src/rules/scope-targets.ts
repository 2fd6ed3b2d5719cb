// What lies at an Azure scope, for the role rules: the VMs of its host pools and its data stores.

import type { Deployment, VmPlacement } from '../compile/deployment.js';
import type { DataLocation } from '../model/types.js';

/** An Azure resource scope (not a tenant or a domain). */
export function isAzureScope(deployment: Deployment, scope: string): boolean {
  const { model } = deployment;
  return !model.tenants.some((t) => t.id === scope) && !model.domains.some((d) => d.id === scope);
}

/** VMs of the host pools at or under a scope; `entraJoinedOnly` keeps pools joined to no AD DS domain. */
export function vmsIn(deployment: Deployment, scope: string, entraJoinedOnly = false): VmPlacement[] {
  return deployment.access
    .poolsIn(scope)
    .filter((p) => !entraJoinedOnly || !deployment.access.domainOfPool.has(p.pool.id))
    .flatMap((p) => p.vms);
}

/** Graph nodes of the data stores at or under a scope whose location is one of `locations`. */
export function dataNodesIn(deployment: Deployment, scope: string, locations: readonly DataLocation[]) {
  return deployment.access
    .dataIn(scope)
    .filter((d) => locations.includes(d.location))
    .flatMap((d) => (deployment.dataNodes.get(d.id) ?? []).map((n) => ({ store: d, node: n.node })));
}
