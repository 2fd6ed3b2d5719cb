// Rule `network-exposure`: without Reverse Connect a session host listens on the internet, and a
// flaw in its listener crosses the network boundary; with Reverse Connect the edge does not exist.

import { INTERNET } from '../compile/ids.js';
import { hostGroups, type Rule } from './rule.js';

export const networkExposure: Rule = {
  id: 'network-exposure',
  description: 'The internet reaches a session host\u2019s kernel across the network boundary unless Reverse Connect is on.',
  guide:
    'Azure Virtual Desktop has features like Reverse Connect that allow users to access the session host without having to open inbound ports.',
  apply(deployment, edge) {
    for (const pool of deployment.pools) {
      const groups = hostGroups(pool.pool.osBuild, pool.pool.id);
      for (const vm of pool.vms) {
        edge(INTERNET, vm.id, { boundary: 'network', place: vm.id, groups, blockedBy: 'reverseConnect' });
      }
    }
  },
};
