// Ranks the rows of a propagation graph so that legitimate-access edges point from lower to equal or
// higher rank: a topological order of the strongly connected components of the always-traversable
// subgraph. Worklists that pop the lowest rank first see most rows once, after all their inputs.

import type { PropagationGraph } from './propagation-graph.js';

/** Per row: its component's position in topological order (rows of one cycle share a rank). */
export function legitimateRank(graph: PropagationGraph): Int32Array {
  const { rowCount, offsets, targets, instance } = graph;
  // Iterative Tarjan: components are completed in reverse topological order.
  const index = new Int32Array(rowCount).fill(-1);
  const low = new Int32Array(rowCount);
  const onStack = new Uint8Array(rowCount);
  const stack = new Int32Array(rowCount);
  const callRow = new Int32Array(rowCount);
  const callEdge = new Int32Array(rowCount);
  const component = new Int32Array(rowCount);
  let top = 0;
  let depth = 0;
  let counter = 0;
  let components = 0;
  for (let root = 0; root < rowCount; root++) {
    if (index[root] !== -1) continue;
    callRow[0] = root;
    callEdge[0] = offsets[root]!;
    depth = 1;
    index[root] = low[root] = counter++;
    stack[top++] = root;
    onStack[root] = 1;
    while (depth > 0) {
      const u = callRow[depth - 1]!;
      const e = callEdge[depth - 1]!;
      if (e < offsets[u + 1]!) {
        callEdge[depth - 1] = e + 1;
        if (instance[e]! >= 0) continue;
        const v = targets[e]!;
        if (index[v] === -1) {
          index[v] = low[v] = counter++;
          stack[top++] = v;
          onStack[v] = 1;
          callRow[depth] = v;
          callEdge[depth] = offsets[v]!;
          depth++;
        } else if (onStack[v] === 1) {
          low[u] = Math.min(low[u]!, index[v]!);
        }
        continue;
      }
      depth--;
      if (depth > 0) {
        const parent = callRow[depth - 1]!;
        low[parent] = Math.min(low[parent]!, low[u]!);
      }
      if (low[u] === index[u]) {
        let v: number;
        do {
          v = stack[--top]!;
          onStack[v] = 0;
          component[v] = components;
        } while (v !== u);
        components++;
      }
    }
  }
  const rank = new Int32Array(rowCount);
  for (let r = 0; r < rowCount; r++) rank[r] = components - 1 - component[r]!;
  return rank;
}
