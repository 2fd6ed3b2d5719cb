// Small models for the identity policies: two organizations of two tenants whose users share one
// pooled host pool `shared` (so it serves both), in subscription `host-sub` of tenant `host-dir`;
// gus of guestorg signs in there as a B2B guest, and guest-admin is a guest of host-dir too.

export function sharedPoolModel(body: string): string {
  return `name: shared-pool
organizations:
  - id: host
  - id: guestorg
tenants:
  - id: host-dir
    organizations: [host]
  - id: guest-dir
    organizations: [guestorg]
subscriptions:
  - id: host-sub
    tenant: host-dir
    organizations: [host]
  - id: guest-sub
    tenant: guest-dir
    organizations: [guestorg]
hostPools:
  - id: shared
    subscription: host-sub
    type: pooled
    vms: 2
  - id: own
    subscription: guest-sub
    type: pooled
users:
  - id: hanna
    organization: host
    hostPool: shared
  - id: gus
    organization: guestorg
    hostPool: shared
  - id: provider-admin
    organization: guestorg
  - id: guest-admin
    organization: guestorg
guests:
  - user: gus
    tenant: host-dir
  - user: guest-admin
    tenant: host-dir
${body}`;
}
