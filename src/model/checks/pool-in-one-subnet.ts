// A host pool's session hosts have their network interfaces in one subnet: listing a pool in two
// subnets would leave its network position ambiguous, so it is reported where it is listed again.

import { named, type ModelCheck } from './model-check.js';

export const poolInOneSubnet: ModelCheck = {
  id: 'pool-in-one-subnet',
  description: 'a host pool is listed in at most one subnet',
  run(model, { at, report }) {
    const first = new Map<string, string | undefined>();
    for (const subnet of model.subnets ?? []) {
      (subnet.hostPools ?? []).forEach((pool, index) => {
        if (!first.has(pool)) {
          first.set(pool, subnet.id);
          return;
        }
        report(
          at(subnet.hostPools!, index),
          `${named('host pool', pool)} is already in ${named('subnet', first.get(pool))}; a pool\u2019s session hosts sit in one subnet`,
        );
      });
    }
  },
};
