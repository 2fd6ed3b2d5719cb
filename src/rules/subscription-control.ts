// Rule `subscription-control`: a subscription owner controls the subscription's control plane, which
// controls every host pool, VM (e.g. through Run Command) and data store placed in it.

import type { Rule } from './rule.js';

export const subscriptionControl: Rule = {
  id: 'subscription-control',
  description: 'A subscription owner controls every host pool, VM and data store in that subscription.',
  guide:
    'We also recommend you have a separate subscription for hosting Azure resources like Azure Virtual Desktop and VMs.',
  apply(deployment, edge) {
    const { model } = deployment;
    for (const member of deployment.allMembers) {
      const { privilege, subscription } = member.user;
      if (privilege === 'subscriptionOwner' && subscription !== null) edge(member.id, subscription);
    }
    for (const pool of deployment.pools) {
      edge(pool.pool.subscription, pool.pool.id);
      for (const vm of pool.vms) edge(pool.pool.id, vm.id);
    }
    for (const store of model.data) {
      if (store.subscription === null) continue;
      for (const target of deployment.dataNodes.get(store.id) ?? []) edge(store.subscription, target.node);
    }
  },
};
