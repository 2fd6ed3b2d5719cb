// A role assignment makes sense only where Azure allows it: an Azure role on an Azure scope, a
// directory role on a tenant, Domain Admins on a domain; and a principal of another tenant holds it
// only as a B2B guest of the scope's tenant or through Azure Lighthouse (Azure roles) or GDAP
// (directory roles). Anything else is a typo or a grant the model cannot mean.

import { ROLES } from '../../domain/roles.js';
import { byId, type ModelCheck } from './model-check.js';
import { tenantLookup } from './tenant-of.js';

const SCOPE_NOUN = { azure: 'an Azure scope (management group, subscription, resource group, host pool, data store or image pipeline)', entra: 'a tenant', adds: 'a domain' } as const;

export const roleAssignmentsFit: ModelCheck = {
  id: 'role-assignments-fit',
  description: 'each role is assigned on a scope of its kind, and across tenants only as a guest or through Lighthouse or GDAP',
  run(model, { at, report }) {
    const tenants = byId(model.tenants);
    const domains = byId(model.domains);
    const lookup = tenantLookup(model);
    const users = byId(model.users);
    for (const assignment of model.roleAssignments ?? []) {
      const { role, scope, principal, delegation } = assignment;
      if (role === undefined || typeof scope !== 'string') continue;
      const plane = ROLES[role].plane;
      const scopePlane = tenants.has(scope) ? 'entra' : domains.has(scope) ? 'adds' : 'azure';
      const what = `role assignment of \`${role}\` to \`${principal ?? '?'}\``;
      if (plane !== scopePlane) {
        report(at(assignment, 'scope'), `${what}: \`${role}\` is assigned on ${SCOPE_NOUN[plane]}, but \`${scope}\` is ${SCOPE_NOUN[scopePlane]}`);
        continue;
      }
      if (plane === 'adds' || typeof principal !== 'string' || delegation === undefined) continue;
      const home = lookup.ofPrincipal(principal);
      const target = lookup.ofScope(scope);
      if (home === undefined || target === undefined) continue;
      if (home === target) {
        if (delegation !== null) {
          report(at(assignment, 'delegation'), `${what}: \`delegation: ${delegation}\` is for a principal of another tenant, but \`${principal}\` is in tenant \`${home}\` like \`${scope}\``);
        }
        continue;
      }
      const guest = users.has(principal) && lookup.guestTenantsOf(principal).has(target);
      const expected = plane === 'azure' ? 'lighthouse' : 'gdap';
      if (delegation === null && !guest) {
        report(
          at(assignment, 'principal'),
          `${what}: \`${principal}\` is in tenant \`${home}\` but \`${scope}\` is in tenant \`${target}\`; invite them as a guest (\`guests\`) or set \`delegation: ${expected}\``,
        );
      } else if (delegation !== null && delegation !== expected) {
        report(at(assignment, 'delegation'), `${what}: \`${delegation}\` delegates ${delegation === 'gdap' ? 'directory' : 'Azure'} roles; \`${role}\` needs \`delegation: ${expected}\``);
      }
    }
  },
};
