// Azure Files shares as data stores: a share the session hosts' FSLogix settings name (VHDLocations,
// CCDLocations: fslogix-settings.ts) holds profile containers; without such settings, a share named
// for FSLogix (`fslogix`, `profiles`) is assumed to; any other share is a file share. Without identity-based access (Azure Files AD DS or
// Entra Kerberos authentication) session hosts mount a profile share with the storage account key.
// Who may use a share is said by role assignments on it (role-assignments.ts), not here.

import { normalize, parentId, scopeContains } from '../arm-id.js';
import { ARM, type InventoryResource } from '../inventory.js';
import type { DraftDataStore, DraftStorageAccount } from '../model-draft.js';
import { isRecord } from '../read/arm-resource.js';
import type { MapContext } from './context.js';
import type { Organizations } from './organizations.js';
import type { Grant } from './principals.js';
import type { ProfileLocation } from './fslogix-settings.js';

const FSLOGIX = /fslogix|profile/i;

/** A data store and the Azure resources it comes from (a share, or a storage account without listed shares). */
export interface MappedStore {
  readonly resource: InventoryResource;
  readonly account: InventoryResource;
  readonly draft: DraftDataStore;
  /** Host pools whose session hosts' FSLogix settings name this share (empty when none in the input does). */
  readonly profilePools: readonly string[];
}

/**
 * The data stores of every storage account, and the accounts as `storageAccounts` entries listing
 * them: the account key (which hosts mounting a profile share with it hold) opens every share of the
 * account, not only the profiles.
 */
export function mapStorage(context: MapContext, orgs: Organizations, grants: readonly Grant[], locations: ReadonlyMap<string, ProfileLocation>, settled: (subscription: string) => boolean): { stores: MappedStore[]; accounts: DraftStorageAccount[] } {
  const stores: MappedStore[] = [];
  const accounts: DraftStorageAccount[] = [];
  const sharesByAccount = new Map<string, InventoryResource[]>();
  for (const share of context.ofType(ARM.fileShare)) {
    const account = normalize(parentId(parentId(share.id)));
    sharesByAccount.set(account, [...(sharesByAccount.get(account) ?? []), share]);
  }
  for (const account of context.ofType(ARM.storageAccount)) {
    const listed = sharesByAccount.get(normalize(account.id)) ?? [];
    // A share the hosts' FSLogix settings name is there even when the input lists no shares (Resource Graph has none).
    const named = [...locations.values()].filter((l) => l.account === account.name.toLowerCase() && !listed.some((s) => s.name.toLowerCase() === l.share));
    const shares = [...listed, ...named.map((l) => ({ ...account, type: ARM.fileShare, id: `${account.id}/fileServices/default/shares/${l.share}`, name: l.share, properties: {}, origin: l.origin }))];
    for (const l of named) context.read(null, `share \`${l.share}\` of storage account \`${account.name}\` is not listed in the input; the session hosts' ${l.evidence} name it`, l.origin);
    const granted = grants.some((g) => g.role.mapping.kind === 'model' && /^Storage/.test(g.role.mapping.role) && scopeContains(account.id, g.scope));
    if (shares.length === 0 && !granted) {
      context.assume(null, `storage account \`${account.name}\`: no file share or storage role assignment on it in the input: not modelled as data`, account.origin);
      continue;
    }
    const targets = shares.length > 0 ? shares.map((s) => ({ resource: s, name: `${account.name}-${s.name.split('/').pop() ?? s.name}` })) : [{ resource: account, name: account.name }];
    for (const target of targets) {
      const id = context.ids.allocate(target.resource.id, target.name);
      const subject = `data/${id}`;
      const location = shares.length === 0 ? undefined : locations.get(`${account.name.toLowerCase()}/${(target.resource.name.split('/').pop() ?? '').toLowerCase()}`);
      const byName = FSLOGIX.test(target.resource.name) || FSLOGIX.test(account.name);
      // The name decides only where some pool of the account's subscription shows no FSLogix settings.
      const fslogix = location !== undefined || (byName && !settled(orgs.subscriptionOf(account)));
      const draft: DraftDataStore = { id, organization: orgs.organizationOf(account), location: fslogix ? 'fslogixProfile' : 'share', users: [], subscription: orgs.subscriptionOf(account) };
      if (shares.length === 0) context.assume(subject, `storage account \`${account.name}\` lists no share: modelled as one file share`, account.origin, 'location');
      else if (location !== undefined) context.read(subject, `Azure Files share \`${target.resource.name}\` of \`${account.name}\`: FSLogix profile containers of ${location.pools.map((p) => `\`${p}\``).join(', ')} (${location.evidence})`, location.origin, 'location');
      else if (fslogix) context.assume(subject, `Azure Files share \`${target.resource.name}\` of \`${account.name}\`: FSLogix profile containers, by its name (no session host's FSLogix VHDLocations/CCDLocations setting is in the input)`, target.resource.origin, 'location');
      else if (byName) context.assume(subject, `Azure Files share \`${target.resource.name}\` of \`${account.name}\`: named like a profile share, but the FSLogix settings of every host pool in its subscription name other shares: a file share`, target.resource.origin, 'location');
      else context.assume(subject, `Azure Files share \`${target.resource.name}\` of \`${account.name}\``, target.resource.origin, 'location');
      context.assume(subject, 'classification unknown: assumed `confidential`', target.resource.origin, 'classification');
      const auth = identityAuth(account);
      if (auth !== null && auth.toLowerCase() !== 'none') context.read(subject, `identity-based access: ${auth}`, account.origin);
      else if (fslogix) {
        draft.access = 'storageKey';
        context.assume(subject, `${auth === null ? 'the storage account\u2019s identity-based access (Azure Files authentication) is not in the input' : 'the storage account has no identity-based access (directoryServiceOptions: None)'}: session hosts mount the share with the storage account key, so any host kernel yields every profile on it (the worst case)`, account.origin, 'access');
      }
      stores.push({ resource: target.resource, account, draft, profilePools: location?.pools ?? [] });
    }
    const mine = stores.filter((st) => st.account === account).map((st) => st.draft);
    const id = context.ids.allocate(`account:${account.id}`, account.name);
    accounts.push({ id, organization: mine[0]?.organization ?? orgs.organizationOf(account), subscription: orgs.subscriptionOf(account), shares: mine.map((d) => d.id) });
    context.read(`storageAccounts/${id}`, `storage account \`${account.name}\`: its key opens ${mine.map((d) => `\`${d.id}\``).join(', ')}`, account.origin, 'shares');
  }
  return { stores, accounts };
}

function identityAuth(account: InventoryResource): string | null {
  const auth = account.properties['azureFilesIdentityBasedAuthentication'];
  if (!isRecord(auth)) return null;
  const options = auth['directoryServiceOptions'];
  return typeof options === 'string' ? options : null;
}
