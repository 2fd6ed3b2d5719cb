// The model file format, declared once as data (schema-dsl.ts): the validator and
// schema/model.schema.json are both generated from MODEL_SCHEMA, and a type-level check below
// pins it to the Model type of types.ts.

import { MAX_DAYS, MAX_HOURS_PER_MONTH, MAX_PRICE, MAX_PRINCIPALS, MAX_VMS_PER_POOL } from './limits.js';
import { BOUNDARY_TYPES } from '../domain/boundary.js';
import { CONTROL_DESCRIPTIONS, CONTROL_NAMES, DEFAULT_CONTROLS, type ControlName } from '../domain/controls.js';
import { NODE_KINDS } from '../domain/kinds.js';
import {
  arrayOf,
  boolean,
  defaultsOf,
  derived,
  enumOf,
  id,
  ignored,
  integer,
  nullable,
  number,
  object,
  optional,
  ref,
  required,
  string,
  withDefault,
  type BooleanSchema,
  type Field,
  type Infer,
  type Presence,
  type SameType,
} from './schema-dsl.js';
import { APPLICATION_GROUP_TYPES, DELEGATIONS } from './access-types.js';
import { ROLE_NAMES } from '../domain/roles.js';
import { HOST_POOL_HARDENING_FIELDS, INFRA_COLLECTION_NOUNS, INFRA_SECTIONS } from './infra-schema.js';
import { ACCESS_MODES, CLASSIFICATIONS, DATA_LOCATIONS, POOL_TYPES, PRIVILEGES, STORE_ACCESS, TRUST_LEVELS, type Model } from './types.js';
import {
  DEFAULT_EXPLOIT_DAYS,
  DEFAULT_OFF_PEAK_SHUTDOWN,
  DEFAULT_PATCH_DAYS,
  DEFAULT_SESSIONS_PER_HOST,
} from '../risk/defaults.js';

/** Entity collections, keyed as in EntityLocations (`users/alice`), with what one entity is called. */
export const COLLECTION_NOUNS = {
  organizations: 'organization',
  tenants: 'tenant',
  subscriptions: 'subscription',
  physicalHosts: 'physical host',
  hostPools: 'host pool',
  apps: 'app',
  users: 'user',
  groups: 'group',
  applicationGroups: 'application group',
  managementGroups: 'management group',
  resourceGroups: 'resource group',
  roleAssignments: 'role assignment',
  guests: 'guest',
  managedIdentities: 'managed identity',
  domains: 'domain',
  people: 'person',
  data: 'data store',
  'extra.nodes': 'extra node',
  'extra.edges': 'extra edge',
  ...INFRA_COLLECTION_NOUNS,
} as const;

export type CollectionName = keyof typeof COLLECTION_NOUNS;

function entity<F extends Record<string, Field>>(collection: CollectionName, title: string, fields: F) {
  return object(title, fields, { collection, noun: COLLECTION_NOUNS[collection] });
}

function refTo(collection: CollectionName) {
  return ref(collection, COLLECTION_NOUNS[collection]);
}

/** A list of ids of one collection: each id at most once. */
function refsTo(collection: CollectionName, minItems = 0) {
  return arrayOf(refTo(collection), { minItems, unique: true });
}

function entityId(noun: string) {
  return required(id(), 'Id', `Unique id of this ${noun} among all entities of the model; letters, digits, \`.\`, \`_\`, \`-\`.`);
}

/** Siblings' `id`, for fields that default to it (`name`, `label`). */
function sameAsId(siblings: Readonly<Record<string, unknown>>): string | undefined {
  return typeof siblings['id'] === 'string' ? siblings['id'] : undefined;
}

const organization = entity('organizations', 'Organization', {
  id: entityId('organization'),
  name: derived(string({ minLength: 1 }), sameAsId, 'Name', 'Display name. Defaults to the id.'),
});

const tenant = entity('tenants', 'Tenant', {
  id: entityId('tenant'),
  organizations: required(
    refsTo('organizations', 1),
    'Organizations',
    'Organizations whose identities live in this directory. Listing several orgs here means they share it; every organization is in exactly one tenant.',
  ),
});

