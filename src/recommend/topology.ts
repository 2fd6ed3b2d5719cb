// From a spec to model files: trust groups (organizations that trust each other, mutually), then one
// topology per strategy. The guide's table is the `recommended` strategy:
//   users from one organization with standard privileges → multi-session (Windows Enterprise multi-session)
//   users who require administrative privileges           → personal desktops (VDI)
//   users from different organizations connecting         → separate Azure subscription (and identity tenant)
// Organizations that trust each other count as one organization here ("users that belong to the same
// organization have a sufficient and agreed-upon trust relationship"). The other strategies are the
// cheaper (or costlier) alternatives the guide weighs it against.

import { pooledVmsFor } from '../analyze/cost.js';
import { DEFAULT_SESSIONS_PER_HOST } from '../risk/defaults.js';
import type { Spec } from './spec.js';

/** How organizations are grouped for one kind of resource. */
export type Grouping = 'trust' | 'shared' | 'org';

export interface Strategy {
  readonly id: string;
  readonly title: string;
  /** Tenant and subscription per trust group, one for everybody, or one per organization. */
  readonly identity: Grouping;
  /** Multi-session pool per trust group, one for everybody, or one per organization (never wider than identity). */
  readonly hosts: Grouping;
  /** Where users who need local admin rights sign in. */
  readonly admins: 'personal' | 'pooled';
}

export const STRATEGIES: readonly Strategy[] = [
  { id: 'recommended', title: 'the guide\u2019s table: pools and identity per trust group, admins on personal desktops', identity: 'trust', hosts: 'trust', admins: 'personal' },
  { id: 'admins-pooled', title: 'as recommended, but admins on the multi-session hosts', identity: 'trust', hosts: 'trust', admins: 'pooled' },
  { id: 'separate-every-org', title: 'every organization separate, trust not used', identity: 'org', hosts: 'org', admins: 'personal' },
  { id: 'shared-identity', title: 'one tenant and subscription for all, pools per trust group', identity: 'shared', hosts: 'trust', admins: 'personal' },
  { id: 'shared-hosts', title: 'one tenant, subscription and multi-session pool for all', identity: 'shared', hosts: 'shared', admins: 'personal' },
  { id: 'shared-everything', title: 'everything shared, admins on the pool too', identity: 'shared', hosts: 'shared', admins: 'pooled' },
];

export interface TrustGroups {
  /** Partition of the organizations (spec order within and across groups). */
  readonly groups: readonly (readonly string[])[];
  /** One-sided trust, kept apart. */
  readonly notes: readonly string[];
  /** Trust that is not transitive: the groups would be ambiguous. */
  readonly problems: readonly { readonly organization: string; readonly message: string }[];
}

/** Mutual trust only; a group must be a clique (everyone trusts everyone in it). */
export function trustGroups(spec: Spec): TrustGroups {
  const ids = spec.organizations.map((o) => o.id);
  const trusts = new Map(spec.organizations.map((o) => [o.id, new Set(o.trusts)]));
  const mutual = (a: string, b: string) => trusts.get(a)!.has(b) && trusts.get(b)!.has(a);
  const notes: string[] = [];
  for (const o of spec.organizations) {
    for (const t of o.trusts) {
      if (t === o.id) continue;
      if (!trusts.get(t)?.has(o.id)) notes.push(`${o.id} trusts ${t} but ${t} does not trust ${o.id}: kept apart (trust must be mutual)`);
    }
  }
  const groupOf = new Map<string, number>();
  const groups: string[][] = [];
  for (const id of ids) {
    if (groupOf.has(id)) continue;
    const group: string[] = [];
    const stack = [id];
    groupOf.set(id, groups.length);
    while (stack.length > 0) {
      const a = stack.pop()!;
      group.push(a);
      for (const b of ids) if (!groupOf.has(b) && b !== a && mutual(a, b)) groupOf.set(b, groups.length), stack.push(b);
    }
    groups.push(ids.filter((x) => group.includes(x)));
  }
  const problems: { organization: string; message: string }[] = [];
  for (const group of groups) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i]!;
        const b = group[j]!;
        if (!mutual(a, b)) {
          problems.push({
            organization: a,
            message: `${a} and ${b} are joined through trust relationships of others but do not trust each other: a multi-session host or a tenant cannot be shared by part of a chain; make trust mutual between every pair, or drop a link`,
          });
        }
      }
    }
  }
  return { groups, notes, problems };
}

/** The organizations in each block of a grouping. */
export function partition(spec: Spec, groups: readonly (readonly string[])[], grouping: Grouping): string[][] {
  if (grouping === 'shared') return [spec.organizations.map((o) => o.id)];
  if (grouping === 'org') return spec.organizations.map((o) => [o.id]);
  return groups.map((g) => [...g]);
}

type Plain = Record<string, unknown>;

export interface BuiltTopology {
  readonly strategy: Strategy;
  /** Plain data for YAML, in model file order. */
  readonly model: Plain;
  readonly identityBlocks: readonly (readonly string[])[];
  readonly hostBlocks: readonly (readonly string[])[];
}

