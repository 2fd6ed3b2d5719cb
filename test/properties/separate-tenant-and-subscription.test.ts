// Claim 4 of the guide (README, "What the guide's claims mean, precisely"): separate tenant and subscription per org: no single failure exposes another org's data (depth >= 2 from any standard user)
// The guide: "If your situation requires users from different organizations to connect to your deployment, we recommend you have a separate tenant for identity services like Active Directory and Azure AD. We also recommend you have a separate subscription for hosting Azure resources like Azure Virtual Desktop and VMs."

import { describe, it } from 'vitest';
import { checkClaim } from './check.js';
import { separateTenantAndSubscription } from './claims/separate-tenant-and-subscription.js';

describe('guide claim 4', () => {
  it("separate tenant and subscription per org: no single failure exposes another org's data (depth >= 2 from any standard user)", () => {
    checkClaim(separateTenantAndSubscription);
  });
});
