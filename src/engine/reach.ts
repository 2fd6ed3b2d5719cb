// Single-scenario reachability: a BFS over the compiled CSR from the footholds, recording what the
// attacker controls, which access each reached node grants, and a BFS parent edge so one shortest
// explanation path per reached node can be read back.

import { CONTROL_NAMES } from '../domain/controls.js';
import { ACCESS_MODES } from '../model/types.js';
import type { Access } from '../model/types.js';
import type { BoundaryType } from '../domain/boundary.js';
import { boundaryOfCode } from '../compile/compile.js';
import type { CompiledGraph } from '../compile/compile.js';
import type { Scenario } from './scenario.js';
import { carveColumns } from '../util/columns.js';

/** ACCESS_MODES[0] is `control`: bit 0 of an access mask means "controlled". */
const CONTROL = 0;

export interface ReachResult {
  /** Per node: 1 when reached through a path of control edges (footholds included). Built when first read. */
  readonly controlled: Uint8Array;
  /** Nodes reached: controlled or accessed (access ≠ 0). */
  readonly reachedCount: number;
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

/** The compiled columns a what-if reads (all plain typed arrays, so a worker thread can hold them). */
export type ReachArrays = Pick<CompiledGraph, 'nodeCount' | 'edgeCount' | 'offsets' | 'targets' | 'sources' | 'instance' | 'access' | 'blockedBy'>;

/**
 * A what-if's result columns, kept from one reach() to the next. A caller that asks many what-ifs of
 * one graph, reading each answer before asking the next (a sweep, witness paths, a viewer's toggles),
 * passes the same buffers every time: fresh columns per call cost a minor page fault per 4 KB touched
 * (15–20 µs each on a loaded machine: 1.5–3 ms per call at 85k nodes, more than the BFS itself) and,
 * at millions of nodes, garbage collections of a large heap.
 */
export class ReachBuffers {
  readonly nodeCount: number;
  readonly access: Uint8Array;
  readonly parentEdge: Int32Array;
  readonly controlled: Uint8Array;

