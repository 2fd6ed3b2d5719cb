// Bridges across a separation: places where a model itself joins two organizations that each have
// their own tenant and subscription — an identity of one holding control in the other, a resource of
// one placed in the other's subscription, one identity living in both. With a bridge, one
// co-residency failure on a host where the bridging identity signs in (its session acts as it) or
// control of the bridging resource crosses over; that is why claim 4 excludes them (README).

import type { Deployment } from '../compile/deployment.js';
import { ADMIN_EFFECTS, ROLES, type RoleEffect } from '../domain/roles.js';
import type { Model } from '../model/types.js';
import { plural } from '../report/plural.js';
import { andList } from './joins.js';
import type { Trust } from './trust.js';

export const BRIDGE_KINDS = [
  /** A role assignment (or `privilege: subscriptionOwner`) with control over another organization's scope. */
  'roleOverOtherOrganization',
  /** A data store in a subscription of other organizations only. */
  'storeInOtherSubscription',
  /** A host pool in a subscription of other organizations only. */
  'poolInOtherSubscription',
  /** An FSLogix profile store holding containers of another organization's users. */
  'foreignProfileContainers',
  /** A user invited as a B2B guest into another organization's tenant. */
  'guest',
  /** One person's linked accounts in two organizations. */
  'linkedAccounts',
  /** An AD DS domain holding the accounts of several organizations. */
  'sharedDomain',
  /** A managed identity of one organization on the session hosts of another's pool. */
  'managedIdentityOnOtherHosts',
] as const;
export type BridgeKind = (typeof BRIDGE_KINDS)[number];

export interface Bridge {
  readonly kind: BridgeKind;
  /** Stable id of the bridge (the second half of a finding id): `principal:role@scope`, `store@subscription`, `store:organization` … */
  readonly asset: string;
  /** EntityLocations key of where the bridge is written (`roleAssignments/3`, `data/shared-profiles`). */
  readonly entity: string;
  /** The organization on the bridge's near side (the identity's or the resource's own). */
  readonly from: string;
  /** The organizations it crosses into (not trusted by `from`), in model order. */
  readonly into: readonly string[];
  /** What the bridge is, in one sentence naming its entities. */
  readonly what: string;
  /** How to remove it, concretely. */
  readonly fix: string;
}

/**
 * Effects that bridge: every administrative effect, and standard sign-in to another organization's
 * session hosts. Data-plane roles (SMB share and key vault data access) grant access to data shared
 * on purpose (authorized access), not control of the other organization's scope: no bridge.
 */
const CONTROL_EFFECTS: ReadonlySet<RoleEffect> = new Set<RoleEffect>([...ADMIN_EFFECTS, 'vmUserLogin']);

const DELEGATION_NAMES = { lighthouse: 'Azure Lighthouse', gdap: 'GDAP' } as const;

/**
 * Every bridge of the deployment's model, in a fixed order (by kind, then model order). A bridge
 * between organizations that `trust` groups together is none. `deployment.model` is read, so unlisted
 * group members count as users of their group's organization.
 */
