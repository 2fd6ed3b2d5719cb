// Rule `network-position`: any code on a machine, unprivileged included, can open connections from
// the machine's subnet (the worst case: no per-user outbound filtering), so a session host's
// unprivileged code and a server each hold the network position of their subnet.

import { networkFacts } from '../compile/network-facts.js';
import type { Rule } from './rule.js';

export const networkPosition: Rule = {
  id: 'network-position',
  description: 'Code on a session host or server can send from its subnet: the machine holds that network position.',
  guide:
    'This lets customers integrate the service with other Azure services and lets them connect on-premises network infrastructure with ExpressRoute or a virtual private network (VPN).',
  apply(deployment, edge) {
    if ((deployment.model.subnets ?? []).length === 0) return;
    const facts = networkFacts(deployment);
    for (const pool of deployment.pools) {
      for (const vm of pool.vms) {
        const subnet = facts.subnetOfVm.get(vm.id);
        if (subnet !== undefined) edge(vm.unprivileged, subnet.id);
      }
    }
    for (const server of deployment.model.servers ?? []) edge(server.id, server.subnet);
  },
};
