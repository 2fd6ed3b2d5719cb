// Facts derived once from a Model for every rule: group members, VMs per pool and who may sit on
// each, tenants of organizations. Rules read these instead of re-deriving them.

import type { App, DataStore, HostPool, Model, Subscription, Tenant, User } from '../model/types.js';
import type { NodeHandle } from './graph-types.js';
import { memberId, nodeId } from './ids.js';
import { pushTo } from '../util/group-by.js';
import { resolveSignIns, type SignIns } from './sign-ins.js';
import { deriveAccess, type AccessFacts } from './access.js';
import { deriveStorageKeys, type StorageKey } from './storage-keys.js';

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
  /**
   * A local administrator of the session hosts this member signs in to: `localAdmin`, or a
   * `tenantAdmin` of the directory the hosts are joined to (the tenant of the pool's subscription):
   * "Tenant administrators (Global Administrator on Entra-joined hosts) and AD DS Domain Admins are
   * members of every joined host's local Administrators group by default" (domain.md). Microsoft
   * Learn, "Local Administrators group on Microsoft Entra joined devices": the Global Administrator
   * role is added to the local administrators group at join.
   */
  readonly hostAdmin: boolean;
  /** Handles of the member's own nodes (emitNodes writes them), shared with its seats' views. */
  readonly handles: MemberHandles;
  /** Handles of this view's session and processes; the member's own are its first seat's. */
  readonly seatHandles: SeatHandles;
  /** The member's seats, first on `user.hostPool` (empty without a pool); shared with its views. */
  readonly seats: readonly Seat[];
  /** Its profile-container nodes, in model order of their stores; shared with its views. */
  readonly profiles: readonly DataNode[];
}

/**
 * Graph handles (graph-types.ts `NodeHandle`) of a member's principal, credential and device,
 * written by emitNodes as it adds them: rules that emit an edge per member pass these numbers, so
 * the sink looks up no id. −1 until emitted (the device: −1 for a user without one).
 */
export interface MemberHandles {
  principal: NodeHandle;
  credential: NodeHandle;
  device: NodeHandle;
}

/** Handles of one seat's session and processes (same order as `Seat.processes`); −1 until emitted. */
export interface SeatHandles {
  session: NodeHandle;
  readonly processes: NodeHandle[];
}

function seatHandles(processes: number): SeatHandles {
  return { session: -1, processes: new Array<NodeHandle>(processes).fill(-1) };
}

/**
 * A hypervisor host and the VMs that may run on it. Declared in `physicalHosts`, or assumed: pools
 * no declared host places share one assumed host (`ASSUMED_PHYSICAL_HOST`), the public-cloud worst
 * case; a `dedicatedHost` pool gets one of its own.
 */
export interface PhysicalHostPlacement {
  readonly id: string;
  readonly label: string;
  readonly vms: readonly VmPlacement[];
  /** Not declared in the model: an assumption the output states. */
  readonly assumed: boolean;
}

/**
 * An FSLogix profile store's SMB share: who mounts it and its containers. Identity-based access (share
 * roles and NTFS ACLs) goes through `access`; a storage account key, declared or implied by
 * `access: storageKey`, is a `StorageKey` (storage-keys.ts).
 */
export interface ProfileShare {
  readonly store: DataStore;
  /** Node id of SMB access to the share (`<store>:share`). */
  readonly access: string;
  /** Its profile containers (their ids are `node`, their handles `handle`). */
  readonly containers: readonly DataNode[];
  /** Every VM of every pool whose users keep a container on it. */
  readonly hosts: readonly VmPlacement[];
}

/**
 * One session of a member on one host pool. A member has a seat on their `hostPool` (its session is
 * `member.session`) and one on every other pool an application group assigns them to.
 */
export interface Seat {
  readonly member: Member;
  readonly pool: HostPool;
  readonly session: string;
  /** The apps the member runs in this session, and their process node ids (same order). */
  readonly apps: readonly App[];
  readonly processes: readonly string[];
  /** The member as this pool sees it: `session` and `processes` are this seat's (placement lists hold these). */
  readonly view: Member;
  readonly handles: SeatHandles;
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
  /** That member (null likewise). */
  readonly owner: Member | null;
  /** Its graph handle, written by emitNodes; −1 until then. */
  handle: NodeHandle;
}

