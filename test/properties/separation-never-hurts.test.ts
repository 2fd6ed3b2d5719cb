// Claim 7 of the guide (README, "What the guide's claims mean, precisely"): separation never hurts: for every failure set, the separated model's reach is within the shared model's
// The guide: "It's better to follow the principles of defense in depth and keep environments separate."

import { describe, it } from 'vitest';
import { checkClaim } from './check.js';
import { separationNeverHurts } from './claims/separation-never-hurts.js';

describe('guide claim 7', () => {
  it("separation never hurts: for every failure set, the separated model's reach is within the shared model's", () => {
    checkClaim(separationNeverHurts);
  });
});
