// `vm` pins a user to one session host of a pooled pool, so it needs a pooled `hostPool` with at
// least that many VMs (personal pools give every user their own VM anyway).

import { byId, named, type ModelCheck } from './model-check.js';

export const vmPinWithinPool: ModelCheck = {
  id: 'vm-pin-within-pool',
  description: 'a `vm` pin is on a user of a pooled host pool and at most that pool\u2019s `vms`',
  run(model, { at, report }) {
    const pools = byId(model.hostPools);
    for (const user of model.users ?? []) {
      const { vm, hostPool } = user;
      if (typeof vm !== 'number' || hostPool === undefined) continue;
      const who = named('user', user.id);
      if (hostPool === null) {
        report(at(user, 'vm'), `${who} pins \`vm\` ${vm} but has no \`hostPool\``);
        continue;
      }
      const pool = pools.get(hostPool);
      if (pool?.type === 'personal') {
        report(
          at(user, 'vm'),
          `${who} pins \`vm\` ${vm}, but host pool \`${hostPool}\` is personal (one VM per user): only users of a pooled pool can be pinned`,
        );
      } else if (pool?.type === 'pooled' && typeof pool.vms === 'number' && vm > pool.vms) {
        report(at(user, 'vm'), `${who} pins \`vm\` ${vm}, but host pool \`${hostPool}\` has only ${pool.vms} VMs`);
      }
    }
  },
};
