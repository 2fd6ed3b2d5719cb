// Users a session host is assigned to (`assignedUser`: the owner of a personal desktop, or a pin on a
// pooled host): a `users` entry with the pool as its `hostPool`, and on a pooled pool its VM number.

import type { Identities } from './identities.js';
import type { MapContext } from './context.js';
import type { MappedPool } from './host-pools.js';
import type { Principal } from './principals.js';
import type { DraftUser } from '../model-draft.js';

export function mapPinnedUsers(context: MapContext, pools: readonly MappedPool[], identities: Identities): void {
  for (const pool of pools) {
    pool.sessionHosts.forEach((host, index) => {
      if (host.assignedUser === null) return;
      const principal: Principal = { key: `upn:${host.assignedUser.toLowerCase()}`, name: host.assignedUser, kind: 'user', memberCount: null, origin: host.origin };
      const id = identities.entry(principal, pool.organization, `assigned session host \`${host.name}\``);
      const user = identities.users.find((u) => u.id === id) as DraftUser;
      if (user.hostPool !== undefined) {
        context.assume(`users/${id}`, `\`${host.assignedUser}\` is also assigned session host \`${host.name}\`: only the first assignment is modelled`, host.origin);
        return;
      }
      user.hostPool = pool.draft.id;
      if (pool.draft.type === 'pooled') user.vm = index + 1;
    });
  }
}
