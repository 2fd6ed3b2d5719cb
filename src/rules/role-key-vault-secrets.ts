// Rule `role-key-vault-secrets`: Key Vault Secrets User reads secret contents; Secrets Officer and
// Key Vault Administrator manage every secret of the vaults in scope.

import { grantHubs } from './role-grants.js';
import { dataNodesIn } from './scope-targets.js';
import type { Rule } from './rule.js';

export const roleKeyVaultSecrets: Rule = {
  id: 'role-key-vault-secrets',
  description: 'Key Vault Secrets User reads, Secrets Officer and Administrator control every key vault in scope.',
  guide: 'Key Vault Secrets User reads secret contents; Key Vault Secrets Officer and Key Vault Administrator perform any action on secrets.',
  learn: {
    page: 'https://learn.microsoft.com/azure/key-vault/general/rbac-guide',
    permissions: ['Microsoft.KeyVault/vaults/secrets/getSecret/action', 'Microsoft.KeyVault/vaults/secrets/*'],
  },
  apply(deployment, edge) {
    for (const [scope, hub] of grantHubs(deployment, 'secretsRead', edge)) {
      for (const { node } of dataNodesIn(deployment, scope, ['keyVault'])) edge(hub, node, { access: 'read' });
    }
    for (const [scope, hub] of grantHubs(deployment, 'secretsAdmin', edge)) {
      for (const { node } of dataNodesIn(deployment, scope, ['keyVault'])) edge(hub, node);
    }
  },
};