/** The model file of one strategy. Ids: `<org>` for one organization, the ids joined by `-` for several, `shared` for all. */
export function buildTopology(spec: Spec, groups: readonly (readonly string[])[], strategy: Strategy): BuiltTopology {
  const used = new Set(spec.organizations.map((o) => o.id));
  const fresh = (base: string) => {
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    return id;
  };
  const all = spec.organizations.map((o) => o.id);
  const label = (block: readonly string[]) => (block.length === 1 ? block[0]! : block.length === all.length ? 'shared' : block.join('-'));
  const identityBlocks = partition(spec, groups, strategy.identity);
  const hostBlocks = partition(spec, groups, strategy.hosts).flatMap((block) =>
    // A pool lives in one subscription: split a host block along identity blocks.
    identityBlocks.map((ib) => block.filter((o) => ib.includes(o))).filter((b) => b.length > 0),
  );

  const tenants: Plain[] = [];
  const subscriptions: Plain[] = [];
  const subscriptionOf = new Map<string, string>();
  for (const block of identityBlocks) {
    const tenant = fresh(`${label(block)}-directory`);
    const subscription = fresh(`${label(block)}-subscription`);
    tenants.push({ id: tenant, organizations: block });
    subscriptions.push({ id: subscription, tenant, organizations: block });
    for (const o of block) subscriptionOf.set(o, subscription);
  }

  const sessionsPerHost = spec.costs?.sessionsPerHost ?? DEFAULT_SESSIONS_PER_HOST;
  const hostPools: Plain[] = [];
  const pooledOf = new Map<string, string>();
  const personalOf = new Map<string, string>();
  const byId = new Map(spec.organizations.map((o) => [o.id, o]));
  for (const block of hostBlocks) {
    const seated = block.reduce((n, o) => n + byId.get(o)!.users + (strategy.admins === 'pooled' ? byId.get(o)!.admins : 0), 0);
    if (seated === 0) continue;
    const pool = fresh(`${label(block)}-pool`);
    hostPools.push({ id: pool, subscription: subscriptionOf.get(block[0]!)!, type: 'pooled', vms: pooledVmsFor(seated, sessionsPerHost) });
    for (const o of block) pooledOf.set(o, pool);
  }
  if (strategy.admins === 'personal') {
    for (const o of spec.organizations) {
      if (o.admins === 0) continue;
      const pool = fresh(`${o.id}-desktops`);
      hostPools.push({
        id: pool,
        subscription: subscriptionOf.get(o.id)!,
        type: 'personal',
        ...(spec.personalVmHourly === null ? {} : { vmHourly: spec.personalVmHourly }),
      });
      personalOf.set(o.id, pool);
    }
  }

  const users: Plain[] = [];
  const data: Plain[] = [];
  for (const o of spec.organizations) {
    const entries: string[] = [];
    if (o.users > 0) {
      const id = fresh(`${o.id}-users`);
      entries.push(id);
      users.push({ id, organization: o.id, count: o.users, hostPool: pooledOf.get(o.id)! });
    }
    if (o.admins > 0) {
      const id = fresh(`${o.id}-admins`);
      entries.push(id);
      users.push({
        id,
        organization: o.id,
        count: o.admins,
        privilege: 'localAdmin',
        hostPool: strategy.admins === 'personal' ? personalOf.get(o.id)! : pooledOf.get(o.id)!,
      });
    }
    if (o.identityAdmins > 0) {
      users.push({ id: fresh(`${o.id}-it`), organization: o.id, count: o.identityAdmins, privilege: 'tenantAdmin' });
    }
    if (entries.length > 0) data.push({ id: fresh(`${o.id}-profiles`), organization: o.id, location: 'fslogixProfile', users: entries });
    data.push({ id: fresh(`${o.id}-files`), organization: o.id, location: 'share', users: entries, subscription: subscriptionOf.get(o.id)! });
  }

  const trusted = groups.filter((g) => g.length > 1);
  const model: Plain = {
    name: strategy.id === 'recommended' ? spec.name : `${spec.name}-${strategy.id}`,
    description: `${strategy.id === 'recommended' ? 'Recommended' : 'Alternative'} topology from indepth recommend: ${strategy.title}.${spec.description === '' ? '' : ` ${spec.description}`}`,
    organizations: spec.organizations.map((o) => (o.name === o.id ? { id: o.id } : { id: o.id, name: o.name })),
    // The spec's mutual trust, declared in the model so that matrix, compare and check read it too.
    ...(trusted.length > 0 ? { trust: trusted.map((g) => ({ organizations: [...g], level: 'full' as const, reason: 'they trust each other in the recommend spec (to share multi-session hosts and identity)' })) } : {}),
    tenants,
    subscriptions,
    // In a public cloud the VMs of different subscriptions may share hardware: assume the worst.
    ...(hostPools.length > 1 ? { physicalHosts: [{ id: fresh('azure-hosts'), hostPools: hostPools.map((p) => p['id']) }] } : {}),
    hostPools,
    users,
    data,
    controls: { reverseConnect: true },
    ...(spec.costs === undefined ? {} : { costs: spec.costs }),
    ...(spec.risk === undefined ? {} : { risk: spec.risk }),
  };
  return { strategy, model, identityBlocks, hostBlocks };
}

/** Two strategies that give the same resources for this spec (e.g. no trust at all) are one alternative. */
export function signature(t: BuiltTopology, hasAdmins: boolean): string {
  const blocks = (bs: readonly (readonly string[])[]) => bs.map((b) => [...b].sort().join('+')).sort().join('|');
  return `${blocks(t.identityBlocks)}/${blocks(t.hostBlocks)}/${hasAdmins ? t.strategy.admins : ''}`;
}
