// Claim 9 (domain.md, "Rules the compiler derives"): "a VM's kernel reaches other VMs on the same
// physical host across a vm boundary. The host reads every guest's memory, so a VM escape yields the
// other guests' VSM-protected secrets too (virtualization-based security protects against the
// guest's own kernel, not against its host); only confidential VMs (memory encrypted against the
// host) add a boundary there."
//
// Precisely, on the generated model with Credential Guard on and drive redirection stated off on
// every pool (`drivestoredirect:s:`, so a reached session does not hand over its user's device and
// tokens: claim 3's other channel), for every principal A who signs in to a pool PA and every
// principal B who signs in to another pool PB whose VMs may share a physical host with PA's
// (facts.mayShareHost: a declared host listing both, or neither declared nor dedicated):
//   - PB not confidential: failing {kernel, vm} from A yields B's credential (a reusable secret,
//     held persistently): no vsm failure needed, though Credential Guard is on;
//   - PB confidential: failing {kernel, vm} never yields B's credential; adding vsm does.
// The "never" half holds on every generated model, privileged principals included: with Credential
// Guard on and drives off, what else A reaches with {kernel, vm} (other guests' sessions, so their
// users' principals, a tenant or a subscription and through them B's principal, session and VM
// kernel) acts as B but never reads B's secrets: the kernel of B's VM reaches them across vsm alone
// (rule credential-guard), and a live session yields no reusable credential (domain.md).

import { nodeId } from '../../../src/compile/ids.js';
import type { Model } from '../../../src/model/types.js';
import type { ModelDoc } from '../../arbitraries/document.js';
import { modelArbitrary } from '../../arbitraries/model.js';
import { claimFails, type Claim } from '../support/claim.js';
import { mayShareHost, poolOf, principals, type Principal } from '../support/facts.js';
import { load, simulate } from '../support/load.js';

export interface Input {
  readonly model: ModelDoc;
}

/** Pairs (A, B) on different pools whose VMs may share a physical host. */
function coHostedPairs(model: Model): [Principal, Principal][] {
  const seated = principals(model).filter((p) => poolOf(model, p) !== undefined);
  return seated.flatMap((a) =>
    seated
      .filter((b) => b.user.hostPool !== a.user.hostPool && mayShareHost(model, a.user.hostPool!, b.user.hostPool!))
      .map((b): [Principal, Principal] => [a, b]),
  );
}

/** Credential Guard on; every pool states drive redirection off (unless it states RDP properties). */
function guarded(doc: ModelDoc): ModelDoc {
  return {
    ...doc,
    controls: { ...doc.controls, credentialGuard: true },
    hostPools: doc.hostPools?.map((p) => ({ ...p, customRdpProperty: p.customRdpProperty ?? 'drivestoredirect:s:' })),
  };
}

export const vmEscapeReadsGuestMemory: Claim<Input> = {
  name: 'vm-escape-reads-guest-memory',
  guide: 'An unauthorized Hyper-V guest virtual machine can\u2019t access or tamper with the code and data of another guest virtual machine.',
  arbitrary: modelArbitrary({ everyOrgHosted: true })
    .map(guarded)
    .filter((doc) => (doc.hostPools?.length ?? 0) >= 2 && new Set((doc.users ?? []).map((u) => u.hostPool).filter((p) => p !== undefined)).size >= 2)
    .map((model) => ({ model })),
  predicate({ model: doc }) {
    const prepared = load(doc);
    const { model } = prepared;
    const pairs = coHostedPairs(model);
    let checks = 0;
    const escape = new Map<string, Set<string>>();
    const escapeAndVsm = new Map<string, Set<string>>();
    const credentialsReached = (a: string, fail: string[]) =>
      new Set(simulate(prepared, [a], fail).identities.filter((i) => i.kind === 'credential').map((i) => `${i.id}:${i.persistence}`));
    for (const [a, b] of pairs) {
      if (!escape.has(a.id)) escape.set(a.id, credentialsReached(a.id, ['kernel', 'vm']));
      const reached = escape.get(a.id)!;
      const credential = nodeId.credential(b.id);
      const confidential = poolOf(model, b)!.confidential;
      if (!confidential && !reached.has(`${credential}:persistent`)) {
        claimFails(`a VM escape ({kernel, vm} failed) from ${a.id} on ${a.user.hostPool} should read the credential of ${b.id} on co-hosted ${b.user.hostPool} (not confidential), with Credential Guard on`, {
          reached: [...reached],
        });
      }
      if (confidential) {
        if ([...reached].some((r) => r.startsWith(`${credential}:`))) {
          claimFails(`a VM escape ({kernel, vm} failed) from ${a.id} should not read the credential of ${b.id} on confidential ${b.user.hostPool} without a vsm failure`, {
            reached: [...reached],
          });
        }
        if (!escapeAndVsm.has(a.id)) escapeAndVsm.set(a.id, credentialsReached(a.id, ['kernel', 'vm', 'vsm']));
        if (!escapeAndVsm.get(a.id)!.has(`${credential}:persistent`)) {
          claimFails(`{kernel, vm, vsm} failed from ${a.id} should read the credential of ${b.id} on confidential ${b.user.hostPool}`);
        }
      }
      checks++;
    }
    return checks;
  },
};
