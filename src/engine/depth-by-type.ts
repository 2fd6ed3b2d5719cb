// Defense depth and minimal failure sets by boundary TYPE, for every node, in one pass over all 2^T
// subsets of the T types that matter: each row carries a truth table "reached if exactly this subset
// of types fails", propagated with a worklist; each edge ANDs with its type's up-set. Tables are
// hash-consed (src/engine/table-store.ts): a row holds a table id, and an edge's effect is memoized.

import { BOUNDARY_TYPES } from '../domain/boundary.js';
import type { BoundaryType } from '../domain/boundary.js';
import type { EngineArrays } from '../compile/compile.js';
import { beyondReadRow, propagationGraph, reachedRow } from './propagation-graph.js';
import type { PropagationGraph } from './propagation-graph.js';
import { normalizeSources } from './reach.js';
import type { ControlMask } from './scenario.js';
import { PairMap } from './pair-map.js';
import { TableStore } from './table-store.js';
import { carveColumns } from '../util/columns.js';

/** A set of boundary types, in BOUNDARY_TYPES order. */
export type TypeSet = readonly BoundaryType[];

/** Minimal failing type sets of one node: sorted by size, then lexicographically in BOUNDARY_TYPES order. */
export type TypeAntichain = readonly TypeSet[];

export interface TypeDepthResult {
  readonly graph: PropagationGraph;
  /**
   * The types that can matter (present on an edge leaving a row reachable with everything failed),
   * in BOUNDARY_TYPES order. Bit i of a subset index stands for types[i]; other types never change
   * any answer.
   */
  readonly types: readonly BoundaryType[];
  /** Uint32 words per truth table: max(1, 2^T / 32). With T < 5 only the low 2^T bits are used. */
  readonly words: number;
  /**
   * Per row: its truth table's index in distinctTables. Rows with equal tables share one (at scale,
   * a deployment has a few dozen distinct tables for millions of rows). rowTable() reads a row's.
   */
  readonly tableOf: Int32Array;
  /** Table t is distinctTables[t*words .. (t+1)*words): bit S set ⇔ a row holding t is reached when subset S fails. */
  readonly distinctTables: Uint32Array;
  /** Per compiled node: fewest types whose failure reaches it; -1 when even all failing does not. */
  readonly depth: Int8Array;
  /** Per compiled node: index into antichains (nodes with equal tables share one). */
  readonly antichainOf: Int32Array;
  /**
   * Per compiled node: index into antichains of "reached with control, tamper or deny"
   * (beyondReadRow); antichainOf's where no access edge leads to the node.
   */
  readonly beyondReadAntichainOf: Int32Array;
  readonly antichains: readonly TypeAntichain[];
}

export interface TypeDepthTuning {
  /**
   * Distinct tables kept before the ones no row holds any more are dropped (default: twice the
   * rows, plus 64). Changes memory and time, never an answer; tests set it to 0 to drop them at
   * every step.
   */
  readonly compactAbove?: number;
}

export function depthByType(compiled: EngineArrays, sources: readonly number[], controls: ControlMask, tuning: TypeDepthTuning = {}): TypeDepthResult {
  const graph = sharedPropagationGraph(compiled, controls);
  const footholds = normalizeSources(compiled, sources);
  const types = typesThatMatter(compiled, graph, footholds);
  const layout = tableLayout(types.length);
  const compactAbove = tuning.compactAbove ?? 2 * graph.rowCount + 64;
  const { tableOf, store } = propagate(graph, footholds, edgeBits(compiled, graph, types), layout, compactAbove);
  const distinctTables = store.tables.subarray(0, store.count * layout.words);
  const { depth, antichainOf, beyondReadAntichainOf, antichains } = readAntichains(graph, tableOf, distinctTables, types, layout);
  return { graph, types, words: layout.words, tableOf, distinctTables, depth, antichainOf, beyondReadAntichainOf, antichains };
}

/** The last propagation graph built per compiled graph: passes from many footholds under the same controls share it. */
const LAST_GRAPH = new WeakMap<EngineArrays, { readonly controls: ControlMask; readonly graph: PropagationGraph }>();

function sharedPropagationGraph(compiled: EngineArrays, controls: ControlMask): PropagationGraph {
  const last = LAST_GRAPH.get(compiled);
  if (last !== undefined && last.controls === controls) return last.graph;
  const graph = propagationGraph(compiled, controls);
  LAST_GRAPH.set(compiled, { controls, graph });
  return graph;
}

export function typeDepth(result: TypeDepthResult, node: number): number | null {
  const depth = result.depth[node]!;
  return depth < 0 ? null : depth;
}