/**
 * Whose data a node is: a profile container is its user's organization's data wherever the store
 * sits (a provider's FSLogix share holds customers' data); any other node is the store's organization's.
 */
export function dataOwner(store: DataStore, node: DataNode): string {
  return node.owner?.user.organization ?? store.organization;
}

export interface Deployment {
  /**
   * The model with unlisted group members added as users (`group/members`) and every user's
   * `hostPool` set to their first pool (own `hostPool`, else the first application group's).
   */
  readonly model: Model;
  readonly members: ReadonlyMap<string, readonly Member[]>;
  /** Every session of every member, member by member; a member's first seat is on `user.hostPool`. */
  readonly seats: readonly Seat[];
  /**
   * Sessions of one member (node ids): where the member's code runs as them; no entry without a
   * pool. Built on first use (rules read `Member.seats`).
   */
  readonly sessionsOf: ReadonlyMap<string, readonly string[]>;
  /** Transitive group memberships of each user entry (Entra ID nested groups). */
  readonly groupsOf: ReadonlyMap<string, readonly string[]>;
  /** Principals, Azure scopes and role grants (access.ts). */
  readonly access: AccessFacts;
  readonly allMembers: readonly Member[];
  /** Built on first use: a map of a million members costs seconds, and rules hold the objects. */
  readonly memberById: ReadonlyMap<string, Member>;
  readonly pools: readonly PoolPlacement[];
  readonly poolById: ReadonlyMap<string, PoolPlacement>;
  /**
   * Members with a session on each pool (host pool id → their seat's view), in member order: a user's
   * own `hostPool` and every pool an application group assigns them to. Who signs in to a pool.
   */
  readonly membersOfPool: ReadonlyMap<string, readonly Member[]>;
  readonly vmById: ReadonlyMap<string, VmPlacement>;
  readonly appById: ReadonlyMap<string, App>;
  readonly tenantOfOrg: ReadonlyMap<string, Tenant>;
  readonly subscriptionById: ReadonlyMap<string, Subscription>;
  readonly dataNodes: ReadonlyMap<string, readonly DataNode[]>;
  /**
   * Profile-container nodes of one member (mounted wherever the member's session runs), members in
   * order of their first container. Built on first use (rules read `Member.profiles`).
   */
  readonly profilesOf: ReadonlyMap<string, readonly string[]>;
  /** Declared and assumed physical hosts, declared first (model order). */
  readonly physicalHosts: readonly PhysicalHostPlacement[];
  readonly profileShares: readonly ProfileShare[];
  /** Storage account keys: declared accounts, then those implied by `access: storageKey` (storage-keys.ts). */
  readonly storageKeys: readonly StorageKey[];
  /** Worst-case assumptions made where the model is silent, in words for the output. */
  readonly assumptions: readonly string[];
  /** Apps a user runs: their pool's apps, then their own, without repeats. */
  appsOf(user: User): readonly App[];
  /** Data stores listing the user (as a user, not a reader). */
  dataOf(user: User): readonly DataStore[];
}

