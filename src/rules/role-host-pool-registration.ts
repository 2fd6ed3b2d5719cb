// Rule `role-host-pool-registration`: Desktop Virtualization Host Pool Contributor can retrieve a host
// pool's registration token and register a session host of its own; the load balancer then sends
// the pool's users to it, so its owner holds their sessions, profiles and credentials.

import { grantHubs } from './role-grants.js';
import type { Rule } from './rule.js';

export const roleHostPoolRegistration: Rule = {
  id: 'role-host-pool-registration',
  description: 'Host Pool Contributor registers a rogue session host that receives the pooled pool\u2019s unpinned users.',
  guide: 'A registration token lets any VM join the host pool as a session host; users are then load balanced onto it.',
  learn: {
    page: 'https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/virtual-desktop-infrastructure#desktop-virtualization-host-pool-contributor',
    permissions: ['Microsoft.DesktopVirtualization/hostpools/*', 'Microsoft.DesktopVirtualization/hostpools/retrieveRegistrationToken/action'],
  },
  apply(deployment, edge) {
    for (const [scope, hub] of grantHubs(deployment, 'hostPoolRegistration', edge)) {
      for (const pool of deployment.access.poolsIn(scope)) {
        // A personal pool assigns each desktop to one user; a new host receives no existing user.
        if (pool.pool.type !== 'pooled') continue;
        edge(hub, pool.hubs.sessions);
        edge(hub, pool.hubs.profiles);
        edge(hub, pool.hubs.credentials);
      }
    }
  },
};
