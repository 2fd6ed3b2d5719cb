// Claim 4. The guide: "If your situation requires users from different organizations to connect to
// your deployment, we recommend you have a separate tenant for identity services like Active
// Directory and Azure AD. We also recommend you have a separate subscription for hosting Azure
// resources like Azure Virtual Desktop and VMs." and "It's better to follow the principles of
// defense in depth and keep environments separate."
//
// Precisely: in a model where every organization has its own tenant (hence its own subscriptions
// and host pools), from any standard user of org X (the foothold `X`), every data store of another
// organization that grants no user of X access has type depth ≥ 2 (or is unreachable) — provided
// the model does not bridge the separation itself:
//   - a bridge is a subscription owner who owns another organization's subscription, or a data
//     store placed in a subscription of another organization. With one, a single co-residency
//     failure (kernel, process, session, user) gives the attacker the bridging principal's live
//     session, which acts as that principal (session-acts-as-user) and crosses over. Credential
//     Guard does not help: it stops the theft of reusable secrets, not the use of a live session.
//   - an FSLogix profile store holding a container of a user of another organization is a bridge
//     too: whoever controls that store (its organization's admins, its subscription, a failure on
//     its share) writes that user's profile, which runs code in their next session
//     (profile-logon-code). (Counterexample: org1's store in sub1 holds u2 of org2's container; a
//     kernel failure gives org1's tenant admin's credentials, then sub1, then u2's session.)
// Every model excluded this way is one the warning policy `no-separation-bridges` flags: checked on
// every excluded input, so the claim's condition and the policy cannot drift apart.

import type { Model } from '../../../src/model/types.js';
import { findBridges } from '../../../src/policy/bridges.js';
import { NO_TRUST } from '../../../src/policy/trust.js';
import { modelArbitrary } from '../../arbitraries/model.js';
import type { ModelDoc } from '../../arbitraries/document.js';
import { claimFails, type Claim } from '../support/claim.js';
import { principals } from '../support/facts.js';
import { depth, load } from '../support/load.js';

export interface Input {
  readonly model: ModelDoc;
}

/** Every tenant holds one organization. */
export function separated(model: Model): boolean {
  return model.tenants.every((t) => t.organizations.length === 1);
}

/** Model-level bridges across the separation: the reasons the precise claim excludes a model. */
export function bridges(model: Model): string[] {
  const orgsOf = new Map(model.subscriptions.map((s) => [s.id, s.organizations] as const));
  const out: string[] = [];
  for (const user of model.users) {
    if (user.subscription !== null && !orgsOf.get(user.subscription)!.includes(user.organization)) {
      out.push(`${user.id} (${user.organization}) owns ${user.subscription} of another organization`);
    }
  }
  for (const store of model.data) {
    if (store.subscription !== null && !orgsOf.get(store.subscription)!.includes(store.organization)) {
      out.push(`${store.id} (${store.organization}) sits in ${store.subscription} of another organization`);
    }
  }
  const orgOf = new Map(model.users.map((u) => [u.id, u.organization] as const));
  for (const store of model.data) {
    if (store.location !== 'fslogixProfile') continue;
    const foreign = store.users.filter((u) => orgOf.get(u) !== store.organization);
    if (foreign.length > 0) out.push(`${store.id} (${store.organization}) holds the profile containers of ${foreign.join(', ')} of another organization`);
  }
  return out;
}

/** Some org has a standard user and another org has data: the claim has something to say. */
function hasCrossOrgData(doc: ModelDoc): boolean {
  const attackers = new Set((doc.users ?? []).filter((u) => (u.privilege ?? 'standard') === 'standard').map((u) => u.organization));
  return (doc.data ?? []).some((d) => [...attackers].some((org) => org !== d.organization));
}

export const separateTenantAndSubscription: Claim<Input> = {
  name: 'separate-tenant-and-subscription',
  guide: 'we recommend you have a separate tenant for identity services like Active Directory and Azure AD. We also recommend you have a separate subscription for hosting Azure resources like Azure Virtual Desktop and VMs.',
  arbitrary: modelArbitrary({ tenancy: 'separated', minOrgs: 2, everyOrgHosted: true })
    .filter(hasCrossOrgData)
    .map((model) => ({ model })),
  predicate({ model: doc }) {
    const prepared = load(doc);
    const { model } = prepared;
    if (!separated(model)) return 0;
    const excluded = bridges(model);
    if (excluded.length > 0) {
      // Every model the claim must exclude is one `check` warns about (policy no-separation-bridges).
      const found = findBridges(prepared.deployment, NO_TRUST);
      if (found.length === 0) claimFails('the model bridges the separation, but no-separation-bridges finds no bridge', { excluded });
      return 0;
    }
    const everyone = principals(model);
    let checks = 0;
    for (const org of model.organizations) {
      if (!everyone.some((p) => p.user.organization === org.id && p.user.privilege === 'standard')) continue;
      const ownUsers = new Set(model.users.filter((u) => u.organization === org.id).map((u) => u.id));
      const result = depth(prepared, [org.id]);
      for (const d of result.data) {
        if (d.organization === org.id) continue;
        const store = model.data.find((s) => s.id === d.store)!;
        if ([...store.users, ...store.readers].some((u) => ownUsers.has(u))) continue;
        if (d.depth !== null && d.depth < 2) {
          claimFails(`${d.id} of ${d.organization} is exposed to standard users of ${org.id} by ${d.depth} failure(s)`, {
            minimalSets: d.minimalSets,
            witness: d.witnesses[0]?.path.map((h) => `${h.from} -> ${h.to}${h.boundary ? ` [${h.boundary}]` : ''}`),
          });
        }
        checks++;
      }
    }
    return checks;
  },
};
