// Rule `placement`: which sessions, profiles and credentials may sit on which VM. A pooled pool's
// load balancer may place any unpinned user on any VM, so every VM links to one pool-wide hub per
// resource instead of to each user: linear in users + VMs, never users × VMs.

import type { PoolPlacement } from '../compile/deployment.js';
import { nodeId } from '../compile/ids.js';
import type { EmitEdge, Rule } from './rule.js';

export const placement: Rule = {
  id: 'placement',
  description: 'A user\u2019s code runs on a VM of their pool; each VM holds the sessions, profiles and credentials of whoever may sit on it.',
  guide:
    'With profile technology like FSLogix, users can be assigned any VM in a host pool without noticing any service interruptions.',
  apply(deployment, edge) {
    for (const pool of deployment.pools) placePool(deployment.profilesOf, pool, edge);
  },
};

function placePool(profilesOf: ReadonlyMap<string, readonly string[]>, pool: PoolPlacement, edge: EmitEdge): void {
  const occupy = (sessions: string, profiles: string, credentials: string, memberId: string) => {
    edge(sessions, nodeId.session(memberId));
    for (const profile of profilesOf.get(memberId) ?? []) edge(profiles, profile);
    edge(credentials, nodeId.credential(memberId));
  };

  for (const vm of pool.vms) {
    for (const m of vm.pinned) {
      // Unprivileged code of a pinned user runs on that VM; admins reach its kernel (rule admin-to-kernel).
      if (m.user.privilege !== 'localAdmin') edge(nodeId.session(m.id), nodeId.vmUnprivileged(vm.id));
      occupy(nodeId.vmSessions(vm.id), nodeId.vmProfiles(vm.id), nodeId.vmCredentials(vm.id), m.id);
    }
  }
  if (pool.pool.type !== 'pooled') return;

  const p = pool.pool.id;
  for (const vm of pool.vms) {
    edge(nodeId.poolUnprivileged(p), nodeId.vmUnprivileged(vm.id));
    edge(nodeId.vmSessions(vm.id), nodeId.poolSessions(p));
    edge(nodeId.vmProfiles(vm.id), nodeId.poolProfiles(p));
    edge(nodeId.vmCredentials(vm.id), nodeId.poolCredentials(p));
  }
  for (const m of pool.floating) {
    if (m.user.privilege !== 'localAdmin') edge(nodeId.session(m.id), nodeId.poolUnprivileged(p));
    occupy(nodeId.poolSessions(p), nodeId.poolProfiles(p), nodeId.poolCredentials(p), m.id);
  }
}
