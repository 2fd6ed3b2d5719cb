// Facts derived once from a Model for every rule: group members, VMs per pool and who may sit on
// each, tenants of organizations. Rules read these instead of re-deriving them.

import type { App, DataStore, HostPool, Model, Subscription, Tenant, User } from '../model/types.js';
import { memberId, nodeId } from './ids.js';
import { pushTo } from '../util/group-by.js';

/** One concrete user: a single user entry, or one member of a group entry. */
export interface Member {
  readonly id: string;
  readonly user: User;
}

export interface VmPlacement {
  readonly id: string;
  readonly pool: HostPool;
  /** Members known to run on this VM (pinned, or the owner of a personal desktop). */
  readonly pinned: readonly Member[];
}

export interface PoolPlacement {
  readonly pool: HostPool;
  readonly vms: readonly VmPlacement[];
  /** Members the load balancer may put on any VM of the pool (worst case: co-resident with anyone). */
  readonly floating: readonly Member[];
  /** The organization all of the pool's users belong to, or null when orgs share it. */
  readonly organization: string | null;
}

/**
 * One graph node of a data store. A profile store holds one container per user, so each member gets
 * a node (`store/member`) unless the store has exactly one; shares and databases are one node.
 */
export interface DataNode {
  readonly node: string;
  readonly label: string;
  /** The member whose profile container this is; null for a store shared by its users. */
  readonly member: string | null;
}

export interface Deployment {
  readonly model: Model;
  readonly members: ReadonlyMap<string, readonly Member[]>;
  readonly allMembers: readonly Member[];
  readonly memberById: ReadonlyMap<string, Member>;
  readonly pools: readonly PoolPlacement[];
  readonly poolById: ReadonlyMap<string, PoolPlacement>;
  readonly vmById: ReadonlyMap<string, VmPlacement>;
  readonly appById: ReadonlyMap<string, App>;
  readonly tenantOfOrg: ReadonlyMap<string, Tenant>;
  readonly subscriptionById: ReadonlyMap<string, Subscription>;
  readonly dataNodes: ReadonlyMap<string, readonly DataNode[]>;
  /** Profile-container nodes of one member (mounted wherever the member's session runs). */
  readonly profilesOf: ReadonlyMap<string, readonly string[]>;
  /** Apps a user runs: their pool's apps, then their own, without repeats. */
  appsOf(user: User): readonly App[];
  /** Data stores listing the user (as a user, not a reader). */
  dataOf(user: User): readonly DataStore[];
}

export function deriveDeployment(model: Model): Deployment {
  const members = new Map<string, Member[]>();
  for (const user of model.users) {
    const list: Member[] = [];
    for (let i = 1; i <= user.count; i++) list.push({ id: memberId(user.id, i, user.count), user });
    members.set(user.id, list);
  }
  const allMembers = model.users.flatMap((u) => members.get(u.id) ?? []);

  const pools = model.hostPools.map((pool) => placePool(pool, model.users, members));
  const vmById = new Map<string, VmPlacement>();
  for (const placement of pools) for (const vm of placement.vms) vmById.set(vm.id, vm);

  const tenantOfOrg = new Map<string, Tenant>();
  for (const tenant of model.tenants) for (const org of tenant.organizations) tenantOfOrg.set(org, tenant);

  const appById = new Map(model.apps.map((a) => [a.id, a] as const));
  const dataByUser = new Map<string, DataStore[]>();
  for (const store of model.data) {
    for (const user of store.users) pushTo(dataByUser, user, store);
  }
  const poolById = new Map(pools.map((p) => [p.pool.id, p] as const));

  const dataNodes = new Map<string, DataNode[]>();
  const profilesOf = new Map<string, string[]>();
  for (const store of model.data) {
    const nodes = storeNodes(store, members);
    dataNodes.set(store.id, nodes);
    for (const n of nodes) if (n.member !== null) pushTo(profilesOf, n.member, n.node);
  }

  return {
    model,
    members,
    allMembers,
    memberById: new Map(allMembers.map((m) => [m.id, m] as const)),
    pools,
    poolById,
    vmById,
    appById,
    tenantOfOrg,
    subscriptionById: new Map(model.subscriptions.map((s) => [s.id, s] as const)),
    dataNodes,
    profilesOf,
    appsOf(user) {
      const pool = user.hostPool === null ? undefined : poolById.get(user.hostPool)?.pool;
      const ids = [...new Set([...(pool?.apps ?? []), ...user.apps])];
      return ids.flatMap((id) => appById.get(id) ?? []);
    },
    dataOf(user) {
      return dataByUser.get(user.id) ?? [];
    },
  };
}

function placePool(pool: HostPool, users: readonly User[], members: ReadonlyMap<string, readonly Member[]>): PoolPlacement {
  const poolUsers = users.filter((u) => u.hostPool === pool.id);
  const poolMembers = poolUsers.flatMap((u) => members.get(u.id) ?? []);
  const orgs = new Set(poolUsers.map((u) => u.organization));
  const organization = orgs.size === 1 ? [...orgs][0]! : null;

  if (pool.type === 'personal') {
    // A personal desktop is one VM per user, and only that user ever signs in to it.
    const vms = poolMembers.map((m) => ({ id: nodeId.personalVm(pool.id, m.id), pool, pinned: [m] }));
    return { pool, vms, floating: [], organization };
  }
  const vms: VmPlacement[] = [];
  for (let i = 1; i <= pool.vms; i++) {
    const pinned = poolMembers.filter((m) => m.user.vm === i);
    vms.push({ id: nodeId.pooledVm(pool.id, i), pool, pinned });
  }
  const floating = poolMembers.filter((m) => m.user.vm === null);
  return { pool, vms, floating, organization };
}

function storeNodes(store: DataStore, members: ReadonlyMap<string, readonly Member[]>): DataNode[] {
  if (store.location !== 'fslogixProfile') return [{ node: store.id, label: store.id, member: null }];
  const owners = store.users.flatMap((u) => members.get(u) ?? []);
  if (owners.length === 1) return [{ node: store.id, label: store.id, member: owners[0]!.id }];
  return owners.map((m) => ({ node: nodeId.userData(store.id, m.id), label: `${store.id} of ${m.id}`, member: m.id }));
}
