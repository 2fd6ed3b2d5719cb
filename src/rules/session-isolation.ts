// Rule `session-isolation`: code in one session reaches the other sessions on the same multi-session
// VM only across that VM's session boundary.

import { hostGroups, type Rule } from './rule.js';

export const sessionIsolation: Rule = {
  id: 'session-isolation',
  description: 'Unprivileged code reaches co-resident sessions on its VM only if the session boundary fails.',
  guide: 'A user session can\u2019t access or tamper with another user session without being authorized.',
  apply(deployment, edge) {
    for (const pool of deployment.pools) {
      const groups = hostGroups(pool.pool.osBuild, pool.pool.id);
      for (const vm of pool.vms) {
        edge(vm.unprivileged, vm.sessions, { boundary: 'session', place: vm.id, groups });
      }
    }
  },
};
