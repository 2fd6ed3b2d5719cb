// Rule `joined-host-admins`: Domain Admins are local administrators of every host joined to their
// domain, and Global Administrators and device administrators of every Entra-joined host of their
// tenant. Signed in to such a session host, their session is an administrator's: it controls the
// kernel with no boundary to cross, like a local admin's (rule admin-to-kernel).

import { joinedHostAdminsOf } from '../compile/joined-host-admins.js';
import type { Rule } from './rule.js';

export const joinedHostAdmins: Rule = {
  id: 'joined-host-admins',
  description: 'A Domain Admin\u2019s or tenant admin\u2019s session on a host joined to their domain or tenant controls its kernel.',
  guide:
    'Tenant administrators (Global Administrator on Entra-joined hosts) and AD DS Domain Admins are members of every joined host\u2019s local Administrators group by default: signed in to a session host, they are local admins there.',
  apply(deployment, edge) {
    const adminsOf = joinedHostAdminsOf(deployment);
    for (const seat of deployment.seats) {
      const { member, pool } = seat;
      if (member.user.privilege === 'localAdmin' || adminsOf(seat).length === 0) continue;
      const placement = deployment.poolById.get(pool.id)!;
      const pinned = placement.vms.filter((vm) => vm.pinned.some((m) => m.session === seat.session));
      if (pinned.length > 0) for (const vm of pinned) edge(seat.session, vm.id);
      else if (pool.type === 'pooled') edge(seat.session, placement.hubs.admin);
    }
  },
};