export function findBridges(deployment: Deployment, trust: Trust): Bridge[] {
  const { model } = deployment;
  const bridges: Bridge[] = [];
  const organizationOf = principalOrganizations(model);
  const subscriptionOrgs = new Map(model.subscriptions.map((s) => [s.id, s.organizations] as const));
  const untrusted = (from: string, orgs: Iterable<string>) => inModelOrder(model, [...orgs].filter((o) => !trust.trusts(from, o)));
  const trustHint = (from: string, into: readonly string[]) =>
    ` If ${from} is meant to hold this over ${andList(into)}, declare that trust instead (a \`trusted\` group in the policy file).`;

  // Role holders with control over another organization's scope.
  model.roleAssignments.forEach((assignment, index) => {
    const role = ROLES[assignment.role];
    const from = organizationOf.get(assignment.principal);
    if (from === undefined || !role.effects.some((e) => CONTROL_EFFECTS.has(e))) return;
    const into = untrusted(from, scopeOwners(deployment, role.plane, assignment.scope));
    if (into.length === 0) return;
    const how = assignment.delegation === null ? '' : `, delegated through ${DELEGATION_NAMES[assignment.delegation]} from another tenant,`;
    bridges.push({
      kind: 'roleOverOtherOrganization',
      asset: `${assignment.principal}:${assignment.role}@${assignment.scope}`,
      entity: `roleAssignments/${index}`,
      from,
      into,
      what: `\`${assignment.principal}\` of ${from}${how} holds ${assignment.role}${assignment.eligible ? ' (PIM-eligible)' : ''} on \`${assignment.scope}\`, a scope of ${andList(into)}: whoever controls \`${assignment.principal}\` (their home organization\u2019s admins, or an attacker in their live session) controls everything there with no boundary failure.`,
      fix: `Remove ${assignment.role} from \`${assignment.principal}\` on \`${assignment.scope}\`, or administer ${andList(into)} from identities of ${into.length === 1 ? 'its' : 'their'} own tenant that sign in to no host shared with ${from}.${trustHint(from, into)}`,
    });
  });
  for (const user of model.users) {
    if (user.privilege !== 'subscriptionOwner' || user.subscription === null) continue;
    const into = untrusted(user.organization, scopeOwners(deployment, 'azure', user.subscription));
    if (into.length === 0) continue;
    bridges.push({
      kind: 'roleOverOtherOrganization',
      asset: `${user.id}:Owner@${user.subscription}`,
      entity: `users/${user.id}`,
      from: user.organization,
      into,
      what: `\`${user.id}\` of ${user.organization} owns subscription \`${user.subscription}\` of ${andList(into)}: whoever controls \`${user.id}\` (${user.organization}\u2019s admins, or an attacker in their live session) controls its VMs and data with no boundary failure.`,
      fix: `Make an identity of ${andList(into)} the owner of \`${user.subscription}\`, and give \`${user.id}\` no role there.${trustHint(user.organization, into)}`,
    });
  }

  // Resources placed in another organization's subscription.
  for (const store of model.data) {
    if (store.subscription === null) continue;
    const orgs = subscriptionOrgs.get(store.subscription) ?? [];
    if (orgs.length === 0 || orgs.some((o) => trust.trusts(store.organization, o))) continue;
    const into = untrusted(store.organization, orgs);
    bridges.push({
      kind: 'storeInOtherSubscription',
      asset: `${store.id}@${store.subscription}`,
      entity: `data/${store.id}`,
      from: store.organization,
      into,
      what: `Data store \`${store.id}\` of ${store.organization} is placed in subscription \`${store.subscription}\` of ${andList(into)}: that subscription\u2019s owners and contributors (and anyone in their sessions) control it with no boundary failure.`,
      fix: `Move \`${store.id}\` into a subscription of ${store.organization}.${trustHint(store.organization, into)}`,
    });
  }
  const guestTenants = new Map<string, Set<string>>();
  for (const g of model.guests) (guestTenants.get(g.user) ?? guestTenants.set(g.user, new Set()).get(g.user)!).add(g.tenant);
  for (const placement of deployment.pools) {
    const { pool } = placement;
    const subscription = deployment.subscriptionById.get(pool.subscription);
    const orgs = subscription?.organizations ?? [];
    // Members signing in as B2B guests of another organization's tenant are that guest's bridge,
    // reported once, there.
    const tenant = model.tenants.find((t) => t.id === subscription?.tenant);
    const members = [...placement.floating, ...placement.vms.flatMap((vm) => vm.pinned)].filter(
      (m) => tenant === undefined || tenant.organizations.includes(m.user.organization) || guestTenants.get(m.user.id)?.has(tenant.id) !== true,
    );
    for (const user of inModelOrder(model, members.map((m) => m.user.organization))) {
      if (orgs.length === 0 || orgs.some((o) => trust.trusts(user, o))) continue;
      const into = untrusted(user, orgs);
      bridges.push({
        kind: 'poolInOtherSubscription',
        asset: `${pool.id}:${user}@${pool.subscription}`,
        entity: `hostPools/${pool.id}`,
        from: user,
        into,
        what: `Users of ${user} sign in to host pool \`${pool.id}\`, placed in subscription \`${pool.subscription}\` of ${andList(into)}: that subscription\u2019s owners (Run Command, a rogue session host) control their sessions, and with them everything ${user}\u2019s users may use.`,
        fix: `Give ${user} a host pool in a subscription of its own, or move \`${pool.id}\` there.${trustHint(user, into)}`,
      });
    }
  }

  // FSLogix profile stores holding another organization's containers, one bridge per container owner.
  for (const share of deployment.profileShares) {
    const { store } = share;
    const owners = new Map<string, string[]>();
    for (const node of deployment.dataNodes.get(store.id) ?? []) {
      const member = node.member === null ? undefined : deployment.memberById.get(node.member);
      if (member !== undefined && !trust.trusts(store.organization, member.user.organization)) {
        const list = owners.get(member.user.organization) ?? owners.set(member.user.organization, []).get(member.user.organization)!;
        list.push(member.id);
      }
    }
    for (const org of inModelOrder(model, owners.keys())) {
      const users = owners.get(org)!;
      bridges.push({
        kind: 'foreignProfileContainers',
        asset: `${store.id}:${org}`,
        entity: `data/${store.id}`,
        from: store.organization,
        into: [org],
        what: `FSLogix profile store \`${store.id}\` of ${store.organization} holds the profile containers of ${org}\u2019s ${plural(users.length, 'user')} (${names(users)}): whoever controls the store or its share (${store.organization}\u2019s admins and subscription owners${store.access === 'storageKey' ? ', any session host holding its storage key' : ''}) writes their profiles, which run code in their next session.`,
        fix: `Keep ${org}\u2019s profile containers on a share of ${org}\u2019s own storage account, in ${org}\u2019s subscription, with identity-based access.${trustHint(store.organization, [org])}`,
      });
    }
  }

  // Identities that live in two organizations.
  model.guests.forEach((guest, index) => {
    const from = organizationOf.get(guest.user);
    const tenant = model.tenants.find((t) => t.id === guest.tenant);
    if (from === undefined || tenant === undefined || tenant.organizations.includes(from)) return;
    const into = untrusted(from, tenant.organizations);
    if (into.length === 0) return;
    bridges.push({
      kind: 'guest',
      asset: `${guest.user}@${guest.tenant}`,
      entity: `guests/${index}`,
      from,
      into,
      what: `\`${guest.user}\` of ${from} is a B2B guest in tenant \`${guest.tenant}\` of ${andList(into)}: ${from}\u2019s tenant admins control \`${guest.user}\`, and with it whatever the guest may do in \`${guest.tenant}\` (its sessions, roles and data there), with no tenant boundary failure.`,
      fix: `Give the person a member account of \`${guest.tenant}\` managed by ${andList(into)}, or keep the guest off ${andList(into)}\u2019s session hosts and out of its roles.${trustHint(from, into)}`,
    });
  });
  for (const person of model.people) {
    const orgs = inModelOrder(model, person.accounts.flatMap((a) => organizationOf.get(a) ?? []));
    if (orgs.length < 2 || trust.within(orgs)) continue;
    const [from, ...rest] = orgs;
    bridges.push({
      kind: 'linkedAccounts',
      asset: person.id,
      entity: `people/${person.id}`,
      from: from!,
      into: rest,
      what: `Person \`${person.id}\` has linked accounts in ${andList(orgs)} (${person.accounts.map((a) => `\`${a}\``).join(', ')}): their device holds every account\u2019s tokens, so one compromised account or device crosses into each organization.`,
      fix: `Give \`${person.id}\` a separate device (a privileged access workstation) per organization, and no account of one organization signed in where another\u2019s is.${trustHint(from!, rest)}`,
    });
  }
  for (const domain of model.domains) {
    if (domain.organizations.length < 2 || trust.within(domain.organizations)) continue;
    const [from, ...rest] = inModelOrder(model, domain.organizations);
    bridges.push({
      kind: 'sharedDomain',
      asset: domain.id,
      entity: `domains/${domain.id}`,
      from: from!,
      into: rest,
      what: `AD DS domain \`${domain.id}\` holds the accounts of ${andList(domain.organizations)}: its Domain Admins, domain controllers${domain.entraConnect ? ' and Entra Connect server' : ''} control every one of them, whatever their separate tenants.`,
      fix: `Give each of ${andList(domain.organizations)} its own AD DS forest (or Entra-joined hosts without AD DS).${trustHint(from!, rest)}`,
    });
  }
  for (const identity of model.managedIdentities) {
    const hostOrgs = identity.hostPools.flatMap((id) => {
      const pool = deployment.poolById.get(id);
      return pool === undefined ? [] : (subscriptionOrgs.get(pool.pool.subscription) ?? []);
    });
    const into = untrusted(identity.organization, hostOrgs);
    if (into.length === 0) continue;
    bridges.push({
      kind: 'managedIdentityOnOtherHosts',
      asset: identity.id,
      entity: `managedIdentities/${identity.id}`,
      from: identity.organization,
      into,
      what: `Managed identity \`${identity.id}\` of ${identity.organization} is on the session hosts of ${identity.hostPools.map((p) => `\`${p}\``).join(', ')}, in subscriptions of ${andList(into)}: any of those hosts\u2019 kernels obtains its tokens and acts with its roles.`,
      fix: `Attach \`${identity.id}\` only to ${identity.organization}\u2019s own session hosts; give ${andList(into)} identities of ${into.length === 1 ? 'its' : 'their'} own.${trustHint(identity.organization, into)}`,
    });
  }
  return bridges;
}

