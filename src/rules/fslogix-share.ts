// Rule `fslogix-share`: FSLogix profile containers are files on an SMB share. With identity-based
// access, share-level permissions and NTFS ACLs are a user boundary of that share, crossed from any
// session host that mounts it (and by a Storage File Data SMB Share Contributor). A storage account
// key, declared or implied by `access: storageKey`, is rule `storage-account`'s.

import type { Rule } from './rule.js';

/**
 * Input: `Deployment.profileShares` — one entry per `fslogixProfile` store: the VMs that mount it
 * (every VM of every pool whose users have a container there) and its containers. Edges, linear in
 * VMs + containers: `vm/unprivileged → <store>:share` (SMB access from code on a mounting host), then
 * `<store>:share → container` across `user@<store>:share` (group `share:<store>`): one instance per
 * share, whichever VM the owner signs in to — share permissions and NTFS permissions on the share.
 * Source: domain.md, "FSLogix profile containers are files on an SMB share. The share's permissions
 * and NTFS ACLs are a user boundary of that share (one instance per share), whoever's VM the owner
 * signs in to".
 */
export const fslogixShare: Rule = {
  id: 'fslogix-share',
  description: 'Code on a host that mounts an FSLogix share reaches others\u2019 containers only across the share\u2019s user boundary (share and NTFS permissions).',
  guide:
    'The share\u2019s permissions and NTFS ACLs are a user boundary of that share (one instance per share), whoever\u2019s VM the owner signs in to.',
  apply(deployment, edge) {
    for (const share of deployment.profileShares) {
      const acl = shareAcl(share.access, share.store.id);
      for (const vm of share.hosts) edge(vm.unprivileged, share.access);
      for (const container of share.containers) edge(share.access, container.handle, acl);
    }
  },
};

/** The share's one user boundary: `user@<store>:share`, group `share:<store>`. */
export function shareAcl(access: string, store: string) {
  return { boundary: 'user', place: access, groups: [`share:${store}`] } as const;
}
