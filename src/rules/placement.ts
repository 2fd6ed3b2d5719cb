// Rule `placement`: which sessions, profiles and credentials may sit on which VM. A pooled pool's
// load balancer may place any unpinned user on any VM, so every VM links to one pool-wide hub per
// resource instead of to each user: linear in users + VMs, never users × VMs.

import type { Member, PoolPlacement } from '../compile/deployment.js';
import type { EmitEdge, Rule } from './rule.js';

export const placement: Rule = {
  id: 'placement',
  description: 'A user\u2019s code runs on a VM of their pool; each VM holds the sessions, profiles and credentials of whoever may sit on it.',
  guide:
    'With profile technology like FSLogix, users can be assigned any VM in a host pool without noticing any service interruptions.',
  apply(deployment, edge) {
    for (const pool of deployment.pools) placePool(pool, edge);
  },
};

/** A member's nodes go by handle (graph-types.ts, NodeHandle): this rule emits several edges per member. */
function placePool(pool: PoolPlacement, edge: EmitEdge): void {
  const occupy = (sessions: string, profiles: string, credentials: string, m: Member) => {
    edge(sessions, m.seatHandles.session);
    for (const profile of m.profiles) edge(profiles, profile.handle);
    edge(credentials, m.handles.credential);
  };

  for (const vm of pool.vms) {
    for (const m of vm.pinned) {
      // Unprivileged code of a pinned user runs on that VM; admins reach its kernel (rule admin-to-kernel).
      if (!m.hostAdmin) edge(m.seatHandles.session, vm.unprivileged);
      occupy(vm.sessions, vm.profiles, vm.credentials, m);
    }
  }
  if (pool.pool.type !== 'pooled') return;

  const { hubs } = pool;
  for (const vm of pool.vms) {
    edge(hubs.unprivileged, vm.unprivileged);
    edge(vm.sessions, hubs.sessions);
    edge(vm.profiles, hubs.profiles);
    edge(vm.credentials, hubs.credentials);
  }
  for (const m of pool.floating) {
    if (!m.hostAdmin) edge(m.seatHandles.session, hubs.unprivileged);
    occupy(hubs.sessions, hubs.profiles, hubs.credentials, m);
  }
}
