// Claim 1. The guide: "We don't recommend giving users local admin privileges in multi-session
// pooled scenarios because these users can cross security boundaries for sessions or NTFS data
// permissions, shut down multi-session VMs, or do other things that could interrupt service or
// cause data losses." and "if a user in your organization needs local administrative privileges to
// install apps, you'll need to give them a personal desktop instead of a shared RDSH."
//
// Precisely, with zero failures, for every local admin A who signs in to a host pool:
//   pooled:   A reaches everything every principal who may share a VM with A is authorized for,
//             the sessions of all of them, and controls (can shut down) every VM A may sit on;
//   personal: A reaches exactly the data A is authorized for, and controls only A's own VM.

import { nodeId } from '../../../src/compile/ids.js';
import { modelArbitrary } from '../../arbitraries/model.js';
import type { ModelDoc } from '../../arbitraries/document.js';
import { claimFails, type Claim } from '../support/claim.js';
import { authorizedData, mayShareVm, missing, poolOf, principals } from '../support/facts.js';
import { dataIds, load, simulate } from '../support/load.js';

export interface Input {
  readonly model: ModelDoc;
}

const hasAdminWithSession = (doc: ModelDoc) => (doc.users ?? []).some((u) => u.privilege === 'localAdmin' && u.hostPool !== undefined);

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
    for (const admin of everyone.filter((p) => p.user.privilege === 'localAdmin')) {
      const pool = poolOf(model, admin);
      if (pool === undefined) continue;
      const result = simulate(prepared, [admin.id]);
      const reached = dataIds(result);
      const deniedVms = new Set(result.availability.map((a) => a.vm));

      if (pool.type === 'personal') {
        const own = authorizedData(model, admin);
        const extra = [...reached].filter((id) => !own.has(id));
        const lost = missing(own, reached);
        if (extra.length > 0 || lost.length > 0) {
          claimFails(`local admin ${admin.id} on a personal desktop should reach exactly their own data with 0 failures`, { extra, lost });
        }
        const ownVm = nodeId.personalVm(pool.id, admin.id);
        if (deniedVms.size !== 1 || !deniedVms.has(ownVm)) {
          claimFails(`local admin ${admin.id} should control only their own desktop ${ownVm}`, { controlled: [...deniedVms] });
        }
        checks++;
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

/** The VMs an admin may sit on: its pinned VM, or any VM of the pool. */
function vmsOf(pin: number | null, pool: string, vms: number): string[] {
  const indices = pin === null ? Array.from({ length: vms }, (_, i) => i + 1) : [pin];
  return indices.map((i) => nodeId.pooledVm(pool, i));
}
