// Grants that cross an organization or a tenant, made explicit the way the model requires: a user
// signing in to a pool of a subscription without their organization is listed among the
// subscription's organizations (same tenant) or invited as a B2B guest (another tenant); a role held
// across tenants is a guest's (users) or an Azure Lighthouse delegation (groups), each stated.

import type { ModelDraft } from '../model-draft.js';
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
  for (const assignment of model.roleAssignments ?? []) {
    const org = orgOf(assignment.principal);
    const home = org === undefined ? undefined : tenantOfOrg.get(org);
    const target = scopeTenant(assignment.scope);
    if (home === undefined || target === undefined || home === target) continue;
    if (users.has(assignment.principal)) invite(assignment.principal, target, `\`${assignment.scope}\``);
    else {
      assignment.delegation = 'lighthouse';
      context.assume(`roleAssignments/${assignment.principal} \u00b7 ${assignment.role} @ ${assignment.scope}`, `\`${assignment.principal}\` is of tenant \`${home}\`, \`${assignment.scope}\` of \`${target}\`: modelled as an Azure Lighthouse delegation`, undefined, 'delegation');
    }
  }
}
