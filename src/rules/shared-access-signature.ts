// Rule `shared-access-signature`: a SAS token is a bearer credential for the shares it names: whoever
// holds it reads (or controls) them, whatever their identity, until it expires.

import type { Rule } from './rule.js';

export const sharedAccessSignature: Rule = {
  id: 'shared-access-signature',
  description: 'Holders of a SAS token read or control the shares it grants.',
  guide: 'a stolen credential lets the attacker act as its principal (MFA blocks replayed passwords, not stolen tokens)',
  learn: { page: 'https://learn.microsoft.com/en-us/azure/storage/common/storage-sas-overview' },
  apply(deployment, edge) {
    for (const account of deployment.model.storageAccounts ?? []) {
      for (const token of account.sas) {
        const access = token.access === 'read' ? 'read' : 'control';
        for (const user of token.holders) {
          for (const m of deployment.members.get(user) ?? []) {
            for (const store of token.shares) {
              for (const target of deployment.dataNodes.get(store) ?? []) edge(m.id, target.node, { access });
            }
          }
        }
      }
    }
  },
};
