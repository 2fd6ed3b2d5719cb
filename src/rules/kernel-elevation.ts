// Rule `kernel-elevation`: a non-administrator's code reaches the VM kernel only across the kernel
// boundary (a local elevation-of-privilege vulnerability).

import { hostGroups, type Rule } from './rule.js';

export const kernelElevation: Rule = {
  id: 'kernel-elevation',
  description: 'Unprivileged code on a VM controls its kernel only if the kernel boundary fails.',
  guide: 'A non-administrative user mode process can\u2019t access or tamper with kernel code and data.',
  apply(deployment, edge) {
    for (const pool of deployment.pools) {
      const groups = hostGroups(pool.pool.osBuild, pool.pool.id);
      for (const vm of pool.vms) edge(vm.unprivileged, vm.id, { boundary: 'kernel', place: vm.id, groups });
    }
  },
};
