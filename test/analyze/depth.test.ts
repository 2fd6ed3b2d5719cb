// Defense depth through the CLI and the API, on the bundled models: the acceptance answers,
// instance mode, and witnesses that cross exactly their minimal set.

import { describe, expect, it } from 'vitest';
import { analyzeDepth } from '../../src/analyze/depth.js';
import type { DepthResult } from '../../src/analyze/depth-types.js';
import { cli } from '../support/cli.js';
import { prepareBundled } from '../support/model.js';

async function depthJson(argv: string[]): Promise<DepthResult> {
  const run = await cli(['depth', ...argv, '--json']);
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.out) as DepthResult;
}


describe('depth', () => {
  it('cross-org-shared: every contoso data store sits at depth 1 from mallory', async () => {
    const result = await depthJson(['models/cross-org-shared.yaml', '--from', 'mallory']);
    const contoso = result.data.filter((d) => d.organization === 'contoso');
    expect(contoso).toHaveLength(14);
    for (const d of contoso) expect(d.depth).toBe(1);
    // The finance database is not a file on the host, but the user (NTFS) boundary leads to alice's
    // profile, whose logon code runs in her session, which reaches the database (profile-logon-code).
    expect(contoso.find((d) => d.id === 'contoso-finance')!.minimalSets).toEqual([['kernel'], ['process'], ['session'], ['user']]);
    expect(contoso.find((d) => d.id === 'contoso-profiles/alice')!.minimalSets).toEqual([['kernel'], ['process'], ['session'], ['user']]);
  });

  it('cross-org-separated: contoso data needs at least two failures', async () => {
    const result = await depthJson(['models/cross-org-separated.yaml', '--from', 'mallory']);
    for (const d of result.data.filter((x) => x.organization === 'contoso')) {
      expect(d.depth).toBe(2);
      expect(d.minimalSets).toEqual([['kernel', 'vm']]);
    }
  });

  it('single-org-pooled: a local admin reaches other users\u2019 data with no failure', async () => {
    const result = await depthJson(['models/single-org-pooled.yaml', '--from', 'admin-ann']);
    const alice = result.data.find((d) => d.id === 'contoso-profiles/alice')!;
    expect(alice.depth).toBe(0);
    expect(alice.minimalSets).toEqual([[]]);
  });

  it('admins-personal: the same admin needs failures that this model cannot even offer', async () => {
    const result = await depthJson(['models/admins-personal.yaml', '--from', 'admin-ann']);
    expect(result.data.find((d) => d.id === 'contoso-profiles/alice')!.depth).toBeNull();
  });

  it('by instance: each minimal set names concrete boundaries, and counts stay exact when capped', async () => {
    const result = await depthJson(['models/cross-org-separated.yaml', '--from', 'mallory', '--by', 'instance', '--order', '2', '--max-sets', '1']);
    const finance = result.data.find((d) => d.id === 'contoso-finance')!;
    expect(finance.depth).toBe(2);
    // fabrikam-pool has 2 VMs, each with its own kernel; all VMs share azure-host-1.
    expect(finance.minimalSetCount).toBe(2);
    expect(finance.minimalSets).toEqual([['kernel@fabrikam-pool-vm1', 'vm@azure-host-1']]);
    expect(result.organizations.find((o) => o.id === 'contoso')!.truncated).toBe(true);
  });

  it('every witness path crosses exactly the boundaries of its set', () => {
    for (const name of ['cross-org-shared', 'cross-org-separated', 'single-org-pooled'] as const) {
      for (const by of ['type', 'instance'] as const) {
        const outcome = analyzeDepth(prepareBundled(name), { from: name === 'single-org-pooled' ? ['bob'] : ['mallory'], by, order: 2, controls: {}, maxSets: 50 });
        if (!outcome.ok) throw new Error('depth failed');
        for (const d of outcome.result.data) {
          for (const w of d.witnesses) {
            const crossed = new Set(w.path.flatMap((hop) => (hop.boundary === null ? [] : [by === 'type' ? hop.boundary : hop.instance!])));
            expect([...crossed].sort()).toEqual([...w.set]);
            expect(w.path.at(-1)?.to ?? d.id).toBe(d.id);
          }
        }
      }
    }
  });
});