export function minimalTypeSets(result: TypeDepthResult, node: number): TypeAntichain {
  return result.antichains[result.antichainOf[node]!]!;
}

/** Index into antichains of the node's minimal sets for reach with control, tamper or deny (more than read). */
export function beyondReadAntichain(result: TypeDepthResult, node: number): number {
  return result.beyondReadAntichainOf[node]!;
}

/** Whether the node is reached with control, tamper or deny when exactly these types fail. */
export function reachedBeyondReadUnder(result: TypeDepthResult, node: number, types: readonly BoundaryType[]): boolean {
  const subset = subsetIndex(result, types);
  return ((rowTable(result, beyondReadRow(result.graph, node))[subset >>> 5]! >>> (subset & 31)) & 1) === 1;
}

/** Truth table of "controlled" for a node (a view into result.tables). */
export function controlledTable(result: TypeDepthResult, node: number): Uint32Array {
  return rowTable(result, node);
}

/** Truth table of "reached" (controlled or accessed) for a node (a view into result.tables). */
export function reachedTable(result: TypeDepthResult, node: number): Uint32Array {
  return rowTable(result, reachedRow(result.graph, node));
}

/** Subset index of a set of types; types outside result.types are dropped (they change nothing). */
export function subsetIndex(result: TypeDepthResult, types: readonly BoundaryType[]): number {
  let subset = 0;
  result.types.forEach((type, bit) => {
    if (types.includes(type)) subset |= 1 << bit;
  });
  return subset;
}

/** Whether the node is reached when exactly these types fail. */
export function reachedUnder(result: TypeDepthResult, node: number, types: readonly BoundaryType[]): boolean {
  const subset = subsetIndex(result, types);
  return ((reachedTable(result, node)[subset >>> 5]! >>> (subset & 31)) & 1) === 1;
}

/** Truth table of a propagation-graph row (a view into result.distinctTables: do not write to it). */
export function rowTable(result: Pick<TypeDepthResult, 'tableOf' | 'distinctTables' | 'words'>, row: number): Uint32Array {
  const base = result.tableOf[row]! * result.words;
  return result.distinctTables.subarray(base, base + result.words);
}

/** Types on edges leaving rows reachable with every boundary failed: the only ones that can matter. */
function typesThatMatter(compiled: EngineArrays, graph: PropagationGraph, footholds: readonly number[]): BoundaryType[] {
  const { offsets, targets, instance } = graph;
  const { instanceType } = compiled;
  // A BFS on the worklist's scratch: ring holds the rows seen, whose flags are cleared at the end.
  const { queued: seen, ring: queue } = scratchColumns(graph.rowCount);
  let tail = 0;
  for (const s of footholds) if (seen[s] === 0) (seen[s] = 1), (queue[tail++] = s);
  let present = 0;
  for (let head = 0; head < tail; head++) {
    const u = queue[head]!;
    const end = offsets[u + 1]!;
    for (let e = offsets[u]!; e < end; e++) {
      const i = instance[e]!;
      if (i >= 0) present |= 1 << instanceType[i]!;
      const v = targets[e]!;
      if (seen[v] === 0) (seen[v] = 1), (queue[tail++] = v);
    }
  }
  for (let k = 0; k < tail; k++) seen[queue[k]!] = 0;
  return BOUNDARY_TYPES.filter((_, t) => ((present >>> t) & 1) === 1);
}

/** The last edge bits built per propagation graph, by the types they were built for. */
const LAST_BITS = new WeakMap<PropagationGraph, { readonly key: string; readonly bits: Int8Array }>();

/** Per propagation edge: bit position of its type within `types`, or -1 for legitimate access (built once per graph and types). */
function edgeBits(compiled: EngineArrays, graph: PropagationGraph, types: readonly BoundaryType[]): Int8Array {
  const key = types.join(',');
  const last = LAST_BITS.get(graph);
  if (last !== undefined && last.key === key) return last.bits;
  const bitOfType = Int8Array.from(BOUNDARY_TYPES, (type) => types.indexOf(type));
  const { instance } = graph;
  const { instanceType } = compiled;
  const bits = new Int8Array(instance.length);
  for (let e = 0; e < instance.length; e++) {
    const i = instance[e]!;
    bits[e] = i < 0 ? -1 : bitOfType[instanceType[i]!]!;
  }
  LAST_BITS.set(graph, { key, bits });
  return bits;
}

interface TableLayout {
  readonly typeCount: number;
  readonly words: number;
  /** The bits of a word that stand for subsets (all 32 unless 2^T < 32). */
  readonly validMask: number;
  /** upSets[b*words .. (b+1)*words): subsets containing bit b — an edge of that type lets only those through. */
  readonly upSets: Uint32Array;
}

