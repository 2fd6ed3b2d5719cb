// Rule `role-file-share-data`: the Storage File Data SMB Share roles grant share-level access. Reader
// reads; Contributor reads, writes and deletes, but NTFS permissions still apply, so an FSLogix
// container is behind the share's user boundary — the one instance `user@<store>:share` that rule
// `fslogix-share` puts between the share's SMB access and each container; Elevated Contributor can
// change NTFS permissions, so nothing on the share is behind a boundary for it.

import type { Rule } from './rule.js';
import { grantHubs } from './role-grants.js';
import { dataNodesIn } from './scope-targets.js';

export const roleFileShareData: Rule = {
  id: 'role-file-share-data',
  description: 'SMB Share Reader reads, Contributor writes (profiles behind NTFS ACLs), Elevated Contributor controls every share in scope.',
  guide: 'Share-level permissions (Storage File Data SMB Share roles) and NTFS permissions are both enforced; only Elevated Contributor can modify NTFS permissions.',
  learn: {
    page: 'https://learn.microsoft.com/azure/storage/files/storage-files-identity-assign-share-level-permissions',
    permissions: [
      'Microsoft.Storage/storageAccounts/fileServices/fileshares/files/read',
      'Microsoft.Storage/storageAccounts/fileServices/fileshares/files/write',
      'Microsoft.Storage/storageAccounts/fileServices/fileshares/files/modifypermissions/action',
    ],
  },
  apply(deployment, edge) {
    const shareAccess = new Map(deployment.profileShares.map((p) => [p.store.id, p.access] as const));
    for (const [scope, hub] of grantHubs(deployment, 'shareRead', edge)) {
      for (const { node } of dataNodesIn(deployment, scope, ['share'])) edge(hub, node, { access: 'read' });
    }
    for (const [scope, hub] of grantHubs(deployment, 'shareWrite', edge)) {
      const profileStores = new Set<string>();
      for (const { store, node } of dataNodesIn(deployment, scope, ['share', 'fslogixProfile'])) {
        if (store.location === 'share') edge(hub, node);
        else profileStores.add(store.id);
      }
      // SMB access to the profile share; its NTFS ACLs (fslogix-share) stand before every container.
      for (const store of profileStores) {
        const access = shareAccess.get(store);
        if (access !== undefined) edge(hub, access);
      }
    }
    for (const [scope, hub] of grantHubs(deployment, 'shareAdmin', edge)) {
      for (const { node } of dataNodesIn(deployment, scope, ['share', 'fslogixProfile'])) edge(hub, node);
    }
  },
};
