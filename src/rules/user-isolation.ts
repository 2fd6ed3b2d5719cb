// Rule `user-isolation`: one user's code reaches other users' files on the same VM (their mounted
// profile containers, guarded by NTFS permissions) only across the user boundary.

import { hostGroups, type Rule } from './rule.js';

export const userIsolation: Rule = {
  id: 'user-isolation',
  description: 'Unprivileged code reaches profiles of co-resident users only if the user boundary fails.',
  guide: 'A user can\u2019t access or tamper with the code and data of another user without being authorized.',
  apply(deployment, edge) {
    for (const pool of deployment.pools) {
      const groups = hostGroups(pool.pool.osBuild, pool.pool.id);
      for (const vm of pool.vms) {
        edge(vm.unprivileged, vm.profiles, { boundary: 'user', place: vm.id, groups });
      }
    }
  },
};
