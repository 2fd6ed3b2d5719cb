// Rule `domain-control`: Domain Admins control the AD DS domain; the domain controls every account in
// it, every joined session host (Domain Admins are in each one's local Administrators group) and its
// domain controllers, whose kernels hold the whole directory. One forest shared by organizations of
// different Entra tenants joins them here, with no tenant boundary in between.

import { domainNodeIds } from '../compile/domain-ids.js';
import type { Rule } from './rule.js';

export const domainControl: Rule = {
  id: 'domain-control',
  description: 'Domain Admins control the domain: its accounts, its controllers and every joined session host.',
  guide:
    'Tenant administrators (Global Administrator on Entra-joined hosts) and AD DS Domain Admins are members of every joined host\u2019s local Administrators group by default: signed in to a session host, they are local admins there.',
  apply(deployment, edge) {
    const domains = new Set(deployment.model.domains.map((d) => d.id));
    for (const grant of deployment.access.grants('domainControl')) if (domains.has(grant.scope)) edge(grant.from, grant.scope);
    for (const domain of deployment.model.domains) {
      for (const dc of domainNodeIds(domain).controllers) {
        edge(domain.id, dc);
        edge(dc, domain.id);
      }
      for (const poolId of domain.hostPools) for (const vm of deployment.poolById.get(poolId)?.vms ?? []) edge(domain.id, vm.id);
      const orgs = new Set(domain.organizations);
      for (const m of deployment.allMembers) if (orgs.has(m.user.organization)) edge(domain.id, m.id);
    }
  },
};
