// A model for the identity rules: orgs acme and beta share tenant `shared` (and subscription
// `s-shared`); gamma has tenant `solo` and `s-solo`. root and gil are the two tenant admins.

export const THREE_ORGS = `name: three-orgs
organizations:
  - id: acme
  - id: beta
  - id: gamma
tenants:
  - id: shared
    organizations: [acme, beta]
  - id: solo
    organizations: [gamma]
subscriptions:
  - id: s-shared
    tenant: shared
    organizations: [acme, beta]
  - id: s-solo
    tenant: solo
    organizations: [gamma]
users:
  - id: root
    organization: acme
    privilege: tenantAdmin
    device: false
  - id: ann
    organization: acme
    device: false
  - id: bea
    organization: beta
    device: false
  - id: gil
    organization: gamma
    privilege: tenantAdmin
    device: false
data:
  - id: bea-files
    organization: beta
    location: share
    users: [bea]
  - id: gil-files
    organization: gamma
    location: share
    users: [gil]
`;
