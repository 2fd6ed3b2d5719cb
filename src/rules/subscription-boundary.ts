// Rule `subscription-boundary`: control of one subscription reaches another subscription only across
// the subscription boundary. A hub keeps this linear in the number of subscriptions.

import { ANY_SUBSCRIPTION } from '../compile/ids.js';
import type { Rule } from './rule.js';

export const subscriptionBoundary: Rule = {
  id: 'subscription-boundary',
  description: 'Control of one subscription reaches another only if that subscription\u2019s boundary fails.',
  guide: 'Users from different organizations connecting: Separate Azure subscription.',
  apply(deployment, edge) {
    const subs = deployment.model.subscriptions;
    if (subs.length < 2) return;
    for (const sub of subs) {
      edge(sub.id, ANY_SUBSCRIPTION);
      edge(ANY_SUBSCRIPTION, sub.id, { boundary: 'subscription', place: sub.id });
    }
  },
};
