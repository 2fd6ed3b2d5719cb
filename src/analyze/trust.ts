// Organizations that agreed to trust each other: the guide's "users that belong to the same
// organization have a sufficient and agreed-upon trust relationship", stretched over a group. Groups
// come from the model's `trust` section and a policy file's `trusted`; trust is not transitive across
// groups: two organizations trust each other only when one group holds both. A group's level says how
// far: `data` (shared data stores only) or `full` (as one organization: profiles, sessions, a shared
// multi-session host — the guide's workgroup whose members "can access each other's personal information").

import type { Model, TrustLevel } from '../model/types.js';

/** One group as the engine reads it: its organizations, how far they trust each other, and why. */
export interface TrustGroupOf {
  readonly organizations: readonly string[];
  readonly level: TrustLevel;
  /** Why (the model's `reason`); '' when none was given. */
  readonly reason: string;
}

export interface Trust {
  /** The groups, model's first, then the policy file's. */
  readonly groups: readonly TrustGroupOf[];
  /**
   * Whether `a` and `b` are one organization or in one group trusting at least `level`: `data` (the
   * default) asks about shared data stores, `full` about profiles, sessions and shared hosts.
   */
  trusts(a: string, b: string, level?: TrustLevel): boolean;
  /** Whether all of `organizations` lie within one group trusting at least `level` (trivially true for one or none). */
  within(organizations: readonly string[], level?: TrustLevel): boolean;
  /** The group that makes `a` trust `b` at `level`, or null (also for a === b). */
  groupOf(a: string, b: string, level?: TrustLevel): TrustGroupOf | null;
  /**
   * The organizations other than `b` that trust `b` at `level` (share a group with it), each once, in
   * no particular order: what `trusts(a, b, level)` is true for, without asking every organization.
   */
  trustersOf(b: string, level?: TrustLevel): readonly string[];
}

const covers = (group: TrustGroupOf, level: TrustLevel): boolean => level === 'data' || group.level === 'full';

/** Trust from groups; a bare list of organizations is a `full` group (a policy file's `trusted`). */
export function trustOf(groups: readonly (TrustGroupOf | readonly string[])[]): Trust {
  const all: TrustGroupOf[] = groups.map((g) => (isList(g) ? { organizations: g, level: 'full', reason: '' } : g));
  const groupsOf = new Map<string, number[]>();
  all.forEach((group, index) => {
    for (const org of group.organizations) (groupsOf.get(org) ?? groupsOf.set(org, []).get(org)!).push(index);
  });
  const groupOf = (a: string, b: string, level: TrustLevel = 'data'): TrustGroupOf | null => {
    if (a === b) return null;
    const of = groupsOf.get(b) ?? [];
    for (const g of groupsOf.get(a) ?? []) if (of.includes(g) && covers(all[g]!, level)) return all[g]!;
    return null;
  };
  return {
    groups: all,
    trusts: (a, b, level = 'data') => a === b || groupOf(a, b, level) !== null,
    within: (organizations, level = 'data') => {
      const distinct = [...new Set(organizations)];
      if (distinct.length <= 1) return true;
      return all.some((group) => covers(group, level) && distinct.every((org) => group.organizations.includes(org)));
    },
    groupOf,
    trustersOf: (b, level = 'data') => {
      const out = new Set<string>();
      for (const g of groupsOf.get(b) ?? []) if (covers(all[g]!, level)) for (const org of all[g]!.organizations) if (org !== b) out.add(org);
      return [...out];
    },
  };
}

function isList(group: TrustGroupOf | readonly string[]): group is readonly string[] {
  return Array.isArray(group);
}

/**
 * The model's trust groups (`trust`, level `data` unless stated), plus any a policy file adds
 * (`trusted`): those are `full`, as a policy file's trusted group has always also excused a shared
 * multi-session pool.
 */
export function modelTrust(model: Pick<Model, 'trust'>, extra: readonly (readonly string[])[] = []): Trust {
  const declared = (model.trust ?? []).map((g) => ({ organizations: g.organizations, level: g.level ?? 'data', reason: g.reason ?? '' }));
  return trustOf([...declared, ...extra.map((organizations) => ({ organizations, level: 'full' as const, reason: 'policy file `trusted`' }))]);
}

/** No declared trust: each organization trusts only itself. */
export const NO_TRUST: Trust = trustOf([]);