/** Within one word, the subset positions j whose bit b is set, for b < 5. */
const IN_WORD_UP_SET = [0xaaaaaaaa, 0xcccccccc, 0xf0f0f0f0, 0xff00ff00, 0xffff0000];

function tableLayout(typeCount: number): TableLayout {
  const subsets = 2 ** typeCount;
  const words = Math.max(1, subsets >>> 5);
  const validMask = subsets >= 32 ? 0xffffffff : 2 ** subsets - 1;
  const upSets = new Uint32Array(typeCount * words);
  for (let b = 0; b < typeCount; b++) {
    for (let w = 0; w < words; w++) {
      upSets[b * words + w] = b < 5 ? IN_WORD_UP_SET[b]! & validMask : ((w >>> (b - 5)) & 1) === 1 ? 0xffffffff : 0;
    }
  }
  return { typeCount, words, validMask, upSets };
}

/**
 * Bit S of a row is "reached in scenario S", so the 2^T scenarios are independent BFSs run side by
 * side: a FIFO worklist re-queues a row whenever it gains bits, and stops when nothing changes.
 * (FIFO beats a topological-rank order here: bits cross boundary edges everywhere, so BFS order
 * follows them better; measured on the synthetic deployment graph in bench/engine.ts.)
 *
 * A row holds the id of its table in a TableStore, and what an edge does to its target (v's table
 * OR u's table, ANDed with the edge type's up-set) depends only on the two ids and the type: it is
 * computed once per (u's table, v's table, type) and memoized, so relaxing an edge costs a lookup,
 * not a pass over 2^T/32 words. Id 0 is the empty table, id 1 the full one (reached in every
 * scenario: footholds, and rows they reach by legitimate access alone), which nothing can add to
 * and which passes itself on whole along a legitimate edge.
 */
function propagate(
  graph: PropagationGraph,
  footholds: readonly number[],
  bits: Int8Array,
  layout: TableLayout,
  compactAbove: number,
): { tableOf: Int32Array; store: TableStore } {
  const { words, validMask, upSets, typeCount } = layout;
  const { rowCount, nodeCount, offsets, targets } = graph;
  const { tableOf } = carveColumns({ tableOf: ['int32', rowCount] });
  const { queued, ring } = scratchColumns(rowCount);
  const store = new TableStore(words);
  const scratch = new Uint32Array(words);
  const empty = store.intern(scratch);
  scratch.fill(validMask);
  const full = store.intern(scratch);
  // A memo key: (u's table, v's table × (T + 1) + edge type bit + 1), the bit -1 for legitimate access.
  const stride = typeCount + 1;
  let memo = new PairMap();
  // Tables no row holds any more are dropped when there are more than compactAbove (by default twice
  // the rows: a bound on memory for graphs with little sharing, about twice the dense rowCount × words).
  let head = 0;
  let size = 0;
  for (const s of footholds) {
    tableOf[s] = full;
    queued[s] = 1;
    ring[(head + size++) % ring.length] = s;
  }
  while (size > 0) {
    const u = ring[head]!;
    head = (head + 1) % ring.length;
    size--;
    queued[u] = 0;
    if (store.count > compactAbove) {
      compactTables(store, tableOf, empty, full);
      memo = new PairMap();
    }
    const a = tableOf[u]!;
    if (a === empty) continue;
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
      const v = targets[e]!;
      const c = tableOf[v]!;
      if (c === full || c === a) continue;
      const bit = bits[e]!;
      let r: number;
      if (bit < 0 && a === full) {
        r = full;
      } else {
        const key = c * stride + bit + 1;
        r = memo.get(a, key, -1);
        if (r < 0) {
          const { tables } = store;
          const ab = a * words;
          const cb = c * words;
          if (bit < 0) {
            for (let w = 0; w < words; w++) scratch[w] = tables[cb + w]! | tables[ab + w]!;
          } else {
            const up = bit * words;
            for (let w = 0; w < words; w++) scratch[w] = tables[cb + w]! | (tables[ab + w]! & upSets[up + w]!);
          }
          r = store.intern(scratch);
          memo.set(a, key, r);
        }
        if (r === c) continue;
      }
      tableOf[v] = r;
      // Twins have no out-edges: reaching one never needs a visit.
      if (v < nodeCount && queued[v] === 0) {
        queued[v] = 1;
        ring[(head + size++) % ring.length] = v;
      }
    }
  }
  return { tableOf, store };
}

