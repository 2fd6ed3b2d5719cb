// Policy `no-local-admin-on-pooled-hosts`: a local administrator's code controls the kernel of every
// multi-session host they sign in to, and with it every co-resident user, with no boundary failure.

import type { Seat } from '../compile/deployment.js';
import { joinedHostAdminsOf, type JoinedHostAdmin } from '../compile/joined-host-admins.js';
import { definePolicy } from './policy.js';

export const noLocalAdminOnPooledHosts = definePolicy({
  id: 'no-local-admin-on-pooled-hosts',
  title: 'No local administrators on pooled multi-session hosts',
  description:
    'A local administrator of session hosts (`privilege: localAdmin`; a `tenantAdmin`, or a holder of Global Administrator, another tenant-controlling role or an Entra device administrator role, on hosts of their own tenant) must not sign in to a `pooled` host pool. Domain Admins have their own policy, `no-domain-admin-on-pooled-hosts`.',
  guide:
    'We don\u2019t recommend giving users local admin privileges in multi-session pooled scenarios because these users can cross security boundaries for sessions or NTFS data permissions, shut down multi-session VMs, or do other things that could interrupt service or cause data losses.',
  fix: 'Give users who need local administrative privileges a personal desktop (a host pool with `type: personal`), or remove the privilege.',
  severity: 'error',
  needsBaseline: false,
  settings: {},
  evaluate({ context }) {
    const { deployment } = context.prepared;
    const adminsOf = joinedHostAdminsOf(deployment);
    // One finding per user: the first pooled pool they administer (the user's entry is the location).
    const first = new Map<string, { seat: Seat; role: string; fix: string }>();
    for (const seat of deployment.seats) {
      const { user } = seat.member;
      if (seat.pool.type !== 'pooled' || first.has(user.id)) continue;
      const tenantRole = adminsOf(seat).find((a) => a.basis === 'tenant');
      if (user.privilege === 'localAdmin') {
        first.set(user.id, { seat, role: 'a local administrator', fix: 'drop `privilege: localAdmin`' });
      } else if (tenantRole !== undefined) {
        first.set(user.id, { seat, role: describe(tenantRole, user.id), fix: dropFix(tenantRole) });
      }
    }
    return [...first.values()].map(({ seat, role, fix }) => {
      const { user } = seat.member;
      const pool = seat.pool.id;
      const others = (deployment.membersOfPool.get(pool) ?? []).filter((m) => m.user.id !== user.id).length;
      return {
        asset: user.id,
        message: `User \`${user.id}\` is ${role} on pooled host pool \`${pool}\`: administrator-to-kernel is not a security boundary, so their code controls the hosts and every co-resident user\u2019s sessions and data (${others} other ${others === 1 ? 'user' : 'users'}) with no boundary failure.`,
        fix: `Give \`${user.id}\` a personal desktop (a host pool with \`type: personal\`) instead of \`${pool}\`, or ${fix}.`,
        location: context.locate(`users/${user.id}`),
        related: [{ location: context.locate(`hostPools/${pool}`), message: `pooled host pool \`${pool}\`` }],
      };
    });
  },
});

/** "a tenant administrator, and so …" for the shorthand; the role and the group it comes through otherwise. */
function describe(admin: JoinedHostAdmin, user: string): string {
  if (admin.role === 'tenantAdmin') return 'a tenant administrator, and so a local administrator of the joined hosts,';
  const through = admin.via === user ? '' : ` (through group \`${admin.via}\`)`;
  return `a holder of \`${admin.role}\`${through} in tenant \`${admin.scope}\`, and so a local administrator of its joined hosts,`;
}

function dropFix(admin: JoinedHostAdmin): string {
  if (admin.role === 'tenantAdmin') return 'drop `privilege: tenantAdmin` for the account that signs in (a separate, unprivileged account for desktop work)';
  return `sign in with a separate account that does not hold \`${admin.role}\` (administer from a privileged access workstation)`;
}