const subscription = entity('subscriptions', 'Subscription', {
  id: entityId('subscription'),
  tenant: required(refTo('tenants'), 'Tenant', 'The identity directory that controls this subscription.'),
  organizations: required(
    refsTo('organizations', 1),
    'Organizations',
    'Organizations whose resources this subscription holds; all must be organizations of its tenant.',
  ),
});

const physicalHost = entity('physicalHosts', 'Physical host', {
  id: entityId('physical host'),
  hostPools: required(
    refsTo('hostPools'),
    'Host pools',
    'Host pools whose VMs may run on this hypervisor together (worst case, as in a public cloud).',
  ),
});

const hostPool = entity('hostPools', 'Host pool', {
  id: entityId('host pool'),
  subscription: required(refTo('subscriptions'), 'Subscription', 'The subscription the pool\u2019s VMs are deployed in.'),
  type: required(
    enumOf(POOL_TYPES),
    'Pool type',
    '`pooled`: multi-session hosts shared by the pool\u2019s users; `personal`: one desktop VM per user.',
  ),
  vms: withDefault(
    integer({ minimum: 1, maximum: MAX_VMS_PER_POOL }),
    1,
    'Session hosts',
    'Number of session hosts of a pooled pool; a personal pool has one VM per user and ignores it.',
  ),
  osBuild: derived(
    string({ minLength: 1 }),
    (siblings) => (siblings['type'] === 'personal' ? 'windows-enterprise' : 'windows-multi-session'),
    'OS build',
    'OS build of the session hosts; a kernel failure can be scoped to one build. Defaults to `windows-multi-session` for pooled and `windows-enterprise` for personal pools.',
  ),
  apps: withDefault(refsTo('apps'), [], 'Apps', 'Apps installed on the pool\u2019s hosts.'),
  vmHourly: withDefault(
    nullable(number({ minimum: 0, maximum: MAX_PRICE })),
    null,
    'VM hourly price',
    'Hourly price of one VM of this pool, overriding `costs.vmHourly`; null uses the model\u2019s price.',
  ),
  offPeakShutdown: optional(
    number({ minimum: 0, maximum: 1 }),
    'Off-peak shutdown',
    'Share of the month this pool\u2019s VMs are deallocated (0 to 1), overriding `costs.offPeakShutdown` (which applies to pooled pools only).',
  ),
  dedicatedHost: withDefault(
    boolean(),
    false,
    'Dedicated host',
    'The pool\u2019s VMs run on physical hosts of their own (Azure Dedicated Host). Without it, and unless `physicalHosts` places the pool, its VMs may share a physical host with any other pool\u2019s (the public-cloud worst case).',
  ),
  confidential: withDefault(
    boolean(),
    false,
    'Confidential VMs',
    'Azure confidential VMs (AMD SEV-SNP / Intel TDX): guest memory is encrypted against the host, so a VM escape reaches this pool\u2019s VMs only across a further vsm boundary.',
  ),
  ...HOST_POOL_HARDENING_FIELDS,
});

const app = entity('apps', 'App', {
  id: entityId('app'),
  sandboxed: withDefault(boolean(), false, 'Sandboxed', 'Runs in an AppContainer sandbox.'),
  browser: withDefault(
    boolean(),
    false,
    'Browser',
    'A web browser: web content reaches it across the browser boundary.',
  ),
});

const user = entity('users', 'User', {
  id: entityId('user'),
  organization: required(refTo('organizations'), 'Organization', 'The organization the user belongs to.'),
  count: withDefault(
    integer({ minimum: 1, maximum: MAX_PRINCIPALS }),
    1,
    'Count',
    'How many identical users this entry stands for ("200 contoso knowledge workers").',
  ),
  privilege: withDefault(
    enumOf(PRIVILEGES),
    'standard',
    'Privilege',
    '`localAdmin` administers the VMs the user signs in to; `tenantAdmin` controls every principal of the tenant; `subscriptionOwner` controls everything in `subscription`.',
  ),
  hostPool: withDefault(nullable(refTo('hostPools')), null, 'Host pool', 'The host pool the user signs in to; null for none.'),
  vm: withDefault(
    nullable(integer({ minimum: 1 })),
    null,
    'Pinned VM',
    'Pins a pooled user to one VM of the pool (1-based, at most the pool\u2019s `vms`); null lets the load balancer place them anywhere.',
  ),
  subscription: withDefault(
    nullable(refTo('subscriptions')),
    null,
    'Owned subscription',
    'The subscription a `subscriptionOwner` owns; required for that privilege and not allowed for others.',
  ),
  apps: withDefault(refsTo('apps'), [], 'Apps', 'Apps the user runs in their sessions.'),
  device: withDefault(
    boolean(),
    true,
    'Device',
    'Whether the user signs in from a modelled end-user device (a foothold of its own).',
  ),
});

