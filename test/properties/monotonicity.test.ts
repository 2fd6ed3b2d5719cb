// Claim 6 of the guide (README, "What the guide's claims mean, precisely"): more failures never shrink reach; turning a control on never grows it
// The guide: "Ideally, you'll want to build a series of security mechanisms and controls layered throughout your computer network to protect your data and network from being compromised or attacked."

import { describe, it } from 'vitest';
import { checkClaim } from './check.js';
import { monotonicity } from './claims/monotonicity.js';

describe('guide claim 6', () => {
  it("more failures never shrink reach; turning a control on never grows it", () => {
    checkClaim(monotonicity);
  });
});
