// A role assignment makes sense only where Azure allows it: an Azure role on an Azure scope, a
// directory role on a tenant, Domain Admins on a domain; and a principal of another tenant holds it
// only as a B2B guest of the scope's tenant or through Azure Lighthouse (Azure roles it supports:
// not Owner, nor roles with DataActions or role-assignment writes) or GDAP (directory roles).
// Anything else is a typo or a grant the model cannot mean.

import { lighthouseAlternative, lighthouseRefusal, LIGHTHOUSE_ROLES_PAGE } from '../../domain/lighthouse.js';
import { ROLES, type RoleName } from '../../domain/roles.js';
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
      // A tenant that is not declared (a typo, reported where it is written) says nothing here: advice
      // built on it was wrong (a fresh user's trial got "set `delegation: lighthouse`" for a typo).
      if (home === undefined || target === undefined || !tenants.has(home) || !tenants.has(target)) continue;
      if (home === target) {
        if (delegation !== null) {
          report(at(assignment, 'delegation'), `${what}: \`delegation: ${delegation}\` is for a principal of another tenant, but \`${principal}\` is in tenant \`${home}\` like \`${scope}\``);
        }
        continue;
      }
      const isUser = users.has(principal);
      const guest = isUser && lookup.guestTenantsOf(principal).has(target);
      const expected = plane === 'azure' ? 'lighthouse' : 'gdap';
      const refused = plane === 'azure' ? lighthouseRefusal(role) : null;
      if (delegation === null && !guest) {
        report(
          at(assignment, 'principal'),
          `${what}: \`${principal}\` is in tenant \`${home}\` but \`${scope}\` is in tenant \`${target}\`; ${crossTenantFix(role, principal, target, isUser, expected, refused)}`,
        );
      } else if (delegation !== null && delegation !== expected) {
        report(at(assignment, 'delegation'), `${what}: \`${delegation}\` delegates ${delegation === 'gdap' ? 'directory' : 'Azure'} roles; \`${role}\` needs \`delegation: ${expected}\``);
      } else if (delegation === 'lighthouse' && refused !== null) {
        report(at(assignment, 'role'), `${what}: Azure Lighthouse cannot delegate \`${role}\` (${refused}: ${LIGHTHOUSE_ROLES_PAGE}); ${lighthouseFix(role, principal, target, isUser)}`);
      }
    }
  },
};

/** How a principal of another tenant can hold the role: as a guest (users) or delegated, if Lighthouse or GDAP delegates it. */
function crossTenantFix(role: RoleName, principal: string, target: string, isUser: boolean, expected: 'lighthouse' | 'gdap', refused: string | null): string {
  const invite = `invite \`${principal}\` as a guest of \`${target}\` (\`guests\`)`;
  if (refused === null) return isUser ? `${invite} or set \`delegation: ${expected}\`` : `set \`delegation: ${expected}\``;
  const alternative = lighthouseAlternative(role);
  const why = `Azure Lighthouse does not delegate \`${role}\` (${refused})`;
  const delegate = alternative === null ? '' : `delegate \`${alternative}\` instead (\`delegation: lighthouse\`; the same control of the scope\u2019s resources in indepth)`;
  if (isUser) return `${invite}${delegate === '' ? '' : `, or ${delegate}`}: ${why}`;
  return `${delegate === '' ? '' : `${delegate}, or `}assign it to users of tenant \`${target}\` or to guests of it (\`guests\`): ${why}, and a group of another tenant cannot be a guest`;
}

/** The fix for a delegation of a role Azure Lighthouse does not delegate: the delegable role of the same reach, or a guest. */
function lighthouseFix(role: RoleName, principal: string, target: string, isUser: boolean): string {
  const alternative = lighthouseAlternative(role);
  const guest = isUser
    ? `invite \`${principal}\` as a guest of \`${target}\` (\`guests\`) and drop \`delegation\``
    : `assign it to users of tenant \`${target}\` or to guests of it (\`guests\`; a group of another tenant cannot be a guest)`;
  return alternative === null ? guest : `delegate \`${alternative}\` instead (the same control of the scope\u2019s resources in indepth), or ${guest}`;
}