const group = entity('groups', 'Group', {
  id: entityId('group'),
  organization: required(refTo('organizations'), 'Organization', 'The organization whose Entra ID tenant holds the group.'),
  members: withDefault(
    arrayOf(ref(['users', 'groups'], 'user or group'), { unique: true }),
    [],
    'Members',
    'Member users and nested member groups; a member acts with every right the group holds.',
  ),
  count: withDefault(
    integer({ minimum: 0 }),
    0,
    'Unlisted members',
    'Members not listed by name: that many standard users of the group\u2019s organization (`group/members#1`, …), who sign in wherever the group is assigned.',
  ),
});

const applicationGroup = entity('applicationGroups', 'Application group', {
  id: entityId('application group'),
  hostPool: required(refTo('hostPools'), 'Host pool', 'The host pool the application group publishes.'),
  type: withDefault(
    enumOf(APPLICATION_GROUP_TYPES),
    'desktop',
    'Type',
    '`desktop`: the full desktop of the pool (every app installed on it); `remoteApp`: only the apps listed in `apps`.',
  ),
  apps: withDefault(refsTo('apps'), [], 'Published apps', 'A RemoteApp group\u2019s published apps; each must be installed on the host pool.'),
  assignments: withDefault(
    arrayOf(ref(['users', 'groups'], 'user or group'), { unique: true }),
    [],
    'Assignments',
    'Users and groups holding \u201cDesktop Virtualization User\u201d on the application group: each may sign in to the host pool and gets a session there (a user in several pools gets a session in each).',
  ),
});

const managementGroup = entity('managementGroups', 'Management group', {
  id: entityId('management group'),
  tenant: required(refTo('tenants'), 'Tenant', 'The tenant whose management group hierarchy holds it.'),
  parent: withDefault(nullable(refTo('managementGroups')), null, 'Parent', 'The parent management group; null directly under the tenant root group.'),
  subscriptions: withDefault(refsTo('subscriptions'), [], 'Subscriptions', 'Subscriptions directly in this management group.'),
});

const resourceGroup = entity('resourceGroups', 'Resource group', {
  id: entityId('resource group'),
  subscription: required(refTo('subscriptions'), 'Subscription', 'The subscription holding the resource group.'),
  resources: withDefault(
    arrayOf(ref(['hostPools', 'data', 'managementPlanes'], 'host pool, data store or image pipeline'), { unique: true }),
    [],
    'Resources',
    'Host pools (with their session hosts), data stores and image pipelines (`managementPlanes` of type `imagePipeline`: the Compute Gallery) in the resource group.',
  ),
});

/** Where a role can be assigned: every scope collection. */
const SCOPE_COLLECTIONS = ['managementGroups', 'subscriptions', 'resourceGroups', 'hostPools', 'data', 'managementPlanes', 'tenants', 'domains'] as const;

