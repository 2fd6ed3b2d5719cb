// The hand-worked cases (issue 11, "What it must show"), each a small model in
// test/fixtures/models/hand/: depths and minimal sets a security architect worked out before running
// the tool, with the reasoning beside each assertion.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDepth } from '../../src/analyze/depth.js';
import type { DepthResult } from '../../src/analyze/depth-types.js';
import type { PreparedModel } from '../../src/analyze/prepared.js';
import { ROOT, ask, prepareText } from '../support/model.js';

function fixture(name: string, edit: (text: string) => string = (t) => t): PreparedModel {
  const file = `test/fixtures/models/hand/${name}.yaml`;
  return prepareText(edit(readFileSync(`${ROOT}${file}`, 'utf8')), file);
}

function depthOf(prepared: PreparedModel, from: string, controls: Record<string, boolean> = {}): DepthResult {
  const outcome = analyzeDepth(prepared, { from: [from], by: 'type', order: 2, controls, maxSets: 50 });
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('; '));
  return outcome.result;
}

function store(result: DepthResult, id: string) {
  const found = result.data.find((d) => d.id === id);
  if (found === undefined) throw new Error(`no data node ${id}`);
  return found;
}

describe('a session acts as its user (owner-on-pooled-host)', () => {
  // m and adm may share a VM. Any one of kernel, process or session failing gives m's code adm's
  // logon session; the user boundary does too, through adm's profile (code at adm's next sign-in).
  // Controlling adm's session is acting as adm: owner of s2, which holds vault. So depth 1 with
  // exactly {kernel}, {process}, {session}, {user}. Credential Guard only stops the *theft* of
  // adm's reusable secrets, not the use of the live session: the answer is the same with it on.
  const prepared = fixture('owner-on-pooled-host');
  for (const credentialGuard of [false, true]) {
    it(`vault has depth 1 via {kernel}, {process}, {session}, {user} with credentialGuard ${credentialGuard ? 'on' : 'off'}`, () => {
      const vault = store(depthOf(prepared, 'm', { credentialGuard }), 'vault');
      expect(vault.depth).toBe(1);
      expect(vault.minimalSets).toEqual([['kernel'], ['process'], ['session'], ['user']]);
    });
  }

  it('holds adm persistently when the kernel yields adm\u2019s credentials, and only while signed in under Credential Guard', () => {
    // Kernel failure, CG off: LSASS memory gives adm's reusable credential → persistent.
    const off = ask(prepared, { from: ['m'], fail: ['kernel'], controls: { credentialGuard: false } });
    expect(off.identities.find((i) => i.id === 'adm')).toMatchObject({ kind: 'principal', persistence: 'persistent' });
    expect(off.identities.find((i) => i.id === 'adm/credential')).toMatchObject({ persistence: 'persistent' });
    expect(off.data.map((d) => d.id)).toContain('vault');
    // CG on, and the pool stating drive redirection off: the credential sits behind vsm; adm is
    // reached only by acting through the session.
    const noDrives = fixture('owner-on-pooled-host', (t) => t.replace('    vms: 2\n', '    vms: 2\n    customRdpProperty: "drivestoredirect:s:"\n'));
    const on = ask(noDrives, { from: ['m'], fail: ['kernel'], controls: { credentialGuard: true } });
    expect(on.identities.find((i) => i.id === 'adm')).toMatchObject({ persistence: 'whileSignedIn' });
    expect(on.identities.some((i) => i.id === 'adm/credential')).toBe(false);
    expect(on.data.map((d) => d.id)).toContain('vault');
    // The foothold itself is the attacker's outright.
    expect(on.identities.find((i) => i.id === 'm')).toMatchObject({ persistence: 'persistent' });
    expect(on.organizations[0]!.reached).toMatchObject({ principals: 2, principalsPersistent: 1, principalsWhileSignedIn: 1 });
    // With the pool silent on RDP properties (AVD's default: drives redirected), adm's session writes
    // to adm's device, which holds adm's tokens: adm is held persistently, Credential Guard or not.
    const drives = ask(prepared, { from: ['m'], fail: ['kernel'], controls: { credentialGuard: true } });
    expect(drives.identities.find((i) => i.id === 'adm')).toMatchObject({ persistence: 'persistent' });
    expect(drives.identities.find((i) => i.id === 'adm/credential')).toMatchObject({ persistence: 'persistent' });
  });

  it('reaches nothing of adm with no failure', () => {
    // m's own session reaches m's own device through drive redirection, and so m's own tokens: nothing of adm.
    expect(ask(prepared, { from: ['m'] }).identities.map((i) => i.id)).toEqual(['m', 'm/credential']);
  });
});

