// Policy `no-domain-admin-on-pooled-hosts`: Domain Admins are local administrators of every host
// joined to their domain; signed in to a pooled multi-session host, their session controls its
// kernel and every co-resident user — and their own credentials, the whole domain, are exposed there.

import { joinedHostAdminsOf } from '../compile/joined-host-admins.js';
import { definePolicy } from './policy.js';

export const noDomainAdminOnPooledHosts = definePolicy({
  id: 'no-domain-admin-on-pooled-hosts',
  title: 'No Domain Admins signing in to pooled multi-session hosts',
  description: 'No member of Domain Admins (directly or through a group) signs in to a `pooled` host pool joined to that domain.',
  guide:
    'We don\u2019t recommend giving users local admin privileges in multi-session pooled scenarios because these users can cross security boundaries for sessions or NTFS data permissions, shut down multi-session VMs, or do other things that could interrupt service or cause data losses.',
  fix: 'Keep Domain Admin accounts off session hosts: give the person a separate standard account for AVD, and administer from a privileged access workstation.',
  severity: 'error',
  needsBaseline: false,
  settings: {},
  evaluate({ context }) {
    const { deployment } = context.prepared;
    const adminsOf = joinedHostAdminsOf(deployment);
    const reported = new Set<string>();
    return deployment.seats.flatMap((seat) => {
      const { user } = seat.member;
      const admin = seat.pool.type === 'pooled' ? adminsOf(seat).find((a) => a.basis === 'domain') : undefined;
      const key = `${user.id}@${seat.pool.id}`;
      if (admin === undefined || reported.has(key)) return [];
      reported.add(key);
      const { scope: domain, via } = admin;
      return [
        {
          asset: key,
          message: `\`${user.id}\` is a Domain Admin of \`${domain}\`${via === user.id ? '' : ` (through group \`${via}\`)`} and signs in to pooled host pool \`${seat.pool.id}\`, joined to that domain: their session is a local administrator\u2019s, so it controls the hosts and every co-resident user with no boundary failure, and a compromised host yields their Domain Admin credentials.`,
          fix: `Give \`${user.id}\` a separate standard account for \`${seat.pool.id}\`, and keep Domain Admin sign-ins to domain controllers and privileged access workstations.`,
          location: context.locate(`users/${user.id}`),
          related: [{ location: context.locate(`hostPools/${seat.pool.id}`), message: `pooled host pool \`${seat.pool.id}\` joined to \`${domain}\`` }],
        },
      ];
    });
  },
});
