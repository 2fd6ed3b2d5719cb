// Rule `linked-accounts`: one person's standard and admin accounts meet on their devices: the device
// of each account holds the tokens of every account the person uses.

import type { Rule } from './rule.js';

export const linkedAccounts: Rule = {
  id: 'linked-accounts',
  description: 'A person\u2019s end-user device holds the credentials of all of the person\u2019s accounts.',
  guide: 'a stolen credential lets the attacker act as its principal (MFA blocks replayed passwords, not stolen tokens)',
  apply(deployment, edge) {
    for (const person of deployment.model.people) {
      const members = person.accounts.flatMap((a) => deployment.members.get(a) ?? []);
      for (const holder of members) {
        if (!holder.user.device) continue;
        for (const other of members) if (other !== holder) edge(holder.device, other.credential);
      }
    }
  },
};