export function deriveDeployment(written: Model): Deployment {
  const signIns: SignIns = resolveSignIns(written);
  const model = signIns.model;
  const appById = new Map(model.apps.map((a) => [a.id, a] as const));
  const poolById0 = new Map(model.hostPools.map((p) => [p.id, p] as const));
  // One list per user entry and pool, shared by its members and by every appsOf call.
  const appsByUser = new Map<User, readonly App[]>();
  const appsBySeat = new Map<User, Map<string, readonly App[]>>();
  for (const user of model.users) {
    const perPool = new Map<string, readonly App[]>();
    for (const signIn of signIns.poolsOf.get(user.id) ?? []) {
      const ids = [...new Set([...signIn.apps, ...user.apps])];
      perPool.set(signIn.pool, ids.flatMap((id) => appById.get(id) ?? []));
    }
    appsBySeat.set(user, perPool);
    appsByUser.set(user, user.hostPool === null ? user.apps.flatMap((id) => appById.get(id) ?? []) : perPool.get(user.hostPool)!);
  }

  const tenantOfOrg = new Map<string, Tenant>();
  for (const tenant of model.tenants) for (const org of tenant.organizations) tenantOfOrg.set(org, tenant);
  const subscriptionTenant = new Map(model.subscriptions.map((s) => [s.id, s.tenant] as const));
  const poolTenant = new Map(model.hostPools.map((p) => [p.id, subscriptionTenant.get(p.subscription)] as const));
  const isHostAdmin = (user: User): boolean =>
    user.privilege === 'localAdmin' ||
    (user.privilege === 'tenantAdmin' && user.hostPool !== null && poolTenant.get(user.hostPool) === tenantOfOrg.get(user.organization)?.id);

  const members = new Map<string, Member[]>();
  for (const user of model.users) {
    const list: Member[] = [];
    const apps = appsByUser.get(user)!;
    const hostAdmin = isHostAdmin(user);
    for (let i = 1; i <= user.count; i++) {
      const id = memberId(user.id, i, user.count);
      list.push({
        id,
        user,
        session: nodeId.session(id),
        credential: nodeId.credential(id),
        device: nodeId.device(id),
        processes: apps.map((app) => nodeId.process(id, app.id)),
        hostAdmin,
        handles: { principal: -1, credential: -1, device: -1 },
        seatHandles: user.hostPool === null ? NO_SEAT : seatHandles(apps.length),
        seats: [],
        profiles: [],
      });
    }
    members.set(user.id, list);
  }
  const allMembers = model.users.flatMap((u) => members.get(u.id) ?? []);

  const seats: Seat[] = [];
  for (const m of allMembers) {
    for (const [poolId, apps] of appsBySeat.get(m.user)!) {
      const primary = poolId === m.user.hostPool;
      const session = primary ? m.session : nodeId.poolSession(m.id, poolId);
      const processes = primary ? m.processes : apps.map((app) => nodeId.poolProcess(m.id, poolId, app.id));
      const handles = primary ? m.seatHandles : seatHandles(apps.length);
      const view: Member = primary ? m : { ...m, session, processes, seatHandles: handles };
      const seat: Seat = { member: m, pool: poolById0.get(poolId)!, session, apps, processes, view, handles };
      seats.push(seat);
      (m.seats as Seat[]).push(seat);
    }
  }

  const viewsByPool = new Map<string, Member[]>();
  for (const seat of seats) pushTo(viewsByPool, seat.pool.id, seat.view);
  const pools = model.hostPools.map((pool) => placePool(pool, viewsByPool.get(pool.id) ?? []));
  const vmById = new Map<string, VmPlacement>();
  for (const placement of pools) for (const vm of placement.vms) vmById.set(vm.id, vm);

  const dataByUser = new Map<string, DataStore[]>();
  for (const store of model.data) {
    for (const user of store.users) pushTo(dataByUser, user, store);
  }
  const poolById = new Map(pools.map((p) => [p.pool.id, p] as const));

  const dataNodes = new Map<string, DataNode[]>();
  for (const store of model.data) {
    const nodes = storeNodes(store, members);
    dataNodes.set(store.id, nodes);
    for (const n of nodes) if (n.owner !== null) (n.owner.profiles as DataNode[]).push(n);
  }
  // Maps keyed by member id, built on first use (rules read the members' own fields).
  let memberById: Map<string, Member> | undefined;
  let sessionsOf: Map<string, string[]> | undefined;
  let profilesOf: Map<string, string[]> | undefined;

  const { physicalHosts, assumptions } = placeOnHosts(model, pools);
  assumptions.push(...redirectionAssumptions(pools), ...crossTenantSubscriptionAssumptions(model));
  const profileShares = model.data.flatMap((store) => profileShare(store, dataNodes.get(store.id) ?? [], members, poolById));
  const storageKeys = deriveStorageKeys(model, profileShares, (pool) => poolById.get(pool)?.vms ?? []);

  return {
    model,
    physicalHosts,
    profileShares,
    storageKeys,
    assumptions,
    members,
    seats,
    get sessionsOf() {
      if (sessionsOf === undefined) {
        sessionsOf = new Map();
        for (const seat of seats) pushTo(sessionsOf, seat.member.id, seat.session);
      }
      return sessionsOf;
    },
    groupsOf: signIns.groupsOf,
    access: deriveAccess(model, members, pools),
    allMembers,
    get memberById() {
      return (memberById ??= new Map(allMembers.map((m) => [m.id, m] as const)));
    },
    pools,
    poolById,
    membersOfPool: viewsByPool,
    vmById,
    appById,
    tenantOfOrg,
    subscriptionById: new Map(model.subscriptions.map((s) => [s.id, s] as const)),
    dataNodes,
    get profilesOf() {
      if (profilesOf === undefined) {
        profilesOf = new Map();
        for (const nodes of dataNodes.values()) for (const n of nodes) if (n.member !== null) pushTo(profilesOf, n.member, n.node);
      }
      return profilesOf;
    },
    appsOf(user) {
      return appsByUser.get(user) ?? appsOfUnlisted(user, poolById, appById);
    },
    dataOf(user) {
      return dataByUser.get(user.id) ?? [];
    },
  };
}

