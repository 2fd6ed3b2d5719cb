// What the properties know independently of the engine, read straight off the loaded Model: who the
// principals are, what each is authorized for, who may share a multi-session VM. Only the naming of
// derived node ids (a group's members, per-user profile containers) comes from src/compile/ids.

import { memberId, nodeId } from '../../../src/compile/ids.js';
import type { Model, User } from '../../../src/model/types.js';

export interface Principal {
  readonly id: string;
  readonly user: User;
}

export function principals(model: Model): Principal[] {
  return model.users.flatMap((user) =>
    Array.from({ length: user.count }, (_, i) => ({ id: memberId(user.id, i + 1, user.count), user })),
  );
}

/** Data nodes a principal may use by right: its profile containers, and stores listing it as user or reader. */
export function authorizedData(model: Model, principal: Principal): Set<string> {
  const out = new Set<string>();
  for (const store of model.data) {
    if (store.location === 'fslogixProfile') {
      if (!store.users.includes(principal.user.id)) continue;
      const owners = store.users.reduce((n, u) => n + (model.users.find((x) => x.id === u)?.count ?? 0), 0);
      out.add(owners === 1 ? store.id : nodeId.userData(store.id, principal.id));
    } else if (store.users.includes(principal.user.id) || store.readers.includes(principal.user.id)) {
      out.add(store.id);
    }
  }
  return out;
}

/** The principal's own profile containers (a subset of authorizedData that nobody else is authorized for). */
export function profileContainers(model: Model, principal: Principal): string[] {
  const profiles = new Set(model.data.filter((d) => d.location === 'fslogixProfile').map((d) => d.id));
  return [...authorizedData(model, principal)].filter((id) => profiles.has(id.split('/')[0]!));
}

export function poolOf(model: Model, principal: Principal) {
  return principal.user.hostPool === null ? undefined : model.hostPools.find((p) => p.id === principal.user.hostPool);
}

/**
 * Whether two principals may have sessions on the same multi-session VM at once: the same pooled
 * pool, and the load balancer may place them together (either unpinned, or pinned to the same VM).
 */
export function mayShareVm(model: Model, a: Principal, b: Principal): boolean {
  const pool = poolOf(model, a);
  if (pool === undefined || pool.type !== 'pooled' || b.user.hostPool !== pool.id) return false;
  return a.user.vm === null || b.user.vm === null || a.user.vm === b.user.vm;
}

/**
 * Data nodes of every store, with the organization whose data each is: the store's, except that an
 * FSLogix profile container is its user's organization's data wherever the store sits (domain.md,
 * "Authorized access is not leakage"; README "Trust and authorized access").
 */
export function dataNodes(model: Model): { id: string; organization: string; store: string }[] {
  const all = principals(model);
  return model.data.flatMap((store) => {
    if (store.location !== 'fslogixProfile') return [{ id: store.id, organization: store.organization, store: store.id }];
    const owners = all.filter((p) => store.users.includes(p.user.id));
    if (owners.length === 1) return [{ id: store.id, organization: owners[0]!.user.organization, store: store.id }];
    return owners.map((p) => ({ id: nodeId.userData(store.id, p.id), organization: p.user.organization, store: store.id }));
  });
}

export function isSubset<T>(small: Iterable<T>, big: ReadonlySet<T>): boolean {
  for (const x of small) if (!big.has(x)) return false;
  return true;
}

export function missing<T>(small: Iterable<T>, big: ReadonlySet<T>): T[] {
  return [...small].filter((x) => !big.has(x));
}

/**
 * A local administrator of the hosts the principal signs in to: a `localAdmin`, or a `tenantAdmin`
 * on a pool of their own tenant's subscription (domain.md: "Tenant administrators (Global
 * Administrator on Entra-joined hosts) … are members of every joined host's local Administrators
 * group by default: signed in to a session host, they are local admins there").
 */
export function hostAdmin(model: Model, p: Principal): boolean {
  if (p.user.privilege === 'localAdmin') return true;
  if (p.user.privilege !== 'tenantAdmin' || p.user.hostPool === null) return false;
  const pool = model.hostPools.find((h) => h.id === p.user.hostPool);
  const tenant = model.subscriptions.find((s) => s.id === pool?.subscription)?.tenant;
  return model.tenants.some((t) => t.id === tenant && t.organizations.includes(p.user.organization));
}

/**
 * The physical hosts a pool's VMs may run on, by name (domain.md: "Unless a model places pools on
 * dedicated hosts, VMs of different pools may share a physical host … the default is the worst
 * case, shared"): the declared hosts that list it; if none does, its own dedicated hosts when it is
 * `dedicatedHost`, else the one host every such unplaced pool may share.
 */
export function physicalHostsOf(model: Model, pool: string): Set<string> {
  const declared = model.physicalHosts.filter((h) => h.hostPools.includes(pool)).map((h) => `declared:${h.id}`);
  if (declared.length > 0) return new Set(declared);
  const dedicated = model.hostPools.find((p) => p.id === pool)?.dedicatedHost === true;
  return new Set([dedicated ? `dedicated:${pool}` : 'shared']);
}

/** Whether VMs of the two pools may run on one physical host. */
export function mayShareHost(model: Model, a: string, b: string): boolean {
  const hosts = physicalHostsOf(model, a);
  return [...physicalHostsOf(model, b)].some((h) => hosts.has(h));
}

/**
 * FSLogix profile stores with identity-based access (not `access: storageKey`) that the VMs of a
 * pool mount: those holding a container of a user who signs in to that pool.
 */
export function identityProfileStoresOf(model: Model, pool: string): string[] {
  const users = new Set(model.users.filter((u) => u.hostPool === pool).map((u) => u.id));
  return model.data
    .filter((d) => d.location === 'fslogixProfile' && d.access !== 'storageKey' && d.users.some((u) => users.has(u)))
    .map((d) => d.id);
}
