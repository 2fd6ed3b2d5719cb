// Which organizations are authorized for each data node, and for which kinds of access: authorized
// access is reached with no failure, legitimately, and is not leakage (domain.md, "Authorized access is
// not leakage"). The one notion matrix, compare, risk, sweep, the viewer, the reports and the depth
// policies share. Authorization is per access kind (the model's ACCESS_MODES without `control`: read,
// tamper, deny); reach with a kind the attacker's organization is not authorized for is leakage, so a
// read-only reader who takes control of the store (tamper, deny) has leaked it.
//
// - the store's owner, and organizations that trust it (the model's `trust`, a policy file's
//   `trusted`): read, tamper, deny — except a profile container, which a `data`-level trust group
//   does not cover (only `full` does: a profile is its user's personal information and logon code);
// - a share, database or key vault: its `users` read, tamper, deny; its `readers` read only; holders
//   of an Azure RBAC role with a *data action* on the store, assigned on the store or an enclosing
//   resource group, subscription or management group, by the role's DataActions (Microsoft Learn,
//   "Azure built-in roles", https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/storage
//   and …/built-in-roles/security): Storage File Data SMB Share Reader (`…/fileshares/files/read`) and
//   Key Vault Secrets User (`…/vaults/secrets/getSecret/action`) read only; SMB Share Contributor
//   (files read, write, delete), SMB Share Elevated Contributor (and modifypermissions) and Key Vault
//   Secrets Officer (`…/vaults/secrets/*`) read, tamper, deny. A group stands for its members, nested
//   groups included (its unlisted members are of its own organization), a managed identity for its
//   organization;
// - an FSLogix profile container: its own user (NTFS ACLs give each user their own container), and
//   holders of Storage File Data SMB Share Elevated Contributor, who may change those ACLs.
// Control-plane roles (Owner, Contributor, listKeys) are not data authorization: Azure RBAC keeps
// `Actions` and `DataActions` apart (https://learn.microsoft.com/azure/role-based-access-control/role-definitions#control-and-data-actions),
// so an owner reaching data through its keys or Run Command is a separation bridge, not a grant.
// Nor is reach: a local admin reaching co-residents' data at depth 0 is leakage (claim 1). Being
// invited as a B2B guest, or assigned to an application group, grants sign-in, not data.

import { dataOwner, type Deployment, type DataNode } from '../compile/deployment.js';
import type { RoleEffect } from '../domain/roles.js';
import type { DataLocation, DataStore } from '../model/types.js';
import { ACCESS_MODES } from '../model/types.js';
import { modelTrust, type Trust, type TrustGroupOf } from './trust.js';

/** The kinds of access to data an authorization covers (ACCESS_MODES without `control`, which implies all three). */
export const DATA_ACCESS = ['read', 'tamper', 'deny'] as const;
export type DataAccess = (typeof DATA_ACCESS)[number];

/**
 * A set of access kinds as bits, the same bits as reach.ts's access mask: 1 << ACCESS_MODES.indexOf(kind).
 * 0 = not authorized.
 */
export type AccessMask = number;
export const READ_ACCESS: AccessMask = 1 << ACCESS_MODES.indexOf('read');
export const ALL_ACCESS: AccessMask = DATA_ACCESS.reduce((mask, kind) => mask | (1 << ACCESS_MODES.indexOf(kind)), 0);

/** What an attacker's organization is authorized for on one store, and whether it reaches beyond. */
export interface StoreAuthorization {
  readonly store: string;
  /** The access kinds authorized (read, tamper, deny: all three for users, owners and trusted organizations). */
  readonly access: readonly DataAccess[];
  /** The access kinds not authorized (empty when all three are). */
  readonly beyond: readonly DataAccess[];
  /** Fewest boundary types that must fail to reach the store with a kind not authorized; null = never (or none left). */
  readonly beyondDepth: number | null;
}

/** The access kinds of a mask, in DATA_ACCESS order. */
export function accessKinds(mask: AccessMask): DataAccess[] {
  return DATA_ACCESS.filter((kind) => (mask & (1 << ACCESS_MODES.indexOf(kind))) !== 0);
}

/** The access kinds a mask does not cover (what reach beyond it would be), in DATA_ACCESS order. */
export function accessBeyond(mask: AccessMask): DataAccess[] {
  return accessKinds(ALL_ACCESS & ~mask);
}

/** The RBAC data-action effects that authorize their holders for a store, by store location, with the access they grant. */
const DATA_EFFECTS: Readonly<Record<DataLocation, Partial<Record<RoleEffect, AccessMask>>>> = {
  share: { shareRead: READ_ACCESS, shareWrite: ALL_ACCESS, shareAdmin: ALL_ACCESS },
  fslogixProfile: { shareAdmin: ALL_ACCESS },
  keyVault: { secretsRead: READ_ACCESS, secretsAdmin: ALL_ACCESS },
  database: {},
};

