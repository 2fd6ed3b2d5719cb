// Claim 3. The guide: "Microsoft doesn't support granting users that work for different or
// competing companies access to the same multi-session environment. These scenarios have several
// security boundaries that can be attacked or abused, like network, kernel, process, user, or
// sessions. A single security vulnerability could cause unauthorized data and credential theft,
// personal information leaks, identity theft, and other issues."
//
// Precisely, for every standard principal A of org X and every principal B of another org who may
// share a multi-session VM with A:
//   - data: a kernel, a session or a process failure alone (each by itself) exposes everything B is
//     authorized for, and by instance a single failed boundary instance does (depth ≤ 1);
//   - an AppContainer-sandboxed app of A is no safer a start: from inside the sandbox (the app's
//     process as the foothold) a kernel failure alone exposes the same data — a sandboxed app is
//     still non-admin user-mode code and attacks the kernel directly, no appcontainer failure needed;
//   - identity: each of those single failures also gives the attacker B itself (B's principal is
//     reached): control of B's live session acts as B, with every privilege B holds, Credential Guard
//     or not — it stops the theft of reusable secrets, not their use (domain.md);
//   - credentials: without Credential Guard the kernel failure alone also exposes B's org's
//     credentials; with Credential Guard it does not — it takes kernel + vsm — *unless drive
//     redirection runs back to B's device*: then B's session (which the kernel controls) writes to
//     B's device and takes the tokens there, around Credential Guard. Drive redirection is on where
//     a pool states no `customRdpProperty` (AVD's default), so the Credential Guard half is checked
//     on the same model with `drivestoredirect:s:` stated on every pool, and on the model as
//     generated a kernel failure alone must expose the credentials of a B who has a device.

import { modelArbitrary } from '../../arbitraries/model.js';
import type { ModelDoc } from '../../arbitraries/document.js';
import { nodeId } from '../../../src/compile/ids.js';
import { claimFails, type Claim } from '../support/claim.js';
import { authorizedData, mayShareVm, missing, principals, type Principal } from '../support/facts.js';
import { dataIds, depth, load, simulate } from '../support/load.js';
import type { Model } from '../../../src/model/types.js';
import { poolRedirection } from '../../../src/domain/redirection.js';

export interface Input {
  readonly model: ModelDoc;
}

const SINGLE_FAILURES = ['kernel', 'session', 'process'] as const;

/** Pairs (attacker A standard of org X, victim B of another org) that may share a VM. */
function crossOrgPairs(model: Model): [Principal, Principal][] {
  const everyone = principals(model);
  return everyone
    .filter((a) => a.user.privilege === 'standard')
    .flatMap((a) =>
      everyone
        .filter((b) => b.user.organization !== a.user.organization && mayShareVm(model, a, b))
        .map((b): [Principal, Principal] => [a, b]),
    );
}

