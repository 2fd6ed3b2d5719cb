// `subscription` on a user says which subscription a `subscriptionOwner` owns: the owner needs
// one, and on anyone else it would suggest an ownership the privilege does not grant.

import { named, type ModelCheck } from './model-check.js';

export const subscriptionOwnerOwnsOne: ModelCheck = {
  id: 'subscription-owner-owns-one',
  description: 'a subscriptionOwner names its `subscription`; other privileges do not set one',
  run(model, { at, report }) {
    for (const user of model.users ?? []) {
      const { privilege, subscription } = user;
      if (privilege === undefined || subscription === undefined) continue;
      const who = named('user', user.id);
      if (privilege === 'subscriptionOwner' && subscription === null) {
        report(at(user, 'privilege'), `${who} is a \`subscriptionOwner\` but sets no \`subscription\` to own`);
      } else if (privilege !== 'subscriptionOwner' && subscription !== null) {
        report(
          at(user, 'subscription'),
          `${who} sets \`subscription\` \`${subscription}\`, but only a \`subscriptionOwner\` owns one (its privilege is \`${privilege}\`)`,
        );
      }
    }
  },
};
