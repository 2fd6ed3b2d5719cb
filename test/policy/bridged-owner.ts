// A two-organization model for the admin foothold tests: a and b each have their own tenant,
// subscription and pooled pool, but b's subscription owner `b-owner` also holds Contributor on a's
// subscription through Azure Lighthouse and signs in to b's pool beside b's standard user `bob`.

/** The model text, with `data` (a's stores) and the rest of the file as given. */
export function bridgedOwner(name: string, dataAndRest: string): string {
  return `name: ${name}
organizations: [{id: a}, {id: b}]
tenants:
  - {id: a-dir, organizations: [a]}
  - {id: b-dir, organizations: [b]}
subscriptions:
  - {id: a-sub, tenant: a-dir, organizations: [a]}
  - {id: b-sub, tenant: b-dir, organizations: [b]}
hostPools:
  - {id: a-pool, subscription: a-sub, type: pooled}
  - {id: b-pool, subscription: b-sub, type: pooled}
users:
  - {id: ann, organization: a, hostPool: a-pool}
  - {id: bob, organization: b, hostPool: b-pool}
  - {id: b-owner, organization: b, hostPool: b-pool, privilege: subscriptionOwner, subscription: b-sub}
roleAssignments:
  - {principal: b-owner, role: Contributor, scope: a-sub, delegation: lighthouse}
${dataAndRest}`;
}
