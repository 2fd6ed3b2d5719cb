// Role assignments as the model grants them: Desktop Virtualization User on an application group (or
// a scope above it) becomes an `applicationGroups` assignment; any other role a `roleAssignments`
// entry (principal × role × scope), its scope the model entity the Azure scope holds (scopes.ts).
// A role that grants nothing indepth models is said, an unknown role is modelled as Owner (roles.ts).

import { scopeContains } from '../arm-id.js';
import type { DraftRoleAssignment } from '../model-draft.js';
import type { MappedAppGroup } from './application-groups.js';
import type { MapContext } from './context.js';
import type { MappedPool } from './host-pools.js';
import type { Identities } from './identities.js';
import type { Organizations } from './organizations.js';
import type { Grant } from './principals.js';
import type { Scopes } from './scopes.js';
import type { MappedStore } from './storage.js';
import { describeScope } from './describe-scope.js';

export function mapRoleAssignments(
  context: MapContext,
  grants: readonly Grant[],
  identities: Identities,
  scopes: Scopes,
  appGroups: readonly MappedAppGroup[],
  pools: readonly MappedPool[],
  stores: readonly MappedStore[],
  orgs: Organizations,
): DraftRoleAssignment[] {
  const assignments: DraftRoleAssignment[] = [];
  // Desktop Virtualization User first: a principal's organization is that of the pool it signs in to.
  for (const grant of grants) {
    if (grant.role.mapping.kind !== 'avdUser') continue;
    const where = `${grant.role.name} on ${describeScope(grant.scope)}`;
    const groups = appGroups.filter((g) => scopeContains(grant.scope, g.resource.id));
    if (groups.length === 0) {
      context.assume(null, `\`${grant.principal.name}\` holds ${where}, which holds no application group of the input: not imported (only an application group, or a scope above one, publishes desktops)`, grant.resource.origin);
      continue;
    }
    for (const group of groups) {
      const id = identities.entry(grant.principal, group.pool.organization, `assigned application group \`${group.resource.name}\` (${where})`);
      if (!group.draft.assignments.includes(id)) group.draft.assignments.push(id);
      context.read(`applicationGroups/${group.draft.id}`, `assignments: \`${grant.principal.name}\` holds ${where}`, grant.resource.origin, 'assignments');
    }
  }
  for (const grant of grants) {
    const mapping = grant.role.mapping;
    if (mapping.kind === 'avdUser') continue;
    const where = `${grant.role.name} on ${describeScope(grant.scope)}`;
    if (mapping.kind === 'none') {
      context.read(null, `\`${grant.principal.name}\` holds ${where}: it grants nothing indepth models (no control of a VM, a share, a secret or an identity)`, grant.resource.origin);
      continue;
    }
    const targets = scopes.resolve(grant.scope, grant.resource.tenant);
    if (targets.length === 0) {
      context.assume(null, `\`${grant.principal.name}\` holds ${where}, which holds no host pool, data store or Azure scope of the model: not imported`, grant.resource.origin);
      continue;
    }
    for (const target of targets) {
      const organization = identities.organizationOf(grant.principal) ?? organizationAt(target.id, grant.resource.tenant, pools, stores, orgs, scopes);
      const principal = identities.entry(grant.principal, organization, `holds ${where}`);
      const draft: DraftRoleAssignment = { principal, role: mapping.role, scope: target.id };
      const key = `${principal} \u00b7 ${mapping.role} @ ${target.id}`;
      if (assignments.some((a) => a.principal === principal && a.role === mapping.role && a.scope === target.id)) continue;
      assignments.push(draft);
      const subject = `roleAssignments/${key}`;
      context.read(subject, `${where} (\`${grant.principal.name}\`)`, grant.resource.origin);
      if (grant.role.note !== undefined) (grant.role.known ? context.read.bind(context) : context.assume.bind(context))(subject, `\`${grant.role.name}\` modelled as \`${mapping.role}\`: ${grant.role.note}`, grant.resource.origin, 'role');
      if (target.note !== undefined) (target.widened === true ? context.assume.bind(context) : context.read.bind(context))(subject, target.note, grant.resource.origin, 'scope');
    }
  }
  return assignments;
}

/** The organization a new principal granted at `scope` belongs to: the pool's, the store's, one of the management group's tenant, else the first of the scope's subscription. */
function organizationAt(scope: string, tenant: string | null, pools: readonly MappedPool[], stores: readonly MappedStore[], orgs: Organizations, scopes: Scopes): string {
  const pool = pools.find((p) => p.draft.id === scope);
  if (pool !== undefined) return pool.organization;
  const store = stores.find((s) => s.draft.id === scope);
  if (store !== undefined) return store.draft.organization;
  if (scopes.isManagementGroup(scope)) {
    const org = orgs.organizationOfTenant(tenant);
    if (org !== null) return org;
  }
  const rg = scopes.resourceGroups.find((g) => g.id === scope);
  return orgs.firstOrganizationIn(rg?.subscription ?? scope);
}
