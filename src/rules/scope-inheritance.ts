// Rule `scope-inheritance`: a role at a scope applies to every child scope, so control of a
// management group controls its child groups and subscriptions, and control of a subscription or
// resource group controls the resource groups, host pools, data stores and image pipelines in it.

import type { Rule } from './rule.js';

export const scopeInheritance: Rule = {
  id: 'scope-inheritance',
  description: 'Control of a management group, subscription or resource group controls every scope and resource under it.',
  guide: 'Azure RBAC scopes are hierarchical: permissions granted at a parent scope are inherited by every child scope.',
  learn: {
    page: 'https://learn.microsoft.com/azure/role-based-access-control/scope-overview',
    permissions: ['management group', 'subscription', 'resource group', 'resource'],
  },
  apply(deployment, edge) {
    const { model } = deployment;
    for (const mg of model.managementGroups) {
      if (mg.parent !== null) edge(mg.parent, mg.id);
      for (const sub of mg.subscriptions) edge(mg.id, sub);
    }
    const planes = new Set((model.managementPlanes ?? []).map((p) => p.id));
    for (const rg of model.resourceGroups) {
      edge(rg.subscription, rg.id);
      for (const resource of rg.resources) {
        if (deployment.poolById.has(resource) || planes.has(resource)) edge(rg.id, resource);
        for (const node of deployment.dataNodes.get(resource) ?? []) edge(rg.id, node.node);
      }
    }
  },
};
