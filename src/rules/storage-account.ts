// Rule `storage-account`: the storage account key opens every share in the account. Its subscription's
// control plane lists the key, its key holders hold it, and session hosts that mount the shares with
// the key (Azure Files without identity-based access) keep it where their kernel reads it. A store in
// two accounts (FSLogix Cloud Cache) falls to either.

import type { Rule } from './rule.js';

export const storageAccount: Rule = {
  id: 'storage-account',
  description:
    'The account key controls every share in the account; the subscription, key holders and the kernels of hosts mounting with the key hold it.',
  guide:
    'and where session hosts hold the storage account key (Azure Files without identity-based access), any host\u2019s kernel yields the key and with it every container on the share.',
  apply(deployment, edge) {
    for (const account of deployment.model.storageAccounts ?? []) {
      if (account.subscription !== null) edge(account.subscription, account.id);
      for (const user of account.keyHolders) {
        for (const m of deployment.members.get(user) ?? []) edge(m.id, account.id);
      }
      for (const pool of account.keyHostPools) {
        for (const vm of deployment.poolById.get(pool)?.vms ?? []) edge(vm.id, account.id);
      }
      for (const store of account.shares) {
        for (const target of deployment.dataNodes.get(store) ?? []) edge(account.id, target.node);
      }
    }
  },
};
