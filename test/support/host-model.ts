// A small model for the per-VM boundary rules: pooled pool `pool` (build b1, 2 VMs) and personal
// pool `desk` (build b2) with one user `dev`, so each VM rule shows both pool types.

import { acme } from './model.js';

export const TWO_POOLS = acme(`
hostPools:
  - id: pool
    subscription: acme-sub
    type: pooled
    vms: 2
    osBuild: b1
  - id: desk
    subscription: acme-sub
    type: personal
    osBuild: b2
users:
  - id: ann
    organization: acme
    hostPool: pool
  - id: dev
    organization: acme
    hostPool: desk
`);

/** Groups of every boundary that sits on a VM of each pool: its OS build and its pool. */
export const POOL_GROUPS = ['build:b1', 'pool:pool'];
export const DESK_GROUPS = ['build:b2', 'pool:desk'];
