// Rule `app-attach`: an MSIX app attach image is staged on every host of the pools that use it and
// its apps run in their users' sessions, so whoever can write the image share runs code as every user
// of those pools: image share → the sessions of every host, one edge per VM.

import type { Rule } from './rule.js';

export const appAttach: Rule = {
  id: 'app-attach',
  description: 'Control of an app attach image share yields code in every session of every pool that mounts the image.',
  guide: 'You\u2019ll need to configure security in the following areas: End-user devices, Application security',
  learn: { page: 'https://learn.microsoft.com/en-us/azure/virtual-desktop/app-attach-overview' },
  apply(deployment, edge) {
    for (const pkg of deployment.model.appAttachPackages ?? []) {
      for (const image of deployment.dataNodes.get(pkg.image) ?? []) {
        for (const pool of pkg.hostPools) {
          for (const vm of deployment.poolById.get(pool)?.vms ?? []) edge(image.node, vm.sessions);
        }
      }
    }
  },
};
