// Rule `role-vm-run-command`: Virtual Machine Contributor manages VMs, Run Command included, which
// runs any script as SYSTEM: control of the kernel of every VM in its scope.

import { grantHubs } from './role-grants.js';
import { vmsIn } from './scope-targets.js';
import type { Rule } from './rule.js';

export const roleVmRunCommand: Rule = {
  id: 'role-vm-run-command',
  description: 'Virtual Machine Contributor runs commands as SYSTEM on every VM in its scope (Run Command).',
  guide: 'Virtual Machine Contributor lets you manage virtual machines, Run Command included, which runs scripts inside the VM as SYSTEM.',
  learn: {
    page: 'https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/compute#virtual-machine-contributor',
    permissions: ['Microsoft.Compute/virtualMachines/*', 'Microsoft.Compute/virtualMachines/runCommand/action'],
  },
  apply(deployment, edge) {
    for (const [scope, hub] of grantHubs(deployment, 'vmRunCommand', edge)) {
      for (const vm of vmsIn(deployment, scope)) edge(hub, vm.id);
    }
  },
};
