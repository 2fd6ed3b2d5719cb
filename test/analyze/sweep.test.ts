// Exposure sweeps on cross-org-shared from mallory, hand-checked: which single failures expose how
// much contoso data (14 nodes: 13 profile containers and the finance database).

import { describe, expect, it } from 'vitest';
import type { SweepResult } from '../../src/analyze/sweep.js';
import { cli } from '../support/cli.js';

async function sweepJson(argv: string[]): Promise<SweepResult> {
  const run = await cli(['sweep', 'models/cross-org-shared.yaml', '--from', 'mallory', ...argv, '--json']);
  expect(run.code).toBe(0);
  return JSON.parse(run.out) as SweepResult;
}

describe('sweep', () => {
  it('by type: one row per subset of the graph\u2019s boundary types, contoso reached by the co-residence ones', async () => {
    const result = await sweepJson(['--order', '1']);
    const contoso = result.organizations.indexOf('contoso');
    const row = (set: string) => result.rows.find((r) => r.failed.join() === set)!;
    expect(result.totals[contoso]).toBe(14);
    expect(row('').reached[contoso]).toBe(0);
    expect(row('kernel').reached[contoso]).toBe(14);
    expect(row('session').reached[contoso]).toBe(14);
    expect(row('process').reached[contoso]).toBe(14);
    // A failed NTFS (user) boundary yields the profiles, and through alice's profile (logon code)
    // her session and the finance database.
    expect(row('user').reached[contoso]).toBe(14);
    expect(row('browser').reached[contoso]).toBe(0);
    // types of cross-org-shared: network kernel process user session browser vsm → 7 singletons + empty set
    expect(result.rows).toHaveLength(8);
  });

  it('by instance: rows are the minimal instance sets; each single VM kernel exposes everything', async () => {
    const result = await sweepJson(['--by', 'instance', '--order', '2']);
    const contoso = result.organizations.indexOf('contoso');
    for (let vm = 1; vm <= 4; vm++) {
      const row = result.rows.find((r) => r.failed.join() === `kernel@shared-pool-vm${vm}`)!;
      expect(row.reached[contoso]).toBe(14);
    }
    expect(result.rows.every((r) => r.failed.length <= 1)).toBe(true);
  });
});
