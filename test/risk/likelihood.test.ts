// Failure likelihoods: the shipped defaults are documented (reasoning, sources, docs/risk.md), the
// patch-cadence knob moves only the known-vulnerability share, and overrides resolve against the
// graph from least to most specific.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOUNDARY_TYPES } from '../../src/domain/boundary.js';
import { buildFailureModel, overridesOf } from '../../src/risk/failure-model.js';
import {
  DEFAULT_LIKELIHOODS,
  DEFAULT_PATCH_SETTINGS,
  combine,
  defaultLikelihood,
  exposedDays,
  knownUnpatched,
  parseLikelihoodFlag,
  type LikelihoodOverride,
} from '../../src/risk/likelihood.js';
import { compileEdges } from '../engine/build.js';
import { loadBundled } from './bundled.js';

const docs = readFileSync(new URL('../../docs/risk.md', import.meta.url), 'utf8');

function override(target: string, fields: Partial<LikelihoodOverride> = {}): LikelihoodOverride {
  return { target, probability: null, configuration: null, zeroDay: null, knownPerYear: null, note: '', source: 'model', ...fields };
}

describe('default failure likelihoods', () => {
  it.each(BOUNDARY_TYPES)('%s has reasoning, sources and a probability in (0, 1), and docs/risk.md lists it', (type) => {
    const d = DEFAULT_LIKELIHOODS[type];
    expect(d.reasoning.length).toBeGreaterThan(80);
    expect(d.sources.length).toBeGreaterThan(0);
    const p = defaultLikelihood(type, DEFAULT_PATCH_SETTINGS).probability;
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    // The documented table shows every default, to four decimals, on the type's row.
    const row = docs.split('\n').find((line) => line.startsWith(`| ${type} `));
    expect(row, `docs/risk.md has a row for ${type}`).toBeDefined();
    expect(row).toContain(p.toFixed(4));
  });

  it('are flagged as assumptions in the docs', () => {
    expect(docs).toMatch(/assumptions/i);
  });
});

describe('patch cadence', () => {
  it('exposed days grow with the patch delay and vanish with instant patching', () => {
    expect(exposedDays({ patchDays: 0, exploitDays: 5 })).toBe(0);
    expect(exposedDays({ patchDays: 10, exploitDays: 0 })).toBe(10);
    let previous = 0;
    for (const patchDays of [1, 7, 14, 30, 60, 120]) {
      const d = exposedDays({ patchDays, exploitDays: 5 });
      expect(d).toBeGreaterThan(previous);
      expect(d).toBeLessThan(patchDays);
      previous = d;
    }
    // Far beyond the exploit delay, every day but the first few is exposed.
    expect(exposedDays({ patchDays: 365, exploitDays: 5 })).toBeCloseTo(360, 6);
  });

  it('moves the known-vulnerability share only, and only of boundaries the customer patches', () => {
    const fast = { patchDays: 7, exploitDays: 5 };
    const slow = { patchDays: 90, exploitDays: 5 };
    const kernel = DEFAULT_LIKELIHOODS.kernel;
    expect(combine(kernel, true, fast).knownUnpatched).toBeLessThan(combine(kernel, true, slow).knownUnpatched);
    expect(combine(kernel, true, fast).configuration).toBe(combine(kernel, true, slow).configuration);
    expect(knownUnpatched(0, slow)).toBe(0);
    expect(defaultLikelihood('vm', fast).probability).toBe(defaultLikelihood('vm', slow).probability);
    expect(defaultLikelihood('tenant', fast).knownUnpatched).toBe(0);
  });
});

describe('overrides', () => {
  const c = compileEdges([
    { from: 'a', to: 'b', instance: 'kernel@vm1', groups: ['build:old'] },
    { from: 'a', to: 'c', instance: 'kernel@vm2', groups: ['build:new'] },
    { from: 'b', to: 'd', instance: 'vm@host' },
  ]);
  const patch = DEFAULT_PATCH_SETTINGS;

  it('apply from the least to the most specific, later entries winning among equals', () => {
    const r = buildFailureModel(c, 'instance', patch, [
      override('kernel@vm2', { probability: 0.9 }),
      override('build:old', { probability: 0.5 }),
      override('kernel', { probability: 0.2 }),
      override('kernel', { probability: 0.3 }),
    ]);
    if (!r.ok) throw new Error(r.problems.join('\n'));
    const at = (id: string) => r.model.instance[c.instanceIndex.get(id)!];
    expect(at('kernel@vm1')).toBe(0.5);
    expect(at('kernel@vm2')).toBe(0.9);
    expect(r.model.types[BOUNDARY_TYPES.indexOf('kernel')]!.probability).toBe(0.3);
    expect(at('vm@host')).toBe(defaultLikelihood('vm', patch).probability);
  });

  it('merge cause figures onto the defaults', () => {
    const r = buildFailureModel(c, 'type', patch, [override('kernel', { knownPerYear: 0, zeroDay: 0 })]);
    if (!r.ok) throw new Error('unexpected');
    expect(r.model.types[BOUNDARY_TYPES.indexOf('kernel')]!.probability).toBeCloseTo(DEFAULT_LIKELIHOODS.kernel.configuration, 12);
  });

  it('name unknown targets with a suggestion', () => {
    const r = buildFailureModel(c, 'type', patch, [override('kernal')]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatch(/risk\.likelihoods\[0\].*kernal.*did you mean 'kernel'/);
  });

  it('of instances and groups are ignored, with a note, when failures are per type', () => {
    const r = buildFailureModel(c, 'type', patch, [override('build:old', { probability: 0.5 })]);
    if (!r.ok) throw new Error('unexpected');
    expect(r.model.notes[0]).toMatch(/ignored with failures per type/);
    expect(r.model.overrides[0]!.applied).toBe(false);
  });

  it('parse from the command line', () => {
    const ok = parseLikelihoodFlag('kernel@build:old=0.25');
    expect(ok.ok && ok.override).toMatchObject({ target: 'kernel@build:old', probability: 0.25, source: 'command line' });
    expect(parseLikelihoodFlag('kernel=2').ok).toBe(false);
    expect(parseLikelihoodFlag('kernel').ok).toBe(false);
  });

  it('are read from a model file', () => {
    const { prepared } = loadBundled('cross-org-separated', (text) =>
      text.replace(
        'controls:',
        ['risk:', '  patchDays: 7', '  likelihoods:', '    - target: vm', '      probability: 0.001', '      note: our own estimate', 'controls:'].join('\n'),
      ),
    );
    const r = buildFailureModel(prepared.compiled, 'type', { patchDays: prepared.model.risk!.patchDays, exploitDays: 5 }, overridesOf(prepared.model.risk));
    if (!r.ok) throw new Error('unexpected');
    expect(r.model.types[BOUNDARY_TYPES.indexOf('vm')]!).toMatchObject({ probability: 0.001, source: 'model', note: 'our own estimate' });
    expect(r.model.patch.patchDays).toBe(7);
  });
});
