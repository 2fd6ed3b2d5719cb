// Brute-force references for the risk engine: exposure probability by enumerating every failure
// subset (of boundary types, or of instances) and running a reachability for each.

import { BOUNDARY_TYPES, type BoundaryType } from '../../src/domain/boundary.js';
import type { CompiledGraph } from '../../src/compile/compile.js';
import { reach } from '../../src/engine/reach.js';
import type { RefGraph } from '../engine/reference.js';
import { refReach } from '../engine/reference.js';
import type { ControlName } from '../../src/domain/controls.js';
import { typeOfInstance } from '../engine/build.js';

/** Per node id: P(reached) when each type present fails independently with its probability (reference semantics). */
export function bruteForceByType(
  graph: RefGraph,
  sources: readonly string[],
  controlsOn: ReadonlySet<ControlName>,
  probability: (type: BoundaryType) => number,
): Map<string, number> {
  const instances = [...new Set(graph.edges.flatMap((e) => (e.instance == null ? [] : [e.instance])))];
  const types = BOUNDARY_TYPES.filter((t) => instances.some((i) => typeOfInstance(i) === t));
  const out = new Map(graph.nodes.map((n) => [n, 0]));
  for (let s = 0; s < 2 ** types.length; s++) {
    let weight = 1;
    const failedTypes = new Set<BoundaryType>();
    types.forEach((t, b) => {
      const p = probability(t);
      if ((s >>> b) & 1) (weight *= p), failedTypes.add(t);
      else weight *= 1 - p;
    });
    if (weight === 0) continue;
    const failed = new Set(instances.filter((i) => failedTypes.has(typeOfInstance(i))));
    for (const n of refReach(graph, sources, failed, controlsOn).reached) out.set(n, out.get(n)! + weight);
  }
  return out;
}

/** Per compiled node: P(reached) when every instance fails independently with probability[i]. */
export function bruteForceByInstance(compiled: CompiledGraph, sources: readonly number[], controls: number, probability: Float64Array): Float64Array {
  const n = compiled.instanceCount;
  if (n > 14) throw new Error(`brute force over ${n} instances is too slow`);
  const out = new Float64Array(compiled.nodeCount);
  const failed = new Uint8Array(n);
  for (let s = 0; s < 2 ** n; s++) {
    let weight = 1;
    for (let i = 0; i < n; i++) {
      failed[i] = (s >>> i) & 1;
      weight *= failed[i] === 1 ? probability[i]! : 1 - probability[i]!;
    }
    if (weight === 0) continue;
    const r = reach(compiled, sources, { failed, controls });
    for (let v = 0; v < compiled.nodeCount; v++) if (r.access[v] !== 0) out[v]! += weight;
  }
  return out;
}

/** P(some set has all its variables failed), by enumerating every assignment of the variables used. */
export function dnfProbability(sets: readonly (readonly number[])[], probability: Float64Array): number {
  const vars = [...new Set(sets.flat())].sort((a, b) => a - b);
  let total = 0;
  for (let s = 0; s < 2 ** vars.length; s++) {
    const failed = new Set(vars.filter((_, b) => (s >>> b) & 1));
    if (!sets.some((set) => set.every((x) => failed.has(x)))) continue;
    let weight = 1;
    vars.forEach((x, b) => (weight *= (s >>> b) & 1 ? probability[x]! : 1 - probability[x]!));
    total += weight;
  }
  return total;
}
