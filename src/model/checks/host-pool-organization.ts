// A user signs in to a host pool of a subscription that holds their organization's resources, or of
// a tenant that invited them as a B2B guest; anything else is a topology the model cannot mean (or a
// typo in `hostPool`). Users assigned to an application group are held to the same rule.

import type { Model } from '../types.js';
import { byId, named, type Draft, type ModelCheck } from './model-check.js';
import { tenantLookup } from './tenant-of.js';

export const hostPoolServesUserOrganization: ModelCheck = {
  id: 'host-pool-serves-user-organization',
  description: 'the subscription of a user\u2019s host pool includes the user\u2019s organization, or its tenant invited the user as a guest',
  run(model, { at, report }) {
    const pools = byId(model.hostPools);
    const subscriptions = byId(model.subscriptions);
    const organizations = byId(model.organizations);
    const users = byId(model.users);
    const guestTenants = tenantLookup(model as Draft<Model>).guestTenantsOf;
    const check = (userId: string | undefined, hostPool: string, where: () => ReturnType<typeof at>, via: string) => {
      const organization = userId === undefined ? undefined : users.get(userId)?.organization;
      if (organization === undefined || !organizations.has(organization)) return;
      const subscriptionId = pools.get(hostPool)?.subscription;
      const subscription = subscriptionId === undefined ? undefined : subscriptions.get(subscriptionId);
      if (subscription?.organizations === undefined || subscription.organizations.includes(organization)) return;
      if (subscription.tenant !== undefined && guestTenants(userId!).has(subscription.tenant)) return;
      report(
        where(),
        `${named('user', userId)} of organization \`${organization}\` ${via} host pool \`${hostPool}\`, whose ${named('subscription', subscriptionId)} does not include organization \`${organization}\` (invite the user into tenant \`${subscription.tenant}\` under \`guests\` if they are a B2B guest)`,
      );
    };
    for (const user of model.users ?? []) {
      if (typeof user.hostPool === 'string') check(user.id, user.hostPool, () => at(user, 'hostPool'), 'uses');
    }
    for (const group of model.applicationGroups ?? []) {
      if (typeof group.hostPool !== 'string') continue;
      const assignments = group.assignments ?? [];
      assignments.forEach((principal, i) => {
        if (typeof principal === 'string' && users.has(principal)) check(principal, group.hostPool!, () => at(assignments, i), `is assigned application group \`${group.id}\` of`);
      });
    }
  },
};