/** Id of the physical host assumed for pools that no declared host places. */
export const ASSUMED_PHYSICAL_HOST = 'assumed:shared-host';

/** Declared hosts, then the assumed shared one and each dedicated pool's own; the assumptions in words. */
function placeOnHosts(model: Model, pools: readonly PoolPlacement[]): { physicalHosts: PhysicalHostPlacement[]; assumptions: string[] } {
  const byId = new Map(pools.map((p) => [p.pool.id, p] as const));
  const placed = new Set<string>();
  const physicalHosts: PhysicalHostPlacement[] = model.physicalHosts.map((host) => {
    for (const id of host.hostPools) placed.add(id);
    return { id: host.id, label: `physical host ${host.id}`, vms: host.hostPools.flatMap((id) => byId.get(id)?.vms ?? []), assumed: false };
  });
  const unplaced = pools.filter((p) => !placed.has(p.pool.id));
  const shared = unplaced.filter((p) => !p.pool.dedicatedHost);
  const assumptions: string[] = [];
  if (shared.length > 0 && shared.reduce((n, p) => n + p.vms.length, 0) > 0) {
    const names = shared.map((p) => p.pool.id);
    physicalHosts.push({
      id: ASSUMED_PHYSICAL_HOST,
      label: `a physical host that ${names.length > 1 ? 'pools ' + names.join(', ') + ' may share' : 'the VMs of ' + names[0] + ' may share'} (assumed)`,
      vms: shared.flatMap((p) => p.vms),
      assumed: true,
    });
    assumptions.push(
      `no physical host is declared for ${names.length > 1 ? 'pools' : 'pool'} ${names.join(', ')}: assumed to share one physical host${names.length > 1 ? ' with each other' : ''}, as VMs may in a public cloud (worst case); declare \`physicalHosts\` or \`dedicatedHost: true\` to change it`,
    );
  }
  for (const p of unplaced) {
    if (!p.pool.dedicatedHost || p.vms.length === 0) continue;
    physicalHosts.push({ id: nodeId.dedicatedHost(p.pool.id), label: `dedicated physical hosts of ${p.pool.id}`, vms: p.vms, assumed: true });
  }
  return { physicalHosts, assumptions };
}

/**
 * Pools that state no `customRdpProperty` and have a user with a modelled device: they are assumed
 * to redirect drives, clipboard, printers and USB devices (domain/redirection.ts), said in one line.
 */
function redirectionAssumptions(pools: readonly PoolPlacement[]): string[] {
  const silent = pools
    .filter((p) => p.pool.customRdpProperty === undefined)
    .filter((p) => [...p.floating, ...p.vms.flatMap((vm) => vm.pinned)].some((m) => m.user.device))
    .map((p) => p.pool.id);
  if (silent.length === 0) return [];
  const named = silent.length > 6 ? `${silent.slice(0, 5).join(', ')} and ${silent.length - 5} more` : silent.join(', ');
  const which = `${silent.length > 1 ? 'pools' : 'pool'} ${named}`;
  return [
    `no \`customRdpProperty\` for ${which}: assumed to redirect drives, clipboard, printers and USB devices back to the users' devices, as Azure Virtual Desktop does by default (worst case); state \`customRdpProperty\` to change it`,
  ];
}

