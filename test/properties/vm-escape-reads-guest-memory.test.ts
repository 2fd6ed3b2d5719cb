// Claim 9 (README, "What the guide's claims mean, precisely"): a VM escape reads every co-hosted guest's memory, VSM secrets included; only a confidential VM puts a boundary (vsm) back
// domain.md: "The host reads every guest's memory, so a VM escape yields the other guests' VSM-protected secrets too"

import { describe, it } from 'vitest';
import { checkClaim } from './check.js';
import { vmEscapeReadsGuestMemory } from './claims/vm-escape-reads-guest-memory.js';

describe('claim 9', () => {
  it("a VM escape reads co-hosted guests' credentials with Credential Guard on; a confidential pool's only with vsm too", () => {
    checkClaim(vmEscapeReadsGuestMemory);
  });
});
