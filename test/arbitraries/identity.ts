// Identity vocabulary for the random models (added to every modelArbitrary model): Entra groups of
// one organization's users, nested; SMB Share Reader role assignments held by those groups on the
// shares their members already use (Azure's way of granting what `users`/`readers` say, so what each
// principal is authorized for stays exactly what the claims compute); B2B guest invitations; and
// managed identities on session hosts. What this deliberately leaves out, and why: role assignments
// that grant *more* than the model's `users`/`readers` (Owner, Run Command, …) change who is
// authorized for what, which the claims' facts (test/properties/support/facts.ts) do not read yet;
// their effects are pinned by hand-checked examples in test/identity.

import fc from 'fast-check';
import { smallIndex } from './common.js';
import type { ModelDoc } from './document.js';

export interface IdentitySpec {
  /** Per share store (in order): wrap its users and readers in a group holding SMB Share Reader on it. */
  readonly shareGroups: readonly boolean[];
  /** Nest each share group in an organization-wide group of the same organization. */
  readonly nest: boolean;
  /** Guest invitations: user index → tenant index (a user's own tenant is skipped). */
  readonly guests: readonly { readonly user: number; readonly tenant: number }[];
  /** Managed identities: pool index each. */
  readonly identities: readonly number[];
}

export const identitySpec: fc.Arbitrary<IdentitySpec> = fc.record({
  shareGroups: fc.array(fc.boolean(), { maxLength: 4 }),
  nest: fc.boolean(),
  guests: fc.array(fc.record({ user: smallIndex, tenant: smallIndex }), { maxLength: 2 }),
  identities: fc.array(smallIndex, { maxLength: 2 }),
});

export function withIdentity(doc: ModelDoc, spec: IdentitySpec): ModelDoc {
  const users = doc.users ?? [];
  const groups: { id: string; organization: string; members: string[] }[] = [];
  const roleAssignments: { principal: string; role: string; scope: string }[] = [];
  const tenantOfOrg = new Map(doc.tenants.flatMap((t) => t.organizations.map((o) => [o, t.id] as const)));
  const tenantOfSub = new Map((doc.subscriptions ?? []).map((s) => [s.id, s.tenant] as const));
  const shares = (doc.data ?? []).filter((d) => d.location === 'share');
  shares.forEach((store, i) => {
    if (spec.shareGroups[i] !== true) return;
    // A store in another organization's tenant (a bridge the model builds) would need a guest or Lighthouse.
    if (store.subscription !== undefined && tenantOfSub.get(store.subscription) !== tenantOfOrg.get(store.organization)) return;
    const orgOf = new Map(users.map((u) => [u.id, u.organization] as const));
    const members = [...new Set([...(store.users ?? []), ...(store.readers ?? [])])].filter((u) => orgOf.get(u) === store.organization);
    if (members.length === 0) return;
    const id = `g-${store.id}`;
    groups.push({ id, organization: store.organization, members });
    roleAssignments.push({ principal: id, role: 'Storage File Data SMB Share Reader', scope: store.id });
  });
  if (spec.nest) {
    for (const org of doc.organizations.map((o) => o.id)) {
      const own = groups.filter((g) => g.organization === org).map((g) => g.id);
      if (own.length > 0) groups.push({ id: `all-${org}`, organization: org, members: own });
    }
  }
  const tenantOf = tenantOfOrg;
  const guests = spec.guests.flatMap(({ user, tenant }) => {
    const u = users.length === 0 ? undefined : users[user % users.length]!;
    const t = doc.tenants[tenant % doc.tenants.length]!;
    return u === undefined || tenantOf.get(u.organization) === t.id ? [] : [{ user: u.id, tenant: t.id }];
  });
  const uniqueGuests = [...new Map(guests.map((g) => [`${g.user}@${g.tenant}`, g] as const)).values()];
  const pools = doc.hostPools ?? [];
  const subOrg = new Map((doc.subscriptions ?? []).map((s) => [s.id, s.organizations[0]!] as const));
  const managedIdentities = pools.length === 0 ? [] : [...new Set(spec.identities.map((i) => pools[i % pools.length]!))].map((pool) => ({
    id: `mi-${pool.id}`,
    organization: subOrg.get(pool.subscription)!,
    hostPools: [pool.id],
  }));
  return {
    ...doc,
    ...(groups.length > 0 ? { groups } : {}),
    ...(roleAssignments.length > 0 ? { roleAssignments } : {}),
    ...(uniqueGuests.length > 0 ? { guests: uniqueGuests } : {}),
    ...(managedIdentities.length > 0 ? { managedIdentities } : {}),
  };
}
