// Rule `trusted-launch`: virtualization-based security needs Secure Boot and a vTPM, which Azure gives
// a VM through Trusted Launch (or as a confidential VM). On a pool that states `trustedLaunch: false`
// Credential Guard cannot run, so the kernel reaches in-memory credentials whatever the control says.
// A confidential pool is skipped: the confidential VM security type brings its own Secure Boot and
// vTPM (Microsoft Learn, "About Azure confidential VMs"), so `trustedLaunch: false` removes neither.

import type { Rule } from './rule.js';

export const trustedLaunch: Rule = {
  id: 'trusted-launch',
  description: 'Without Trusted Launch a pool has no virtualization-based security: its kernels reach credentials in memory even with Credential Guard on.',
  guide:
    'Virtualized environment providers are responsible for offering well-designed systems with multiple strong security boundaries and extra safety features enabled wherever possible.',
  learn: { page: 'https://learn.microsoft.com/en-us/azure/virtual-machines/trusted-launch' },
  // Confidential VMs: https://learn.microsoft.com/en-us/azure/confidential-computing/confidential-vm-overview (Secure Boot and vTPM).
  apply(deployment, edge) {
    for (const pool of deployment.pools) {
      if (pool.pool.trustedLaunch !== false || pool.pool.confidential) continue;
      for (const vm of pool.vms) edge(vm.id, vm.credentials);
    }
  },
};
