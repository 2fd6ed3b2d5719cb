// Claim 5. The guide: "We don't currently recommend using a shared identity system in Azure Virtual
// Desktop. We recommend that you have separate Identity resources that you deploy in a separate
// Azure subscription."
//
// Precisely, for every tenant admin A of tenant T, with zero failures:
//   - A controls every principal of every organization in T (all of their identities);
//   - A reaches every data store any principal of T is authorized for, and every store held in a
//     subscription of T;
//   - so every other organization of T that has such data is exposed. An organization of T whose
//     data only principals outside T use, held in no subscription of T, is not (none is generated
//     by default, but cross-org grants make it possible).

import { modelArbitrary } from '../../arbitraries/model.js';
import type { ModelDoc } from '../../arbitraries/document.js';
import { claimFails, type Claim } from '../support/claim.js';
import { authorizedData, dataNodes, missing, principals } from '../support/facts.js';
import { dataIds, load, simulate } from '../support/load.js';

export interface Input {
  readonly model: ModelDoc;
}

function hasSharedTenantAdmin(doc: ModelDoc): boolean {
  const shared = new Set(doc.tenants.filter((t) => t.organizations.length > 1).flatMap((t) => t.organizations));
  return (doc.users ?? []).some((u) => u.privilege === 'tenantAdmin' && shared.has(u.organization));
}

export const sharedTenantAdminReachesEveryOrg: Claim<Input> = {
  name: 'shared-tenant-admin-reaches-every-org',
  guide: 'We don\u2019t currently recommend using a shared identity system in Azure Virtual Desktop.',
  arbitrary: modelArbitrary({ minOrgs: 2 })
    .filter(hasSharedTenantAdmin)
    .map((model) => ({ model })),
  predicate({ model: doc }) {
    const prepared = load(doc);
    const { model } = prepared;
    const everyone = principals(model);
    let checks = 0;
    for (const admin of everyone.filter((p) => p.user.privilege === 'tenantAdmin')) {
      const tenant = model.tenants.find((t) => t.organizations.includes(admin.user.organization))!;
      const result = simulate(prepared, [admin.id]);
      const reached = dataIds(result);
      const members = everyone.filter((p) => tenant.organizations.includes(p.user.organization));
      const subscriptions = new Set(model.subscriptions.filter((s) => s.tenant === tenant.id).map((s) => s.id));
      const inSubscriptions = new Set(
        model.data.filter((s) => s.subscription !== null && subscriptions.has(s.subscription)).map((s) => s.id),
      );
      const expected = new Set([
        ...members.flatMap((m) => [...authorizedData(model, m)]),
        ...dataNodes(model).filter((d) => inSubscriptions.has(d.store)).map((d) => d.id),
      ]);
      const lost = missing(expected, reached);
      if (lost.length > 0) claimFails(`tenant admin ${admin.id} of ${tenant.id} should reach with 0 failures`, { lost });

      for (const orgId of tenant.organizations) {
        const org = result.organizations.find((o) => o.id === orgId)!;
        const count = everyone.filter((p) => p.user.organization === orgId).length;
        if (org.reached.principals !== count) {
          claimFails(`tenant admin ${admin.id} should control all ${count} principals of ${orgId}`, { reached: org.reached.principals });
        }
        const hasData = dataNodes(model).some((d) => d.organization === orgId && expected.has(d.id));
        if (orgId !== admin.user.organization && hasData && !result.summary.exposedOrganizations.includes(orgId)) {
          claimFails(`tenant admin ${admin.id} should expose ${orgId}, which shares tenant ${tenant.id}`, { exposed: result.summary.exposedOrganizations });
        }
        checks++;
      }
    }
    return checks;
  },
};
