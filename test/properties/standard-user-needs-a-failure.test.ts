// Claim 2 of the guide (README, "What the guide's claims mean, precisely"): a standard user needs at least one failure to reach another user's data; a co-resident's profile exactly one (kernel, process, session or user)
// The guide: "A user can't access or tamper with the code and data of another user without being authorized."

import { describe, it } from 'vitest';
import { checkClaim } from './check.js';
import { standardUserNeedsAFailure } from './claims/standard-user-needs-a-failure.js';

describe('guide claim 2', () => {
  it("a standard user needs at least one failure to reach another user's data; a co-resident's profile exactly one (kernel, process, session or user)", () => {
    checkClaim(standardUserNeedsAFailure);
  });
});
