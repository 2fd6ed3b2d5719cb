// The text outputs show each profile container under its own user's organization (a provider's
// FSLogix store holds several organizations' data) and mark on the depth table what the attacker
// may legitimately do to a store, with the depth of the rest — as the summary lines already did.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const PROVIDER = 'test/fixtures/models/hand/provider-profile-containers.yaml';
const READER = 'test/fixtures/models/hand/read-only-reader-co-resident.yaml';

describe('text rows by owner and by authorization', () => {
  // provider-profile-containers.yaml: msp's store `profiles` holds a's (alpha) and b's (beta)
  // containers. From a with {kernel, vm} failed, a reaches its own container and b's: the reached
  // data lists `profiles` once under alpha and once under beta — it listed both under alpha.
  it('simulate lists a provider store\u2019s containers under each container\u2019s organization', async () => {
    const run = await cli(['simulate', PROVIDER, '--from', 'a', '--fail', 'kernel,vm']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('alpha (attacker\u2019s own): reached data\n  profiles  confidential fslogixProfile  read, tamper, deny  (no failure needed)\n');
    expect(run.out).toContain('beta: reached data\n  profiles  confidential fslogixProfile  read, tamper, deny  (via kernel@alpha-pool-vm1, vm@assumed:shared-host)\n');
  });

  // The same store from beta by type: its row for alpha's container is alpha's (1 failure: {user} on
  // the share, or {kernel, vm} is 2), and b's own container is beta's at 0.
  it('depth has one row per store and owner', async () => {
    const run = await cli(['depth', PROVIDER, '--from', 'beta']);
    expect(run.code).toBe(0);
    const rows = run.out.split('\n').filter((line) => line.startsWith('profiles '));
    expect(rows.map((r) => r.split(/\s{2,}/).slice(0, 3))).toEqual([
      ['profiles', 'alpha', '1'],
      ['profiles', 'beta', '0'],
    ]);
  });

  // read-only-reader-co-resident.yaml (reasoning in its header): b may read alpha-share (depth 0,
  // authorized) but tampering or denying needs a's session, one failure away; alpha-team is fully
  // authorized (SMB Share Contributor). The table said "alpha-share alpha 0 no failure", as if it leaked.
  it('depth marks authorized access on the row and gives the depth of the rest', async () => {
    const run = await cli(['depth', READER, '--from', 'beta']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/\nalpha-share +alpha +0 \(read authorized\) +tamper, deny: depth 1 via \{kernel\} or \{process\} or \{session\} or \{user\}\n/);
    expect(run.out).toMatch(/\nalpha-team +alpha +0 \(authorized\) +no failure\n/);
    expect(run.out).toMatch(/\nbeta-db +beta +0 +no failure\n/);
  });

  // The same model with a second beta user c on the pool, who is not a reader: beta's organization may
  // read alpha-share, but c reaches it (and a's session, which controls it) only through one failure,
  // so read is authorized at depth 1 and tamper/deny are leakage at depth 1 too. A fresh user's trial
  // found the row saying "tamper, deny: not reached" (depth.ts leaves `beyondRead` out when it equals
  // the node's own answer, and the table read the absence as "never").
  it('depth gives the depth beyond read when it equals the depth of any reach', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'indepth-rows-'));
    const file = join(dir, 'reader-and-colleague.yaml');
    const text = readFileSync(READER, 'utf8').replace('  - id: b\n    organization: beta\n    hostPool: pool\n', '  - id: b\n    organization: beta\n    hostPool: pool\n  - id: c\n    organization: beta\n    hostPool: pool\n');
    expect(text).toContain('id: c');
    writeFileSync(file, text);
    const run = await cli(['depth', file, '--from', 'c']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/\nalpha-share +alpha +1 \(read authorized\) +tamper, deny: depth 1 via \{kernel\} or \{process\} or \{session\} or \{user\}\n/);
  });
});
