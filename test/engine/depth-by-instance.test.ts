// Minimal failure sets by boundary instance up to order k: hand-checked examples, the shared-storage
// hub case, and a differential test against enumerating every instance subset of size ≤ k.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  depthByInstance,
  instanceDepth,
  minimalInstanceSetCount,
  minimalInstanceSetIds,
} from '../../src/engine/depth-by-instance.js';
import { controlMask } from '../../src/engine/scenario.js';
import type { Controls } from '../../src/domain/controls.js';
import { compileEdges, node } from './build.js';
import type { EdgeShorthand } from './build.js';
import { compileCase, controlsOn, denseCase, NUM_RUNS, randomCase } from './arbitrary.js';
import { refMinimalInstanceSets } from './reference.js';

const NONE: Controls = { reverseConnect: false, credentialGuard: false, mfa: false };

describe('depthByInstance', () => {
  it('finds single and double failures and nothing dominated', () => {
    const c = compileEdges([
      ['mallory', 'proc'],
      ['proc', 'kernel', 'kernel@vm1'],
      ['proc', 'other-session', 'session@vm1'],
      ['other-session', 'victim-data', 'user@vm1'],
      ['other-session', 'kernel', 'kernel@vm1'],
      ['kernel', 'victim-data'],
      ['kernel', 'vm2', 'vm@host1'],
      ['vm2', 'far', 'tenant@t'],
    ]);
    const r = depthByInstance(c, [node(c, 'mallory')], controlMask(NONE));
    expect(minimalInstanceSetIds(c, r, node(c, 'proc'))).toEqual([[]]);
    expect(minimalInstanceSetIds(c, r, node(c, 'kernel'))).toEqual([['kernel@vm1']]);
    expect(minimalInstanceSetIds(c, r, node(c, 'victim-data'))).toEqual([['kernel@vm1'], ['session@vm1', 'user@vm1']]);
    expect(minimalInstanceSetIds(c, r, node(c, 'vm2'))).toEqual([['kernel@vm1', 'vm@host1']]);
    expect(instanceDepth(r, node(c, 'vm2'))).toBe(2);
    // Needs three failures: beyond order 2.
    expect(instanceDepth(r, node(c, 'far'))).toBeNull();
    expect(minimalInstanceSetIds(c, r, node(c, 'far'))).toEqual([]);
    expect(minimalInstanceSetIds(c, depthByInstance(c, [node(c, 'mallory')], controlMask(NONE), { order: 3 }), node(c, 'far'))).toEqual([
      ['kernel@vm1', 'tenant@t', 'vm@host1'],
    ]);
  });

  it('lets one instance be crossed repeatedly for the price of one', () => {
    const c = compileEdges([
      ['a', 'b', 'session@x'],
      ['b', 'c'],
      ['c', 'd', 'session@x'],
    ]);
    const r = depthByInstance(c, [node(c, 'a')], controlMask(NONE), { order: 1 });
    expect(minimalInstanceSetIds(c, r, node(c, 'd'))).toEqual([['session@x']]);
  });

  it('stores a hub’s labels once for everything downstream of it', () => {
    const vms = 1000;
    const edges: EdgeShorthand[] = [];
    for (let j = 0; j < vms; j++) {
      edges.push(['attacker-placement', `session-${j}`], [`session-${j}`, `kernel-${j}`, `kernel@vm${j}`], [`kernel-${j}`, 'victim-placement']);
    }
    for (let d = 0; d < 200; d++) edges.push(['victim-placement', `victim-data-${d}`]);
    const c = compileEdges(edges);
    const r = depthByInstance(c, [node(c, 'attacker-placement')], controlMask(NONE));
    const hub = node(c, 'victim-placement');
    expect(minimalInstanceSetCount(r, hub)).toBe(vms);
    for (let d = 0; d < 200; d++) {
      const data = node(c, `victim-data-${d}`);
      expect(r.familyOf[0]![data]).toBe(r.familyOf[0]![hub]);
      expect(minimalInstanceSetCount(r, data)).toBe(vms);
    }
    expect(minimalInstanceSetIds(c, r, node(c, 'victim-data-7'))[0]).toEqual(['kernel@vm0']);
  });

  it('equals enumeration of every instance subset of size ≤ 2', () => {
    fc.assert(
      fc.property(randomCase, ({ graph, sources, controls }) => {
        const c = compileCase(graph);
        const r = depthByInstance(c, sources.map((s) => node(c, s)), controlMask(controls), { order: 2 });
        const expected = refMinimalInstanceSets(graph, sources, controlsOn(controls), 2);
        for (const v of graph.nodes) {
          const sets = expected.get(v)!;
          expect(minimalInstanceSetIds(c, r, node(c, v))).toEqual(sets);
          expect(minimalInstanceSetCount(r, node(c, v))).toBe(sets.length);
          expect(instanceDepth(r, node(c, v))).toBe(sets[0]?.length ?? null);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  // Small graphs never grow families big enough to be shared; these policies force unions of
  // shared families (and their flattening) everywhere, so the DAG paths meet the oracle too.
  for (const sharing of [
    { shareAt: 1, maxDepth: 1000 },
    { shareAt: 2, maxDepth: 1 },
  ]) {
    it(`equals enumeration at orders 2 and 3 with sharing ${JSON.stringify(sharing)}`, () => {
      fc.assert(
        fc.property(denseCase, fc.constantFrom(2, 3), ({ graph, sources, controls }, order) => {
          const c = compileCase(graph);
          const r = depthByInstance(c, sources.map((s) => node(c, s)), controlMask(controls), { order, sharing });
          const expected = refMinimalInstanceSets(graph, sources, controlsOn(controls), order);
          for (const v of graph.nodes) {
            expect(minimalInstanceSetIds(c, r, node(c, v))).toEqual(expected.get(v));
            expect(minimalInstanceSetCount(r, node(c, v))).toBe(expected.get(v)!.length);
          }
        }),
        { numRuns: NUM_RUNS },
      );
    });
  }

  it('is deterministic', () => {
    fc.assert(
      fc.property(randomCase, ({ graph, sources, controls }) => {
        const run = (): unknown => {
          const c = compileCase(graph);
          const r = depthByInstance(c, sources.map((s) => node(c, s)), controlMask(controls));
          return [[...r.depth], r.familyOf.map((f) => [...f]), graph.nodes.map((v) => minimalInstanceSetIds(c, r, node(c, v)))];
        };
        expect(run()).toEqual(run());
      }),
      { numRuns: Math.ceil(NUM_RUNS / 4) },
    );
  });
});
