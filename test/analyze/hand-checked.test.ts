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
    // CG on: the credential sits behind vsm; adm is reached only by acting through the session.
    const on = ask(prepared, { from: ['m'], fail: ['kernel'], controls: { credentialGuard: true } });
    expect(on.identities.find((i) => i.id === 'adm')).toMatchObject({ persistence: 'whileSignedIn' });
    expect(on.identities.some((i) => i.id === 'adm/credential')).toBe(false);
    expect(on.data.map((d) => d.id)).toContain('vault');
    // The foothold itself is the attacker's outright.
    expect(on.identities.find((i) => i.id === 'm')).toMatchObject({ persistence: 'persistent' });
    expect(on.organizations[0]!.reached).toMatchObject({ principals: 2, principalsPersistent: 1, principalsWhileSignedIn: 1 });
  });

  it('reaches nothing of adm with no failure', () => {
    expect(ask(prepared, { from: ['m'] }).identities.map((i) => i.id)).toEqual(['m']);
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
