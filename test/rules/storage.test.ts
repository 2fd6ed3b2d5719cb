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

  it('reads `access: storageKey` on a store in an account as that account\'s key on the mounting hosts', () => {
    // Both pools mount `profiles`; with the shorthand, their hosts hold the key of each account that
    // lists it (files, and dr for Cloud Cache): no second key node, and bob's kernel failure now
    // yields ann's container through files, beside the share's user boundary.
    const keyed = text.replace('    users: [ann, bob]\n', '    users: [ann, bob]\n    access: storageKey\n');
    const { graph: g } = buildModelText(keyed);
    const held = edgeStrings(g, 'storage-account').filter((e) => /^[ab]-vm\d -> /.test(e));
    expect(held).toEqual(
      ['a-vm1 -> files', 'a-vm2 -> files', 'b-vm1 -> files', 'a-vm1 -> dr', 'a-vm2 -> dr', 'b-vm1 -> dr'].map((e) => `${e} [storage-account]`).sort(),
    );
    expect(g.hasNode('profiles:key')).toBe(false);
    expect(edgeStrings(g, 'fslogix-share').some((e) => e.includes(':key'))).toBe(false);
    const outcome = analyzeDepth(prepareText(keyed), { from: ['bob'], by: 'type', order: 1, controls: {}, maxSets: 10 });
    if (!outcome.ok) throw new Error('depth rejected');
    expect(outcome.result.data.find((x) => x.id === 'profiles/ann')!.minimalSets).toEqual([['kernel'], ['user']]);
  });
});

// The shorthand on a store no account lists is an account of its own: `<store>:key`, held by the
// hosts of every pool that mounts the store. Declaring that account instead gives the same answers.
describe('access: storageKey without a storage account', () => {
  const base = acme(`
hostPools:
  - id: a
    subscription: acme-sub
    type: pooled
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
data:
  - id: p
    organization: acme
    location: fslogixProfile
    users: [ann, bob]
`);
  const shorthand = base.replace('    users: [ann, bob]\n', '    users: [ann, bob]\n    access: storageKey\n');
  const declared = `${base}storageAccounts:\n  - id: acct\n    shares: [p]\n    keyHostPools: [a, b]\n`;

  it('derives the implied key\'s edges in rule storage-account, the share\'s ACL in fslogix-share', () => {
    const { graph } = buildModelText(shorthand);
    expect(edgeStrings(graph, 'storage-account')).toEqual(
      ['a-vm1 -> p:key', 'b-vm1 -> p:key', 'p:key -> p/ann', 'p:key -> p/bob'].map((e) => `${e} [storage-account]`).sort(),
    );
    expect(edgeStrings(graph, 'fslogix-share')).toEqual(
      [
        'a-vm1/unprivileged -> p:share [fslogix-share]',
        'b-vm1/unprivileged -> p:share [fslogix-share]',
        'p:share -> p/ann [fslogix-share user@p:share]',
        'p:share -> p/bob [fslogix-share user@p:share]',
      ].sort(),
    );
  });

  it('answers as the declared account does', () => {
    const answers = (model: string) =>
      ['ann', 'bob'].map((from) => {
        const outcome = analyzeDepth(prepareText(model), { from: [from], by: 'type', order: 2, controls: {}, maxSets: 10 });
        if (!outcome.ok) throw new Error('depth rejected');
        return outcome.result.data.map((d) => [d.id, d.depth, d.minimalSets]);
      });
    // By hand: from ann, bob's container falls to {user} (the share) or {kernel} (a-vm1 holds the key).
    expect(answers(shorthand)[0]).toContainEqual(['p/bob', 1, [['kernel'], ['user']]]);
    expect(answers(shorthand)).toEqual(answers(declared));
  });
});