const roleAssignment = entity('roleAssignments', 'Role assignment', {
  principal: required(
    ref(['users', 'groups', 'managedIdentities'], 'user, group or managed identity'),
    'Principal',
    'The user, group or managed identity holding the role.',
  ),
  role: required(
    enumOf(ROLE_NAMES),
    'Role',
    'A built-in role: an Azure role (`Owner`, `Virtual Machine Contributor`, …) on an Azure scope, a Microsoft Entra directory role (`Global Administrator`, …) on a tenant, or `Domain Admins` on a domain.',
  ),
  scope: required(
    ref(SCOPE_COLLECTIONS, 'scope'),
    'Scope',
    'Where the role applies, inherited downward: a management group, subscription, resource group, host pool, data store or image pipeline (Azure roles); a tenant (directory roles); a domain (`Domain Admins`).',
  ),
  eligible: withDefault(
    boolean(),
    false,
    'PIM eligible',
    'Eligible through Privileged Identity Management rather than active: counted as held, since activation needs only the principal\u2019s own credentials and MFA; marked in the output.',
  ),
  delegation: withDefault(
    nullable(enumOf(DELEGATIONS)),
    null,
    'Delegation',
    'For a principal of another tenant: `lighthouse` (Azure Lighthouse, Azure roles but Owner, Role Based Access Control Administrator and roles with DataActions) or `gdap` (granular delegated admin privileges, directory roles). Crossing into the scope\u2019s tenant this way needs no tenant failure.',
  ),
});

const guest = entity('guests', 'Guest', {
  user: required(refTo('users'), 'User', 'The invited user; their home tenant\u2019s administrators keep control of them.'),
  tenant: required(refTo('tenants'), 'Tenant', 'The tenant the user is invited into as a B2B guest; there they act with that tenant\u2019s assignments.'),
});

const managedIdentity = entity('managedIdentities', 'Managed identity', {
  id: entityId('managed identity'),
  organization: required(refTo('organizations'), 'Organization', 'The organization whose tenant holds the identity.'),
  hostPools: withDefault(
    refsTo('hostPools'),
    [],
    'Host pools',
    'Host pools whose session hosts carry the identity (system-assigned on each VM, or user-assigned to them): each VM\u2019s kernel obtains its tokens.',
  ),
});

const domain = entity('domains', 'Domain', {
  id: entityId('domain'),
  organizations: required(refsTo('organizations', 1), 'Organizations', 'Organizations whose accounts live in the domain; listing several (even of different tenants) means they share the forest.'),
  hostPools: withDefault(refsTo('hostPools'), [], 'Joined host pools', 'Host pools whose session hosts are AD DS-joined or hybrid-joined to the domain.'),
  controllers: withDefault(integer({ minimum: 1 }), 2, 'Domain controllers', 'Number of domain controllers; each holds the whole directory.'),
  entraConnect: withDefault(
    boolean(),
    true,
    'Microsoft Entra Connect',
    'Whether an Entra Connect server syncs the domain\u2019s accounts (and password hashes) to the organizations\u2019 tenants: control of it controls the synced identities.',
  ),
});

const person = entity('people', 'Person', {
  id: entityId('person'),
  accounts: required(refsTo('users', 2), 'Accounts', 'The person\u2019s accounts (standard and admin): each account\u2019s end-user device holds the tokens of all of them.'),
});

const dataStore = entity('data', 'Data store', {
  id: entityId('data store'),
  organization: required(refTo('organizations'), 'Organization', 'The organization that owns the data.'),
  classification: withDefault(enumOf(CLASSIFICATIONS), 'confidential', 'Classification', 'Sensitivity of the data.'),
  location: required(
    enumOf(DATA_LOCATIONS),
    'Location',
    '`fslogixProfile`: user profile containers; `share`: a file share; `database`: a database server.',
  ),
  users: withDefault(
    refsTo('users'),
    [],
    'Users',
    'fslogixProfile: whose profiles it holds (one container per user); share/database: who may read and write.',
  ),
  readers: withDefault(refsTo('users'), [], 'Readers', 'Users with read-only access (share/database).'),
  subscription: withDefault(
    nullable(refTo('subscriptions')),
    null,
    'Subscription',
    'The subscription whose control plane holds the store (storage account, database server); null for none modelled.',
  ),
  access: withDefault(
    enumOf(STORE_ACCESS),
    'identity',
    'Share access',
    '`fslogixProfile` only: `identity` (identity-based SMB access: each user opens their own container) or `storageKey` (session hosts hold the storage account key, so any host kernel reaches every container).',
  ),
});

const extraNode = entity('extra.nodes', 'Extra node', {
  id: entityId('extra node'),
  kind: required(enumOf(NODE_KINDS), 'Kind', 'Node kind, for reports and diagrams.'),
  organization: withDefault(
    nullable(refTo('organizations')),
    null,
    'Organization',
    'The organization the node belongs to; null for shared infrastructure.',
  ),
  label: derived(string({ minLength: 1 }), sameAsId, 'Label', 'A short human label. Defaults to the id.'),
});

