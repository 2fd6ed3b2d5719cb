// A pair of models with the same organizations, users, apps and data, deployed two ways:
//   shared    — one tenant, one subscription, one pooled host pool for everyone;
//   separated — per organization its own tenant, subscription and pooled host pool, all pools'
//               VMs on one shared physical host (as in any public cloud).
// Both pools have the same number of VMs and every pin is kept, so a user sits on "VM k" in both.
// `sharedOnHost` puts the shared pool's VMs on a physical host too; claim 7 needs it when users
// are pinned (see README, "What the guide's claims mean, precisely").

import fc from 'fast-check';
import type { ControlName } from '../../src/domain/controls.js';
import { DATA_LOCATIONS } from '../../src/model/types.js';
import type { DataLocation, Privilege } from '../../src/model/types.js';
import { controlsArbitrary, controlsDoc, indexList, privilege, rareIndices, rarely, smallIndex, userCount } from './common.js';
import { compact, type AppDoc, type DataDoc, type ModelDoc, type UserDoc } from './document.js';

export interface PairSpec {
  readonly orgs: number;
  readonly vms: number;
  readonly sharedOnHost: boolean;
  readonly apps: readonly { readonly sandboxed: boolean; readonly browser: boolean }[];
  readonly poolApps: readonly number[];
  readonly users: readonly {
    readonly org: number;
    readonly count: number;
    readonly privilege: Privilege;
    readonly session: boolean;
    readonly pin: number | null;
    readonly apps: readonly number[];
  }[];
  readonly data: readonly {
    readonly org: number;
    readonly location: DataLocation;
    readonly users: readonly number[];
    readonly readers: readonly number[];
    readonly foreignUsers: readonly number[];
    readonly inSubscription: boolean;
  }[];
  /** Give every organization an FSLogix profile store holding all of its users with a session host. */
  readonly orgProfiles: boolean;
  readonly controls: Readonly<Record<ControlName, boolean>>;
}

export interface ModelPair {
  readonly shared: ModelDoc;
  readonly separated: ModelDoc;
}

export const pairSpec: fc.Arbitrary<PairSpec> = fc.record({
  orgs: fc.integer({ min: 1, max: 5 }),
  vms: fc.integer({ min: 1, max: 4 }),
  sharedOnHost: fc.boolean(),
  apps: fc.array(fc.record({ sandboxed: fc.boolean(), browser: fc.boolean() }), { maxLength: 3 }),
  poolApps: indexList(2),
  users: fc.array(
    fc.record({
      org: smallIndex,
      count: userCount,
      privilege,
      session: rarely(4).map((noSession) => !noSession),
      pin: fc.option(smallIndex, { freq: 2 }),
      apps: indexList(1),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  data: fc.array(
    fc.record({
      org: smallIndex,
      location: fc.constantFrom<DataLocation>(...DATA_LOCATIONS),
      users: indexList(3, 1),
      readers: indexList(2),
      foreignUsers: rareIndices(6, 1, 2),
      inSubscription: fc.boolean(),
    }),
    { maxLength: 4 },
  ),
  orgProfiles: fc.boolean(),
  controls: controlsArbitrary,
});

export const modelPair: fc.Arbitrary<ModelPair> = pairSpec.map((spec) => toPair(spec));

const pickAll = <T>(list: readonly T[], indices: readonly number[]): T[] =>
  list.length === 0 ? [] : [...new Set(indices.map((i) => list[i % list.length]!))];

interface Placement {
  readonly subscription: (org: string) => string;
  readonly pool: (org: string) => string;
}

export function toPair(spec: PairSpec): ModelPair {
  const orgIds = Array.from({ length: spec.orgs }, (_, i) => `org${i + 1}`);
  const apps: AppDoc[] = spec.apps.map((a, i) => compact({ id: `app${i + 1}`, ...a }, { sandboxed: false, browser: false }));
  const poolApps = pickAll(apps.map((a) => a.id), spec.poolApps);
  const vms = spec.vms > 1 ? spec.vms : undefined;
  const pooled = (id: string, subscription: string) => compact({ id, subscription, type: 'pooled' as const, vms, apps: poolApps });

  const body = (where: Placement) => {
    const users: UserDoc[] = spec.users.map((u, i) => {
      const organization = orgIds[u.org % orgIds.length]!;
      return compact(
        {
          id: `u${i + 1}`,
          organization,
          count: u.count,
          privilege: u.privilege,
          hostPool: u.session ? where.pool(organization) : undefined,
          vm: u.session && u.pin !== null ? 1 + (u.pin % spec.vms) : undefined,
          subscription: u.privilege === 'subscriptionOwner' ? where.subscription(organization) : undefined,
          apps: u.session ? pickAll(apps.map((a) => a.id), u.apps) : [],
        },
        { count: 1, privilege: 'standard' },
      );
    });
    const data: DataDoc[] = spec.data.map((d, i) => {
      const organization = orgIds[d.org % orgIds.length]!;
      const own = users.filter((u) => u.organization === organization).map((u) => u.id);
      const grantees = [...new Set([...pickAll(own, d.users), ...pickAll(users.map((u) => u.id), d.foreignUsers)])];
      const readers = d.location === 'fslogixProfile' ? [] : pickAll(own, d.readers).filter((r) => !grantees.includes(r));
      return compact({
        id: `d${i + 1}`,
        organization,
        location: d.location,
        users: grantees,
        readers,
        subscription: d.inSubscription ? where.subscription(organization) : undefined,
      });
    });
    if (spec.orgProfiles) {
      for (const organization of orgIds) {
        const withSession = users.filter((u) => u.organization === organization && u.hostPool !== undefined).map((u) => u.id);
        if (withSession.length > 0) data.push({ id: `${organization}-profiles`, organization, location: 'fslogixProfile', users: withSession });
      }
    }
    return { apps, users, data, controls: controlsDoc(spec.controls) };
  };

  const shared: ModelDoc = compact({
    name: 'shared',
    organizations: orgIds.map((id) => ({ id })),
    tenants: [{ id: 'shared-tenant', organizations: orgIds }],
    subscriptions: [{ id: 'shared-sub', tenant: 'shared-tenant', organizations: orgIds }],
    physicalHosts: spec.sharedOnHost ? [{ id: 'host1', hostPools: ['shared-pool'] }] : [],
    hostPools: [pooled('shared-pool', 'shared-sub')],
    ...body({ subscription: () => 'shared-sub', pool: () => 'shared-pool' }),
  });

  const separated: ModelDoc = compact({
    name: 'separated',
    organizations: orgIds.map((id) => ({ id })),
    tenants: orgIds.map((o) => ({ id: `t-${o}`, organizations: [o] })),
    subscriptions: orgIds.map((o) => ({ id: `sub-${o}`, tenant: `t-${o}`, organizations: [o] })),
    physicalHosts: [{ id: 'host1', hostPools: orgIds.map((o) => `pool-${o}`) }],
    hostPools: orgIds.map((o) => pooled(`pool-${o}`, `sub-${o}`)),
    ...body({ subscription: (o) => `sub-${o}`, pool: (o) => `pool-${o}` }),
  });

  return { shared, separated };
}