/** Organization of every principal a role assignment, guest or person may name: users, groups, managed identities. */
function principalOrganizations(model: Model): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const user of model.users) out.set(user.id, user.organization);
  for (const group of model.groups) out.set(group.id, group.organization);
  for (const identity of model.managedIdentities) out.set(identity.id, identity.organization);
  return out;
}

/**
 * Organizations that own what lies at a role's scope: a tenant's or a domain's organizations; for an
 * Azure scope, the organizations of its subscriptions (the scope's own, a resource group's, each
 * pool's) and of its data stores. Not the organizations of users who merely sign in to a pool there:
 * such a sign-in is a bridge of its own (a guest, or a pool in another organization's subscription).
 */
function scopeOwners(deployment: Deployment, plane: 'azure' | 'entra' | 'adds', scope: string): string[] {
  const { model, access, subscriptionById } = deployment;
  if (plane === 'entra') return [...(model.tenants.find((t) => t.id === scope)?.organizations ?? [])];
  if (plane === 'adds') return [...(model.domains.find((d) => d.id === scope)?.organizations ?? [])];
  const subscription = subscriptionById.get(scope) ?? subscriptionById.get(model.resourceGroups.find((g) => g.id === scope)?.subscription ?? '');
  return [
    ...(subscription?.organizations ?? []),
    ...access.poolsIn(scope).flatMap((p) => subscriptionById.get(p.pool.subscription)?.organizations ?? []),
    ...access.dataIn(scope).map((d) => d.organization),
  ];
}

function inModelOrder(model: Model, orgs: Iterable<string>): string[] {
  const wanted = new Set(orgs);
  return model.organizations.map((o) => o.id).filter((o) => wanted.has(o));
}

const NAMES_SHOWN = 3;

function names(ids: readonly string[]): string {
  const shown = ids.slice(0, NAMES_SHOWN).map((id) => `\`${id}\``).join(', ');
  return ids.length > NAMES_SHOWN ? `${shown} and ${ids.length - NAMES_SHOWN} more` : shown;
}