const extraEdge = entity('extra.edges', 'Extra edge', {
  from: required(string({ minLength: 1 }), 'From', 'Source node id: a model entity, a built-in or a derived node id.'),
  to: required(string({ minLength: 1 }), 'To', 'Target node id: a model entity, a built-in or a derived node id.'),
  boundary: withDefault(
    nullable(enumOf(BOUNDARY_TYPES)),
    null,
    'Boundary',
    'The security boundary the edge crosses; null for legitimate access (always traversable).',
  ),
  instance: derived(
    nullable(string({ minLength: 1 })),
    (siblings) =>
      siblings['boundary'] === null
        ? null
        : typeof siblings['boundary'] === 'string' && typeof siblings['to'] === 'string'
          ? `${siblings['boundary']}@${siblings['to']}`
          : undefined,
    'Boundary instance',
    'The concrete boundary instance, e.g. `session@pool1-vm3`. Defaults to `boundary@to` when a boundary is given; must be null without one.',
  ),
  access: withDefault(
    enumOf(ACCESS_MODES),
    'control',
    'Access',
    'What the edge grants: `control` of the target (and onward propagation), or only `read`, `tamper` or `deny`.',
  ),
});

/** One boolean field per control, made by `make`: model files default each, scenarios leave them optional. */
export function eachControl<P extends Presence>(
  make: (name: ControlName) => Field<BooleanSchema, P>,
): { readonly [K in ControlName]: Field<BooleanSchema, P> } {
  // Object.fromEntries cannot know the keys are exactly CONTROL_NAMES; the map makes it so.
  return Object.fromEntries(CONTROL_NAMES.map((name) => [name, make(name)])) as {
    readonly [K in ControlName]: Field<BooleanSchema, P>;
  };
}

/** Editor titles of the controls; typed by ControlName so a new control cannot go without one. */
export const CONTROL_TITLES: Readonly<Record<ControlName, string>> = {
  reverseConnect: 'Reverse Connect',
  credentialGuard: 'Credential Guard',
  mfa: 'Multifactor authentication',
};

const controls = object(
  'Controls',
  eachControl((name) =>
    withDefault(boolean(), DEFAULT_CONTROLS[name], CONTROL_TITLES[name], CONTROL_DESCRIPTIONS[name]),
  ),
);

const costs = object('Costs', {
  currency: withDefault(string({ minLength: 1 }), 'USD', 'Currency', 'Currency of every price in the model.'),
  vmHourly: withDefault(number({ minimum: 0, maximum: MAX_PRICE }), 0, 'VM hourly price', 'Hourly price of one VM.'),
  hoursPerMonth: withDefault(number({ minimum: 0, maximum: MAX_HOURS_PER_MONTH }), 730, 'Hours per month', 'Hours a VM runs per month.'),
  tenantMonthly: withDefault(number({ minimum: 0, maximum: MAX_PRICE }), 0, 'Tenant monthly cost', 'Monthly cost of one identity tenant.'),
  subscriptionMonthly: withDefault(
    number({ minimum: 0, maximum: MAX_PRICE }),
    0,
    'Subscription monthly cost',
    'Monthly fixed cost of one subscription.',
  ),
  offPeakShutdown: optional(
    number({ minimum: 0, maximum: 1 }),
    'Off-peak shutdown',
    `Share of the month pooled session hosts are deallocated off-peak (0 to 1; autoscale), the saving the guide names for multi-session pools. Default ${DEFAULT_OFF_PEAK_SHUTDOWN}.`,
  ),
  sessionsPerHost: optional(
    integer({ minimum: 1, maximum: MAX_PRINCIPALS }),
    'Sessions per host',
    `Users one multi-session host serves at peak; reports flag a pooled pool with fewer VMs than its users need. Default ${DEFAULT_SESSIONS_PER_HOST}.`,
  ),
});

