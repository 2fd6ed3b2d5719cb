// Rule `role-file-share-data`: the Storage File Data SMB Share roles grant share-level access. Reader
// reads; Contributor reads, writes and deletes, but NTFS permissions still apply, so another user's
// FSLogix container is behind the share's user boundary; Elevated Contributor can change NTFS
// permissions, so nothing on the share is behind a boundary for it.

import type { EdgeOptions, Rule } from './rule.js';
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
    const ntfs = new Map<string, EdgeOptions>();
    for (const [scope, hub] of grantHubs(deployment, 'shareRead', edge)) {
      for (const { node } of dataNodesIn(deployment, scope, ['share'])) edge(hub, node, { access: 'read' });
    }
    for (const [scope, hub] of grantHubs(deployment, 'shareWrite', edge)) {
      for (const { store, node } of dataNodesIn(deployment, scope, ['share', 'fslogixProfile'])) {
        if (store.location === 'share') {
          edge(hub, node);
          continue;
        }
        // One user boundary per share (its NTFS ACLs), whichever container is behind it.
        let crossing = ntfs.get(store.id);
        if (crossing === undefined) ntfs.set(store.id, (crossing = { boundary: 'user', place: store.id }));
        edge(hub, node, crossing);
      }
    }
    for (const [scope, hub] of grantHubs(deployment, 'shareAdmin', edge)) {
      for (const { node } of dataNodesIn(deployment, scope, ['share', 'fslogixProfile'])) edge(hub, node);
    }
  },
};
