// Shared by the role rules: connect every holder of an effect to the effect's hub at each scope, and
// hand back the scopes so the rule connects each hub once to what the effect reaches there.

import type { Deployment } from '../compile/deployment.js';
import { effectHubId, type RoleEffect } from '../domain/roles.js';
import type { EmitEdge } from './rule.js';

/** Emits holder → `scope/can:effect` for every grant; returns each scope once with its hub id. */
export function grantHubs(deployment: Deployment, effect: RoleEffect, edge: EmitEdge): ReadonlyMap<string, string> {
  const hubs = new Map<string, string>();
  for (const grant of deployment.access.grants(effect)) {
    let hub = hubs.get(grant.scope);
    if (hub === undefined) hubs.set(grant.scope, (hub = effectHubId(grant.scope, effect)));
    edge(grant.from, hub);
  }
  return hubs;
}

/** Members of every organization of a tenant, in model order. */
export function tenantMembers(deployment: Deployment, tenant: string) {
  return deployment.allMembers.filter((m) => deployment.access.tenantOf(m.user.organization) === tenant);
}
