// The CLI's acceptance checks, in-process: simulate's JSON has a top-level `data` list (contoso's
// entries appear only once the kernel fails), and validate prints every problem as file:line:col.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WhatIfResult } from '../../src/analyze/what-if-types.js';
import { cli, STACK_FRAME } from '../support/cli.js';
import { prepareBundled, type BundledModel } from '../support/model.js';

describe('simulate --json', () => {
  it('from mallory with no failure: a data array without contoso entries', async () => {
    const run = await cli(['simulate', 'models/cross-org-shared.yaml', '--from', 'mallory', '--json']);
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
    const result = JSON.parse(run.out) as WhatIfResult;
    expect(Array.isArray(result.data)).toBe(true);
    expect(result.data.length).toBeGreaterThan(0);
    expect(result.data.filter((d) => d.organization === 'contoso')).toEqual([]);
  });

  it('with --fail kernel: contoso entries, each with id, organization, impacts and a path', async () => {
    const run = await cli(['simulate', 'models/cross-org-shared.yaml', '--from', 'mallory', '--fail', 'kernel', '--json']);
    expect(run.code).toBe(0);
    const contoso = (JSON.parse(run.out) as WhatIfResult).data.filter((d) => d.organization === 'contoso');
    expect(contoso.length).toBe(14);
    for (const d of contoso) {
      expect(typeof d.id).toBe('string');
      expect(d.impacts.length).toBeGreaterThan(0);
      expect(d.path.length).toBeGreaterThan(0);
      expect(d.path[d.path.length - 1]!.to).toBe(d.id);
    }
  });

  it('takes scenario flags on top of a scenario file', async () => {
    const run = await cli(['simulate', 'models/cross-org-separated.yaml', '--scenario', 'scenarios/kernel-0day.yaml', '--fail', 'vm', '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out) as WhatIfResult;
    expect(result.scenario).toMatchObject({ name: 'kernel-0day', from: ['mallory'], fail: ['kernel', 'vm'] });
    expect(result.summary.exposedOrganizations).toEqual(['contoso']);
  });
});

describe('validate', () => {
  it('prints an unknown key, a dangling reference and a bad enum as exactly three file:line:col lines, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'indepth-cli-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      [
        'name: bad', //                                   1
        'organizations:', //                              2
        '  - id: acme', //                                3
        '    colour: red', //                             4  unknown key at col 5
        'tenants:', //                                    5
        '  - id: acme-dir', //                            6
        '    organizations: [acme, ghost]', //            7  dangling reference at col 27
        'subscriptions:', //                              8
        '  - id: acme-sub', //                            9
        '    tenant: acme-dir', //                        10
        '    organizations: [acme]', //                   11
        'hostPools:', //                                  12
        '  - id: pool', //                                13
        '    subscription: acme-sub', //                  14
        '    type: poold', //                             15 bad enum at col 11
        '',
      ].join('\n'),
    );
    const run = await cli(['validate', file]);
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    const lines = run.err.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^${escape(file)}:4:5: .*\`colour\``));
    expect(lines[1]).toMatch(new RegExp(`^${escape(file)}:7:27: .*\`ghost\``));
    expect(lines[2]).toMatch(new RegExp(`^${escape(file)}:15:11: .*\`poold\``));
    expect(run.err).not.toMatch(STACK_FRAME);
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts every bundled model, exit 0', async () => {
    const models = ['admins-personal', 'cross-org-separated', 'cross-org-shared', 'single-org-pooled'].map((m) => `models/${m}.yaml`);
    const run = await cli(['validate', ...models]);
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
    expect(run.out.trimEnd().split('\n').map((l) => l.split(':')[0])).toEqual(models);
    // The counts come from the compiled form (no graphology graph is built); they are the graph's.
    for (const [i, name] of ['admins-personal', 'cross-org-separated', 'cross-org-shared', 'single-org-pooled'].entries()) {
      const { graph } = prepareBundled(name as BundledModel);
      expect(run.out.trimEnd().split('\n')[i]).toBe(`${models[i]}: ok (${graph.order} nodes, ${graph.size} edges)`);
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
