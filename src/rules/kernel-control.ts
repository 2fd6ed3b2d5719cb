// Rule `kernel-control`: a VM's kernel controls everything on the VM: every session and process,
// every mounted profile, and the credentials in memory unless Credential Guard moved them into VSM.

import type { Rule } from './rule.js';

export const kernelControl: Rule = {
  id: 'kernel-control',
  description: 'A VM kernel controls all sessions, profiles and (without Credential Guard) credentials on it.',
  guide:
    'We don\u2019t recommend giving users local admin privileges in multi-session pooled scenarios because these users can cross security boundaries for sessions or NTFS data permissions, shut down multi-session VMs, or do other things that could interrupt service or cause data losses.',
  apply(deployment, edge) {
    for (const pool of deployment.pools) {
      for (const vm of pool.vms) {
        edge(vm.id, vm.unprivileged);
        edge(vm.id, vm.sessions);
        edge(vm.id, vm.profiles);
        edge(vm.id, vm.credentials, { blockedBy: 'credentialGuard' });
      }
    }
  },
};
