// Every built-in policy, in the order findings are evaluated (reports sort findings by location).
// All are on by default; a policy file can turn each off, change its severity or its settings.

import { classificationDepth } from './classification-depth.js';
import { crossOrgDepth } from './cross-org-depth.js';
import { depthRegression } from './depth-regression.js';
import { noCrossTenantAdminOnSharedPool } from './no-cross-tenant-admin-on-shared-pool.js';
import { noDomainAdminOnPooledHosts } from './no-domain-admin-on-pooled-hosts.js';
import { noOwnerAboveSharedScope } from './no-owner-above-shared-scope.js';
import { noLocalAdminOnPooledHosts } from './no-local-admin-on-pooled-hosts.js';
import { noSharedIdentityTenant } from './no-shared-identity-tenant.js';
import { noSharedMultiSessionPool } from './no-shared-multi-session-pool.js';
import { noSeparationBridges } from './no-separation-bridges.js';
import { noSharedSubscription } from './no-shared-subscription.js';
import type { Policy } from './policy.js';
import { reverseConnect } from './reverse-connect.js';

export const POLICIES: readonly Policy[] = [
  crossOrgDepth,
  classificationDepth,
  noSharedMultiSessionPool,
  noLocalAdminOnPooledHosts,
  noSharedIdentityTenant,
  noSharedSubscription,
  noCrossTenantAdminOnSharedPool,
  noOwnerAboveSharedScope,
  noDomainAdminOnPooledHosts,
  noSeparationBridges,
  reverseConnect,
  depthRegression,
];
