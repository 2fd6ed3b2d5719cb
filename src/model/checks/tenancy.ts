// Every organization's identities live in exactly one tenant: none would leave its users without a
// directory, two would make "which tenant admin controls them?" ambiguous.

import { named, type ModelCheck } from './model-check.js';

export const organizationInOneTenant: ModelCheck = {
  id: 'organization-in-one-tenant',
  description: 'every organization is listed in exactly one tenant',
  run(model, { at, complete, report }) {
    const firstTenantOf = new Map<string, string | undefined>();
    for (const tenant of model.tenants ?? []) {
      const organizations = tenant.organizations ?? [];
      organizations.forEach((organization, index) => {
        if (!firstTenantOf.has(organization)) {
          firstTenantOf.set(organization, tenant.id);
          return;
        }
        report(
          at(organizations, index),
          `organization \`${organization}\` is in ${named('tenant', firstTenantOf.get(organization))} and in ${named('tenant', tenant.id)}: every organization is in exactly one tenant`,
        );
      });
    }
    // "In no tenant" is only sound if every tenant and every tenant's list was read in full.
    const tenants = model.tenants;
    const allRead =
      tenants !== undefined &&
      complete(tenants) &&
      tenants.every((tenant) => tenant.organizations !== undefined && complete(tenant.organizations));
    if (!allRead) return;
    for (const organization of model.organizations ?? []) {
      if (organization.id === undefined || firstTenantOf.has(organization.id)) continue;
      report(
        at(organization, 'id'),
        `organization \`${organization.id}\` is in no tenant: list it in the \`organizations\` of exactly one tenant`,
      );
    }
  },
};
