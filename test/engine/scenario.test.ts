// Failure specs and controls: how each spec form resolves, and the typed error (with did-you-mean
// suggestions) for specs that name nothing in the graph.

import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTROLS } from '../../src/domain/controls.js';
import { controlMask, failTypes, resolveFailures } from '../../src/engine/scenario.js';
import type { FailureResolution } from '../../src/engine/scenario.js';
import type { CompiledGraph } from '../../src/compile/compile.js';
import { compileEdges } from './build.js';

const c = compileEdges([
  { from: 'p1', to: 'vm1', instance: 'kernel@pool1-vm1', groups: ['build:win11'] },
  { from: 'p2', to: 'vm2', instance: 'kernel@pool1-vm2', groups: ['build:win10'] },
  { from: 's1', to: 's2', instance: 'session@pool1-vm1', groups: ['build:win11'] },
  { from: 's2', to: 's3', instance: 'session@pool1-vm3' },
]);

function failedIds(compiled: CompiledGraph, result: FailureResolution): string[] {
  if (!result.ok) throw new Error(result.error.message);
  return compiled.instanceIds.filter((_, i) => result.failed[i] === 1);
}

describe('resolveFailures', () => {
  it('reads types, instance ids, groups and type@group', () => {
    expect(failedIds(c, resolveFailures(c, ['kernel']))).toEqual(['kernel@pool1-vm1', 'kernel@pool1-vm2']);
    expect(failedIds(c, resolveFailures(c, ['session@pool1-vm3']))).toEqual(['session@pool1-vm3']);
    expect(failedIds(c, resolveFailures(c, ['build:win11']))).toEqual(['kernel@pool1-vm1', 'session@pool1-vm1']);
    expect(failedIds(c, resolveFailures(c, ['kernel@build:win11']))).toEqual(['kernel@pool1-vm1']);
    expect(failedIds(c, resolveFailures(c, ['kernel@build:win11', 'session@pool1-vm3']))).toEqual([
      'kernel@pool1-vm1',
      'session@pool1-vm3',
    ]);
  });

  it('reports how each spec was read, including types with no instance here', () => {
    const result = resolveFailures(c, ['vsm', 'build:win10']);
    expect(result.ok && result.resolved).toEqual([
      { spec: 'vsm', kind: 'type', instanceCount: 0 },
      { spec: 'build:win10', kind: 'group', instanceCount: 1 },
    ]);
  });

  it('lists every unknown spec with a suggestion when one is close', () => {
    const result = resolveFailures(c, ['kernal', 'session@pool1-vm4', 'kernel@build:win111', 'kernel', 'quantum-tunnel']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('unknownFailureSpecs');
    expect(result.error.unknown).toEqual([
      { index: 0, spec: 'kernal', suggestion: 'kernel' },
      { index: 1, spec: 'session@pool1-vm4', suggestion: 'session@pool1-vm1' },
      { index: 2, spec: 'kernel@build:win111', suggestion: 'kernel@build:win11' },
      { index: 4, spec: 'quantum-tunnel', suggestion: null },
    ]);
    expect(result.error.message).toContain("unknown failure 'kernal' (did you mean 'kernel'?)");
  });
});

describe('controls and types', () => {
  it('turns controls into a mask over CONTROL_NAMES', () => {
    expect(controlMask(DEFAULT_CONTROLS)).toBe(0b101);
    expect(controlMask({ reverseConnect: false, credentialGuard: true, mfa: false })).toBe(0b010);
  });

  it('fails every instance of the given types', () => {
    expect([...failTypes(c, ['session'])]).toEqual([0, 0, 1, 1]);
  });
});
