// Azure Files shares as data stores: a share named for FSLogix (`fslogix`, `profiles`) holds profile
// containers, any other share is a file share. Who may use it comes from the SMB data roles.

import { normalize, parentId, scopeContains } from '../arm-id.js';
import { ARM, type InventoryResource } from '../inventory.js';
import type { DraftDataStore } from '../model-draft.js';
import { isRecord } from '../read/arm-resource.js';
import type { MapContext } from './context.js';
import type { MappedPool } from './host-pools.js';
import type { Organizations } from './organizations.js';
import type { Grant } from './principals.js';
import { describeScope, type Users } from './users.js';

const FSLOGIX = /fslogix|profile/i;

export function mapStorage(context: MapContext, orgs: Organizations, users: Users, grants: readonly Grant[], pools: readonly MappedPool[]): DraftDataStore[] {
  const stores: DraftDataStore[] = [];
  const sharesByAccount = new Map<string, InventoryResource[]>();
  for (const share of context.ofType(ARM.fileShare)) {
    const account = normalize(parentId(parentId(share.id)));
    sharesByAccount.set(account, [...(sharesByAccount.get(account) ?? []), share]);
  }
  for (const account of context.ofType(ARM.storageAccount)) {
    const shares = sharesByAccount.get(normalize(account.id)) ?? [];
    const accountGrants = grants.filter((g) => scopeContains(g.scope, account.id) || scopeContains(account.id, g.scope));
    const smb = accountGrants.filter((g) => g.role.effect === 'smbWrite' || g.role.effect === 'smbRead');
    if (shares.length === 0 && smb.length === 0) {
      context.assume(null, `storage account \`${account.name}\`: no file share or SMB role assignment in the input: not modelled as data`, account.origin);
      continue;
    }
    const targets: { resource: InventoryResource; name: string }[] = shares.length > 0 ? shares.map((s) => ({ resource: s, name: `${account.name}-${s.name}` })) : [{ resource: account, name: account.name }];
    for (const target of targets) {
      const id = context.ids.allocate(target.resource.id, target.name);
      const subject = `data/${id}`;
      const fslogix = FSLOGIX.test(target.resource.name) || FSLOGIX.test(account.name);
      const organization = orgs.organizationOf(account);
      const store: DraftDataStore = { id, organization, location: fslogix ? 'fslogixProfile' : 'share', users: [], subscription: orgs.subscriptionOf(account) };
      if (shares.length === 0) context.assume(subject, `storage account \`${account.name}\` lists no share: modelled as one file share`, account.origin, 'location');
      else context.assume(subject, fslogix ? `Azure Files share \`${target.resource.name}\` of \`${account.name}\`: FSLogix profile containers (by its name)` : `Azure Files share \`${target.resource.name}\` of \`${account.name}\``, target.resource.origin, 'location');
      context.assume(subject, 'classification unknown: assumed `confidential`', target.resource.origin, 'classification');
      const auth = identityAuth(account);
      if (auth === null || auth.toLowerCase() === 'none') {
        context.assume(subject, 'no identity-based access (Azure Files authentication) in the input: session hosts mount the share with the storage account key, so any host kernel yields every file on it', account.origin);
      } else context.read(subject, `identity-based access: ${auth}`, account.origin);
      const readers: string[] = [];
      for (const grant of accountGrants) {
        if (!scopeContains(grant.scope, target.resource.id) && !scopeContains(target.resource.id, grant.scope)) continue;
        const where = `${grant.role.name} on ${describeScope(grant.scope)}`;
        if (grant.role.effect === 'smbWrite' || (grant.role.effect === 'smbRead' && fslogix)) {
          const entries = users.entriesOf(grant.principal);
          const list = entries.length > 0 ? entries : [users.entry(grant.principal, null, organization, `holds ${where}`)];
          for (const u of list) if (!store.users.includes(u.id)) store.users.push(u.id);
          context.read(subject, `users: \`${grant.principal.name}\` (${where})`, grant.resource.origin, 'users');
        } else if (grant.role.effect === 'smbRead') {
          const entries = users.entriesOf(grant.principal);
          const list = entries.length > 0 ? entries : [users.entry(grant.principal, null, organization, `holds ${where}`)];
          for (const u of list) if (!readers.includes(u.id)) readers.push(u.id);
        } else if (grant.role.effect === 'storageControl') {
          if (fslogix) {
            context.assume(subject, `\`${grant.principal.name}\` holds ${where} (lists the account keys: every profile on the share): not modelled until the model has storage accounts`, grant.resource.origin);
          } else {
            const entries = users.entriesOf(grant.principal);
            const list = entries.length > 0 ? entries : [users.entry(grant.principal, null, organization, `holds ${where}`)];
            for (const u of list) if (!store.users.includes(u.id)) store.users.push(u.id);
            context.assume(subject, `users: \`${grant.principal.name}\` (${where}: the account keys give read and write)`, grant.resource.origin, 'users');
          }
        }
      }
      if (readers.length > 0) store.readers = readers;
      if (fslogix && store.users.length === 0) {
        const sameSubscription = pools.filter((p) => p.draft.subscription === store.subscription).map((p) => p.draft.id);
        for (const u of users.drafts) if (u.hostPool !== undefined && sameSubscription.includes(u.hostPool)) store.users.push(u.id);
        context.assume(subject, 'no SMB role assignment on the share in the input: assumed it holds the profiles of every user of the host pools in its subscription', target.resource.origin, 'users');
      }
      stores.push(store);
    }
  }
  return stores;
}

function identityAuth(account: InventoryResource): string | null {
  const auth = account.properties['azureFilesIdentityBasedAuthentication'];
  if (!isRecord(auth)) return null;
  const options = auth['directoryServiceOptions'];
  return typeof options === 'string' ? options : null;
}
