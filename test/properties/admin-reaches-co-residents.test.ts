// Claim 1 of the guide (README, "What the guide's claims mean, precisely"): a local admin on a pooled host reaches every co-resident user's data with 0 failures; on a personal desktop only their own
// The guide: "We don't recommend giving users local admin privileges in multi-session pooled scenarios because these users can cross security boundaries for sessions or NTFS data permissions, shut down multi-session VMs, or do other things that could interrupt service or cause data losses."

import { describe, it } from 'vitest';
import { checkClaim } from './check.js';
import { adminReachesCoResidents } from './claims/admin-reaches-co-residents.js';

describe('guide claim 1', () => {
  it("a local admin on a pooled host reaches every co-resident user's data with 0 failures; on a personal desktop only their own", () => {
    checkClaim(adminReachesCoResidents);
  });
});
