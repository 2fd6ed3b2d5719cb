// Who administers a session host by a directory role: AD DS Domain Admins of the domain it joins,
// and an Entra tenant's Global (and other tenant-controlling) and device administrators. One
// definition for the rule that gives their sessions the kernel and the policies that flag them.

import type { Deployment, Seat } from './deployment.js';

/**
 * Why a seat's member is a local administrator of the seat's hosts by a directory role.
 * `basis`: `domain` (Domain Admins of the AD DS domain the pool joins) or `tenant` (a role with effect
 * `tenantControl` or `deviceLocalAdmin` in the tenant of the pool's subscription, or the model's
 * `privilege: tenantAdmin` shorthand); `scope`: that domain or tenant id; `role`: the role name
 * (`tenantAdmin` for the shorthand); `via`: the principal holding it (the user, or a group of theirs).
 */
export interface JoinedHostAdmin {
  readonly basis: 'domain' | 'tenant';
  readonly scope: string;
  readonly role: string;
  readonly via: string;
}

/**
 * The directory roles that make each seat's member a local administrator of its hosts, domain first,
 * in role-assignment order; `[]` for none. Sources (Microsoft Learn): Domain Admins are members of
 * every domain-joined computer's Administrators group ("Appendix B: Privileged accounts and groups in
 * Active Directory"); Global Administrator and Microsoft Entra Joined Device Local Administrator are
 * added to the local Administrators group of Entra-joined devices ("Manage the local administrators
 * group on Microsoft Entra joined devices"), and the roles that can make themselves Global
 * Administrator count as it (worst case). Pure: reads `deployment.access` grants and group membership.
 */
export function joinedHostAdminsOf(deployment: Deployment): (seat: Seat) => readonly JoinedHostAdmin[] {
  const { access, model } = deployment;
  // scope (domain or tenant) → [principal, role] pairs holding it, in assignment order.
  const domainHolders = new Map<string, [string, string][]>();
  const tenantHolders = new Map<string, [string, string][]>();
  const add = (map: Map<string, [string, string][]>, scope: string, principal: string, role: string) =>
    (map.get(scope) ?? map.set(scope, []).get(scope)!).push([principal, role]);
  for (const g of access.grants('domainControl')) add(domainHolders, g.scope, g.assignment.principal, g.assignment.role);
  for (const effect of ['tenantControl', 'deviceLocalAdmin'] as const) {
    for (const g of access.grants(effect)) add(tenantHolders, g.scope, g.assignment.principal, g.assignment.role);
  }
  if (domainHolders.size === 0 && tenantHolders.size === 0 && !model.users.some((u) => u.privilege === 'tenantAdmin')) return () => [];

  return (seat) => {
    const { user } = seat.member;
    const principals = new Set([user.id, ...(deployment.groupsOf.get(user.id) ?? [])]);
    const out: JoinedHostAdmin[] = [];
    const domain = access.domainOfPool.get(seat.pool.id);
    if (domain !== undefined) {
      for (const [via, role] of domainHolders.get(domain) ?? []) if (principals.has(via)) out.push({ basis: 'domain', scope: domain, role, via });
    }
    // Entra-joined and hybrid-joined hosts alike add the tenant's Global and device administrators.
    const tenant = deployment.subscriptionById.get(seat.pool.subscription)?.tenant;
    if (tenant === undefined) return out;
    if (user.privilege === 'tenantAdmin' && access.tenantOf(user.organization) === tenant) {
      out.push({ basis: 'tenant', scope: tenant, role: 'tenantAdmin', via: user.id });
    }
    for (const [via, role] of tenantHolders.get(tenant) ?? []) if (principals.has(via)) out.push({ basis: 'tenant', scope: tenant, role, via });
    return out;
  };
}
