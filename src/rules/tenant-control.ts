// Rule `tenant-control`: a tenant administrator controls the identity directory, which controls
// every principal in it and can elevate to the subscriptions it holds — so a shared identity
// tenant joins the organizations that share it.

import type { Rule } from './rule.js';

export const tenantControl: Rule = {
  id: 'tenant-control',
  description: 'A tenant admin controls the directory; the directory controls its principals and its subscriptions.',
  guide: 'We don\u2019t currently recommend using a shared identity system in Azure Virtual Desktop.',
  apply(deployment, edge) {
    const { model } = deployment;
    for (const member of deployment.allMembers) {
      if (member.user.privilege !== 'tenantAdmin') continue;
      const tenant = deployment.tenantOfOrg.get(member.user.organization);
      if (tenant !== undefined) edge(member.handles.principal, tenant.id);
    }
    for (const member of deployment.allMembers) {
      const tenant = deployment.tenantOfOrg.get(member.user.organization);
      if (tenant !== undefined) edge(tenant.id, member.handles.principal);
    }
    for (const sub of model.subscriptions) edge(sub.tenant, sub.id);
  },
};