const trustGroup = object('Trust group', {
  organizations: required(
    refsTo('organizations', 2),
    'Organizations',
    'Organizations that trust each other (at least two): each one\u2019s users are authorized for the others\u2019 data.',
  ),
  level: withDefault(
    enumOf(TRUST_LEVELS),
    'data',
    'Trust level',
    '`data` (default): their shared data stores are authorized; profile containers, sessions and credentials stay leakage, and sharing a multi-session pool is still a finding. `full`: as one organization \u2014 profiles too, and a shared multi-session host is the guide\u2019s accepted case (a workgroup whose users \u201ccan access each other\u2019s personal information\u201d).',
  ),
  reason: withDefault(string(), '', 'Reason', 'Why they trust each other (a contract, a joint venture); shown beside authorized access.'),
});

const PROBABILITY = number({ minimum: 0, maximum: 1 });

const failureLikelihood = object('Failure likelihood', {
  target: required(
    string({ minLength: 1 }),
    'Target',
    'The boundaries this figure is for, as in a scenario\u2019s `fail` list: a boundary type (`kernel`), an instance (`kernel@pool1-vm3`), a group (`build:win11-23h2-multi-session`, `pool:pool1`) or a type in a group (`kernel@build:…`). The most specific entry wins; among equals, the later one.',
  ),
  probability: withDefault(
    nullable(PROBABILITY),
    null,
    'Probability',
    'Probability that the boundary fails for the attacker within a year, all causes together; overrides the three causes below.',
  ),
  configuration: withDefault(
    nullable(PROBABILITY),
    null,
    'Configuration error',
    'Probability of an exploitable configuration error; null keeps the default of the boundary type.',
  ),
  zeroDay: withDefault(
    nullable(PROBABILITY),
    null,
    'Undisclosed vulnerability',
    'Probability that an undisclosed (zero-day) vulnerability is used against it within a year; null keeps the default.',
  ),
  knownPerYear: withDefault(
    nullable(number({ minimum: 0, maximum: MAX_DAYS })),
    null,
    'Known vulnerabilities per year',
    'Publicly known, weaponized vulnerabilities of this boundary per year; each is exploitable until patched (`patchDays`). Null keeps the default.',
  ),
  note: withDefault(string(), '', 'Note', 'Where the figure comes from; shown in reports.'),
});

const risk = object('Risk', {
  patchDays: withDefault(
    number({ minimum: 0, maximum: MAX_DAYS }),
    DEFAULT_PATCH_DAYS,
    'Patch cadence (days)',
    'Days from a fix\u2019s release until it is deployed on the hosts: the window in which a known vulnerability stays exploitable.',
  ),
  exploitDays: withDefault(
    number({ minimum: 0, maximum: MAX_DAYS }),
    DEFAULT_EXPLOIT_DAYS,
    'Time to exploit (days)',
    'Mean days from a vulnerability\u2019s disclosure until a working exploit is in use.',
  ),
  likelihoods: withDefault(
    arrayOf(failureLikelihood),
    [],
    'Failure likelihoods',
    'Overrides of the default failure likelihoods (docs/risk.md), per boundary type, instance or group.',
  ),
});

const extra = object('Extra', {
  nodes: withDefault(arrayOf(extraNode), [], 'Extra nodes', 'Nodes the rules do not derive.'),
  edges: withDefault(
    arrayOf(extraEdge),
    [],
    'Extra edges',
    'Edges the rules do not derive. `from`/`to` may name derived nodes, so the compiler checks them.',
  ),
});

/** `$schema` lets an editor find the JSON Schema; the loader accepts and drops it. */
export const SCHEMA_KEY_FIELD = ignored(
  string(),
  'JSON Schema',
  'Path or URL of the JSON Schema for editor completion; ignored by indepth.',
);

