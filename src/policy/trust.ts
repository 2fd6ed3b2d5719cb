// Organizations a policy file declares as trusting each other (`trusted: [[contoso, fabrikam]]`): the
// guide's "users that belong to the same organization have a sufficient and agreed-upon trust
// relationship", stretched over a group. Within one group the depth policies take no attacker/victim
// pair, and a tenant, subscription or multi-session pool shared only inside it is no finding.

export interface Trust {
  /** The groups as written; no organization is in two. */
  readonly groups: readonly (readonly string[])[];
  /** Whether `a` and `b` are one organization or in one trusted group. */
  trusts(a: string, b: string): boolean;
  /** Whether all of `organizations` lie within one trusted group (trivially true for one or none). */
  within(organizations: readonly string[]): boolean;
}

export function trustOf(groups: readonly (readonly string[])[]): Trust {
  const groupOf = new Map<string, number>();
  groups.forEach((group, index) => {
    for (const org of group) if (!groupOf.has(org)) groupOf.set(org, index);
  });
  const trusts = (a: string, b: string): boolean => a === b || (groupOf.has(a) && groupOf.get(a) === groupOf.get(b));
  return {
    groups,
    trusts,
    within: (organizations) => organizations.every((org) => trusts(organizations[0]!, org)),
  };
}

/** No declared trust: what `check` assumes without a policy file's `trusted`. */
export const NO_TRUST: Trust = trustOf([]);
