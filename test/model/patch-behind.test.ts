// Patch cadence per host pool: `patchDays` on a pool overrides `risk.patchDays`; the failure spec
// `patch>N` / `kernel@patch>N` fails the boundaries of every pool more than N days behind, and
// `indepth risk` uses each pool's own cadence (per instance) or the slowest (per type).

import { describe, expect, it } from 'vitest';
import { parseFailureSpec } from '../../src/model/failure-spec.js';
import { analyzeRisk, DEFAULT_RISK_QUESTION } from '../../src/risk/analyze.js';
import { buildFailureModel } from '../../src/risk/failure-model.js';
import { acme, ask, prepareText } from '../support/model.js';

// Three pools: `slow` 45 days behind, `fast` 7, `plain` the model's 20. Hand count: one VM each,
// so one kernel instance each.
const text = acme(`
risk:
  patchDays: 20
hostPools:
  - id: slow
    subscription: acme-sub
    type: pooled
    patchDays: 45
  - id: fast
    subscription: acme-sub
    type: pooled
    patchDays: 7
  - id: plain
    subscription: acme-sub
    type: pooled
users:
  - id: ann
    organization: acme
    hostPool: slow
`);

describe('patch>N failure specs', () => {
  it('parses with or without a boundary type, and refuses malformed ones', () => {
    expect(parseFailureSpec('kernel@patch>30')).toEqual({ ok: true, spec: { kind: 'patchBehind', type: 'kernel', days: 30 } });
    expect(parseFailureSpec('patch>0')).toEqual({ ok: true, spec: { kind: 'patchBehind', type: null, days: 0 } });
    expect(parseFailureSpec('kernl@patch>30')).toMatchObject({ ok: false, message: expect.stringContaining('did you mean `kernel`') });
    expect(parseFailureSpec('patch>thirty')).toMatchObject({ ok: false, message: expect.stringContaining('patch>DAYS') });
  });

  it('fails the kernel of every host more than N days behind, and nothing else', () => {
    const prepared = prepareText(text);
    const failed = (spec: string) => ask(prepared, { from: ['ann'], fail: [spec] }).failedInstances;
    // > 30: only `slow` (45). > 10: `slow` and `plain` (20). > 45: none — legal, zero instances.
    expect(failed('kernel@patch>30')).toBe(1);
    expect(failed('kernel@patch>10')).toBe(2);
    expect(failed('kernel@patch>45')).toBe(0);
    // Without a type: every boundary instance of those pools (kernel, session, process, user, vsm, network).
    expect(failed('patch>30')).toBeGreaterThan(1);
  });
});

describe('risk with patch cadence per pool', () => {
  it('gives each pool\u2019s kernel its own cadence per instance, the slowest per type', () => {
    const prepared = prepareText(text);
    const cadence = new Map([
      ['pool:slow', 45],
      ['pool:fast', 7],
      ['pool:plain', 20],
    ]);
    const patch = { patchDays: 20, exploitDays: 5 };
    const perInstance = buildFailureModel(prepared.compiled, 'instance', patch, [], cadence);
    if (!perInstance.ok) throw new Error('failure model rejected');
    const kernel = (vm: string) => perInstance.model.instance[prepared.compiled.instanceIndex.get(`kernel@${vm}`)!]!;
    // Known kernel flaws stay open longer on a slower pool: strictly ordered by cadence.
    expect(kernel('slow-vm1')).toBeGreaterThan(kernel('plain-vm1'));
    expect(kernel('plain-vm1')).toBeGreaterThan(kernel('fast-vm1'));
    const perType = buildFailureModel(prepared.compiled, 'type', patch, [], cadence);
    if (!perType.ok) throw new Error('failure model rejected');
    expect(perType.model.patch.patchDays).toBe(45);
    expect(perType.model.notes.join(' ')).toContain('slowest pool');
    // The analysis wires the model's pools in: risk of ann's pool uses 45 days per type.
    const risk = analyzeRisk(prepared, { ...DEFAULT_RISK_QUESTION, from: ['ann'] });
    if (!risk.ok) throw new Error('risk rejected');
    expect(risk.result.likelihoods.patch.patchDays).toBe(45);
  });
});
