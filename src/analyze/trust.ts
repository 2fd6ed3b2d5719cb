// Organizations that agreed to trust each other with their data: the guide's "users that belong to
// the same organization have a sufficient and agreed-upon trust relationship", stretched over a
// group. Groups come from the model's `trust` section and a policy file's `trusted`; trust is not
// transitive across groups: two organizations trust each other only when one group holds both.

import type { Model } from '../model/types.js';

export interface Trust {
  /** The groups, model's first, then the policy file's. */
  readonly groups: readonly (readonly string[])[];
  /** Whether `a` and `b` are one organization or in one trusted group. */
  trusts(a: string, b: string): boolean;
  /** Whether all of `organizations` lie within one trusted group (trivially true for one or none). */
  within(organizations: readonly string[]): boolean;
}

export function trustOf(groups: readonly (readonly string[])[]): Trust {
  const groupsOf = new Map<string, Set<number>>();
  groups.forEach((group, index) => {
    for (const org of group) (groupsOf.get(org) ?? groupsOf.set(org, new Set()).get(org)!).add(index);
  });
  const trusts = (a: string, b: string): boolean => {
    if (a === b) return true;
    const of = groupsOf.get(b);
    for (const g of groupsOf.get(a) ?? []) if (of?.has(g) === true) return true;
    return false;
  };
  return {
    groups,
    trusts,
    within: (organizations) => {
      const distinct = [...new Set(organizations)];
      if (distinct.length <= 1) return true;
      return groups.some((group) => distinct.every((org) => group.includes(org)));
    },
  };
}

/** The model's trust groups (`trust`), plus any a policy file adds (`trusted`). */
export function modelTrust(model: Pick<Model, 'trust'>, extra: readonly (readonly string[])[] = []): Trust {
  return trustOf([...(model.trust ?? []).map((g) => g.organizations), ...extra]);
}

/** No declared trust: each organization trusts only itself. */
export const NO_TRUST: Trust = trustOf([]);
