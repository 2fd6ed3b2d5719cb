// Facts derived once from a Model for every rule: group members, VMs per pool and who may sit on
// each, tenants of organizations. Rules read these instead of re-deriving them.

import type { App, DataStore, HostPool, Model, Subscription, Tenant, User } from '../model/types.js';
import { memberId, nodeId } from './ids.js';
import { pushTo } from '../util/group-by.js';

/** One concrete user: a single user entry, or one member of a group entry. */
export interface Member {
  readonly id: string;
  readonly user: User;
  /**
   * Its derived node ids (see ids.ts), built once here: rules pass these very strings, so the
   * compiler looks up an already-hashed string instead of building and hashing one per edge.
   */
  readonly session: string;
  readonly credential: string;
  readonly device: string;
  /** Process node ids, one per entry of `deployment.appsOf(user)`, in that order. */
  readonly processes: readonly string[];
}

export interface VmPlacement {
  readonly id: string;
  readonly pool: HostPool;
  /** Members known to run on this VM (pinned, or the owner of a personal desktop). */
  readonly pinned: readonly Member[];
  /** Node ids of the VM's placement nodes (nodeId.vmUnprivileged etc.), built once. */
  readonly unprivileged: string;
  readonly sessions: string;
  readonly profiles: string;
  readonly credentials: string;
}

export interface PoolPlacement {
  readonly pool: HostPool;
  readonly vms: readonly VmPlacement[];
  /** Members the load balancer may put on any VM of the pool (worst case: co-resident with anyone). */
  readonly floating: readonly Member[];
  /** The organization all of the pool's users belong to, or null when orgs share it. */
  readonly organization: string | null;
  /** Node ids of a pooled pool's hubs (nodeId.poolUnprivileged etc.), built once. */
  readonly hubs: PoolHubs;
}

export interface PoolHubs {
  readonly unprivileged: string;
  /** AppContainer-sandboxed code of an unpinned user, on whichever VM the load balancer chose. */
  readonly sandboxed: string;
  readonly admin: string;
  readonly sessions: string;
  readonly profiles: string;
  readonly credentials: string;
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
  const appById = new Map(model.apps.map((a) => [a.id, a] as const));
  const poolApps = new Map(model.hostPools.map((p) => [p.id, p.apps] as const));
  // One list per user entry, shared by its members and by every appsOf call.
  const appsByUser = new Map<User, readonly App[]>();
  for (const user of model.users) {
    const pool = user.hostPool === null ? undefined : poolApps.get(user.hostPool);
    const ids = [...new Set([...(pool ?? []), ...user.apps])];
    appsByUser.set(user, ids.flatMap((id) => appById.get(id) ?? []));
  }

  const members = new Map<string, Member[]>();
  for (const user of model.users) {
    const list: Member[] = [];
    const apps = appsByUser.get(user)!;
    for (let i = 1; i <= user.count; i++) {
      const id = memberId(user.id, i, user.count);
      list.push({
        id,
        user,
        session: nodeId.session(id),
        credential: nodeId.credential(id),
        device: nodeId.device(id),
        processes: apps.map((app) => nodeId.process(id, app.id)),
      });
    }
    members.set(user.id, list);
  }
  const allMembers = model.users.flatMap((u) => members.get(u.id) ?? []);

  const pools = model.hostPools.map((pool) => placePool(pool, model.users, members));
  const vmById = new Map<string, VmPlacement>();
  for (const placement of pools) for (const vm of placement.vms) vmById.set(vm.id, vm);

  const tenantOfOrg = new Map<string, Tenant>();
  for (const tenant of model.tenants) for (const org of tenant.organizations) tenantOfOrg.set(org, tenant);

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
      return appsByUser.get(user) ?? appsOfUnlisted(user, poolById, appById);
    },
    dataOf(user) {
      return dataByUser.get(user.id) ?? [];
    },
  };
}

/** appsOf for a user object that is not one of the model's own entries. */
function appsOfUnlisted(user: User, poolById: ReadonlyMap<string, PoolPlacement>, appById: ReadonlyMap<string, App>): readonly App[] {
  const pool = user.hostPool === null ? undefined : poolById.get(user.hostPool)?.pool;
  const ids = [...new Set([...(pool?.apps ?? []), ...user.apps])];
  return ids.flatMap((id) => appById.get(id) ?? []);
}

function placePool(pool: HostPool, users: readonly User[], members: ReadonlyMap<string, readonly Member[]>): PoolPlacement {
  const poolUsers = users.filter((u) => u.hostPool === pool.id);
  const poolMembers = poolUsers.flatMap((u) => members.get(u.id) ?? []);
  const orgs = new Set(poolUsers.map((u) => u.organization));
  const organization = orgs.size === 1 ? [...orgs][0]! : null;
  const hubs: PoolHubs = {
    unprivileged: nodeId.poolUnprivileged(pool.id),
    sandboxed: nodeId.poolSandboxed(pool.id),
    admin: nodeId.poolAdmin(pool.id),
    sessions: nodeId.poolSessions(pool.id),
    profiles: nodeId.poolProfiles(pool.id),
    credentials: nodeId.poolCredentials(pool.id),
  };

  if (pool.type === 'personal') {
    // A personal desktop is one VM per user, and only that user ever signs in to it.
    const vms = poolMembers.map((m) => vmPlacement(nodeId.personalVm(pool.id, m.id), pool, [m]));
    return { pool, vms, floating: [], organization, hubs };
  }
  // Pinned members by VM number, in member order (one pass, not one filter per VM).
  const pinnedOn = new Map<number, Member[]>();
  const floating: Member[] = [];
  for (const m of poolMembers) {
    if (m.user.vm === null) floating.push(m);
    else pushTo(pinnedOn, m.user.vm, m);
  }
  const vms: VmPlacement[] = [];
  for (let i = 1; i <= pool.vms; i++) vms.push(vmPlacement(nodeId.pooledVm(pool.id, i), pool, pinnedOn.get(i) ?? []));
  return { pool, vms, floating, organization, hubs };
}

function vmPlacement(id: string, pool: HostPool, pinned: readonly Member[]): VmPlacement {
  return {
    id,
    pool,
    pinned,
    unprivileged: nodeId.vmUnprivileged(id),
    sessions: nodeId.vmSessions(id),
    profiles: nodeId.vmProfiles(id),
    credentials: nodeId.vmCredentials(id),
  };
}

function storeNodes(store: DataStore, members: ReadonlyMap<string, readonly Member[]>): DataNode[] {
  if (store.location !== 'fslogixProfile') return [{ node: store.id, label: store.id, member: null }];
  const owners = store.users.flatMap((u) => members.get(u) ?? []);
  if (owners.length === 1) return [{ node: store.id, label: store.id, member: owners[0]!.id }];
  return owners.map((m) => ({ node: nodeId.userData(store.id, m.id), label: `${store.id} of ${m.id}`, member: m.id }));
}
