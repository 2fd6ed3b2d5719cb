// Rules `storage-account`, `shared-access-signature` and `app-attach`, on one hand-checked model:
// pools `a` (2 VMs) and `b` (1 VM) both stage the app attach image on share `apps`, which
// `packager` may write; profiles of both pools sit in account `files` (key on a's hosts) and are
// replicated by Cloud Cache to account `dr`, whose key `ops` holds; `vendor` holds a read SAS on `docs`.

import { describe, expect, it } from 'vitest';
import { analyzeDepth } from '../../src/analyze/depth.js';
import { acme, ask, buildModelText, edgeStrings, prepareText, reachedDataIds } from '../support/model.js';

const text = acme(`
hostPools:
  - id: a
    subscription: acme-sub
    type: pooled
    vms: 2
  - id: b
    subscription: acme-sub
    type: pooled
users:
  - id: ann
    organization: acme
    hostPool: a
  - id: bob
    organization: acme
    hostPool: b
  - id: packager
    organization: acme
  - id: ops
    organization: acme
  - id: vendor
    organization: acme
data:
  - id: profiles
    organization: acme
    location: fslogixProfile
    users: [ann, bob]
  - id: apps
    organization: acme
    location: share
    users: [packager]
  - id: docs
    organization: acme
    location: share
storageAccounts:
  - id: files
    shares: [profiles, apps, docs]
    keyHostPools: [a]
    sas:
      - holders: [vendor]
        shares: [docs]
        access: read
  - id: dr
    shares: [profiles]
    keyHolders: [ops]
appAttachPackages:
  - id: office
    image: apps
    hostPools: [a, b]
`);

function depth(from: string, store: string): { depth: number | null; sets: readonly (readonly string[])[] } {
  const outcome = analyzeDepth(prepareText(text), { from: [from], by: 'type', order: 1, controls: {}, maxSets: 10 });
  if (!outcome.ok) throw new Error('depth rejected');
  const d = outcome.result.data.find((x) => x.id === store)!;
  return { depth: d.depth, sets: d.minimalSets };
}

describe('storage rules', () => {
  const { graph } = buildModelText(text);

  it('derives key, SAS and app attach edges, linear in VMs and stores', () => {
    expect(edgeStrings(graph, 'storage-account')).toEqual(
      [
        'a-vm1 -> files [storage-account]',
        'a-vm2 -> files [storage-account]',
        'files -> profiles/ann [storage-account]',
        'files -> profiles/bob [storage-account]',
        'files -> apps [storage-account]',
        'files -> docs [storage-account]',
        'ops -> dr [storage-account]',
        'dr -> profiles/ann [storage-account]',
        'dr -> profiles/bob [storage-account]',
      ].sort(),
    );
    expect(edgeStrings(graph, 'shared-access-signature')).toEqual(['vendor -> docs [shared-access-signature read]']);
    expect(edgeStrings(graph, 'app-attach')).toEqual(['apps -> a-vm1/sessions [app-attach]', 'apps -> a-vm2/sessions [app-attach]', 'apps -> b-vm1/sessions [app-attach]']);
  });

  it('lets the one user who may write the image run code in every session of both pools', () => {
    // packager → apps (user-data: a writer) → a-vmN/sessions, b-vm1/sessions → ann's and bob's sessions → their profiles.
    expect(depth('packager', 'profiles/ann').depth).toBe(0);
    expect(depth('packager', 'profiles/bob').depth).toBe(0);
    const sessions = ask(prepareText(text), { from: ['packager'] }).organizations.find((o) => o.id === 'acme')!;
    expect(sessions.reached.sessions).toBe(2);
    // Sessions, not kernels: the apps run as each user, staging runs no package code, so no VM is controlled.
    expect(sessions.reached.vms).toBe(0);
  });

  it('hands the key, and every share, to a kernel failure on a host that holds it', () => {
    // ann → … ✗kernel@a-vmN → files → bob's profile (bob is on pool b: no session, process or user
    // boundary of a VM between them). Or, without the key: ann's session reaches the profile share
    // that her pool mounts, and the share's own ACLs (rule fslogix-share: `user@profiles:share`) are
    // the only boundary before bob's container.
    expect(depth('ann', 'profiles/bob')).toEqual({ depth: 1, sets: [['kernel'], ['user']] });
    // bob's pool mounts without the key and may not write the image: the share's user boundary is his
    // one-failure way to ann's container; with no physical hosts declared, his pool and ann's may share
    // one (worst case), so a kernel failure on b-vm1 plus a VM escape reaches a's hosts and the key.
    expect(depth('bob', 'profiles/ann')).toEqual({ depth: 1, sets: [['user'], ['kernel', 'vm']] });
  });

  it('replicates a Cloud Cache profile to the second account, whose key holder reaches it', () => {
    expect(depth('ops', 'profiles/ann').depth).toBe(0);
    expect(reachedDataIds(ask(prepareText(text), { from: ['ops'] })).sort()).toEqual(['profiles/ann', 'profiles/bob']);
  });

  it('gives a read SAS read access, not control', () => {
    const reached = ask(prepareText(text), { from: ['vendor'] }).data;
    expect(reached.map((d) => [d.id, d.impacts])).toEqual([['docs', ['read']]]);
  });
});
