// Who may sign in to which host pool: a user's own `hostPool`, plus every application group assigned
// to them directly or through (nested) Entra groups — "Desktop Virtualization User" on the
// application group, as Azure Virtual Desktop grants it. Unlisted group members become users here.

import type { Group } from '../model/access-types.js';
import type { Model, User } from '../model/types.js';
import { pushTo } from '../util/group-by.js';

/** One pool a user signs in to, and the apps they run there (before their own `apps`). */
export interface SignIn {
  readonly pool: string;
  readonly apps: readonly string[];
}

export interface SignIns {
  /** The model with unlisted group members as users and each user's `hostPool` set to their first pool. */
  readonly model: Model;
  /** Per user entry: the pools they sign in to, their own `hostPool` first, then in application-group order. */
  readonly poolsOf: ReadonlyMap<string, readonly SignIn[]>;
  /** Per user entry: every group it is a member of, directly or through nested groups (model order). */
  readonly groupsOf: ReadonlyMap<string, readonly string[]>;
}

/** The user entry standing for a group's unlisted members. */
export function unlistedMembersId(group: string): string {
  return `${group}/members`;
}

export function resolveSignIns(model: Model): SignIns {
  const unlisted: User[] = model.groups
    .filter((g) => g.count > 0)
    .map((g) => ({
      id: unlistedMembersId(g.id),
      organization: g.organization,
      count: g.count,
      privilege: 'standard',
      hostPool: null,
      vm: null,
      subscription: null,
      apps: [],
      device: true,
    }));
  const users = [...model.users, ...unlisted];
  const groupsOf = transitiveGroups(model.groups, users);

  // Principals (users and groups) assigned to each application group → the users that reach it.
  const poolsOf = new Map<string, SignIn[]>();
  const poolById = new Map(model.hostPools.map((p) => [p.id, p] as const));
  const add = (user: string, pool: string, apps: readonly string[]) => {
    const list = poolsOf.get(user) ?? [];
    const seat = list.find((s) => s.pool === pool);
    if (seat === undefined) list.push({ pool, apps: [...apps] });
    else for (const app of apps) if (!seat.apps.includes(app)) (seat.apps as string[]).push(app);
    poolsOf.set(user, list);
  };
  for (const user of users) if (user.hostPool !== null) add(user.id, user.hostPool, poolById.get(user.hostPool)?.apps ?? []);

  const assignedUsers = new Map<string, string[]>();
  for (const user of users) {
    pushTo(assignedUsers, user.id, user.id);
    for (const group of groupsOf.get(user.id) ?? []) pushTo(assignedUsers, group, user.id);
  }
  for (const appGroup of model.applicationGroups) {
    const apps = appGroup.type === 'desktop' ? (poolById.get(appGroup.hostPool)?.apps ?? []) : appGroup.apps;
    const reached = new Set(appGroup.assignments.flatMap((p) => assignedUsers.get(p) ?? []));
    // Users in file order, so seats (and node ids) do not depend on assignment order.
    for (const user of users) if (reached.has(user.id)) add(user.id, appGroup.hostPool, apps);
  }

  const effective = users.map((u): User => {
    if (u.hostPool !== null) return u;
    const first = poolsOf.get(u.id)?.[0];
    return first === undefined ? u : { ...u, hostPool: first.pool };
  });
  return { model: { ...model, users: effective }, poolsOf, groupsOf };
}

/** Each user's groups, nested membership followed to any depth (cycles are harmless). */
function transitiveGroups(groups: readonly Group[], users: readonly User[]): Map<string, readonly string[]> {
  // parentsOf: member (user or group) → groups listing it directly.
  const parentsOf = new Map<string, string[]>();
  for (const g of groups) {
    for (const m of g.members) pushTo(parentsOf, m, g.id);
    if (g.count > 0) pushTo(parentsOf, unlistedMembersId(g.id), g.id);
  }
  const order = new Map(groups.map((g, i) => [g.id, i] as const));
  const closure = new Map<string, readonly string[]>();
  for (const user of users) {
    const seen = new Set<string>();
    const stack = [...(parentsOf.get(user.id) ?? [])];
    while (stack.length > 0) {
      const g = stack.pop()!;
      if (seen.has(g)) continue;
      seen.add(g);
      stack.push(...(parentsOf.get(g) ?? []));
    }
    if (seen.size > 0) closure.set(user.id, [...seen].sort((a, b) => order.get(a)! - order.get(b)!));
  }
  return closure;
}
