// Golden files: `simulate MODEL --scenario SCENARIO --json` for every bundled model × scenario, run
// in-process; stdout (or, where the model lacks the foothold, stderr and exit 1) must match
// test/golden/expected/. `UPDATE_GOLDEN=1 npx vitest run test/golden` rewrites them.

import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { WhatIfResult } from '../../src/analyze/what-if-types.js';
import { cli, STACK_FRAME } from '../support/cli.js';
import { expectRealExplanations } from '../support/explanations.js';
import { BUNDLED_MODELS, BUNDLED_SCENARIOS, ROOT, prepareBundled } from '../support/model.js';

const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const EXPECTED = `${ROOT}test/golden/expected/`;

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('golden: simulate --scenario --json', () => {
  it('covers every bundled model and scenario, and keeps no expected file for any other pair', () => {
    const names = (dir: string) => readdirSync(`${ROOT}${dir}`).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort();
    expect(names('models')).toEqual([...BUNDLED_MODELS]);
    expect(names('scenarios')).toEqual([...BUNDLED_SCENARIOS]);
    const pairs = new Set(BUNDLED_MODELS.flatMap((m) => BUNDLED_SCENARIOS.map((s) => `${m}__${s}`)));
    for (const file of readdirSync(EXPECTED)) expect(pairs.has(file.replace(/\.(json|txt)$/, '')), file).toBe(true);
  });

  for (const model of BUNDLED_MODELS) {
    for (const scenario of BUNDLED_SCENARIOS) {
      it(`${model} × ${scenario}`, async () => {
        const run = await cli(['simulate', `models/${model}.yaml`, '--scenario', `scenarios/${scenario}.yaml`, '--json']);
        const ok = run.code === 0;
        if (ok) {
          expect(run.err).toBe('');
        } else {
          expect(run.code).toBe(1);
          expect(run.out).toBe('');
          expect(run.err).toMatch(new RegExp(`^scenarios/${scenario}\\.yaml:\\d+:\\d+: unknown foothold`));
          expect(run.err).not.toMatch(STACK_FRAME);
        }
        const file = `${EXPECTED}${model}__${scenario}.${ok ? 'json' : 'txt'}`;
        const other = `${EXPECTED}${model}__${scenario}.${ok ? 'txt' : 'json'}`;
        const actual = ok ? run.out : run.err;
        if (UPDATE) {
          writeFileSync(file, actual);
          rmSync(other, { force: true });
        }
        expect(existsSync(other), `stale ${other}`).toBe(false);
        expect(existsSync(file), `missing ${file}; run UPDATE_GOLDEN=1 npx vitest run test/golden`).toBe(true);
        expect(actual).toBe(readFileSync(file, 'utf8'));

        if (ok) {
          // Beyond byte equality: the output is sorted and its explanations are real paths.
          const result = JSON.parse(run.out) as WhatIfResult;
          const ids = result.data.map((d) => d.id);
          expect(ids).toEqual([...ids].sort(byCodeUnit));
          const vms = result.availability.map((a) => a.vm);
          expect(vms).toEqual([...vms].sort(byCodeUnit));
          expectRealExplanations(prepareBundled(model).graph, result);
        }
      });
    }
  }
});
