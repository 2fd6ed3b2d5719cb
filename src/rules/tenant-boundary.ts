// Rule `tenant-boundary`: control of one identity directory reaches another directory only across
// the tenant boundary. A hub keeps this linear in the number of tenants.

import { ANY_TENANT } from '../compile/ids.js';
import type { Rule } from './rule.js';

export const tenantBoundary: Rule = {
  id: 'tenant-boundary',
  description: 'Control of one identity directory reaches another only if that directory\u2019s tenant boundary fails.',
  guide:
    'If your situation requires users from different organizations to connect to your deployment, we recommend you have a separate tenant for identity services like Active Directory and Azure AD.',
  apply(deployment, edge) {
    const tenants = deployment.model.tenants;
    if (tenants.length < 2) return;
    for (const tenant of tenants) {
      edge(tenant.id, ANY_TENANT);
      edge(ANY_TENANT, tenant.id, { boundary: 'tenant', place: tenant.id });
    }
  },
};