  constructor(nodeCount: number) {
    if (!Number.isInteger(nodeCount) || nodeCount < 0) throw new RangeError(`reach buffers need a node count, got ${nodeCount}`);
    this.nodeCount = nodeCount;
    // One allocation (src/util/columns.ts): at 10M nodes each column is tens of MB, and each
    // allocation can cost a full GC of the heap.
    const columns = carveColumns({ parentEdge: ['int32', nodeCount], access: ['uint8', nodeCount], controlled: ['uint8', nodeCount] });
    this.access = columns.access;
    this.parentEdge = columns.parentEdge;
    this.controlled = columns.controlled;
  }
}

/**
 * Controlled nodes get the fewest-hop path of control edges; a node only accessed gets the fewest
 * hops to some controlled node plus one access edge.
 *
 * Without `buffers` the result owns fresh columns. With them, the result's columns are the buffers'
 * and stay valid until the next reach() into the same buffers (read `controlled` and `hops` before
 * that too: they are built when first read).
 *
 * Tuned because a what-if is one BFS over up to millions of edges: an edge's control and access
 * codes are read as one byte (edgeGates), "controlled" lives in bit 0 of the access mask while the
 * BFS runs, the queue is reused across calls, and the `controlled` column and hop counts are derived
 * only when someone reads them.
 */
export function reach(compiled: ReachArrays, sources: readonly number[], scenario: Scenario, buffers?: ReachBuffers): ReachResult {
  const n = compiled.nodeCount;
  if (buffers !== undefined && buffers.nodeCount !== n) throw new RangeError(`reach buffers for ${buffers.nodeCount} nodes, graph has ${n}`);
  const own = buffers ?? new ReachBuffers(n);
  const { access, parentEdge } = own;
  if (buffers !== undefined) access.fill(0);
  parentEdge.fill(-1);
  const reachedCount = reachInto(compiled, normalizeSources(compiled, sources), scenario, access, parentEdge, scratchQueue(n));
  let controlled: Uint8Array | undefined;
  let hops: Int32Array | undefined;
  return {
    access,
    parentEdge,
    reachedCount,
    get controlled() {
      if (controlled === undefined) {
        controlled = own.controlled;
        for (let v = 0; v < n; v++) controlled[v] = access[v]! & (1 << CONTROL);
      }
      return controlled;
    },
    get hops() {
      hops ??= hopCounts(compiled, access, parentEdge);
      return hops;
    },
  };
}

/**
 * The BFS of `reach` into caller-owned columns: `access` must be all 0 and `parentEdge` all -1 on
 * entry, `queue` at least nodeCount long, `sources` distinct node indices. Fills `access` (bit 0:
 * controlled, read/tamper/deny bits: explicit access) and `parentEdge` as ReachResult documents;
 * returns the number of nodes reached.
 */
function reachInto(
  compiled: ReachArrays,
  sources: Iterable<number>,
  scenario: Scenario,
  access: Uint8Array,
  parentEdge: Int32Array,
  queue: Int32Array,
): number {
  const { offsets, targets, instance } = compiled;
  const gates = edgeGates(compiled);
  const { failed } = scenario;
  // Only control bits may meet a gate's low bits (the access mode sits above them).
  const controls = scenario.controls & ((1 << ACCESS_SHIFT) - 1);
  let tail = 0;
  let reached = 0;
  for (const s of sources) {
    access[s] = 1 << CONTROL;
    queue[tail++] = s;
    reached++;
  }
  for (let head = 0; head < tail; head++) {
    const u = queue[head]!;
    const end = offsets[u + 1]!;
    for (let e = offsets[u]!; e < end; e++) {
      const gate = gates[e]!;
      if ((gate & controls) !== 0) continue;
      const i = instance[e]!;
      if (i >= 0 && failed[i] !== 1) continue;
      const v = targets[e]!;
      const mode = gate >>> ACCESS_SHIFT;
      const held = access[v]!;
      if (mode === CONTROL) {
        if ((held & (1 << CONTROL)) !== 0) continue;
        queue[tail++] = v;
      } else if (held !== 0) {
        // Already reached at no more hops (BFS order): only record the extra kind of access.
        access[v] = held | (1 << mode);
        continue;
      }
      if (held === 0) reached++;
      access[v] = held | (1 << mode);
      parentEdge[v] = e;
    }
  }
  return reached;
}

let queueScratch = new Int32Array(0);

/**
 * A BFS queue of at least n entries, shared by every reach() call of this thread: reach runs to the
 * end before it returns and never keeps the queue, so one call's queue is free for the next.
 */
function scratchQueue(n: number): Int32Array {
  if (queueScratch.length < n) queueScratch = new Int32Array(n);
  return queueScratch;
}

/** Bits of an edge gate below ACCESS_SHIFT: the edge's blockedBy control bits. */
const ACCESS_SHIFT = CONTROL_NAMES.length;
if (ACCESS_SHIFT + Math.ceil(Math.log2(ACCESS_MODES.length)) > 8) throw new Error('edge gates: control and access codes do not fit in a byte');

const GATES = new WeakMap<ReachArrays, Uint8Array>();

/** Per edge, one byte: its blockedBy bits, and its access mode shifted up by ACCESS_SHIFT (built once per graph). */
function edgeGates(compiled: ReachArrays): Uint8Array {
  let gates = GATES.get(compiled);
  if (gates === undefined) {
    gates = new Uint8Array(compiled.edgeCount);
    const { access, blockedBy } = compiled;
    for (let e = 0; e < compiled.edgeCount; e++) gates[e] = (access[e]! << ACCESS_SHIFT) | blockedBy[e]!;
    GATES.set(compiled, gates);
  }
  return gates;
}

/**
 * Edges on each reached node's explanation path: 0 for footholds, one more than the source of its
 * parent edge otherwise (that source is controlled and was counted the same way), -1 unreached.
 */
function hopCounts(compiled: ReachArrays, access: Uint8Array, parentEdge: Int32Array): Int32Array {
  const hops = new Int32Array(compiled.nodeCount).fill(-1);
  const chain: number[] = [];
  for (let v = 0; v < compiled.nodeCount; v++) {
    if (access[v] === 0 || hops[v]! >= 0) continue;
    let x = v;
    while (hops[x]! < 0 && parentEdge[x]! >= 0) {
      chain.push(x);
      x = compiled.sources[parentEdge[x]!]!;
    }
    let count = hops[x]! < 0 ? (hops[x] = 0) : hops[x]!;
    while (chain.length > 0) hops[chain.pop()!] = ++count;
  }
  return hops;
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
  return explainEdges(compiled, result, node)?.map((e) => hopOf(compiled, e)) ?? null;
}

/** The compiled edges of explainPath's path, foothold first: [] for a foothold, null when not reached. */
export function explainEdges(compiled: Pick<CompiledGraph, 'sources'>, result: Pick<ReachResult, 'access' | 'parentEdge'>, node: number): number[] | null {
  if ((result.access[node] ?? 0) === 0) return null;
  const edges: number[] = [];
  for (let e = result.parentEdge[node]!; e >= 0; e = result.parentEdge[compiled.sources[e]!]!) edges.push(e);
  return edges.reverse();
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
