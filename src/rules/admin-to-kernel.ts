// Rule `admin-to-kernel`: a local administrator's code controls the kernel of the VM it runs on,
// with no boundary to cross — the guide's reason to keep admins off pooled hosts.

import type { Rule } from './rule.js';

/**
 * Who is an administrator is `Member.hostAdmin`: a `localAdmin`, or a tenant admin signed in to a host
 * joined to their own directory (Global Administrators are local administrators of every Entra-joined
 * device by default; domain.md: "signed in to a session host, they are local admins there").
 */
export const adminToKernel: Rule = {
  id: 'admin-to-kernel',
  description: 'A local administrator\u2019s session controls the kernel of any VM it may run on, crossing no boundary.',
  guide: 'Administrator-to-kernel is not a security boundary.',
  apply(deployment, edge) {
    for (const pool of deployment.pools) {
      for (const vm of pool.vms) {
        for (const m of vm.pinned) if (m.hostAdmin) edge(m.seatHandles.session, vm.id);
      }
      if (pool.pool.type !== 'pooled') continue;
      const hub = pool.hubs.admin;
      for (const vm of pool.vms) edge(hub, vm.id);
      for (const m of pool.floating) if (m.hostAdmin) edge(m.seatHandles.session, hub);
    }
  },
};
