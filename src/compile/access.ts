// Facts of identity and access derived once for the rules: which graph nodes act as each principal,
// what lies under each Azure scope (management group → subscription → resource group → resource,
// inherited downward), and every role grant by effect. Rules read these; none re-derives them.

import { ROLES, type RoleEffect } from '../domain/roles.js';
import type { RoleAssignment } from '../model/access-types.js';
import type { DataStore, Model } from '../model/types.js';
import { pushTo } from '../util/group-by.js';
import { memoize } from '../util/memoize.js';
import type { Member, PoolPlacement } from './deployment.js';

/** One role grant: an edge source (the principal's node, or its PIM activation node) and the scope. */
export interface Grant {
  readonly from: string;
  readonly scope: string;
  readonly assignment: RoleAssignment;
}

/** A PIM-eligible assignment's activation: the node between the principal and what the role grants. */
export interface Activation {
  readonly node: string;
  readonly principals: readonly string[];
  readonly assignment: RoleAssignment;
  readonly label: string;
}

export interface AccessFacts {
  /** Graph nodes that act as a principal: a user entry's members, a group, a managed identity. */
  principalNodes(principal: string): readonly string[];
  /** Every grant of roles with this effect, in assignment order. */
  grants(effect: RoleEffect): readonly Grant[];
  readonly activations: readonly Activation[];
  /** Host pools (with their VMs) at or under an Azure scope. */
  poolsIn(scope: string): readonly PoolPlacement[];
  /** Data stores at or under an Azure scope. */
  dataIn(scope: string): readonly DataStore[];
  /** Tenant of an organization's principals. */
  tenantOf(organization: string): string | undefined;
  /** Domains whose session hosts join each pool (AD DS- or hybrid-joined); absent: Microsoft Entra joined. */
  readonly domainOfPool: ReadonlyMap<string, string>;
}

/** The activation node of the i-th role assignment (0-based) when it is PIM-eligible; `:`, not `#`, which numbers the members of a user entry. */
export function activationId(index: number): string {
  return `role-assignment:${index + 1}/activation`;
}

export function deriveAccess(
  model: Model,
  members: ReadonlyMap<string, readonly Member[]>,
  pools: readonly PoolPlacement[],
): AccessFacts {
  const groupIds = new Set(model.groups.map((g) => g.id));
  const identityIds = new Set(model.managedIdentities.map((i) => i.id));
  const principalNodes = (principal: string): readonly string[] =>
    groupIds.has(principal) || identityIds.has(principal) ? [principal] : (members.get(principal) ?? []).map((m) => m.id);

  const tenantOfOrg = new Map<string, string>();
  for (const t of model.tenants) for (const org of t.organizations) tenantOfOrg.set(org, t.id);

  // Scope tree, leaves first: what each scope holds directly.
  const poolsBySub = new Map<string, PoolPlacement[]>();
  for (const p of pools) pushTo(poolsBySub, p.pool.subscription, p);
  const dataBySub = new Map<string, DataStore[]>();
  for (const d of model.data) if (d.subscription !== null) pushTo(dataBySub, d.subscription, d);
  const poolById = new Map(pools.map((p) => [p.pool.id, p] as const));
  const dataById = new Map(model.data.map((d) => [d.id, d] as const));
  const rgById = new Map(model.resourceGroups.map((g) => [g.id, g] as const));
  const childMgs = new Map<string, string[]>();
  for (const mg of model.managementGroups) if (mg.parent !== null) pushTo(childMgs, mg.parent, mg.id);
  const mgById = new Map(model.managementGroups.map((g) => [g.id, g] as const));

  /** Subscriptions under a management group, following child groups (a cycle is visited once). */
  const subscriptionsUnder = (mg: string): string[] => {
    const seen = new Set<string>();
    const subs: string[] = [];
    const stack = [mg];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      subs.push(...(mgById.get(id)?.subscriptions ?? []));
      stack.push(...(childMgs.get(id) ?? []));
    }
    return subs;
  };
  const poolsIn = memoize((scope: string): readonly PoolPlacement[] => {
    if (mgById.has(scope)) return subscriptionsUnder(scope).flatMap((s) => poolsBySub.get(s) ?? []);
    if (rgById.has(scope)) return rgById.get(scope)!.resources.flatMap((r) => poolById.get(r) ?? []);
    if (poolById.has(scope)) return [poolById.get(scope)!];
    return poolsBySub.get(scope) ?? [];
  });
  const dataIn = memoize((scope: string): readonly DataStore[] => {
    if (mgById.has(scope)) return subscriptionsUnder(scope).flatMap((s) => dataBySub.get(s) ?? []);
    if (rgById.has(scope)) return rgById.get(scope)!.resources.flatMap((r) => dataById.get(r) ?? []);
    if (dataById.has(scope)) return [dataById.get(scope)!];
    return dataBySub.get(scope) ?? [];
  });

  const activations: Activation[] = [];
  const grantsByEffect = new Map<RoleEffect, Grant[]>();
  model.roleAssignments.forEach((assignment, index) => {
    const holders = principalNodes(assignment.principal);
    let sources = holders;
    if (assignment.eligible) {
      const node = activationId(index);
      activations.push({
        node,
        principals: holders,
        assignment,
        label: `${assignment.role} on ${assignment.scope}, PIM-eligible: activated by ${groupIds.has(assignment.principal) ? `any member of ${assignment.principal}` : assignment.principal} with their own credentials and MFA`,
      });
      sources = [node];
    }
    for (const effect of ROLES[assignment.role].effects) {
      for (const from of sources) pushTo(grantsByEffect, effect, { from, scope: assignment.scope, assignment });
    }
  });

  const domainOfPool = new Map<string, string>();
  for (const d of model.domains) for (const p of d.hostPools) if (!domainOfPool.has(p)) domainOfPool.set(p, d.id);

  return {
    principalNodes,
    grants: (effect) => grantsByEffect.get(effect) ?? [],
    activations,
    poolsIn,
    dataIn,
    tenantOf: (org) => tenantOfOrg.get(org),
    domainOfPool,
  };
}
