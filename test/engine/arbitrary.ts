// Random small deployment graphs for property tests: ≤ 12 nodes, ≤ 4 boundary types with a few
// instances each, some read/tamper/deny edges, some edges blocked by controls, some groups.

import fc from 'fast-check';
import { BOUNDARY_TYPES } from '../../src/domain/boundary.js';
import { CONTROL_NAMES } from '../../src/domain/controls.js';
import type { ControlName, Controls } from '../../src/domain/controls.js';
import type { Access } from '../../src/model/types.js';
import { buildGraph } from './build.js';
import type { TestEdge } from './build.js';
import { compile } from '../../src/compile/compile.js';
import type { CompiledGraph } from '../../src/compile/compile.js';
import type { RefGraph } from './reference.js';

export const NUM_RUNS = Number(process.env.FC_RUNS ?? 200);

export interface RandomCase {
  readonly graph: RefGraph;
  readonly sources: readonly string[];
  readonly controls: Controls;
}

const accessArb: fc.Arbitrary<Access> = fc.oneof(
  { arbitrary: fc.constant<Access>('control'), weight: 5 },
  { arbitrary: fc.constantFrom<Access>('read', 'tamper', 'deny'), weight: 1 },
);

interface Shape {
  readonly minNodes: number;
  readonly minEdges: number;
  readonly maxEdges: number;
  readonly places: readonly string[];
}

/** Mostly sparse graphs, as small as one node. */
export const randomCase = caseOf({ minNodes: 1, minEdges: 0, maxEdges: 30, places: ['a', 'b', 'c'] });

/** Denser graphs with more instances, where label families grow and merge. */
export const denseCase = caseOf({ minNodes: 4, minEdges: 12, maxEdges: 45, places: ['a', 'b', 'c', 'd'] });

function caseOf({ minNodes, minEdges, maxEdges, places }: Shape): fc.Arbitrary<RandomCase> {
  return fc
  .record({
    nodeCount: fc.integer({ min: minNodes, max: 12 }),
    types: fc.shuffledSubarray([...BOUNDARY_TYPES], { minLength: 1, maxLength: 4 }),
  })
  .chain(({ nodeCount, types }) => {
    const nodes = Array.from({ length: nodeCount }, (_, i) => `n${i}`);
    const edge: fc.Arbitrary<TestEdge> = fc
      .record({
        from: fc.constantFrom(...nodes),
        to: fc.constantFrom(...nodes),
        type: fc.oneof({ arbitrary: fc.constant(null), weight: 1 }, { arbitrary: fc.constantFrom(...types), weight: 2 }),
        place: fc.constantFrom(...places),
        groups: fc.subarray(['g1', 'g2']),
        access: accessArb,
        blockedBy: fc.oneof({ arbitrary: fc.constant(null), weight: 5 }, { arbitrary: fc.constantFrom<ControlName>(...CONTROL_NAMES), weight: 1 }),
      })
      .map(({ from, to, type, place, groups, access, blockedBy }) => ({
        from,
        to,
        instance: type === null ? null : `${type}@${place}`,
        groups: type === null ? [] : groups,
        access,
        blockedBy,
      }));
    return fc.record({
      graph: fc.record({ nodes: fc.constant(nodes), edges: fc.array(edge, { minLength: minEdges, maxLength: maxEdges, size: 'max' }) }),
      sources: fc.uniqueArray(fc.constantFrom(...nodes), { minLength: 1, maxLength: 2 }),
      controls: fc.record({ reverseConnect: fc.boolean(), credentialGuard: fc.boolean(), mfa: fc.boolean() }),
    });
  });
}

export function compileCase(graph: RefGraph): CompiledGraph {
  return compile(buildGraph(graph.edges, graph.nodes));
}

export function controlsOn(controls: Controls): Set<ControlName> {
  return new Set(CONTROL_NAMES.filter((name) => controls[name]));
}
