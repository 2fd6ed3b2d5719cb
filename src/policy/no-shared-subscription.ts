// Policy `no-shared-subscription`: a subscription's owner controls every VM and data store in it, so
// a subscription shared by organizations joins them through its control plane.

import { andList } from './joins.js';
import { definePolicy } from './policy.js';

export const noSharedSubscription = definePolicy({
  id: 'no-shared-subscription',
  title: 'No subscription shared across organizations',
  description: 'Every Azure subscription holds the resources of exactly one organization, or of organizations of one of the policy file\u2019s `trusted` groups.',
  guide: 'We also recommend you have a separate subscription for hosting Azure resources like Azure Virtual Desktop and VMs.',
  fix: 'Give each organization its own subscription: one `subscriptions` entry per organization.',
  severity: 'error',
  needsBaseline: false,
  settings: {},
  evaluate({ context, trust }) {
    return context.prepared.model.subscriptions.flatMap((subscription) => {
      if (subscription.organizations.length < 2 || trust.within(subscription.organizations)) return [];
      const orgs = andList(subscription.organizations);
      return [
        {
          asset: subscription.id,
          message: `Subscription \`${subscription.id}\` holds resources of ${orgs}: its control plane (an owner, or Run Command on its VMs) reaches every one of them.`,
          fix: `Split \`${subscription.id}\` into one subscription per organization (${orgs}) and move each organization\u2019s host pools and data stores into its own.`,
          location: context.locate(`subscriptions/${subscription.id}`),
          related: subscription.organizations.map((org) => ({ location: context.locate(`organizations/${org}`), message: `organization \`${org}\`` })),
        },
      ];
    });
  },
});
