// Rule `hypervisor`: a guest VM's kernel reaches the physical host, and through it every other
// guest on that host, only across the vm boundary.

import type { Rule } from './rule.js';

export const hypervisor: Rule = {
  id: 'hypervisor',
  description: 'A VM kernel controls its physical host (and so its co-resident VMs) only if the vm boundary fails.',
  guide:
    'An unauthorized Hyper-V guest virtual machine can\u2019t access or tamper with the code and data of another guest virtual machine.',
  apply(deployment, edge) {
    for (const host of deployment.model.physicalHosts) {
      for (const poolId of host.hostPools) {
        for (const vm of deployment.poolById.get(poolId)?.vms ?? []) {
          edge(vm.id, host.id, { boundary: 'vm', place: host.id, groups: [`host:${host.id}`] });
          edge(host.id, vm.id);
        }
      }
    }
  },
};
