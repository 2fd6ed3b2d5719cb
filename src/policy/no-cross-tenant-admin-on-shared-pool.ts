// Policy `no-cross-tenant-admin-on-shared-pool`: a principal of another tenant (a B2B guest, or a
// provider's admin through Azure Lighthouse or GDAP) holding an administrative role over a host pool
// that serves several organizations: their home tenant's administrators control them, so one more
// identity system reaches every organization of the pool — the guide's shared-identity risk.

import { ROLES, type RoleEffect } from '../domain/roles.js';
import { andList } from './joins.js';
import { definePolicy } from './policy.js';
import { poolOrganizations } from './role-scope-reach.js';

/** Effects that control session hosts or what runs on them. */
const HOST_CONTROL: ReadonlySet<RoleEffect> = new Set([
  'scopeControl',
  'vmRunCommand',
  'vmAdminLogin',
  'hostPoolRegistration',
  'tenantControl',
  'intuneManage',
  'deviceLocalAdmin',
]);

export const noCrossTenantAdminOnSharedPool = definePolicy({
  id: 'no-cross-tenant-admin-on-shared-pool',
  title: 'No cross-tenant administrator on a host pool shared by organizations',
  description:
    'No principal of another tenant (a B2B guest, or a Lighthouse or GDAP delegated admin) holds a role that controls the session hosts of a pool whose users belong to several organizations (unless they are one `trusted` group).',
  guide: 'We don\u2019t currently recommend using a shared identity system in Azure Virtual Desktop.',
  fix: 'Give each organization its own host pool, or administer the shared pool from identities of its own tenant only.',
  severity: 'error',
  needsBaseline: false,
  settings: {},
  evaluate({ context, trust }) {
    const { model, deployment } = context.prepared;
    const guestTenants = new Map<string, Set<string>>();
    for (const g of model.guests) (guestTenants.get(g.user) ?? guestTenants.set(g.user, new Set()).get(g.user)!).add(g.tenant);
    const tenantOfSubscription = new Map(model.subscriptions.map((s) => [s.id, s.tenant] as const));
    return model.roleAssignments.flatMap((assignment, index) => {
      const role = ROLES[assignment.role];
      if (!role.effects.some((e) => HOST_CONTROL.has(e))) return [];
      const pools =
        role.plane === 'entra'
          ? deployment.pools.filter((p) => tenantOfSubscription.get(p.pool.subscription) === assignment.scope)
          : role.plane === 'azure'
            ? deployment.access.poolsIn(assignment.scope)
            : [];
      const crossTenant = (tenant: string | undefined) =>
        assignment.delegation !== null || (tenant !== undefined && guestTenants.get(assignment.principal)?.has(tenant) === true);
      return pools.flatMap((pool) => {
        const orgs = poolOrganizations(deployment, pool);
        if (orgs.length < 2 || trust.within(orgs, 'full') || !crossTenant(tenantOfSubscription.get(pool.pool.subscription))) return [];
        const how = assignment.delegation === null ? 'a B2B guest' : `delegated through ${assignment.delegation === 'lighthouse' ? 'Azure Lighthouse' : 'GDAP'}`;
        return [
          {
            asset: `${assignment.principal}@${pool.pool.id}`,
            message: `\`${assignment.principal}\` (${how}, from another tenant) holds ${assignment.role} over host pool \`${pool.pool.id}\`, whose users belong to ${andList(orgs)}: the administrators of their home tenant control them, and through them every organization of the pool, with no tenant boundary failure.`,
            fix: `Give each of ${andList(orgs)} its own host pool, or remove ${assignment.role} from \`${assignment.principal}\` on \`${assignment.scope}\`.`,
            location: context.locate(`roleAssignments/${index}`),
            related: [{ location: context.locate(`hostPools/${pool.pool.id}`), message: `host pool \`${pool.pool.id}\` shared by ${andList(orgs)}` }],
          },
        ];
      });
    });
  },
});
