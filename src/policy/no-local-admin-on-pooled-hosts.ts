// Policy `no-local-admin-on-pooled-hosts`: a local administrator's code controls the kernel of every
// multi-session host they sign in to, and with it every co-resident user, with no boundary failure.

import { definePolicy } from './policy.js';

export const noLocalAdminOnPooledHosts = definePolicy({
  id: 'no-local-admin-on-pooled-hosts',
  title: 'No local administrators on pooled multi-session hosts',
  description: 'A local administrator of session hosts (`privilege: localAdmin`, or a `tenantAdmin` on hosts joined to their own directory) must not sign in to a `pooled` host pool.',
  guide:
    'We don\u2019t recommend giving users local admin privileges in multi-session pooled scenarios because these users can cross security boundaries for sessions or NTFS data permissions, shut down multi-session VMs, or do other things that could interrupt service or cause data losses.',
  fix: 'Give users who need local administrative privileges a personal desktop (a host pool with `type: personal`), or remove the privilege.',
  severity: 'error',
  needsBaseline: false,
  settings: {},
  evaluate({ context }) {
    const { model, deployment } = context.prepared;
    return model.users.flatMap((user) => {
      const pool = user.hostPool === null ? undefined : deployment.poolById.get(user.hostPool);
      // A tenant admin is a local admin of the hosts joined to their directory (Member.hostAdmin).
      const admin = deployment.members.get(user.id)?.[0]?.hostAdmin ?? false;
      if (!admin || pool === undefined || pool.pool.type !== 'pooled') return [];
      const role = user.privilege === 'localAdmin' ? 'a local administrator' : 'a tenant administrator, and so a local administrator of the joined hosts,';
      const others = deployment.allMembers.filter((m) => m.user.hostPool === pool.pool.id && m.user.id !== user.id).length;
      return [
        {
          asset: user.id,
          message: `User \`${user.id}\` is ${role} on pooled host pool \`${pool.pool.id}\`: administrator-to-kernel is not a security boundary, so their code controls the hosts and every co-resident user\u2019s sessions and data (${others} other ${others === 1 ? 'user' : 'users'}) with no boundary failure.`,
          fix: `Give \`${user.id}\` a personal desktop (a host pool with \`type: personal\`) instead of \`${pool.pool.id}\`, or drop \`privilege: ${user.privilege}\`${user.privilege === 'localAdmin' ? '' : ' for the account that signs in (a separate, unprivileged account for desktop work)'}.`,
          location: context.locate(`users/${user.id}`),
          related: [{ location: context.locate(`hostPools/${pool.pool.id}`), message: `pooled host pool \`${pool.pool.id}\`` }],
        },
      ];
    });
  },
});
