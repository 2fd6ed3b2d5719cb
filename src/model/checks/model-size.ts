// A model's size is bounded before anything is built for it: the principals (users × `count`) and
// the session hosts (pooled `vms`, one personal desktop per user) it stands for. Each entry is
// bounded by the schema; this bounds their sum, pointing at the largest entry.

import { MAX_PRINCIPALS, MAX_VMS } from '../limits.js';
import { byId, named, type ModelCheck } from './model-check.js';

export const modelSizeWithinLimits: ModelCheck = {
  id: 'model-size-within-limits',
  description: `at most ${MAX_PRINCIPALS} principals and ${MAX_VMS} session hosts in a model`,
  run(model, { at, report }) {
    const users = (model.users ?? []).filter((u) => typeof u.count === 'number');
    const principals = users.reduce((sum, u) => sum + (u.count as number), 0);
    if (principals > MAX_PRINCIPALS) {
      const largest = users.reduce((a, b) => ((b.count as number) > (a.count as number) ? b : a));
      report(
        at(largest, 'count'),
        `the model stands for ${principals} principals (the sum of every user's \`count\`; ${named('user', largest.id)} has ${largest.count}); indepth handles at most ${MAX_PRINCIPALS}`,
      );
    }
    const pools = byId(model.hostPools);
    const personal = new Map<string, number>();
    for (const user of users) {
      if (typeof user.hostPool === 'string' && pools.get(user.hostPool)?.type === 'personal') {
        personal.set(user.hostPool, (personal.get(user.hostPool) ?? 0) + (user.count as number));
      }
    }
    const sizes = (model.hostPools ?? []).map((pool) => ({
      pool,
      vms: pool.type === 'personal' ? (personal.get(pool.id ?? '') ?? 0) : typeof pool.vms === 'number' ? pool.vms : 0,
    }));
    const vms = sizes.reduce((sum, s) => sum + s.vms, 0);
    if (vms > MAX_VMS && sizes.length > 0) {
      const largest = sizes.reduce((a, b) => (b.vms > a.vms ? b : a));
      report(
        at(largest.pool, largest.pool.type === 'personal' ? undefined : 'vms'),
        `the model stands for ${vms} session hosts (${named('host pool', largest.pool.id)} has ${largest.vms}); indepth handles at most ${MAX_VMS}`,
      );
    }
  },
};
