// Policy `no-shared-multi-session-pool`: users of different organizations must not share the
// multi-session hosts of a pooled host pool, where a single failure joins them.

import { andList } from './joins.js';
import { definePolicy } from './policy.js';

export const noSharedMultiSessionPool = definePolicy({
  id: 'no-shared-multi-session-pool',
  title: 'No multi-session host pool shared across organizations',
  description:
    'The users of a `pooled` host pool all belong to one organization, or to organizations of one `full` trust group (the model\u2019s `trust` with `level: full`, or the policy file\u2019s `trusted`): a `data`-level trust group shares data stores, not hosts.',
  guide:
    'Microsoft doesn\u2019t support granting users that work for different or competing companies access to the same multi-session environment.',
  fix: 'Give each organization its own host pool.',
  severity: 'error',
  needsBaseline: false,
  settings: {},
  evaluate({ context, trust }) {
    const { model, deployment } = context.prepared;
    return deployment.pools.flatMap(({ pool }) => {
      if (pool.type !== 'pooled') return [];
      // Everyone with a session there: their own `hostPool` or an application group's assignment.
      const users = (deployment.membersOfPool.get(pool.id) ?? []).map((m) => m.user);
      const orgs = model.organizations.map((o) => o.id).filter((org) => users.some((u) => u.organization === org));
      // Sharing a multi-session host is the guide's accepted case only for a workgroup whose users "can
      // access each other's personal information": `full` trust, not `data`.
      if (orgs.length < 2 || trust.within(orgs, 'full')) return [];
      return [
        {
          asset: pool.id,
          message: `Pooled host pool \`${pool.id}\` puts users of ${andList(orgs)} on the same multi-session hosts: a single failure of the kernel, session, user or process boundary exposes one organization\u2019s sessions, credentials and data to the other.`,
          fix: `Give each of ${andList(orgs)} its own host pool (and, as the guide recommends, its own subscription and identity tenant) instead of sharing \`${pool.id}\`.`,
          location: context.locate(`hostPools/${pool.id}`),
          related: orgs.map((org) => {
            const first = users.find((u) => u.organization === org)!;
            return { location: context.locate(`users/${first.id}`), message: `user \`${first.id}\` of ${org} signs in to \`${pool.id}\`` };
          }),
        },
      ];
    });
  },
});
