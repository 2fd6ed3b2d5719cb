// Every claim by name: the property tests run them, test/regressions/replay.test.ts looks saved
// counterexamples up here by the `# claim:` line of their file.

import type { Claim } from '../support/claim.js';
import { adminReachesCoResidents } from './admin-reaches-co-residents.js';
import { crossOrgHostSingleFailure } from './cross-org-host-single-failure.js';
import { determinism } from './determinism.js';
import { monotonicity } from './monotonicity.js';
import { separateTenantAndSubscription } from './separate-tenant-and-subscription.js';
import { separationNeverHurts } from './separation-never-hurts.js';
import { sharedTenantAdminReachesEveryOrg } from './shared-tenant-admin-reaches-every-org.js';
import { standardUserNeedsAFailure } from './standard-user-needs-a-failure.js';
import { vmEscapeReadsGuestMemory } from './vm-escape-reads-guest-memory.js';

/** Claim name → its predicate, for inputs read back from a regression file (plain YAML data). */
export const CLAIMS: ReadonlyMap<string, (input: unknown) => number> = new Map(
  [
    replayable(adminReachesCoResidents),
    replayable(standardUserNeedsAFailure),
    replayable(crossOrgHostSingleFailure),
    replayable(separateTenantAndSubscription),
    replayable(sharedTenantAdminReachesEveryOrg),
    replayable(monotonicity),
    replayable(separationNeverHurts),
    replayable(determinism),
    replayable(vmEscapeReadsGuestMemory),
  ],
);

function replayable<Input>(claim: Claim<Input>): [string, (input: unknown) => number] {
  // A saved input is the YAML of a generated one; the file's `# claim:` line says which claim made it.
  return [claim.name, (input) => claim.predicate(input as Input)];
}
