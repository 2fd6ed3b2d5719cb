// Claim 1. The guide: "We don't recommend giving users local admin privileges in multi-session
// pooled scenarios because these users can cross security boundaries for sessions or NTFS data
// permissions, shut down multi-session VMs, or do other things that could interrupt service or
// cause data losses." and "if a user in your organization needs local administrative privileges to
// install apps, you'll need to give them a personal desktop instead of a shared RDSH."
//
// Precisely, with zero failures, for every local admin A who signs in to a host pool — a
// `localAdmin`, or a `tenantAdmin` on a pool of their own tenant's subscription (Global
// Administrators are local admins of every Entra-joined host of their directory):
//   pooled:   A reaches everything every principal who may share a VM with A is authorized for,
//             the sessions of all of them, and controls (can shut down) every VM A may sit on;
//   personal: a `localAdmin` A reaches exactly the data A is authorized for and controls only A's
//             own VM — unless an FSLogix store with `access: storageKey` keeps a container of a user
//             of A's pool: then A's kernel holds the storage account key and A reaches every container
//             on that share, and through their logon code their owners' sessions and whatever those
//             reach (at least that much is checked). A tenant admin controls every principal of the
//             tenant anyway (claim 5).
// And `indepth check` says so: the users it flags with `no-local-admin-on-pooled-hosts` are exactly
// the users who are such admins (a `localAdmin`, or a `tenantAdmin` on their own tenant's hosts) on
// a pooled pool. A tenant admin's reach alone cannot show that they are a local admin there — their
// tenant controls every co-resident principal and the pool's subscription anyway —, so the gate that
// acts on this claim is checked against the same facts.

import { nodeId } from '../../../src/compile/ids.js';
import { modelArbitrary } from '../../arbitraries/model.js';
import type { ModelDoc } from '../../arbitraries/document.js';
import { claimFails, type Claim } from '../support/claim.js';
import type { Model } from '../../../src/model/types.js';
import { authorizedData, hostAdmin, mayShareVm, missing, poolOf, principals, profileContainers } from '../support/facts.js';
import { checkContext, dataIds, load, simulate } from '../support/load.js';
import { defaultsOf } from '../../../src/model/schema-dsl.js';
import type { BuiltInSettings } from '../../../src/policy/load-policy.js';
import { noLocalAdminOnPooledHosts } from '../../../src/policy/no-local-admin-on-pooled-hosts.js';
import { settingsSchema } from '../../../src/policy/policy-schema.js';
import { NO_TRUST } from '../../../src/policy/trust.js';

export interface Input {
  readonly model: ModelDoc;
}

const hasAdminWithSession = (doc: ModelDoc) =>
  (doc.users ?? []).some((u) => (u.privilege === 'localAdmin' || u.privilege === 'tenantAdmin') && u.hostPool !== undefined);

/** Every container of each `storageKey` profile store that a user of `pool` keeps a container on. */
function keyedContainers(model: Model, pool: string): Set<string> {
  const out = new Set<string>();
  const everyone = principals(model);
  for (const store of model.data) {
    if (store.location !== 'fslogixProfile' || store.access !== 'storageKey') continue;
    const owners = everyone.filter((p) => store.users.includes(p.user.id));
    if (!owners.some((p) => p.user.hostPool === pool)) continue;
    for (const owner of owners) for (const id of profileContainers(model, owner)) if (id.split('/')[0] === store.id) out.add(id);
  }
  return out;
}

export const adminReachesCoResidents: Claim<Input> = {
  name: 'admin-reaches-co-residents',
  guide: 'We don\u2019t recommend giving users local admin privileges in multi-session pooled scenarios because these users can cross security boundaries for sessions or NTFS data permissions, shut down multi-session VMs, …',
  arbitrary: modelArbitrary()
    .filter(hasAdminWithSession)
    .map((model) => ({ model })),
  predicate({ model: doc }) {
    const prepared = load(doc);
    const { model } = prepared;
    const everyone = principals(model);
    let checks = 0;
    const flagged = localAdminFindings(doc);
    const expected = model.users
      .filter((u) => model.hostPools.find((p) => p.id === u.hostPool)?.type === 'pooled' && hostAdmin(model, { id: u.id, user: u }))
      .map((u) => u.id)
      .sort();
    if (JSON.stringify(flagged) !== JSON.stringify(expected)) {
      claimFails('no-local-admin-on-pooled-hosts should flag exactly the local admins (localAdmin, or tenantAdmin on their own tenant\u2019s hosts) of pooled pools', { flagged, expected });
    }
    checks += expected.length;
    for (const admin of everyone.filter((p) => hostAdmin(model, p))) {
      const pool = poolOf(model, admin);
      if (pool === undefined) continue;
      const result = simulate(prepared, [admin.id]);
      const reached = dataIds(result);
      const deniedVms = new Set(result.availability.map((a) => a.vm));

      if (pool.type === 'personal') {
        if (admin.user.privilege !== 'localAdmin') continue;
        const own = authorizedData(model, admin);
        const keyed = keyedContainers(model, pool.id);
        const extra = [...reached].filter((id) => !own.has(id) && !keyed.has(id));
        const lost = missing(new Set([...own, ...keyed]), reached);
        if (lost.length > 0 || (keyed.size === 0 && extra.length > 0)) {
          claimFails(`local admin ${admin.id} on a personal desktop should reach exactly their own data (and every container of a storage-key share of their pool) with 0 failures`, { extra, lost });
        }
        checks++;
        const ownVm = nodeId.personalVm(pool.id, admin.id);
        if (!deniedVms.has(ownVm) || (keyed.size === 0 && deniedVms.size !== 1)) {
          claimFails(`local admin ${admin.id} should control their own desktop ${ownVm}, and no other without a storage-key share`, { controlled: [...deniedVms] });
        }
        continue;
      }
      const coResidents = everyone.filter((p) => p !== admin && mayShareVm(model, admin, p));
      for (const other of [admin, ...coResidents]) {
        const lost = missing(authorizedData(model, other), reached);
        if (lost.length > 0) claimFails(`local admin ${admin.id} should reach the data of co-resident ${other.id} with 0 failures`, { lost });
        checks++;
      }
      for (const vm of vmsOf(admin.user.vm, pool.id, pool.vms)) {
        if (!deniedVms.has(vm)) claimFails(`local admin ${admin.id} should control (and can shut down) ${vm}`, { controlled: [...deniedVms] });
      }
      for (const org of result.organizations) {
        const sessions = [admin, ...coResidents].filter((p) => p.user.organization === org.id).length;
        if (org.reached.sessions < sessions) {
          claimFails(`local admin ${admin.id} should reach all ${sessions} co-resident sessions of ${org.id}`, { reached: org.reached.sessions });
        }
      }
    }
    return checks;
  },
};

/** User ids that `check`'s no-local-admin-on-pooled-hosts flags, with its default settings, sorted. */
function localAdminFindings(doc: ModelDoc): string[] {
  const settings = defaultsOf(settingsSchema(noLocalAdminOnPooledHosts)) as BuiltInSettings;
  return noLocalAdminOnPooledHosts
    .evaluate({ context: checkContext(doc), settings, baseline: null, trust: NO_TRUST })
    .map((f) => f.asset)
    .sort();
}

/** The VMs an admin may sit on: its pinned VM, or any VM of the pool. */
function vmsOf(pin: number | null, pool: string, vms: number): string[] {
  const indices = pin === null ? Array.from({ length: vms }, (_, i) => i + 1) : [pin];
  return indices.map((i) => nodeId.pooledVm(pool, i));
}
