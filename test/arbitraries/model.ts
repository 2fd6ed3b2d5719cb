// Random valid deployment models. A ModelSpec is all small records, lists and indices; `toModel`
// turns it into a model document, resolving every index modulo the list it points into and only
// among the choices the loader accepts. So fast-check shrinks the spec with its own record/array/
// integer shrinkers (lists get shorter, indices go to 0, flags to false) and every shrunk spec still
// maps to a valid model: one tenant, one subscription, fewer users, no pins, no cross-org grants.
//
// Loader rules respected by construction: each organization in exactly one tenant; a subscription's
// organizations within its tenant's; a user's pool in a subscription that includes the user's
// organization; `vm` pins only on pooled pools and within `vms`; `subscription` only (and always) on
// a subscriptionOwner; ids match ID_PATTERN, are unique across collections and never `internet`/`web`.

import fc from 'fast-check';
import type { ControlName } from '../../src/domain/controls.js';
import { CLASSIFICATIONS, DATA_LOCATIONS, POOL_TYPES } from '../../src/model/types.js';
import type { Classification, DataLocation, PoolType, Privilege } from '../../src/model/types.js';
import { identitySpec, withIdentity } from './identity.js';
import { controlsArbitrary, controlsDoc, hasDevice, indexList, privilege, rareIndices, rarely, smallIndex, userCount } from './common.js';
import {
  compact,
  type AppDoc,
  type DataDoc,
  type HostPoolDoc,
  type ModelDoc,
  type SubscriptionDoc,
  type TenantDoc,
  type UserDoc,
} from './document.js';

/** A reference into some list: resolved modulo the list's length; `foreign` lifts a restriction. */
export interface SubscriptionPick {
  readonly index: number;
  /** Any subscription instead of one that holds the entity's own organization: a cross-org bridge. */
  readonly foreign: boolean;
}

export interface UserSpec {
  readonly org: number;
  readonly count: number;
  readonly privilege: Privilege;
  /** Index among the pools whose subscription holds the user's organization; null: no session host. */
  readonly pool: number | null;
  /** Pooled pools only: 0-based index of the pinned VM, modulo the pool's `vms`. */
  readonly pin: number | null;
  /** subscriptionOwner only: which subscription they own. */
  readonly owns: SubscriptionPick;
  readonly apps: readonly number[];
  readonly device: boolean;
}

export interface DataSpec {
  readonly org: number;
  readonly location: DataLocation;
  readonly classification: Classification;
  /** Indices among the users of the store's own organization. */
  readonly users: readonly number[];
  readonly readers: readonly number[];
  /** Indices among all users: grants to users of other organizations (cross-org sharing). */
  readonly foreignUsers: readonly number[];
  readonly subscription: SubscriptionPick | null;
  /** fslogixProfile only: session hosts hold the storage account key (any mounting host's kernel yields every container). */
  readonly storageKey: boolean;
}

export interface ModelSpec {
  /** One entry per organization (1–5): its tenant slot (0–2, so sharing is common). Equal slots share a tenant. */
  readonly tenantOf: readonly number[];
  /** Each: tenant index, and indices into that tenant's organizations (empty: all of them). */
  readonly subscriptions: readonly { readonly tenant: number; readonly orgs: readonly number[] }[];
  readonly pools: readonly {
    readonly subscription: number;
    readonly type: PoolType;
    readonly vms: number;
    readonly apps: readonly number[];
    /** Azure Dedicated Host: no other pool's VM shares its physical hosts (unless a declared host says so). */
    readonly dedicatedHost: boolean;
    /** Confidential VMs: a VM escape reaches their VSM-protected secrets only across vsm. */
    readonly confidential: boolean;
  }[];
  /** Each: indices of the host pools whose VMs may share the hypervisor. */
  readonly hosts: readonly (readonly number[])[];
  /** One more physical host that every pool's VMs may run on (a public cloud's shared hardware). */
  readonly sharedHardware: boolean;
  readonly apps: readonly { readonly sandboxed: boolean; readonly browser: boolean }[];
  readonly users: readonly UserSpec[];
  readonly data: readonly DataSpec[];
  /** Give every organization an FSLogix profile store holding all of its users with a session host. */
  readonly orgProfiles: boolean;
  readonly controls: Readonly<Record<ControlName, boolean>>;
}

export interface ModelOptions {
  readonly minOrgs?: number;
  readonly maxOrgs?: number;
  /**
   * `separated`: every organization gets its own identity tenant (and so only single-organization
   * subscriptions and pools, as the guide recommends). `any`: tenants are shared at random.
   */
  readonly tenancy?: 'any' | 'separated';
  /**
   * Weight of cross-org bridges the model itself builds: a subscription owner owning, or a data
   * store sitting in, a subscription that does not hold their organization. 0 = never.
   */
  readonly bridges?: number;
  /** Weight of data stores granting access to users of other organizations (cross-org sharing). 0 = never. */
  readonly sharing?: number;
  /**
   * Give every organization that has none a subscription and a pooled pool of its own (`sub-<org>`,
   * `pool-<org>`), so most users sign in somewhere: aims a claim at hosted organizations.
   */
  readonly everyOrgHosted?: boolean;
}

