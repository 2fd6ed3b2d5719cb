// A RemoteApp application group publishes apps installed on its host pool; a desktop group publishes
// the whole desktop, so listing apps on it would be silently meaningless. Say so instead.

import { byId, named, type ModelCheck } from './model-check.js';

export const applicationGroupApps: ModelCheck = {
  id: 'application-group-apps',
  description: 'a RemoteApp group publishes apps installed on its host pool; a desktop group lists none',
  run(model, { at, report }) {
    const pools = byId(model.hostPools);
    for (const group of model.applicationGroups ?? []) {
      const apps = group.apps ?? [];
      if (group.type === 'desktop' && apps.length > 0) {
        report(
          at(group, 'apps'),
          `${named('application group', group.id)} is a desktop group: it publishes the whole desktop of its host pool, so \`apps\` has no effect; use \`type: remoteApp\` to publish single apps`,
        );
        continue;
      }
      const pool = typeof group.hostPool === 'string' ? pools.get(group.hostPool) : undefined;
      if (group.type !== 'remoteApp' || pool?.apps === undefined) continue;
      if (apps.length === 0) report(at(group, 'apps'), `${named('application group', group.id)} is a RemoteApp group but publishes no \`apps\``);
      apps.forEach((app, i) => {
        if (typeof app === 'string' && !pool.apps!.includes(app)) {
          report(at(apps, i), `${named('application group', group.id)} publishes app \`${app}\`, which is not installed on host pool \`${group.hostPool}\` (add it to the pool\u2019s \`apps\`)`);
        }
      });
    }
  },
};