/** Drops the tables no row holds (the empty and full ones stay, as ids 0 and 1) and renumbers tableOf. */
function compactTables(store: TableStore, tableOf: Int32Array, empty: number, full: number): void {
  const live = new Uint8Array(store.count);
  live[empty] = 1;
  live[full] = 1;
  for (let r = 0; r < tableOf.length; r++) live[tableOf[r]!] = 1;
  const remap = store.compact(live);
  for (let r = 0; r < tableOf.length; r++) tableOf[r] = remap[tableOf[r]!]!;
}

let scratchBuffer: { readonly queued: Uint8Array; readonly ring: Int32Array } | null = null;

/**
 * The worklist's columns (queued flags all 0, ring of at least rowCount), shared by every pass of
 * this thread: a pass runs to the end before it returns and leaves every flag 0 again.
 */
function scratchColumns(rowCount: number): { readonly queued: Uint8Array; readonly ring: Int32Array } {
  if (scratchBuffer === null || scratchBuffer.ring.length < rowCount) {
    scratchBuffer = carveColumns({ ring: ['int32', Math.max(1, rowCount)], queued: ['uint8', Math.max(1, rowCount)] });
  }
  return scratchBuffer;
}

/** Reads depth and minimal sets per compiled node, computing each distinct table's antichain once. */
function readAntichains(
  graph: PropagationGraph,
  tableOf: Int32Array,
  distinctTables: Uint32Array,
  types: readonly BoundaryType[],
  layout: TableLayout,
): Pick<TypeDepthResult, 'depth' | 'antichainOf' | 'beyondReadAntichainOf' | 'antichains'> {
  const { words } = layout;
  const n = graph.nodeCount;
  const { antichainOf, beyondReadAntichainOf, depth } = carveColumns({ antichainOf: ['int32', n], beyondReadAntichainOf: ['int32', n], depth: ['int8', n] });
  const antichains: TypeAntichain[] = [];
  // Equal tables have one id (hash-consed), so a table id maps to one antichain, numbered as met.
  const antichainOfTable = new Int32Array(distinctTables.length / words).fill(-1);
  const scratch = new Uint32Array(words);
  const depthOf: number[] = [];
  const antichainOfRow = (row: number): number => {
    const table = tableOf[row]!;
    let id = antichainOfTable[table]!;
    if (id < 0) {
      id = antichains.length;
      const sets = minimalSubsets(distinctTables.subarray(table * words, (table + 1) * words), types, layout, scratch);
      antichains.push(sets);
      depthOf.push(sets[0]?.length ?? -1);
      antichainOfTable[table] = id;
    }
    return id;
  };
  const { twinOf } = graph;
  for (let v = 0; v < n; v++) {
    const twin = twinOf[v]!;
    const id = antichainOfRow(twin === -1 ? v : twin);
    antichainOf[v] = id;
    depth[v] = depthOf[id]!;
    beyondReadAntichainOf[v] = twin === -1 ? id : antichainOfRow(beyondReadRow(graph, v));
  }
  return { depth, antichainOf, beyondReadAntichainOf, antichains };
}

/**
 * The minimal subsets of an upward-closed table: S is minimal unless S \ {b} is in it for some
 * b ∈ S. Computed bit-parallel: shifting the table up by 2^b positions lines S \ {b} up with S.
 */
function minimalSubsets(table: Uint32Array, types: readonly BoundaryType[], layout: TableLayout, dominated: Uint32Array): TypeAntichain {
  const { words, typeCount, upSets } = layout;
  dominated.fill(0);
  for (let b = 0; b < typeCount; b++) {
    if (b < 5) {
      const shift = 1 << b;
      for (let w = 0; w < words; w++) dominated[w]! |= (table[w]! << shift) & upSets[b * words + w]!;
    } else {
      const stride = 1 << (b - 5);
      for (let w = stride; w < words; w++) if ((w & stride) !== 0) dominated[w]! |= table[w - stride]!;
    }
  }
  const subsets: number[] = [];
  for (let w = 0; w < words; w++) {
    for (let bits = table[w]! & ~dominated[w]!; bits !== 0; bits &= bits - 1) {
      subsets.push(w * 32 + (31 - Math.clz32(bits & -bits)));
    }
  }
  return subsets
    .map((subset) => types.filter((_, b) => ((subset >>> b) & 1) === 1))
    .sort(bySizeThenTypeOrder);
}

const TYPE_ORDER: ReadonlyMap<BoundaryType, number> = new Map(BOUNDARY_TYPES.map((type, i) => [type, i]));

function bySizeThenTypeOrder(a: TypeSet, b: TypeSet): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const d = TYPE_ORDER.get(a[i]!)! - TYPE_ORDER.get(b[i]!)!;
    if (d !== 0) return d;
  }
  return 0;
}