// Size caps, and why: 1–5 organizations is the brief; ≤ 6 user entries (groups of ≤ 5), ≤ 3 pools
// of ≤ 4 VMs, ≤ 4 stores keep a model to a few hundred nodes, so 200 runs of every claim (type depth
// per standard principal, instance depth to order 2) stay within ~30 s on 2 cores. Every claim is
// about who shares a VM, a tenant or a subscription, which two or three users already show: the
// counterexamples found so far shrank to 1–3 users.
const MAX_ORGS = 5;

export function modelSpec(options: ModelOptions = {}): fc.Arbitrary<ModelSpec> {
  const minOrgs = options.minOrgs ?? 1;
  const maxOrgs = options.maxOrgs ?? MAX_ORGS;
  const bridgeWeight = options.bridges ?? 1;
  const sharingWeight = options.sharing ?? 1;
  const subscriptionPick = fc.record({ index: smallIndex, foreign: rarely(8, bridgeWeight) });
  const tenantOf =
    options.tenancy === 'separated'
      ? fc.integer({ min: minOrgs, max: maxOrgs }).map((n) => Array.from({ length: n }, (_, i) => i))
      : fc.array(fc.nat({ max: 2 }), { minLength: minOrgs, maxLength: maxOrgs });

  return fc.record({
    tenantOf,
    subscriptions: fc.array(fc.record({ tenant: smallIndex, orgs: indexList(2) }), { minLength: 1, maxLength: 4 }),
    pools: fc.array(
      fc.record({
        subscription: smallIndex,
        type: fc.constantFrom<PoolType>(...POOL_TYPES),
        vms: fc.integer({ min: 1, max: 4 }),
        apps: indexList(2),
        dedicatedHost: rarely(4),
        confidential: rarely(4),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    hosts: fc.array(indexList(3), { maxLength: 2 }),
    sharedHardware: fc.boolean(),
    apps: fc.array(fc.record({ sandboxed: fc.boolean(), browser: fc.boolean() }), { maxLength: 3 }),
    users: fc.array(
      fc.record({
        org: smallIndex,
        count: userCount,
        privilege,
        pool: fc.option(smallIndex, { freq: 5 }),
        pin: fc.option(smallIndex, { freq: 2 }),
        owns: subscriptionPick,
        apps: indexList(1),
        device: hasDevice,
      }),
      { minLength: 1, maxLength: 6 },
    ),
    data: fc.array(
      fc.record({
        org: smallIndex,
        location: fc.constantFrom<DataLocation>(...DATA_LOCATIONS),
        // The loader's default first, so it shrinks to a classification the document leaves out.
        classification: fc.constantFrom<Classification>('confidential', ...CLASSIFICATIONS.filter((c) => c !== 'confidential')),
        users: indexList(3, 1),
        readers: indexList(2),
        foreignUsers: rareIndices(6, sharingWeight, 2),
        subscription: fc.option(subscriptionPick, { freq: 2 }),
        storageKey: rarely(3),
      }),
      { maxLength: 4 },
    ),
    orgProfiles: fc.boolean(),
    controls: controlsArbitrary,
  });
}

export function modelArbitrary(options: ModelOptions = {}): fc.Arbitrary<ModelDoc> {
  return fc.tuple(modelSpec(options), identitySpec).map(([spec, identity]) => withIdentity(toModel(spec, options), identity));
}

const pick = <T>(list: readonly T[], index: number): T | undefined => (list.length === 0 ? undefined : list[index % list.length]);
const pickAll = <T>(list: readonly T[], indices: readonly number[]): T[] =>
  list.length === 0 ? [] : [...new Set(indices.map((i) => list[i % list.length]!))];

export function toModel(spec: ModelSpec, options: Pick<ModelOptions, 'everyOrgHosted'> = {}, name = 'generated'): ModelDoc {
  const orgIds = spec.tenantOf.map((_, i) => `org${i + 1}`);

  // Tenants in order of first use, so slot numbers never matter, only which orgs share one.
  const slots = [...new Set(spec.tenantOf)];
  const tenants: TenantDoc[] = slots.map((slot, i) => ({
    id: `t${i + 1}`,
    organizations: orgIds.filter((_, o) => spec.tenantOf[o] === slot),
  }));

  const subscriptions: SubscriptionDoc[] = spec.subscriptions.map((s, i) => {
    const tenant = pick(tenants, s.tenant)!;
    const orgs = s.orgs.length === 0 ? tenant.organizations : pickAll(tenant.organizations, s.orgs);
    return { id: `sub${i + 1}`, tenant: tenant.id, organizations: [...orgs] };
  });

  const apps: AppDoc[] = spec.apps.map((a, i) => compact({ id: `app${i + 1}`, ...a }, { sandboxed: false, browser: false }));
  const appIds = apps.map((a) => a.id);

  const pools: HostPoolDoc[] = spec.pools.map((p, i) =>
    compact({
      id: `pool${i + 1}`,
      subscription: pick(subscriptions, p.subscription)!.id,
      type: p.type,
      vms: p.type === 'pooled' && p.vms > 1 ? p.vms : undefined,
      apps: pickAll(appIds, p.apps),
      dedicatedHost: p.dedicatedHost || undefined,
      confidential: p.confidential || undefined,
    }),
  );
  if (options.everyOrgHosted) {
    for (const org of orgIds) {
      if (!subscriptions.some((s) => s.organizations.includes(org))) {
        const tenant = tenants.find((t) => t.organizations.includes(org))!;
        subscriptions.push({ id: `sub-${org}`, tenant: tenant.id, organizations: [org] });
      }
      const holds = new Set(subscriptions.filter((s) => s.organizations.includes(org)).map((s) => s.id));
      if (!pools.some((p) => holds.has(p.subscription))) {
        pools.push({ id: `pool-${org}`, subscription: [...holds][0]!, type: 'pooled', vms: 2 });
      }
    }
  }
  const subById = new Map(subscriptions.map((s) => [s.id, s] as const));

  const users: UserDoc[] = spec.users.map((u, i) => {
    const organization = pick(orgIds, u.org)!;
    const reachablePools = pools.filter((p) => subById.get(p.subscription)!.organizations.includes(organization));
    const pool = u.pool === null ? undefined : pick(reachablePools, u.pool);
    const vm = pool !== undefined && pool.type === 'pooled' && u.pin !== null ? 1 + (u.pin % (pool.vms ?? 1)) : undefined;
    let privilege = u.privilege;
    let subscription: string | undefined;
    if (privilege === 'subscriptionOwner') {
      const own = subscriptions.filter((s) => s.organizations.includes(organization));
      subscription = pick(u.owns.foreign ? subscriptions : own, u.owns.index)?.id;
      if (subscription === undefined) privilege = 'standard';
    }
    return compact(
      {
        id: `u${i + 1}`,
        organization,
        count: u.count,
        privilege,
        hostPool: pool?.id,
        vm,
        subscription,
        apps: pool === undefined ? [] : pickAll(appIds, u.apps),
        device: u.device,
      },
      { count: 1, privilege: 'standard', device: true },
    );
  });

  const data: DataDoc[] = spec.data.map((d, i) => {
    const organization = pick(orgIds, d.org)!;
    const own = users.filter((u) => u.organization === organization).map((u) => u.id);
    const grantees = [...new Set([...pickAll(own, d.users), ...pickAll(users.map((u) => u.id), d.foreignUsers)])];
    const readers = d.location === 'fslogixProfile' ? [] : pickAll(own, d.readers).filter((r) => !grantees.includes(r));
    const ownSubs = subscriptions.filter((s) => s.organizations.includes(organization));
    const subscription = d.subscription === null ? undefined : pick(d.subscription.foreign ? subscriptions : ownSubs, d.subscription.index)?.id;
    return compact(
      {
        id: `d${i + 1}`,
        organization,
        location: d.location,
        classification: d.classification,
        users: grantees,
        readers,
        subscription,
        access: d.location === 'fslogixProfile' && d.storageKey ? ('storageKey' as const) : undefined,
      },
      { classification: 'confidential' },
    );
  });

  if (spec.orgProfiles) {
    for (const organization of orgIds) {
      const withSession = users.filter((u) => u.organization === organization && u.hostPool !== undefined).map((u) => u.id);
      if (withSession.length > 0) data.push({ id: `${organization}-profiles`, organization, location: 'fslogixProfile', users: withSession });
    }
  }

  const poolIds = pools.map((p) => p.id);
  const physicalHosts = spec.hosts
    .map((h, i) => ({ id: `host${i + 1}`, hostPools: pickAll(poolIds, h) }))
    .filter((h) => h.hostPools.length > 0);
  if (spec.sharedHardware) physicalHosts.push({ id: 'cloud', hostPools: poolIds });

  return compact({
    name,
    organizations: orgIds.map((id) => ({ id })),
    tenants,
    subscriptions,
    physicalHosts,
    hostPools: pools,
    apps,
    users,
    data,
    controls: controlsDoc(spec.controls),
  });
}
