// Users from what Azure grants: a principal assigned an application group (Desktop Virtualization
// User) signs in to its pool; Virtual Machine Administrator Login makes them local admins there;
// Owner/Contributor over the pool's VMs or a subscription makes them subscription owners. A user
// assigned a session host is pinned to it. Groups become user entries of `--group-size` members.

import { parseArmId, scopeContains } from '../arm-id.js';
import type { InventoryResource } from '../inventory.js';
import type { DraftUser } from '../model-draft.js';
import type { MappedAppGroup } from './application-groups.js';
import type { MapContext } from './context.js';
import type { MappedPool } from './host-pools.js';
import type { Organizations } from './organizations.js';
import type { Grant, Principal } from './principals.js';

const RANK = { standard: 0, localAdmin: 1, tenantAdmin: 2, subscriptionOwner: 3 } as const;

export class Users {
  readonly drafts: DraftUser[] = [];
  private readonly byPrincipal = new Map<string, DraftUser[]>();

  constructor(
    private readonly context: MapContext,
    private readonly orgs: Organizations,
  ) {}

  /** The entry of `principal` in `pool` (null: signs in to no pool), created on first use. */
  entry(principal: Principal, pool: MappedPool | null, organization: string, why: string): DraftUser {
    const list = this.byPrincipal.get(principal.key) ?? [];
    const found = list.find((u) => (u.hostPool ?? null) === (pool?.draft.id ?? null));
    if (found !== undefined) return found;
    const name = list.length === 0 ? principal.name : `${principal.name}-${pool?.draft.id ?? 'no-pool'}`;
    const id = this.context.ids.allocate(`user:${principal.key}:${pool?.draft.id ?? ''}`, name);
    const subject = `users/${id}`;
    // A principal keeps the organization of its first entry (its home) where the pool's subscription
    // holds that organization; a grant into another organization's pool is the finding to show.
    const home = list[0]?.organization;
    let org = organization;
    if (home !== undefined && home !== organization) {
      if (pool === null || this.orgs.holds(pool.draft.subscription, home)) org = home;
      else this.context.assume(subject, `\`${principal.name}\` belongs to organization \`${home}\` (its other entries), but the subscription of \`${pool.draft.id}\` holds no resource of it: modelled in \`${organization}\`, a cross-organization grant`, principal.origin, 'organization');
    }
    const draft: DraftUser = { id, organization: org };
    if (principal.kind === 'group') {
      draft.count = principal.memberCount ?? this.context.options.groupSize;
      if (principal.memberCount === null) {
        this.context.assume(subject, `Entra group \`${principal.name}\`: member count unknown, assumed ${draft.count} (\`--group-size\`)`, principal.origin, 'count');
      }
    } else if (principal.kind === 'servicePrincipal') {
      this.context.assume(subject, `service principal \`${principal.name}\` modelled as a user without a device`, principal.origin);
    } else if (principal.kind === 'unknown') {
      this.context.assume(subject, `principal \`${principal.name}\`: type unknown, modelled as one user`, principal.origin);
    }
    if (pool !== null) draft.hostPool = pool.draft.id;
    this.context.read(subject, why, principal.origin);
    if (list.length > 0) {
      this.context.assume(subject, `\`${principal.name}\` also uses ${list.map((u) => (u.hostPool === undefined ? 'no pool' : `\`${u.hostPool}\``)).join(', ')}: one entry per host pool (a model user signs in to one pool)`, principal.origin);
    }
    list.push(draft);
    this.byPrincipal.set(principal.key, list);
    this.drafts.push(draft);
    return draft;
  }

  entriesOf(principal: Principal): readonly DraftUser[] {
    return this.byPrincipal.get(principal.key) ?? [];
  }

  /** Raises an entry's privilege; never lowers it. */
  raise(user: DraftUser, privilege: 'localAdmin' | 'subscriptionOwner', subscription?: string): void {
    if (RANK[privilege] <= RANK[user.privilege ?? 'standard']) return;
    user.privilege = privilege;
    if (privilege === 'subscriptionOwner' && subscription !== undefined) user.subscription = subscription;
  }

  /** Users of application groups, session host owners, VM administrators and subscription owners. */
  mapGrants(grants: readonly Grant[], pools: readonly MappedPool[], appGroups: readonly MappedAppGroup[], scopeOf: (scope: string) => InventoryResource): void {
    const used = new Set<Grant>();
    for (const group of appGroups) {
      for (const grant of grants) {
        if (grant.role.effect !== 'avdUser' || !scopeContains(grant.scope, group.resource.id)) continue;
        used.add(grant);
        const user = this.entry(grant.principal, group.pool, group.pool.organization, `assigned application group \`${group.resource.name}\` (${grant.role.name})`);
        const apps = user.apps ?? [];
        for (const app of group.apps) if (!apps.includes(app)) apps.push(app);
        user.apps = apps;
      }
    }
    for (const pool of pools) {
      pool.sessionHosts.forEach((host, index) => {
        if (host.assignedUser === null) return;
        const principal: Principal = { key: `upn:${host.assignedUser.toLowerCase()}`, name: host.assignedUser, kind: 'user', memberCount: null, origin: host.origin };
        const user = this.entry(principal, pool, pool.organization, `assigned session host \`${host.name}\``);
        if (pool.draft.type === 'pooled') user.vm = index + 1;
      });
    }
    for (const grant of grants) {
      if (used.has(grant)) continue;
      const where = `${grant.role.name} on ${describeScope(grant.scope)}`;
      switch (grant.role.effect) {
        case 'avdUser':
          this.context.assume(null, `\`${grant.principal.name}\` holds ${where}, which contains no application group of the input: not mapped (only an assignment on an application group, or a scope above it, publishes desktops)`, grant.resource.origin);
          break;
        case 'vmAdminLogin':
        case 'vmUserLogin': {
          const covered = pools.filter((p) => coversPool(grant.scope, p));
          if (covered.length === 0) {
            this.context.assume(null, `\`${grant.principal.name}\` holds ${where}, which covers no session host of the input: not mapped`, grant.resource.origin);
            break;
          }
          for (const pool of covered) {
            const existing = this.entriesOf(grant.principal).find((u) => u.hostPool === pool.draft.id);
            if (grant.role.effect === 'vmUserLogin') {
              if (existing !== undefined) this.context.read(`users/${existing.id}`, `also holds ${where}: sign-in to the Entra-joined hosts as a standard user`, grant.resource.origin);
              else this.context.assume(null, `\`${grant.principal.name}\` holds ${where} but no application group of \`${pool.draft.id}\`: not mapped`, grant.resource.origin);
              continue;
            }
            const user = existing ?? this.entry(grant.principal, pool, pool.organization, `signs in to the VMs of \`${pool.draft.id}\` directly (${where})`);
            this.raise(user, 'localAdmin');
            this.context.read(`users/${user.id}`, `localAdmin: ${where}`, grant.resource.origin, 'privilege');
          }
          break;
        }
        case 'control': {
          const parsed = parseArmId(grant.scope);
          const target = scopeOf(grant.scope);
          const isSubscription = parsed.resourceGroup === null && parsed.type === null && parsed.subscription !== null;
          const coversSomething = isSubscription || pools.some((p) => coversPool(grant.scope, p)) || this.context.inventory.resources.some((r) => r.type.startsWith('microsoft.storage/') && scopeContains(grant.scope, r.id));
          if (!coversSomething) {
            this.context.assume(null, `\`${grant.principal.name}\` holds ${where}, which holds no session host or storage of the input: not mapped`, grant.resource.origin);
            break;
          }
          const subscription = this.orgs.subscriptionFor(parsed.subscription ?? target.subscription, grant.resource.origin);
          const entries = this.entriesOf(grant.principal);
          const user = entries[0] ?? this.entry(grant.principal, null, this.orgs.organizationOf(target), `holds ${where}`);
          this.raise(user, 'subscriptionOwner', subscription);
          this.context.assume(
            `users/${user.id}`,
            isSubscription ? `subscriptionOwner: ${where}` : `subscriptionOwner: ${where}, a narrower scope than the subscription, widened to all of \`${subscription}\` (the worst case)`,
            grant.resource.origin,
            'privilege',
          );
          break;
        }
        case 'smbWrite':
        case 'smbRead':
        case 'storageControl':
          break; // storage.ts maps these onto data stores
        case 'other':
          this.context.assume(null, `\`${grant.principal.name}\` holds ${where}: not modelled by indepth`, grant.resource.origin);
          break;
      }
    }
  }
}

/** Whether a scope covers the VMs of a pool (its session hosts' VMs; without any, the pool itself). */
export function coversPool(scope: string, pool: MappedPool): boolean {
  const vms = pool.sessionHosts.map((h) => h.vmId).filter((id): id is string => id !== null);
  if (vms.length > 0) return vms.some((vm) => scopeContains(scope, vm));
  return scopeContains(scope, pool.resource.id) && parseArmId(scope).type === null;
}

export function describeScope(scope: string): string {
  const parsed = parseArmId(scope);
  if (parsed.type !== null) return `${parsed.type.split('/').pop()} \`${parsed.name}\``;
  if (parsed.resourceGroup !== null) return `resource group \`${parsed.resourceGroup}\``;
  if (parsed.subscription !== null) return `subscription \`${parsed.subscription}\``;
  return `\`${scope}\``;
}
