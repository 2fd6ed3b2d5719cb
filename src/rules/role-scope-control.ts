// Rule `role-scope-control`: Owner, Contributor, User Access Administrator and an unconstrained
// Role Based Access Control Administrator control their scope: Owner and Contributor run any
// action there (Run Command, listKeys, …); the other two can assign themselves Owner.

import { isAzureScope } from './scope-targets.js';
import type { Rule } from './rule.js';

export const roleScopeControl: Rule = {
  id: 'role-scope-control',
  description: 'Owner, Contributor and User Access Administrator (which can grant itself any role) control their scope.',
  guide: 'Owner and Contributor grant every action on the scope; User Access Administrator can assign any role at its scope, itself included.',
  learn: {
    page: 'https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/general',
    permissions: ['*', 'Microsoft.Authorization/*', 'Microsoft.Authorization/roleAssignments/write'],
  },
  apply(deployment, edge) {
    for (const grant of deployment.access.grants('scopeControl')) {
      if (!isAzureScope(deployment, grant.scope)) continue;
      const data = deployment.dataNodes.get(grant.scope);
      if (data !== undefined) for (const node of data) edge(grant.from, node.node);
      else edge(grant.from, grant.scope);
    }
  },
};
