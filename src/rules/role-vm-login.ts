// Rule `role-vm-login`: Virtual Machine Administrator Login signs in to Entra-joined VMs as a local
// administrator (their kernel); Virtual Machine User Login as a standard user (unprivileged code).
// Worst case, as the tool's default: the principal can reach the VM's sign-in (AVD, Bastion or RDP).

import { grantHubs } from './role-grants.js';
import { vmsIn } from './scope-targets.js';
import type { Rule } from './rule.js';

export const roleVmLogin: Rule = {
  id: 'role-vm-login',
  description: 'Virtual Machine Administrator Login is local admin (the kernel) and User Login a standard user on every Entra-joined VM in scope.',
  guide: 'Users with Virtual Machine Administrator Login sign in to Microsoft Entra joined VMs with local administrator privileges; Virtual Machine User Login gives regular user privileges.',
  learn: {
    page: 'https://learn.microsoft.com/entra/identity/devices/howto-vm-sign-in-azure-ad-windows',
    permissions: ['Microsoft.Compute/virtualMachines/loginAsAdmin/action', 'Microsoft.Compute/virtualMachines/login/action'],
  },
  apply(deployment, edge) {
    for (const [scope, hub] of grantHubs(deployment, 'vmAdminLogin', edge)) {
      for (const vm of vmsIn(deployment, scope, true)) edge(hub, vm.id);
    }
    for (const [scope, hub] of grantHubs(deployment, 'vmUserLogin', edge)) {
      for (const vm of vmsIn(deployment, scope, true)) edge(hub, vm.unprivileged);
    }
  },
};
