// Rule `directory-tenant-control`: Global Administrator controls the tenant, and Privileged Role
// Administrator and Privileged Authentication Administrator can make themselves one (assign the
// role; reset a Global Administrator's credentials). `privilege: tenantAdmin` is the shorthand.

import type { Rule } from './rule.js';

export const directoryTenantControl: Rule = {
  id: 'directory-tenant-control',
  description: 'Global Administrator, Privileged Role Administrator and Privileged Authentication Administrator control the tenant.',
  guide: 'Privileged Role Administrator can assign any role, Global Administrator included; Privileged Authentication Administrator can reset any user\u2019s credentials, Global Administrators included.',
  learn: {
    page: 'https://learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference',
    permissions: ['microsoft.directory/*', 'microsoft.directory/roleAssignments/allProperties/allTasks', 'microsoft.directory/users/password/update'],
  },
  apply(deployment, edge) {
    const tenants = new Set(deployment.model.tenants.map((t) => t.id));
    for (const grant of deployment.access.grants('tenantControl')) if (tenants.has(grant.scope)) edge(grant.from, grant.scope);
  },
};
