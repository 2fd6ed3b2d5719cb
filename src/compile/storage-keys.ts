// The storage account keys of a deployment, one piece for both ways a model names them: a declared
// `storageAccounts` entry, and the shorthand `access: storageKey` on an FSLogix store (its session
// hosts mount the share with the key). The shorthand is sugar: the mounting hosts hold the key of every
// account that lists the store, or, where none does, of an account of its own (`<store>:key`).

import type { DataStore, Model } from '../model/types.js';
import type { StorageAccount } from '../model/infra-types.js';
import { nodeId } from './ids.js';
import type { ProfileShare, VmPlacement } from './deployment.js';

/**
 * One storage account key: full access to every share in the account, whatever the share-level
 * roles and NTFS permissions (Microsoft Learn, "Store FSLogix profile containers on Azure Files": the
 * storage account key "grants full access to the file share").
 */
export interface StorageKey {
  /** Its node: the account's id, or `<store>:key` for the account implied by a store's `access: storageKey`. */
  readonly node: string;
  /** The declared account; null for an implied one. */
  readonly account: StorageAccount | null;
  /** The store whose `access: storageKey` implied the account; null for a declared one. */
  readonly impliedBy: DataStore | null;
  /** The subscription whose control plane lists the key; null when unknown. */
  readonly subscription: string | null;
  /** Users who hold the key (or may list it). */
  readonly holders: readonly string[];
  /** VMs whose kernels hold it: the account's `keyHostPools`, and the hosts mounting any of its `access: storageKey` profile stores. */
  readonly hosts: readonly VmPlacement[];
  /** Data stores it opens. */
  readonly shares: readonly string[];
}

/** Declared accounts in model order, then the implied ones in data order. */
export function deriveStorageKeys(
  model: Model,
  profileShares: readonly ProfileShare[],
  vmsOfPool: (pool: string) => readonly VmPlacement[],
): StorageKey[] {
  const accounts = model.storageAccounts ?? [];
  const keyMounted = new Map(profileShares.filter((s) => s.store.access === 'storageKey').map((s) => [s.store.id, s] as const));
  const declared = accounts.map((account): StorageKey => {
    const hosts = new Set<VmPlacement>(account.keyHostPools.flatMap(vmsOfPool));
    for (const store of account.shares) for (const vm of keyMounted.get(store)?.hosts ?? []) hosts.add(vm);
    return {
      node: account.id,
      account,
      impliedBy: null,
      subscription: account.subscription,
      holders: account.keyHolders,
      hosts: [...hosts],
      shares: account.shares,
    };
  });
  const inAccount = new Set(accounts.flatMap((a) => a.shares));
  const implied = [...keyMounted.values()]
    .filter((share) => !inAccount.has(share.store.id))
    .map(
      (share): StorageKey => ({
        node: nodeId.shareKey(share.store.id),
        account: null,
        impliedBy: share.store,
        subscription: null,
        holders: [],
        hosts: share.hosts,
        shares: [share.store.id],
      }),
    );
  return [...declared, ...implied];
}
