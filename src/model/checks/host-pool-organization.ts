// A user signs in to a host pool of a subscription that holds their organization's resources;
// anything else is a topology the model cannot mean (or a typo in `hostPool`).

import { byId, named, type ModelCheck } from './model-check.js';

export const hostPoolServesUserOrganization: ModelCheck = {
  id: 'host-pool-serves-user-organization',
  description: 'the subscription of a user\u2019s host pool includes the user\u2019s organization',
  run(model, { at, report }) {
    const pools = byId(model.hostPools);
    const subscriptions = byId(model.subscriptions);
    const organizations = byId(model.organizations);
    for (const user of model.users ?? []) {
      const { organization, hostPool } = user;
      if (typeof hostPool !== 'string' || organization === undefined || !organizations.has(organization)) continue;
      const subscriptionId = pools.get(hostPool)?.subscription;
      const subscription = subscriptionId === undefined ? undefined : subscriptions.get(subscriptionId);
      if (subscription?.organizations === undefined || subscription.organizations.includes(organization)) continue;
      report(
        at(user, 'hostPool'),
        `${named('user', user.id)} of organization \`${organization}\` uses host pool \`${hostPool}\`, whose ${named('subscription', subscriptionId)} does not include organization \`${organization}\``,
      );
    }
  },
};
