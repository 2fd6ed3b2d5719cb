// Rule `managed-identity-token`: code with control of a VM's kernel requests tokens of the VM's
// managed identities from the instance metadata service, and acts as them (their role assignments).

import type { Rule } from './rule.js';

export const managedIdentityToken: Rule = {
  id: 'managed-identity-token',
  description: 'A VM\u2019s kernel obtains the tokens of the managed identities assigned to it (instance metadata service).',
  guide: 'Any code running on the VM can request a token for its managed identities from the Azure Instance Metadata Service endpoint.',
  learn: {
    page: 'https://learn.microsoft.com/entra/identity/managed-identities-azure-resources/how-to-use-vm-token',
    permissions: ['http://169.254.169.254/metadata/identity/oauth2/token'],
  },
  apply(deployment, edge) {
    for (const identity of deployment.model.managedIdentities) {
      for (const poolId of identity.hostPools) for (const vm of deployment.poolById.get(poolId)?.vms ?? []) edge(vm.id, identity.id);
    }
  },
};