export interface Authorization {
  readonly trust: Trust;
  /** The organization whose data a node is: its container's user's for a profile container, else the store's. */
  ownerOf(store: DataStore, node: DataNode): string;
  /**
   * Organizations authorized for some access to a data node, its owner included, in model order,
   * each with the access kinds it is authorized for (a non-zero AccessMask).
   */
  accessFor(store: DataStore, node: DataNode): ReadonlyMap<string, AccessMask>;
  /** Organizations authorized for some access to a data node (accessFor's keys), its owner included, in model order. */
  organizationsFor(store: DataStore, node: DataNode): readonly string[];
  /** The trust group that authorizes `organization` for the node, or null (its own, or named by the store or a role). */
  trustGroupFor(store: DataStore, node: DataNode, organization: string): TrustGroupOf | null;
  /**
   * Organizations authorized for some node of a store, in model order: for a profile store, the
   * organizations of the users whose containers it holds (each only for their own container).
   */
  organizationsForStore(store: DataStore): readonly string[];
}

/**
 * The authorization of a deployment's data. `trusted` adds a policy file's groups to the model's
 * `trust`. Pure; built in one pass over the role assignments and the stores.
 */
export function authorizationOf(deployment: Deployment, trusted: readonly (readonly string[])[] = []): Authorization {
  const { model } = deployment;
  const trust = modelTrust(model, trusted);
  const organizationOfUser = new Map(model.users.map((u) => [u.id, u.organization] as const));
  const organizationOfIdentity = new Map(model.managedIdentities.map((i) => [i.id, i.organization] as const));
  // Group → organizations of its (transitive) members; groupsOf lists each user's groups, nested included.
  const groupOrganizations = new Map<string, Set<string>>();
  for (const [user, groups] of deployment.groupsOf) {
    const org = organizationOfUser.get(user);
    if (org === undefined) continue;
    for (const group of groups) (groupOrganizations.get(group) ?? groupOrganizations.set(group, new Set()).get(group)!).add(org);
  }
  const organizationsOfPrincipal = (principal: string): readonly string[] => {
    const user = organizationOfUser.get(principal) ?? organizationOfIdentity.get(principal);
    if (user !== undefined) return [user];
    return [...(groupOrganizations.get(principal) ?? [])];
  };
  // Store id → organization → access granted by a data action on it (or on a scope above it).
  const granted = new Map<string, Map<string, AccessMask>>();
  const effects = new Set(Object.values(DATA_EFFECTS).flatMap((byEffect) => Object.keys(byEffect) as RoleEffect[]));
  for (const effect of effects) {
    for (const grant of deployment.access.grants(effect)) {
      for (const store of deployment.access.dataIn(grant.scope)) {
        const mask = DATA_EFFECTS[store.location][effect];
        if (mask === undefined) continue;
        const orgs = granted.get(store.id) ?? granted.set(store.id, new Map()).get(store.id)!;
        for (const org of organizationsOfPrincipal(grant.assignment.principal)) orgs.set(org, (orgs.get(org) ?? 0) | mask);
      }
    }
  }
  const organizationIds = model.organizations.map((o) => o.id);
  const rankOf = new Map(organizationIds.map((org, i) => [org, i] as const));

  const ownerOf = (store: DataStore, node: DataNode): string => dataOwner(store, node);
  // A profile container is its user's personal information: only `full` trust covers it.
  const levelOf = (store: DataStore) => (store.location === 'fslogixProfile' ? ('full' as const) : ('data' as const));
  const accessFor = (store: DataStore, node: DataNode): Map<string, AccessMask> => {
    const owner = ownerOf(store, node);
    const named = new Map<string, AccessMask>([[owner, ALL_ACCESS]]);
    const add = (org: string | undefined, mask: AccessMask) => {
      if (org !== undefined) named.set(org, (named.get(org) ?? 0) | mask);
    };
    for (const [org, mask] of granted.get(store.id) ?? []) add(org, mask);
    if (store.location !== 'fslogixProfile') {
      for (const user of store.users) add(organizationOfUser.get(user), ALL_ACCESS);
      for (const user of store.readers) add(organizationOfUser.get(user), READ_ACCESS);
    }
    for (const org of trust.trustersOf(owner, levelOf(store))) add(org, ALL_ACCESS);
    // Model order, by rank: the few named organizations, not every organization per data node (a
    // profile store has a node per user, so that loop grew with users × organizations).
    const ordered = [...named].filter(([org]) => rankOf.has(org));
    ordered.sort(([a], [b]) => rankOf.get(a)! - rankOf.get(b)!);
    return new Map(ordered);
  };
  return {
    trust,
    ownerOf,
    accessFor,
    organizationsFor: (store, node) => [...accessFor(store, node).keys()],
    trustGroupFor: (store, node, organization) => trust.groupOf(organization, ownerOf(store, node), levelOf(store)),
    organizationsForStore(store) {
      const nodes = deployment.dataNodes.get(store.id) ?? [];
      const orgs = new Set(nodes.flatMap((node) => this.organizationsFor(store, node)));
      orgs.add(store.organization);
      for (const org of organizationIds) if (trust.trusts(org, store.organization, levelOf(store))) orgs.add(org);
      return organizationIds.filter((org) => orgs.has(org));
    },
  };
}
