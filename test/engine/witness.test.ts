// Witness paths: for every node and each of its minimal failure sets (by type and by instance), the
// witness is a real path traversable under that set, and it crosses exactly the set's members.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { depthByType, minimalTypeSets } from '../../src/engine/depth-by-type.js';
import { depthByInstance, minimalInstanceSets } from '../../src/engine/depth-by-instance.js';
import { controlMask, failInstances, failTypes, isTraversable } from '../../src/engine/scenario.js';
import { witnessPath } from '../../src/engine/witness.js';
import type { Witness } from '../../src/engine/witness.js';
import type { CompiledGraph } from '../../src/compile/compile.js';
import type { Scenario } from '../../src/engine/scenario.js';
import { compileEdges, instance, node } from './build.js';
import { compileCase, denseCase, NUM_RUNS, randomCase } from './arbitrary.js';

describe('witnessPath', () => {
  it('shows the route a minimal set opens', () => {
    const c = compileEdges([
      ['mallory', 'proc'],
      ['proc', 'other-session', 'session@vm1'],
      ['other-session', 'victim-data', 'user@vm1'],
      ['proc', 'kernel', 'kernel@vm1'],
      ['kernel', 'victim-data'],
    ]);
    const w = witnessPath(c, [node(c, 'mallory')], 0, node(c, 'victim-data'), { kind: 'types', types: ['session', 'user'] })!;
    expect(w.crossed).toEqual(['user', 'session']);
    expect(w.hops.map((hop) => c.nodeIds[hop.to])).toEqual(['proc', 'other-session', 'victim-data']);
    const byInstance = witnessPath(c, [node(c, 'mallory')], 0, node(c, 'victim-data'), {
      kind: 'instances',
      instances: [instance(c, 'kernel@vm1')],
    })!;
    expect(byInstance.crossed).toEqual(['kernel@vm1']);
    expect(witnessPath(c, [node(c, 'mallory')], 0, node(c, 'victim-data'), { kind: 'types', types: ['session'] })).toBeNull();
  });

  it('crosses exactly each minimal set, on a real traversable path', () => {
    fc.assert(
      fc.property(fc.oneof(randomCase, denseCase), ({ graph, sources, controls }) => {
        const c = compileCase(graph);
        const s = sources.map((id) => node(c, id));
        const mask = controlMask(controls);
        const byType = depthByType(c, s, mask);
        const byInstance = depthByInstance(c, s, mask, { order: 2 });
        for (let v = 0; v < c.nodeCount; v++) {
          for (const types of minimalTypeSets(byType, v)) {
            const w = witnessPath(c, s, mask, v, { kind: 'types', types });
            expect(w).not.toBeNull();
            expect(w!.crossed).toEqual(types);
            expectRealPath(c, { failed: failTypes(c, types), controls: mask }, w!, s, v);
          }
          for (const instances of minimalInstanceSets(byInstance, v)) {
            const w = witnessPath(c, s, mask, v, { kind: 'instances', instances });
            expect(w).not.toBeNull();
            expect(w!.crossed).toEqual(instances.map((i) => c.instanceIds[i]));
            expectRealPath(c, { failed: failInstances(c, instances), controls: mask }, w!, s, v);
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

function expectRealPath(c: CompiledGraph, scenario: Scenario, witness: Witness, sources: readonly number[], target: number): void {
  const { hops } = witness;
  if (hops.length === 0) return void expect(sources).toContain(target);
  expect(sources).toContain(hops[0]!.from);
  expect(hops[hops.length - 1]!.to).toBe(target);
  hops.forEach((hop, k) => {
    expect([c.sources[hop.edge], c.targets[hop.edge]]).toEqual([hop.from, hop.to]);
    expect(isTraversable(c, scenario, hop.edge)).toBe(true);
    if (k > 0) expect(hop.from).toBe(hops[k - 1]!.to);
    if (k < hops.length - 1) expect(hop.access).toBe('control');
  });
}
