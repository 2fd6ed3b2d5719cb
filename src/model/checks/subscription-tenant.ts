// A subscription is controlled from its tenant, so it may only hold resources of that tenant's
// organizations.

import { byId, named, type ModelCheck } from './model-check.js';

export const subscriptionWithinTenant: ModelCheck = {
  id: 'subscription-within-tenant',
  description: 'a subscription\u2019s organizations are all organizations of its tenant',
  run(model, { at, report }) {
    const tenants = byId(model.tenants);
    const organizations = byId(model.organizations);
    for (const subscription of model.subscriptions ?? []) {
      const tenant = subscription.tenant === undefined ? undefined : tenants.get(subscription.tenant);
      if (tenant?.organizations === undefined) continue;
      const tenantOrganizations = new Set(tenant.organizations);
      const listed = subscription.organizations ?? [];
      listed.forEach((organization, index) => {
        // An unknown organization is the reference check's to report.
        if (tenantOrganizations.has(organization) || !organizations.has(organization)) return;
        report(
          at(listed, index),
          `${named('subscription', subscription.id)} lists organization \`${organization}\`, which is not in its ${named('tenant', tenant.id)}`,
        );
      });
    }
  },
};
