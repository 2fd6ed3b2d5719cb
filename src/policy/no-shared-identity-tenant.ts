// Policy `no-shared-identity-tenant`: a tenant admin controls every principal of the directory, so a
// directory shared by organizations joins them with no boundary between them.

import { andList } from './joins.js';
import { definePolicy } from './policy.js';

export const noSharedIdentityTenant = definePolicy({
  id: 'no-shared-identity-tenant',
  title: 'No identity tenant shared across organizations',
  description: 'Every identity tenant (directory) serves exactly one organization, or organizations of one of the policy file\u2019s `trusted` groups.',
  guide:
    'We don\u2019t currently recommend using a shared identity system in Azure Virtual Desktop. We recommend that you have separate Identity resources that you deploy in a separate Azure subscription.',
  fix: 'Give each organization its own identity tenant: one `tenants` entry per organization.',
  severity: 'error',
  needsBaseline: false,
  settings: {},
  evaluate({ context, trust }) {
    return context.prepared.model.tenants.flatMap((tenant) => {
      if (tenant.organizations.length < 2 || trust.within(tenant.organizations)) return [];
      const orgs = andList(tenant.organizations);
      return [
        {
          asset: tenant.id,
          message: `Identity tenant \`${tenant.id}\` is shared by ${orgs}: whoever controls it (such as a compromised tenant admin of any of them) controls every principal of all of them.`,
          fix: `Split \`${tenant.id}\` into one identity tenant per organization (${orgs}), each listing only its own organization.`,
          location: context.locate(`tenants/${tenant.id}`),
          related: tenant.organizations.map((org) => ({ location: context.locate(`organizations/${org}`), message: `organization \`${org}\`` })),
        },
      ];
    });
  },
});
