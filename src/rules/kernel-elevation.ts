// Rule `kernel-elevation`: a non-administrator's code reaches the VM kernel only across the kernel
// boundary (a local elevation-of-privilege vulnerability) — from a session, or straight from inside
// an AppContainer sandbox.

import type { EdgeOptions } from './rule.js';
import { hostGroups, type Rule } from './rule.js';

/**
 * `vm/unprivileged → vm` across `kernel@vm`, and from each AppContainer-sandboxed process to the
 * kernel of the VM it runs on, across the same instance: a sandboxed app is still non-admin user-mode
 * code, so a kernel exploit works from inside the sandbox without first escaping it (domain.md: "an
 * AppContainer-sandboxed app is still non-admin user-mode code: from inside the sandbox it can
 * escape to the user's session (appcontainer) or attack the kernel directly (kernel)"). A pinned or
 * personal member's process links to its VM; an unpinned member's to the pool's sandboxed-code hub,
 * which links to every VM: linear in processes + VMs.
 */
export const kernelElevation: Rule = {
  id: 'kernel-elevation',
  description: 'Unprivileged code on a VM, sandboxed or not, controls its kernel only if the kernel boundary fails.',
  guide: 'A non-administrative user mode process can\u2019t access or tamper with kernel code and data.',
  apply(deployment, edge) {
    for (const pool of deployment.pools) {
      const groups = hostGroups(pool.pool.osBuild, pool.pool.id);
      const crossing = new Map<string, EdgeOptions>();
      for (const vm of pool.vms) {
        const kernel: EdgeOptions = { boundary: 'kernel', place: vm.id, groups };
        crossing.set(vm.id, kernel);
        edge(vm.unprivileged, vm.id, kernel);
        for (const m of vm.pinned) {
          deployment.appsOf(m.user).forEach((app, a) => {
            if (app.sandboxed) edge(m.seatHandles.processes[a]!, vm.id, kernel);
          });
        }
      }
      if (pool.pool.type !== 'pooled') continue;
      let sandboxes = false;
      for (const m of pool.floating) {
        deployment.appsOf(m.user).forEach((app, a) => {
          if (!app.sandboxed) return;
          sandboxes = true;
          edge(m.seatHandles.processes[a]!, pool.hubs.sandboxed);
        });
      }
      if (sandboxes) for (const vm of pool.vms) edge(pool.hubs.sandboxed, vm.id, crossing.get(vm.id));
    }
  },
};
