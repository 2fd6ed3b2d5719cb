// Grants that cross an organization or a tenant, made explicit the way the model requires: a user
// signing in to a pool of a subscription without their organization is listed among the
// subscription's organizations (same tenant) or invited as a B2B guest (another tenant); a role held
// across tenants is a guest's (users) or an Azure Lighthouse delegation (groups), each stated. Azure
// Lighthouse delegates no Owner, no role with DataActions and no role-assignment writes
// (src/domain/lighthouse.ts): a group's Owner is delegated as Contributor (the same control of the
// scope), a group's data role is held by its users as B2B guests.

import { lighthouseAlternative, lighthouseRefusal } from '../../domain/lighthouse.js';
import type { DraftRoleAssignment, ModelDraft } from '../model-draft.js';
import type { MapContext } from './context.js';

export function reconcileOrganizations(context: MapContext, model: ModelDraft): void {
  const tenantOfOrg = new Map<string, string>();
  for (const t of model.tenants) for (const o of t.organizations) tenantOfOrg.set(o, t.id);
  const subscriptions = new Map(model.subscriptions.map((s) => [s.id, s]));
  const users = new Map(model.users.map((u) => [u.id, u]));
  const orgOf = (principal: string): string | undefined => users.get(principal)?.organization ?? (model.groups ?? []).find((g) => g.id === principal)?.organization;
  const invite = (user: string, tenant: string, why: string): void => {
    if ((model.guests ??= []).some((g) => g.user === user && g.tenant === tenant)) return;
    model.guests.push({ user, tenant });
    context.assume(`guests/${user} @ ${tenant}`, `\`${user}\` is of another tenant than ${why}: modelled as a B2B guest of \`${tenant}\``);
  };
  for (const group of model.applicationGroups ?? []) {
    const pool = model.hostPools.find((p) => p.id === group.hostPool);
    const subscription = pool === undefined ? undefined : subscriptions.get(pool.subscription);
    if (subscription === undefined) continue;
    for (const principal of group.assignments) {
      const org = users.has(principal) ? orgOf(principal) : undefined;
      if (org === undefined || subscription.organizations.includes(org)) continue;
      if (tenantOfOrg.get(org) === subscription.tenant) {
        subscription.organizations.push(org);
        context.assume(`subscriptions/${subscription.id}`, `\`${principal}\` of organization \`${org}\` is assigned application group \`${group.id}\` here: \`${org}\` listed among the subscription's organizations`, undefined, 'organizations');
      } else invite(principal, subscription.tenant, `host pool \`${group.hostPool}\``);
    }
  }
  const scopeTenant = (scope: string): string | undefined => {
    const sub = subscriptions.get(scope) ?? subscriptions.get((model.resourceGroups ?? []).find((g) => g.id === scope)?.subscription ?? '') ?? subscriptions.get(model.hostPools.find((p) => p.id === scope)?.subscription ?? '') ?? subscriptions.get(model.data.find((d) => d.id === scope)?.subscription ?? '');
    return sub?.tenant ?? (model.managementGroups ?? []).find((m) => m.id === scope)?.tenant;
  };
  const byMembers: DraftRoleAssignment[] = [];
  for (const assignment of model.roleAssignments ?? []) {
    const org = orgOf(assignment.principal);
    const home = org === undefined ? undefined : tenantOfOrg.get(org);
    const target = scopeTenant(assignment.scope);
    if (home === undefined || target === undefined || home === target) continue;
    if (users.has(assignment.principal)) {
      invite(assignment.principal, target, `\`${assignment.scope}\``);
      continue;
    }
    const subject = `roleAssignments/${assignment.principal} \u00b7 ${assignment.role} @ ${assignment.scope}`;
    const refused = lighthouseRefusal(assignment.role);
    const alternative = lighthouseAlternative(assignment.role);
    if (refused === null || alternative !== null) {
      const role = alternative ?? assignment.role;
      const instead = alternative === null ? '' : ` of \`${alternative}\` (Lighthouse does not delegate \`${assignment.role}\`: ${refused}; \`${alternative}\` has the same control of the scope\u2019s resources)`;
      assignment.role = role;
      assignment.delegation = 'lighthouse';
      context.assume(subject, `\`${assignment.principal}\` is of tenant \`${home}\`, \`${assignment.scope}\` of \`${target}\`: modelled as an Azure Lighthouse delegation${instead}`, undefined, 'delegation');
      continue;
    }
    // A data role (DataActions) reaches another tenant only through B2B guests: the group's users become guests holding it.
    const holders = userMembers(model, assignment.principal, users);
    for (const user of holders) {
      if (tenantOfOrg.get(orgOf(user) ?? '') !== target) invite(user, target, `\`${assignment.scope}\``);
      byMembers.push({ principal: user, role: assignment.role, scope: assignment.scope });
    }
    context.assume(
      subject,
      `\`${assignment.principal}\` is of tenant \`${home}\`, \`${assignment.scope}\` of \`${target}\`, and Azure Lighthouse does not delegate \`${assignment.role}\` (${refused}): ${holders.length > 0 ? `its members (${holders.map((u) => `\`${u}\``).join(', ')}) modelled as B2B guests holding it` : 'it lists no members, so nobody is modelled holding it'}`,
    );
    byMembers.push(assignment);
  }
  if (byMembers.length > 0) {
    const replaced = new Set(byMembers.filter((a) => !users.has(a.principal)));
    model.roleAssignments = [...(model.roleAssignments ?? []).filter((a) => !replaced.has(a)), ...byMembers.filter((a) => users.has(a.principal))];
  }
}

/** The users a group holds, through nested groups. */
function userMembers(model: ModelDraft, group: string, users: ReadonlyMap<string, unknown>): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  const visit = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const member of (model.groups ?? []).find((g) => g.id === id)?.members ?? []) {
      if (users.has(member)) out.add(member);
      else visit(member);
    }
  };
  visit(group);
  return [...out];
}
