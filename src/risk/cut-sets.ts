// Minimal cut sets by instance (order ≤ k) of a target: the union of its nodes' minimal sets, each
// set once. Non-minimal sets in a union are harmless to the estimators (the union is the same).

import { minimalInstanceSets, type InstanceDepthResult } from '../engine/depth-by-instance.js';

export function targetCutSets(result: InstanceDepthResult, nodes: readonly number[]): number[][] {
  const seen = new Set<string>();
  const out: number[][] = [];
  for (const v of nodes) {
    for (const set of minimalInstanceSets(result, v)) {
      const key = set.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(set);
    }
  }
  return out;
}
