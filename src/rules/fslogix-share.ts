// Rule `fslogix-share`: FSLogix profile containers are files on an SMB share. The share's permissions
// are a user boundary of that share, crossed from any session host that mounts it; where the hosts
// hold the storage account key, any host's kernel yields every container on the share.

import type { Rule } from './rule.js';

/**
 * Input: `Deployment.profileShares` — one entry per `fslogixProfile` store: the VMs that mount it
 * (every VM of every pool whose users have a container there), its containers, and whether hosts hold
 * the storage account key (`access: storageKey`). Edges, linear in VMs + containers:
 * - `vm/unprivileged → <store>:share` (SMB access from code on a mounting host), then
 *   `<store>:share → container` across `user@<store>:share` (group `share:<store>`): one instance per
 *   share, whichever VM the owner signs in to — share ACLs and NTFS permissions on the share;
 * - with `access: storageKey`: `vm → <store>:key → container`, no boundary: the key is full control of
 *   the storage account (Azure Files without identity-based access: Microsoft Learn, "Store FSLogix
 *   profile containers on Azure Files and Active Directory Domain Services": the storage account key
 *   "grants full access to the file share").
 * Source: domain.md, "FSLogix profile containers are files on an SMB share. The share's permissions
 * and NTFS ACLs are a user boundary of that share (one instance per share), whoever's VM the owner
 * signs in to".
 */
export const fslogixShare: Rule = {
  id: 'fslogix-share',
  description: 'Code on a host that mounts an FSLogix share reaches others\u2019 containers across the share\u2019s user boundary; a host holding the storage key reaches all.',
  guide:
    'The share\u2019s permissions and NTFS ACLs are a user boundary of that share (one instance per share), whoever\u2019s VM the owner signs in to.',
  apply(deployment, edge) {
    for (const share of deployment.profileShares) {
      const acl = { boundary: 'user', place: share.access, groups: [`share:${share.store.id}`] } as const;
      for (const vm of share.hosts) edge(vm.unprivileged, share.access);
      for (const container of share.containers) edge(share.access, container, acl);
      if (share.key === null) continue;
      for (const vm of share.hosts) edge(vm.id, share.key);
      for (const container of share.containers) edge(share.key, container);
    }
  },
};
