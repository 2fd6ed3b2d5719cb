// Which organizations are authorized for each data node: authorized access is reached with no
// failure, legitimately, and is not leakage (domain.md, "Authorized access is not leakage"). The one
// notion matrix, compare, risk, sweep, the viewer, the reports and the depth policies share.
//
// An organization is authorized for a data node when the store's access names a principal of it, or
// the node's owner organization trusts it (the model's `trust`, a policy file's `trusted`):
// - a share, database or key vault: its `users` and `readers`, and every holder of an Azure RBAC role
//   with a *data action* on the store (Storage File Data SMB Share Reader / Contributor / Elevated
//   Contributor on a share, Key Vault Secrets User / Officer on a vault) assigned on the store or an
//   enclosing resource group, subscription or management group; a group stands for its members,
//   nested groups included (its unlisted members are of its own organization), a managed identity
//   for its organization;
// - an FSLogix profile container: its own user only (NTFS ACLs give each user their own container),
//   and holders of Storage File Data SMB Share Elevated Contributor, who may change those ACLs.
// Control-plane roles (Owner, Contributor, listKeys) are not data authorization: Azure RBAC keeps
// `Actions` and `DataActions` apart (https://learn.microsoft.com/azure/role-based-access-control/role-definitions#control-and-data-actions),
// so an owner reaching data through its keys or Run Command is a separation bridge, not a grant.
// Nor is reach: a local admin reaching co-residents' data at depth 0 is leakage (claim 1). Being
// invited as a B2B guest, or assigned to an application group, grants sign-in, not data.

import { dataOwner, type Deployment, type DataNode } from '../compile/deployment.js';
import type { RoleEffect } from '../domain/roles.js';
import type { DataLocation, DataStore } from '../model/types.js';
import { modelTrust, type Trust } from './trust.js';

/** The RBAC data-action effects that authorize their holders for a store, by store location. */
const DATA_EFFECTS: Readonly<Record<DataLocation, readonly RoleEffect[]>> = {
  share: ['shareRead', 'shareWrite', 'shareAdmin'],
  fslogixProfile: ['shareAdmin'],
  keyVault: ['secretsRead', 'secretsAdmin'],
  database: [],
};

export interface Authorization {
  readonly trust: Trust;
  /** The organization whose data a node is: its container's user's for a profile container, else the store's. */
  ownerOf(store: DataStore, node: DataNode): string;
  /** Organizations authorized for a data node, its owner included, in model order. */
  organizationsFor(store: DataStore, node: DataNode): readonly string[];
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
  // Store id → organizations granted a data action on it (or on a scope above it).
  const granted = new Map<string, Set<string>>();
  for (const effect of new Set(Object.values(DATA_EFFECTS).flat())) {
    for (const grant of deployment.access.grants(effect)) {
      for (const store of deployment.access.dataIn(grant.scope)) {
        if (!DATA_EFFECTS[store.location].includes(effect)) continue;
        const orgs = granted.get(store.id) ?? granted.set(store.id, new Set()).get(store.id)!;
        for (const org of organizationsOfPrincipal(grant.assignment.principal)) orgs.add(org);
      }
    }
  }
  const organizationIds = model.organizations.map((o) => o.id);

  const ownerOf = (store: DataStore, node: DataNode): string => dataOwner(deployment, store, node);
  return {
    trust,
    ownerOf,
    organizationsFor(store, node) {
      const owner = ownerOf(store, node);
      const named = new Set<string>([owner, ...(granted.get(store.id) ?? [])]);
      if (store.location !== 'fslogixProfile') {
        for (const user of [...store.users, ...store.readers]) {
          const org = organizationOfUser.get(user);
          if (org !== undefined) named.add(org);
        }
      }
      return organizationIds.filter((org) => named.has(org) || trust.trusts(org, owner));
    },
    organizationsForStore(store) {
      const nodes = deployment.dataNodes.get(store.id) ?? [];
      const orgs = new Set(nodes.flatMap((node) => this.organizationsFor(store, node)));
      orgs.add(store.organization);
      for (const org of organizationIds) if (trust.trusts(org, store.organization)) orgs.add(org);
      return organizationIds.filter((org) => orgs.has(org));
    },
  };
}
