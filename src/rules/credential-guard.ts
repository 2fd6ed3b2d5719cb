// Rule `credential-guard`: credentials isolated in a VSM trusted process are reached from the VM
// kernel only across the vsm boundary.

import { hostGroups, type Rule } from './rule.js';

export const credentialGuard: Rule = {
  id: 'credential-guard',
  description: 'With Credential Guard on, a VM kernel reaches in-memory credentials only if the vsm boundary fails.',
  guide:
    'Code running outside of the VSM trusted process or enclave can\u2019t access or tamper with data and code within the trusted process.',
  apply(deployment, edge) {
    for (const pool of deployment.pools) {
      const groups = hostGroups(pool.pool.osBuild, pool.pool.id);
      for (const vm of pool.vms) edge(vm.id, vm.credentials, { boundary: 'vsm', place: vm.id, groups });
    }
  },
};
