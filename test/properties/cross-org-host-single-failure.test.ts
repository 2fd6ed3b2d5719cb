// Claim 3 of the guide (README, "What the guide's claims mean, precisely"): different orgs on one multi-session host: a single failure exposes the other org's data (and, without Credential Guard, its credentials)
// The guide: "A single security vulnerability could cause unauthorized data and credential theft, personal information leaks, identity theft, and other issues."

import { describe, it } from 'vitest';
import { checkClaim } from './check.js';
import { crossOrgHostSingleFailure } from './claims/cross-org-host-single-failure.js';

describe('guide claim 3', () => {
  it("different orgs on one multi-session host: a single failure exposes the other org's data (and, without Credential Guard, its credentials)", () => {
    checkClaim(crossOrgHostSingleFailure);
  });
});