export const MODEL_SCHEMA = object('indepth model', {
  $schema: SCHEMA_KEY_FIELD,
  name: required(string({ minLength: 1 }), 'Name', 'Name of the deployment model.'),
  description: withDefault(string(), '', 'Description', 'What the model describes.'),
  organizations: required(arrayOf(organization, { minItems: 1 }), 'Organizations', 'The organizations sharing the deployment.'),
  tenants: withDefault(arrayOf(tenant), [], 'Tenants', 'Identity directories (Active Directory / Entra ID tenants).'),
  subscriptions: withDefault(
    arrayOf(subscription),
    [],
    'Subscriptions',
    'Azure subscriptions: the control planes of the resources placed in them.',
  ),
  physicalHosts: withDefault(arrayOf(physicalHost), [], 'Physical hosts', 'Hypervisor hosts shared by host pools.'),
  hostPools: withDefault(arrayOf(hostPool), [], 'Host pools', 'Azure Virtual Desktop host pools.'),
  apps: withDefault(arrayOf(app), [], 'Apps', 'Applications users run in their sessions.'),
  users: withDefault(arrayOf(user), [], 'Users', 'Users, or groups of identical users.'),
  groups: withDefault(arrayOf(group), [], 'Groups', 'Entra ID security groups (members, nested groups, unlisted members).'),
  applicationGroups: withDefault(
    arrayOf(applicationGroup),
    [],
    'Application groups',
    'AVD application groups (desktop or RemoteApp) and the users and groups assigned to them.',
  ),
  managementGroups: withDefault(arrayOf(managementGroup), [], 'Management groups', 'Azure management groups: scopes above subscriptions.'),
  resourceGroups: withDefault(arrayOf(resourceGroup), [], 'Resource groups', 'Azure resource groups: scopes between a subscription and its resources.'),
  roleAssignments: withDefault(
    arrayOf(roleAssignment),
    [],
    'Role assignments',
    'Built-in roles held by users, groups and managed identities at scopes (inherited downward); `privilege: subscriptionOwner` and `tenantAdmin` on a user are shorthand for Owner and Global Administrator.',
  ),
  guests: withDefault(arrayOf(guest), [], 'B2B guests', 'Users invited into another organization\u2019s tenant.'),
  managedIdentities: withDefault(arrayOf(managedIdentity), [], 'Managed identities', 'Managed identities carried by session hosts.'),
  domains: withDefault(arrayOf(domain), [], 'AD DS domains', 'Active Directory Domain Services domains, their controllers and joined host pools.'),
  people: withDefault(arrayOf(person), [], 'People', 'People with several linked accounts (standard and admin).'),
  data: withDefault(arrayOf(dataStore), [], 'Data', 'Data stores: FSLogix profiles, file shares, databases.'),
  controls: withDefault(controls, defaultsOf(controls), 'Controls', 'Deployment controls that are on or off.'),
  trust: optional(
    arrayOf(trustGroup),
    'Trust between organizations',
    'Groups of organizations that agreed to trust each other. Within a group, reaching another member\u2019s data stores is authorized access, not leakage: `matrix`, `compare`, `risk`, `sweep`, `simulate`, the viewer and the reports list it apart (with the group\u2019s `reason`), and the depth policies take no attacker/victim pair. `level: data` (the default) stops there: profile containers, sessions and credentials stay leakage, and sharing a multi-session pool is still a `no-shared-multi-session-pool` finding; `level: full` trusts as one organization. An organization is in at most one group. A policy file\u2019s `trusted` groups add `full` groups.',
  ),
  costs: optional(
    costs,
    'Costs',
    'A simple explicit cost model, shown beside risk in comparisons. Absent: comparisons and reports say \u201cno costs given\u201d and `recommend` marks no option as cheaper; a `costs` section with some keys takes the defaults below for the others.',
  ),
  extra: withDefault(
    extra,
    defaultsOf(extra),
    'Extra',
    'Nodes and edges the rules do not derive, declared by hand.',
  ),
  risk: optional(
    risk,
    'Risk',
    'Failure likelihoods and patch cadence for `indepth risk`; absent keys take the documented defaults (docs/risk.md), which are assumptions to replace.',
  ),
  ...INFRA_SECTIONS,
});

// Compile-time guard: the schema produces exactly the Model of types.ts (no key missing or extra).
const schemaMatchesModel: SameType<Infer<typeof MODEL_SCHEMA>, Model> = true;
void schemaMatchesModel;

/** The `costs` and `risk` objects, for other files that carry them (`indepth recommend` specs). */
export const COSTS_SCHEMA = costs;
export const RISK_SCHEMA = risk;
