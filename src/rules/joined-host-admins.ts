// Rule `joined-host-admins`: Domain Admins are local administrators of every host joined to their
// domain, and Global Administrators and device administrators of every Entra-joined host of their
// tenant. Signed in to such a session host, their session is an administrator's: it controls the
// kernel with no boundary to cross, like a local admin's (rule admin-to-kernel).

import type { Deployment, Seat } from '../compile/deployment.js';
import type { Rule } from './rule.js';

export const joinedHostAdmins: Rule = {
  id: 'joined-host-admins',
  description: 'A Domain Admin\u2019s or tenant admin\u2019s session on a host joined to their domain or tenant controls its kernel.',
  guide:
    'Tenant administrators (Global Administrator on Entra-joined hosts) and AD DS Domain Admins are members of every joined host\u2019s local Administrators group by default: signed in to a session host, they are local admins there.',
  apply(deployment, edge) {
    const adminOn = joinedAdminsOf(deployment);
    for (const seat of deployment.seats) {
      const { member, pool } = seat;
      if (member.user.privilege === 'localAdmin' || !adminOn(seat)) continue;
      const placement = deployment.poolById.get(pool.id)!;
      const pinned = placement.vms.filter((vm) => vm.pinned.some((m) => m.session === seat.session));
      if (pinned.length > 0) for (const vm of pinned) edge(seat.session, vm.id);
      else if (pool.type === 'pooled') edge(seat.session, placement.hubs.admin);
    }
  },
};

/** Whether a seat's member is a local administrator of the seat's hosts by their domain or tenant role. */
function joinedAdminsOf(deployment: Deployment): (seat: Seat) => boolean {
  const { access, model } = deployment;
  // principal → domains where it is a Domain Admin, tenants where it is a Global or device administrator.
  const domainsOf = new Map<string, Set<string>>();
  const tenantsOf = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, principal: string, scope: string) =>
    (map.get(principal) ?? map.set(principal, new Set()).get(principal)!).add(scope);
  for (const effect of ['domainControl'] as const) for (const g of access.grants(effect)) add(domainsOf, g.assignment.principal, g.scope);
  for (const effect of ['tenantControl', 'deviceLocalAdmin'] as const) for (const g of access.grants(effect)) add(tenantsOf, g.assignment.principal, g.scope);
  if (domainsOf.size === 0 && tenantsOf.size === 0 && !model.users.some((u) => u.privilege === 'tenantAdmin')) return () => false;

  return (seat) => {
    const { user } = seat.member;
    const principals = [user.id, ...(deployment.groupsOf.get(user.id) ?? [])];
    const domain = access.domainOfPool.get(seat.pool.id);
    if (domain !== undefined && principals.some((p) => domainsOf.get(p)?.has(domain) === true)) return true;
    // Entra-joined and hybrid-joined hosts alike add the tenant's Global and device administrators.
    const tenant = deployment.subscriptionById.get(seat.pool.subscription)?.tenant;
    if (tenant === undefined) return false;
    if (user.privilege === 'tenantAdmin' && access.tenantOf(user.organization) === tenant) return true;
    return principals.some((p) => tenantsOf.get(p)?.has(tenant) === true);
  };
}
