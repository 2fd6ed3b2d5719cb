// Rule `role-storage-keys`: Storage Account Contributor can list a storage account's access keys, and
// a key is full access to every file share of the account, whatever the share and NTFS permissions.

import { grantHubs } from './role-grants.js';
import { dataNodesIn } from './scope-targets.js';
import type { Rule } from './rule.js';

export const roleStorageKeys: Rule = {
  id: 'role-storage-keys',
  description: 'Storage Account Contributor lists the account keys: full access to every share (and profile container) in scope.',
  guide: 'Storage Account Contributor can list the storage account keys, which give full access to all of the account\u2019s data.',
  learn: {
    page: 'https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/storage#storage-account-contributor',
    permissions: ['Microsoft.Storage/storageAccounts/*', 'Microsoft.Storage/storageAccounts/listkeys/action'],
  },
  apply(deployment, edge) {
    for (const [scope, hub] of grantHubs(deployment, 'storageKeys', edge)) {
      for (const { node } of dataNodesIn(deployment, scope, ['share', 'fslogixProfile'])) edge(hub, node);
    }
  },
};
