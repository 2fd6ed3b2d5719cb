// Rule `storage-account`: a storage account key opens every share in the account. Its subscription's
// control plane lists the key, its key holders hold it, and session hosts that mount shares with the
// key (Azure Files without identity-based access: `keyHostPools`, or a profile store's
// `access: storageKey`) keep it where their kernel reads it. A store in two accounts (FSLogix Cloud
// Cache) falls to either.

import type { Rule } from './rule.js';

/**
 * Input: `Deployment.storageKeys` (src/compile/storage-keys.ts): declared accounts, and the account a
 * profile store's `access: storageKey` implies where no declared account lists it (`<store>:key`).
 * Edges, none crossing a boundary: subscription → key, each holder's members → key, each host VM
 * (kernel) → key, key → every data node of every share it opens.
 */
export const storageAccount: Rule = {
  id: 'storage-account',
  description:
    'The account key controls every share in the account; the subscription, key holders and the kernels of hosts mounting with the key hold it.',
  guide:
    'and where session hosts hold the storage account key (Azure Files without identity-based access), any host\u2019s kernel yields the key and with it every container on the share.',
  learn: { page: 'https://learn.microsoft.com/en-us/azure/virtual-desktop/fslogix-profile-container-configure-azure-files-active-directory' },
  apply(deployment, edge) {
    for (const key of deployment.storageKeys) {
      if (key.subscription !== null) edge(key.subscription, key.node);
      for (const user of key.holders) {
        for (const m of deployment.members.get(user) ?? []) edge(m.id, key.node);
      }
      for (const vm of key.hosts) edge(vm.id, key.node);
      for (const store of key.shares) {
        for (const target of deployment.dataNodes.get(store) ?? []) edge(key.node, target.node);
      }
    }
  },
};
