// Minimal cut sets by instance (order ≤ k) of a target: the union of its nodes' minimal sets, each
// set once. Non-minimal sets in a union are harmless to the estimators (the union is the same).

import { minimalInstanceSets, type InstanceDepthResult } from '../engine/depth-by-instance.js';

/** `points`: each node with the row that stands for its exposure (reachedRow, or beyondReadRow: targets.ts's storeRows). */
export function targetCutSets(result: InstanceDepthResult, points: readonly { readonly node: number; readonly row: number }[]): number[][] {
  const seen = new Set<string>();
  const out: number[][] = [];
  for (const { node, row } of points) {
    for (const set of minimalInstanceSets(result, node, row)) {
      const key = set.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(set);
    }
  }
  return out;
}
