// Rule `process-isolation`: a user-mode process reaches another user's processes on the same VM
// (and with them that user's session) only across the process boundary.

import { hostGroups, type Rule } from './rule.js';

export const processIsolation: Rule = {
  id: 'process-isolation',
  description: 'Unprivileged code reaches other users\u2019 processes on its VM only if the process boundary fails.',
  guide: 'An unauthorized user mode process can\u2019t access or tamper with the code and data of another process.',
  apply(deployment, edge) {
    for (const pool of deployment.pools) {
      const groups = hostGroups(pool.pool.osBuild, pool.pool.id);
      for (const vm of pool.vms) {
        edge(vm.unprivileged, vm.sessions, { boundary: 'process', place: vm.id, groups });
      }
    }
  },
};
