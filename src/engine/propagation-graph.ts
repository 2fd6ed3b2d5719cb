// The compiled graph reshaped for failure-set propagation under one set of controls: blocked edges
// are gone, and every node with an incoming read/tamper/deny edge gets an "access twin" row that
// such edges lead to instead. A twin has no out-edges, so access is terminal by construction, and
// "reached" (controlled or accessed) is simply "the twin, or the node itself, is reached". A node
// with an incoming tamper or deny edge also gets a "beyond-read twin" (those edges lead to both
// twins), so "reached with more than read" — what a read-only authorization does not cover
// (src/analyze/authorization.ts) — is one row too: that twin, or the node itself.

import type { EngineArrays } from '../compile/compile.js';
import type { ControlMask } from './scenario.js';
import { ACCESS_MODES } from '../model/types.js';
import { carveColumns } from '../util/columns.js';

export interface PropagationGraph {
  /** Rows 0..nodeCount-1 are the compiled nodes (their label means "controlled"); twin rows follow. */
  readonly nodeCount: number;
  readonly rowCount: number;
  /** Per compiled node: its twin row, or -1 when nothing but control edges lead to it. */
  readonly twinOf: Int32Array;
  /** Compiled node → its beyond-read twin row, for the (few) nodes with an incoming tamper or deny edge. */
  readonly beyondReadTwinOf: ReadonlyMap<number, number>;
  /** Row r's out-edges are offsets[r] .. offsets[r+1]-1 (twins have none). */
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  /** Per edge: the boundary instance it crosses, or -1 (legitimate access, or node → own twin). */
  readonly instance: Int32Array;
}

export function propagationGraph(compiled: EngineArrays, controls: ControlMask): PropagationGraph {
  const n = compiled.nodeCount;
  const { offsets: inOffsets, targets: inTargets, instance: inInstance, access, blockedBy } = compiled;
  // Bit 0: some access edge leads here; bit 1: a tamper or deny edge does.
  // Columns carved in twos (src/util/columns.ts): each separate allocation can cost a full GC at scale.
  const { accessed, twinOf } = carveColumns({ twinOf: ['int32', n], accessed: ['uint8', n] });
  for (let e = 0; e < compiled.edgeCount; e++) {
    if ((blockedBy[e]! & controls) === 0 && access[e] !== 0) accessed[inTargets[e]!]! |= access[e]! > READ ? 3 : 1;
  }
  twinOf.fill(-1);
  let rowCount = n;
  for (let v = 0; v < n; v++) if (accessed[v] !== 0) twinOf[v] = rowCount++;
  const beyondReadTwinOf = new Map<number, number>();
  for (let v = 0; v < n; v++) if ((accessed[v]! & 2) !== 0) beyondReadTwinOf.set(v, rowCount++);

  const offsets = new Int32Array(rowCount + 1);
  for (let u = 0; u < n; u++) {
    let degree = (twinOf[u] === -1 ? 0 : 1) + (accessed[u]! >>> 1);
    for (let e = inOffsets[u]!; e < inOffsets[u + 1]!; e++) if ((blockedBy[e]! & controls) === 0) degree += access[e]! > READ ? 2 : 1;
    offsets[u + 1] = offsets[u]! + degree;
  }
  for (let r = n; r < rowCount; r++) offsets[r + 1] = offsets[r]!;

  const m = offsets[rowCount]!;
  const { targets, instance } = carveColumns({ targets: ['int32', m], instance: ['int32', m] });
  let out = 0;
  for (let u = 0; u < n; u++) {
    for (let e = inOffsets[u]!; e < inOffsets[u + 1]!; e++) {
      if ((blockedBy[e]! & controls) !== 0) continue;
      const v = inTargets[e]!;
      targets[out] = access[e] === 0 ? v : twinOf[v]!;
      instance[out++] = inInstance[e]!;
      if (access[e]! > READ) {
        targets[out] = beyondReadTwinOf.get(v)!;
        instance[out++] = inInstance[e]!;
      }
    }
    if (twinOf[u] !== -1) {
      // Control implies every access: the twins are reached whenever their node is controlled.
      targets[out] = twinOf[u]!;
      instance[out++] = -1;
      const beyond = beyondReadTwinOf.get(u);
      if (beyond !== undefined) {
        targets[out] = beyond;
        instance[out++] = -1;
      }
    }
  }
  return { nodeCount: n, rowCount, twinOf, beyondReadTwinOf, offsets, targets, instance };
}

/** ACCESS_MODES index of `read`: access codes above it are tamper and deny. */
const READ = ACCESS_MODES.indexOf('read');

/**
 * The row whose label means "reached with control, tamper or deny" for a compiled node: its
 * beyond-read twin, or the node itself (then only control gives more than read).
 */
export function beyondReadRow(graph: PropagationGraph, node: number): number {
  return graph.beyondReadTwinOf.get(node) ?? node;
}

/** The row whose label means "reached" (controlled or accessed) for a compiled node. */
export function reachedRow(graph: PropagationGraph, node: number): number {
  const twin = graph.twinOf[node]!;
  return twin === -1 ? node : twin;
}