/**
 * Subscriptions of two or more tenants: rule `subscription-boundary` links every subscription to every
 * other across one `subscription` instance, whatever their tenants, so control of one tenant's
 * subscription reaches another tenant's with a subscription failure alone and no tenant failure. That
 * is the worst case on purpose — Azure Resource Manager isolates subscriptions the same way whatever
 * their directory, and cross-tenant flaws of the control plane or a resource provider (ChaosDB in
 * Cosmos DB, 2021) were one flaw, no directory compromise —, said in one line.
 */
function crossTenantSubscriptionAssumptions(model: Model): string[] {
  const byTenant = new Map<string, string[]>();
  for (const sub of model.subscriptions) (byTenant.get(sub.tenant) ?? byTenant.set(sub.tenant, []).get(sub.tenant)!).push(sub.id);
  if (byTenant.size < 2) return [];
  const tenants = [...byTenant].map(([tenant, subs]) => `${tenant}: ${subs.length > 3 ? `${subs.slice(0, 2).join(', ')} and ${subs.length - 2} more` : subs.join(', ')}`);
  const named = tenants.length > 4 ? `${tenants.slice(0, 3).join('; ')}; and ${tenants.length - 3} more tenants` : tenants.join('; ');
  return [
    `subscriptions of ${byTenant.size} tenants (${named}): assumed that a subscription failure alone crosses from one tenant's subscriptions into another's, with no tenant failure, as a cross-tenant flaw of the Azure control plane or a resource provider would (worst case); so whoever controls a subscription is one failure from every other tenant's subscriptions`,
  ];
}

/** The SMB share of an `fslogixProfile` store; other stores have none. */
function profileShare(
  store: DataStore,
  nodes: readonly DataNode[],
  members: ReadonlyMap<string, readonly Member[]>,
  poolById: ReadonlyMap<string, PoolPlacement>,
): ProfileShare[] {
  if (store.location !== 'fslogixProfile' || nodes.length === 0) return [];
  const pools = new Set<string>();
  for (const user of store.users) for (const m of members.get(user) ?? []) if (m.user.hostPool !== null) pools.add(m.user.hostPool);
  return [
    {
      store,
      access: nodeId.shareAccess(store.id),
      containers: nodes,
      hosts: [...pools].flatMap((id) => poolById.get(id)?.vms ?? []),
    },
  ];
}

/** appsOf for a user object that is not one of the model's own entries. */
function appsOfUnlisted(user: User, poolById: ReadonlyMap<string, PoolPlacement>, appById: ReadonlyMap<string, App>): readonly App[] {
  const pool = user.hostPool === null ? undefined : poolById.get(user.hostPool)?.pool;
  const ids = [...new Set([...(pool?.apps ?? []), ...user.apps])];
  return ids.flatMap((id) => appById.get(id) ?? []);
}

/** `poolMembers`: the members signed in to this pool, each seen with its session here. */
function placePool(pool: HostPool, poolMembers: readonly Member[]): PoolPlacement {
  const orgs = new Set(poolMembers.map((m) => m.user.organization));
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
    // A pin (`vm`) applies on the user's own `hostPool` only.
    if (m.user.vm === null || m.user.hostPool !== pool.id) floating.push(m);
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
  if (store.location !== 'fslogixProfile') return [{ node: store.id, label: store.id, member: null, owner: null, handle: -1 }];
  const owners = store.users.flatMap((u) => members.get(u) ?? []);
  if (owners.length === 1) return [{ node: store.id, label: store.id, member: owners[0]!.id, owner: owners[0]!, handle: -1 }];
  return owners.map((m) => ({ node: nodeId.userData(store.id, m.id), label: `${store.id} of ${m.id}`, member: m.id, owner: m, handle: -1 }));
}

/** The seat handles of a member without a pool: no session or process node is emitted for them. */
const NO_SEAT: SeatHandles = Object.freeze({ session: -1, processes: [] as NodeHandle[] });
