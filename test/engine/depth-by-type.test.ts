// Defense depth by boundary type: hand-checked examples, and a differential test against brute
// force over every subset of the types present.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { depthByType, minimalTypeSets, reachedUnder, rowTable, typeDepth } from '../../src/engine/depth-by-type.js';
import type { TypeDepthResult } from '../../src/engine/depth-by-type.js';
import { controlMask } from '../../src/engine/scenario.js';
import { DEFAULT_CONTROLS } from '../../src/domain/controls.js';
import type { Controls } from '../../src/domain/controls.js';
import { compileEdges, node } from './build.js';
import { compileCase, controlsOn, denseCase, NUM_RUNS, randomCase } from './arbitrary.js';
import { refMinimalTypeSets } from './reference.js';

const NONE: Controls = { reverseConnect: false, credentialGuard: false, mfa: false };

describe('depthByType', () => {
  it('reads depth and minimal sets off two alternative routes', () => {
    const c = compileEdges([
      ['mallory', 'proc', undefined],
      ['proc', 'kernel', 'kernel@vm1'],
      ['proc', 'other-session', 'session@vm1'],
      ['other-session', 'victim-data', 'user@vm1'],
      ['kernel', 'victim-data'],
      ['kernel', 'hypervisor', 'vm@host1'],
    ]);
    const r = depthByType(c, [node(c, 'mallory')], controlMask(NONE));
    expect(r.types).toEqual(['kernel', 'user', 'session', 'vm']);
    expect(typeDepth(r, node(c, 'proc'))).toBe(0);
    expect(minimalTypeSets(r, node(c, 'proc'))).toEqual([[]]);
    expect(minimalTypeSets(r, node(c, 'victim-data'))).toEqual([['kernel'], ['user', 'session']]);
    expect(typeDepth(r, node(c, 'victim-data'))).toBe(1);
    expect(minimalTypeSets(r, node(c, 'hypervisor'))).toEqual([['kernel', 'vm']]);
    expect(reachedUnder(r, node(c, 'hypervisor'), ['kernel'])).toBe(false);
    expect(reachedUnder(r, node(c, 'hypervisor'), ['kernel', 'vm', 'network'])).toBe(true);
  });

  it('drops types that only occur where the attacker cannot get', () => {
    const c = compileEdges([
      ['a', 'b', 'kernel@x'],
      ['z', 'a', 'tenant@t'],
    ]);
    const r = depthByType(c, [node(c, 'a')], controlMask(NONE));
    expect(r.types).toEqual(['kernel']);
    expect(typeDepth(r, node(c, 'z'))).toBeNull();
    expect(minimalTypeSets(r, node(c, 'z'))).toEqual([]);
  });

  it('removes edges a control blocks', () => {
    const c = compileEdges([
      { from: 'internet', to: 'vm', instance: 'network@vm', blockedBy: 'reverseConnect' },
      ['internet', 'browser', 'browser@p'],
      ['browser', 'vm', 'kernel@vm'],
    ]);
    const internet = [node(c, 'internet')];
    expect(minimalTypeSets(depthByType(c, internet, controlMask(NONE)), node(c, 'vm'))).toEqual([['network'], ['kernel', 'browser']]);
    expect(minimalTypeSets(depthByType(c, internet, controlMask(DEFAULT_CONTROLS)), node(c, 'vm'))).toEqual([['kernel', 'browser']]);
  });

  it('does not propagate through read access', () => {
    const c = compileEdges([
      { from: 'a', to: 'share', access: 'read' },
      ['share', 'secret'],
      ['a', 'vm', 'kernel@vm'],
      ['vm', 'share'],
    ]);
    const r = depthByType(c, [node(c, 'a')], controlMask(NONE));
    expect(typeDepth(r, node(c, 'share'))).toBe(0);
    expect(minimalTypeSets(r, node(c, 'secret'))).toEqual([['kernel']]);
  });

  it('handles all eleven types at once (2048 subsets, 64 words)', () => {
    const types = ['network', 'kernel', 'process', 'appcontainer', 'user', 'session', 'browser', 'vm', 'vsm', 'tenant', 'subscription'];
    const chain = types.map((type, i) => [`n${i}`, `n${i + 1}`, `${type}@x`] as const);
    const bypass = [['n0', 'n11', 'subscription@y'] as const];
    const c = compileEdges([...chain, ...bypass]);
    const r = depthByType(c, [node(c, 'n0')], controlMask(NONE));
    expect(r.words).toBe(64);
    expect(minimalTypeSets(r, node(c, 'n11'))).toEqual([['subscription']]);
    expect(minimalTypeSets(r, node(c, 'n10'))).toEqual([types.slice(0, 10)]);
    expect(typeDepth(r, node(c, 'n10'))).toBe(10);
  });

  it('equals brute force over every subset of the types present', () => {
    fc.assert(
      fc.property(fc.oneof(randomCase, denseCase), ({ graph, sources, controls }) => {
        const c = compileCase(graph);
        const r = depthByType(c, sources.map((s) => node(c, s)), controlMask(controls));
        const expected = refMinimalTypeSets(graph, sources, controlsOn(controls));
        for (const v of graph.nodes) {
          const sets = expected.get(v)!;
          expect(minimalTypeSets(r, node(c, v))).toEqual(sets);
          expect(typeDepth(r, node(c, v))).toBe(sets[0]?.length ?? null);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('gives equal tables one id, and the same tables when unused ones are dropped at every step', () => {
    fc.assert(
      fc.property(fc.oneof(randomCase, denseCase), ({ graph, sources, controls }) => {
        const c = compileCase(graph);
        const footholds = sources.map((s) => node(c, s));
        const r = depthByType(c, footholds, controlMask(controls));
        const tables = rowTables(r);
        // Hash-consed: two rows share an id exactly when their tables are equal.
        const idOf = new Map<string, number>();
        tables.forEach((table, row) => {
          const key = table.join(',');
          const id = idOf.get(key) ?? r.tableOf[row]!;
          idOf.set(key, id);
          expect(r.tableOf[row]).toBe(id);
        });
        expect(new Set(r.tableOf).size).toBe(idOf.size);
        const compacted = depthByType(c, footholds, controlMask(controls), { compactAbove: 0 });
        expect(rowTables(compacted)).toEqual(tables);
        expect([...compacted.antichainOf]).toEqual([...r.antichainOf]);
        expect(compacted.antichains).toEqual(r.antichains);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(randomCase, ({ graph, sources, controls }) => {
        const run = (): unknown => {
          const c = compileCase(graph);
          const r = depthByType(c, sources.map((s) => node(c, s)), controlMask(controls));
          return [r.types, rowTables(r), [...r.depth], graph.nodes.map((v) => minimalTypeSets(r, node(c, v)))];
        };
        expect(run()).toEqual(run());
      }),
      { numRuns: Math.ceil(NUM_RUNS / 4) },
    );
  });
});

/** Every row's truth table, as plain arrays. */
function rowTables(r: TypeDepthResult): number[][] {
  return Array.from(r.tableOf, (_, row) => [...rowTable(r, row)]);
}
