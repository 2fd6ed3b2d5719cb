// Rule `directory-credential-reset`: User, Helpdesk and Authentication Administrators reset the
// passwords and MFA methods of non-administrators, and so act as any of them.

import { ROLES, type RoleName } from '../domain/roles.js';
import { grantHubs, tenantMembers } from './role-grants.js';
import type { Rule } from './rule.js';

export const directoryCredentialReset: Rule = {
  id: 'directory-credential-reset',
  description: 'User, Helpdesk and Authentication Administrators reset the credentials of (so act as) every non-administrator of the tenant.',
  guide: 'User, Helpdesk and Authentication Administrators can reset passwords and authentication methods of non-administrator users.',
  learn: {
    page: 'https://learn.microsoft.com/entra/identity/role-based-access-control/privileged-roles-permissions#who-can-reset-passwords',
    permissions: ['microsoft.directory/users/password/update', 'microsoft.directory/users/authenticationMethods/standard/restrictedAdmin/update'],
  },
  apply(deployment, edge) {
    // Holders of any directory role are administrators: out of these roles' reach.
    const admins = new Set(deployment.model.roleAssignments.filter((a) => isDirectoryRole(a.role)).map((a) => a.principal));
    for (const [tenant, hub] of grantHubs(deployment, 'resetNonAdmins', edge)) {
      for (const m of tenantMembers(deployment, tenant)) {
        if (m.user.privilege === 'tenantAdmin' || m.user.privilege === 'subscriptionOwner' || admins.has(m.user.id)) continue;
        if ((deployment.groupsOf.get(m.user.id) ?? []).some((g) => admins.has(g))) continue;
        edge(hub, m.id);
      }
    }
  },
};

function isDirectoryRole(role: RoleName): boolean {
  return ROLES[role].plane === 'entra';
}