describe('AppContainer code attacks the kernel directly (sandboxed-browser)', () => {
  // From the malicious website, a's sandboxed browser needs the browser boundary. From inside the
  // sandbox the kernel is one more failure (no appcontainer escape needed): {browser, kernel}. The
  // other way, {browser, appcontainer}, lands in a's own session, which still needs a second
  // co-residency failure to reach b's profile: three types. Hence depth 2, and {browser, kernel} is
  // the only 2-set: the process, session and user boundaries are not reachable from the sandbox.
  const prepared = fixture('sandboxed-browser');
  it('prof-b has depth 2 from web with {browser, kernel} among its minimal sets', () => {
    const prof = store(depthOf(prepared, 'web'), 'prof-b');
    expect(prof.depth).toBe(2);
    expect(prof.minimalSets).toContainEqual(['browser', 'kernel']);
    expect(prof.minimalSets.filter((s) => s.length === 2)).toEqual([['browser', 'kernel']]);
  });
});

describe('the user boundary yields the other user\u2019s session (other-users-database)', () => {
  // No FSLogix store: b's profile is a local folder on whichever VM b signs in to. With the user
  // boundary failed, a writes b's Startup folder, the code runs in b's next session, and b's
  // session reaches b-db (b is authorized). So {user} is a minimal set, beside kernel, process and
  // session (each yields b's session directly).
  const prepared = fixture('other-users-database');
  it('from a, {user} is among the minimal sets of b-db', () => {
    const db = store(depthOf(prepared, 'a'), 'b-db');
    expect(db.depth).toBe(1);
    expect(db.minimalSets).toEqual([['kernel'], ['process'], ['session'], ['user']]);
  });
});

describe('FSLogix containers live on a share (shared-profile-share)', () => {
  // a and d never share a VM (different pools, each on its own declared host), so a's VM boundaries
  // lead nowhere near d. But both containers are files on one SMB share, which a's host mounts: the
  // share's own user boundary (user@profiles:share) is all that keeps a out of d's container. So
  // {user} is its only minimal set. With `access: storageKey`, a's host holds the storage account
  // key: a kernel failure on a's VM yields the key and every container, so {kernel} joins {user}.
  it('from a, d\u2019s container falls to {user} on the share instance', () => {
    const prepared = fixture('shared-profile-share');
    const container = store(depthOf(prepared, 'a'), 'profiles/d');
    expect(container.depth).toBe(1);
    expect(container.minimalSets).toEqual([['user']]);
    expect(container.witnesses[0]!.path.map((h) => h.instance).filter((i) => i !== null)).toEqual(['user@profiles:share']);
  });

  it('with the storage key on the hosts, {kernel} reaches it too', () => {
    const prepared = fixture('shared-profile-share', (t) => t.replace('    users: [a, d]\n', '    users: [a, d]\n    access: storageKey\n'));
    const container = store(depthOf(prepared, 'a'), 'profiles/d');
    expect(container.depth).toBe(1);
    expect(container.minimalSets).toEqual([['kernel'], ['user']]);
  });
});

