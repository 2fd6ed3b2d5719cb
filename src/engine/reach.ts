// Single-scenario reachability: a BFS over the compiled CSR from the footholds, recording what the
// attacker controls, which access each reached node grants, and a BFS parent edge so one shortest
// explanation path per reached node can be read back.

import { ACCESS_MODES } from '../model/types.js';
import type { Access } from '../model/types.js';
import type { BoundaryType } from '../domain/boundary.js';
import { boundaryOfCode } from '../compile/compile.js';
import type { CompiledGraph } from '../compile/compile.js';
import type { Scenario } from './scenario.js';

/** ACCESS_MODES[0] is `control`: bit 0 of an access mask means "controlled". */
const CONTROL = 0;

export interface ReachResult {
  /** Per node: 1 when reached through a path of control edges (footholds included). */
  readonly controlled: Uint8Array;
  /**
   * Per node: bit i set when the attacker holds ACCESS_MODES[i] on it: bit 0 for control, and
   * read/tamper/deny bits for each such traversable edge from a controlled node. 0 = not reached.
   * Control implies every kind of access; the other bits only say which edges grant it explicitly.
   */
  readonly access: Uint8Array;
  /** Per node: the last edge of its shortest explanation path; -1 for footholds and unreached nodes. */
  readonly parentEdge: Int32Array;
  /** Per node: edges on that path (0 for footholds), -1 when unreached. */
  readonly hops: Int32Array;
}

export interface Hop {
  readonly from: number;
  readonly to: number;
  readonly edge: number;
  /** The boundary the hop crosses (null: legitimate access). */
  readonly boundary: BoundaryType | null;
  readonly instance: string | null;
  readonly access: Access;
}

/**
 * Controlled nodes get the fewest-hop path of control edges; a node only accessed gets the fewest
 * hops to some controlled node plus one access edge.
 */
export function reach(compiled: CompiledGraph, sources: readonly number[], scenario: Scenario): ReachResult {
  const n = compiled.nodeCount;
  const { offsets, targets, instance, access: edgeAccess, blockedBy } = compiled;
  const { failed, controls } = scenario;
  const controlled = new Uint8Array(n);
  const access = new Uint8Array(n);
  const parentEdge = new Int32Array(n).fill(-1);
  const hops = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let tail = 0;
  for (const s of normalizeSources(compiled, sources)) {
    controlled[s] = 1;
    access[s] = 1 << CONTROL;
    hops[s] = 0;
    queue[tail++] = s;
  }
  for (let head = 0; head < tail; head++) {
    const u = queue[head]!;
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
      if ((blockedBy[e]! & controls) !== 0) continue;
      const i = instance[e]!;
      if (i >= 0 && failed[i] !== 1) continue;
      const v = targets[e]!;
      const mode = edgeAccess[e]!;
      if (mode === CONTROL) {
        if (controlled[v] === 1) continue;
        controlled[v] = 1;
        queue[tail++] = v;
      } else if (access[v] !== 0) {
        // Already reached at no more hops (BFS order): only record the extra kind of access.
        access[v]! |= 1 << mode;
        continue;
      }
      access[v]! |= 1 << mode;
      parentEdge[v] = e;
      hops[v] = hops[u]! + 1;
    }
  }
  return { controlled, access, parentEdge, hops };
}

/** Reached node indices, ascending (so in node id order). */
export function reachedNodes(result: ReachResult): Int32Array {
  return indicesWhere(result.access, (v) => v !== 0);
}

export function controlledNodes(result: ReachResult): Int32Array {
  return indicesWhere(result.controlled, (v) => v === 1);
}

/** The shortest explanation path to `node`: [] for a foothold, null when it is not reached. */
export function explainPath(compiled: CompiledGraph, result: ReachResult, node: number): Hop[] | null {
  if ((result.access[node] ?? 0) === 0) return null;
  const path: Hop[] = [];
  for (let e = result.parentEdge[node]!; e >= 0; e = result.parentEdge[compiled.sources[e]!]!) path.push(hopOf(compiled, e));
  return path.reverse();
}

export function hopOf(compiled: CompiledGraph, e: number): Hop {
  const i = compiled.instance[e]!;
  return {
    from: compiled.sources[e]!,
    to: compiled.targets[e]!,
    edge: e,
    boundary: boundaryOfCode(compiled.boundary[e]!),
    instance: i < 0 ? null : compiled.instanceIds[i]!,
    access: ACCESS_MODES[compiled.access[e]!]!,
  };
}

/** Sorted, de-duplicated foothold indices; an index outside the graph is a caller bug. */
export function normalizeSources(compiled: Pick<CompiledGraph, 'nodeCount'>, sources: readonly number[]): number[] {
  for (const s of sources) {
    if (!Number.isInteger(s) || s < 0 || s >= compiled.nodeCount) throw new RangeError(`no node with index ${s}`);
  }
  return [...new Set(sources)].sort((a, b) => a - b);
}

function indicesWhere(values: Uint8Array, keep: (value: number) => boolean): Int32Array {
  const out: number[] = [];
  values.forEach((value, i) => {
    if (keep(value)) out.push(i);
  });
  return Int32Array.from(out);
}