export const crossOrgHostSingleFailure: Claim<Input> = {
  name: 'cross-org-host-single-failure',
  guide: 'A single security vulnerability could cause unauthorized data and credential theft, personal information leaks, identity theft, and other issues.',
  arbitrary: modelArbitrary({ minOrgs: 2 })
    .filter(hasCrossOrgPair)
    .map((model) => ({ model })),
  predicate({ model: doc }) {
    const prepared = load(doc);
    const { model } = prepared;
    let checks = 0;
    const byAttacker = new Map<string, Principal[]>();
    const attackers = new Map<string, Principal>();
    for (const [a, b] of crossOrgPairs(model)) {
      attackers.set(a.id, a);
      byAttacker.set(a.id, [...(byAttacker.get(a.id) ?? []), b]);
    }
    for (const [id, victims] of byAttacker) {
      const a = attackers.get(id)!;
      const single = new Map(SINGLE_FAILURES.map((t) => [t, simulate(prepared, [a.id], [t])] as const));
      const byInstance = new Map(depth(prepared, [a.id], 'instance', 1).data.map((d) => [d.id, d] as const));
      const kernelOnly = single.get('kernel')!;
      const pool = model.hostPools.find((p) => p.id === a.user.hostPool);
      const sandboxed = [...new Set([...(pool?.apps ?? []), ...a.user.apps])].filter((app) => model.apps.find((x) => x.id === app)?.sandboxed === true);
      const fromSandbox = sandboxed.map((app) => [app, dataIds(simulate(prepared, [nodeId.process(a.id, app)], ['kernel']))] as const);
      const kernelAndVsm = model.controls.credentialGuard ? simulate(prepared, [a.id], ['kernel', 'vsm']) : kernelOnly;
      const kernelOnlyNoDrives = model.controls.credentialGuard ? simulate(load(withoutDriveRedirection(doc)), [a.id], ['kernel']) : kernelOnly;
      for (const b of victims) {
        const theirs = authorizedData(model, b);
        for (const [app, reached] of fromSandbox) {
          const lost = missing(theirs, reached);
          if (lost.length > 0) claimFails(`a kernel failure alone should expose the data of ${b.id} to ${a.id}'s sandboxed ${app}, from inside its AppContainer`, { lost });
          checks++;
        }
        for (const [type, result] of single) {
          const lost = missing(theirs, dataIds(result));
          if (lost.length > 0) claimFails(`a ${type} failure alone should expose the data of ${b.id} to co-resident ${a.id} (other org)`, { lost });
          if (!result.identities.some((i) => i.kind === 'principal' && i.id === b.id)) {
            claimFails(`a ${type} failure alone should let co-resident ${a.id} act as ${b.id} (other org) through their session`, {
              credentialGuard: model.controls.credentialGuard,
            });
          }
        }
        for (const id of theirs) {
          const d = byInstance.get(id)!;
          if (d.depth === null || d.depth > 1) {
            claimFails(`one failed boundary instance should expose ${id} (of ${b.id}) to co-resident ${a.id}`, { depth: d.depth, beyondOrder: d.beyondOrder });
          }
        }
        const org = b.user.organization;
        const credentials = (r: typeof kernelOnly) => r.organizations.find((o) => o.id === org)!.reached.credentials;
        if (model.controls.credentialGuard && credentials(kernelOnlyNoDrives) > 0) {
          claimFails(`with Credential Guard and no drive redirection, a kernel failure alone should not expose credentials of ${org}`, {
            credentials: credentials(kernelOnlyNoDrives),
          });
        }
        const bPool = model.hostPools.find((p) => p.id === b.user.hostPool);
        if (b.user.device && bPool !== undefined && poolRedirection(bPool.customRdpProperty).drives && credentials(kernelOnly) === 0) {
          claimFails(`with drive redirection (AVD's default), a kernel failure alone should expose the device and credentials of ${b.id} (${org})`);
        }
        if (credentials(kernelAndVsm) === 0) {
          claimFails(`a kernel failure${model.controls.credentialGuard ? ' with a vsm failure' : ''} should expose the credentials of ${b.id} (${org})`);
        }
        checks += 1 + theirs.size;
      }
    }
    return checks;
  },
};

/** The same model with drive redirection stated off on every pool that states no RDP properties. */
function withoutDriveRedirection(doc: ModelDoc): ModelDoc {
  return { ...doc, hostPools: doc.hostPools?.map((p) => ({ ...p, customRdpProperty: p.customRdpProperty ?? 'drivestoredirect:s:' })) };
}

function hasCrossOrgPair(doc: ModelDoc): boolean {
  const users = doc.users ?? [];
  const pooled = new Map((doc.hostPools ?? []).filter((p) => p.type === 'pooled').map((p) => [p.id, p] as const));
  return users.some(
    (a) =>
      (a.privilege ?? 'standard') === 'standard' &&
      a.hostPool !== undefined &&
      pooled.has(a.hostPool) &&
      users.some((b) => b.organization !== a.organization && b.hostPool === a.hostPool && (a.vm === undefined || b.vm === undefined || a.vm === b.vm)),
  );
}