describe('a VM escape reads VSM secrets (vm-escape-reads-vsm)', () => {
  // x is an admin: x's session controls x's desktop kernel with no failure. A VM escape (vm) gives
  // the physical host, which reads every guest's memory — pool-b's kernels and, Credential Guard or
  // not, the credentials VSM protects there (the guest's VSM is enforced by that very hypervisor).
  // owner-b's credential or session acts as owner-b, who owns sub-b, which holds b-share. Tenants
  // and subscriptions are separate, yet one failure suffices: depth 1 via {vm}.
  const prepared = fixture('vm-escape-reads-vsm');
  it('b-share has depth 1 via {vm}', () => {
    const share = store(depthOf(prepared, 'x'), 'b-share');
    expect(share.depth).toBe(1);
    expect(share.minimalSets).toEqual([['vm']]);
  });

  it('holds owner-b persistently: the stolen credential, not only the live session', () => {
    const result = ask(prepared, { from: ['x'], fail: ['vm'] });
    expect(result.identities.find((i) => i.id === 'owner-b')).toMatchObject({ persistence: 'persistent' });
    expect(result.identities.find((i) => i.id === 'owner-b/credential')).toMatchObject({ persistence: 'persistent' });
  });

  it('confidential VMs put a boundary back: {vm, vsm}', () => {
    // Guest memory is encrypted against the host: the host reaches pool-b's guests only across
    // vsm@<vm>:memory, so the VM escape alone no longer suffices.
    const confidential = fixture('vm-escape-reads-vsm', (t) => t.replace('    type: pooled\n', '    type: pooled\n    confidential: true\n'));
    const share = store(depthOf(confidential, 'x'), 'b-share');
    expect(share.depth).toBe(2);
    expect(share.minimalSets).toEqual([['vm', 'vsm']]);
  });
});

describe('tenant admins are local admins of the joined hosts they sign in to', () => {
  // ga is a Global Administrator of dir and signs in to pool, whose subscription belongs to dir: the
  // hosts are joined to ga's directory, where Global Administrators are local administrators. So
  // ga's session controls the kernel with no failure and reaches m's database.
  const text = readFileSync(`${ROOT}test/fixtures/models/hand/other-users-database.yaml`, 'utf8').replace(
    '  - id: b\n    organization: org\n    hostPool: pool\n',
    '  - id: b\n    organization: org\n    hostPool: pool\n  - id: ga\n    organization: org\n    privilege: tenantAdmin\n    hostPool: pool\n',
  );
  it('ga controls every VM of the pool with no failure', () => {
    const prepared = prepareText(text);
    const result = ask(prepared, { from: ['ga'] });
    expect(result.availability.map((a) => a.vm)).toEqual(['pool-vm1', 'pool-vm2']);
    expect(result.data.map((d) => d.id)).toContain('b-db');
    // Before: a tenant admin's session was unprivileged code; no VM was controlled without a kernel failure.
    expect(prepared.deployment.memberById.get('ga')!.hostAdmin).toBe(true);
    expect(prepared.deployment.memberById.get('a')!.hostAdmin).toBe(false);
  });
});

describe('no silent optimism about physical hosts', () => {
  // No `physicalHosts`: the VMs of every pool may share a physical host, as in a public cloud, and
  // the output says so. `dedicatedHost: true` takes a pool off the shared host.
  const text = readFileSync(`${ROOT}test/fixtures/models/hand/vm-escape-reads-vsm.yaml`, 'utf8').replace(/physicalHosts:\n  - id: host\n    hostPools: \[desks-a, pool-b\]\n/, '');
  it('assumes a shared host and says so; b-share is still at depth 1 via {vm}', () => {
    const prepared = prepareText(text);
    expect(prepared.deployment.assumptions).toEqual([
      'no physical host is declared for pools desks-a, pool-b: assumed to share one physical host with each other, as VMs may in a public cloud (worst case); declare `physicalHosts` or `dedicatedHost: true` to change it',
      "no `customRdpProperty` for pools desks-a, pool-b: assumed to redirect drives, clipboard, printers and USB devices back to the users' devices, as Azure Virtual Desktop does by default (worst case); state `customRdpProperty` to change it",
      // sub-a (dir-a) and sub-b (dir-b): one subscription failure crosses between tenants, said too.
      "subscriptions of 2 tenants (dir-a: sub-a; dir-b: sub-b): assumed that a subscription failure alone crosses from one tenant's subscriptions into another's, with no tenant failure, as a cross-tenant flaw of the Azure control plane or a resource provider would (worst case); so whoever controls a subscription is one failure from every other tenant's subscriptions",
    ]);
    const result = depthOf(prepared, 'x');
    expect(result.assumptions).toEqual(prepared.deployment.assumptions);
    expect(store(result, 'b-share').minimalSets).toEqual([['vm']]);
  });

  it('a dedicated host for pool-b removes the path', () => {
    const prepared = prepareText(text.replace('    type: pooled\n', '    type: pooled\n    dedicatedHost: true\n'));
    expect(store(depthOf(prepared, 'x'), 'b-share').depth).toBeNull();
  });
});
