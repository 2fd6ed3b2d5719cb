// Rule `group-membership`: a member of an Entra ID group acts with every right the group holds
// (role assignments, application groups); nested groups pass their rights on to their members'
// members; the directory controls its groups (a User or Groups Administrator can add members).

import { unlistedMembersId } from '../compile/sign-ins.js';
import type { Rule } from './rule.js';

export const groupMembership: Rule = {
  id: 'group-membership',
  description: 'A group\u2019s members, and the members of its nested groups, use the group\u2019s rights; the directory controls its groups.',
  guide:
    'When a group is assigned a role or access to a resource, every member of the group (including the members of nested groups) gets that access.',
  learn: {
    page: 'https://learn.microsoft.com/entra/fundamentals/concept-learn-about-groups',
    permissions: ['Microsoft Entra security group membership', 'microsoft.directory/groups/members/update'],
  },
  apply(deployment, edge) {
    const { model } = deployment;
    const groupIds = new Set(model.groups.map((g) => g.id));
    for (const group of model.groups) {
      for (const member of group.members) if (groupIds.has(member)) edge(member, group.id);
      const tenant = deployment.tenantOfOrg.get(group.organization);
      if (tenant !== undefined) edge(tenant.id, group.id);
    }
    // Users: their direct groups only; nesting is the group → group edges above.
    const direct = new Map<string, string[]>();
    for (const group of model.groups) {
      const members = group.count > 0 ? [...group.members, unlistedMembersId(group.id)] : group.members;
      for (const m of members) if (!groupIds.has(m)) (direct.get(m) ?? direct.set(m, []).get(m)!).push(group.id);
    }
    for (const member of deployment.allMembers) {
      for (const group of direct.get(member.user.id) ?? []) edge(member.id, group);
    }
  },
};
