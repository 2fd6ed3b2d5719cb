// Claim 5 of the guide (README, "What the guide's claims mean, precisely"): a compromised shared-tenant admin reaches every org in that tenant
// The guide: "We don't currently recommend using a shared identity system in Azure Virtual Desktop."

import { describe, it } from 'vitest';
import { checkClaim } from './check.js';
import { sharedTenantAdminReachesEveryOrg } from './claims/shared-tenant-admin-reaches-every-org.js';

describe('guide claim 5', () => {
  it("a compromised shared-tenant admin reaches every org in that tenant", () => {
    checkClaim(sharedTenantAdminReachesEveryOrg);
  });
});
