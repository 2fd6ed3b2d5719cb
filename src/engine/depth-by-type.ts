// Defense depth and minimal failure sets by boundary TYPE, for every node, in one pass over all 2^T
// subsets of the T types that matter: each row carries a truth table "reached if exactly this subset
// of types fails", propagated bit-parallel with a worklist; each edge ANDs with its type's up-set.

import { BOUNDARY_TYPES } from '../domain/boundary.js';
import type { BoundaryType } from '../domain/boundary.js';
import type { EngineArrays } from '../compile/compile.js';
import { beyondReadRow, propagationGraph, reachedRow } from './propagation-graph.js';
import type { PropagationGraph } from './propagation-graph.js';
import { normalizeSources } from './reach.js';
import type { ControlMask } from './scenario.js';
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
  /** Row r's truth table is tables[r*words .. (r+1)*words): bit S set ⇔ r reached when subset S fails. */
  readonly tables: Uint32Array;
  /** Per compiled node: fewest types whose failure reaches it; -1 when even all failing does not. */
  readonly depth: Int8Array;
  /** Per compiled node: index into antichains (nodes with equal tables share one). */
  readonly antichainOf: Int32Array;
  /**
   * Compiled node → index into antichains of "reached with control, tamper or deny" (beyondReadRow),
   * for the nodes where that differs from "reached" (an access edge leads to them); any other node's
   * is antichainOf's.
   */
  readonly beyondReadAntichainOf: ReadonlyMap<number, number>;
  readonly antichains: readonly TypeAntichain[];
}

export function depthByType(compiled: EngineArrays, sources: readonly number[], controls: ControlMask): TypeDepthResult {
  const graph = sharedPropagationGraph(compiled, controls);
  const footholds = normalizeSources(compiled, sources);
  const types = typesThatMatter(compiled, graph, footholds);
  const layout = tableLayout(types.length);
  const tables = propagate(graph, footholds, edgeBits(compiled, graph, types), layout);
  const { depth, antichainOf, beyondReadAntichainOf, antichains } = readAntichains(graph, tables, types, layout);
  return { graph, types, words: layout.words, tables, depth, antichainOf, beyondReadAntichainOf, antichains };
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
  return result.beyondReadAntichainOf.get(node) ?? result.antichainOf[node]!;
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

function rowTable(result: TypeDepthResult, row: number): Uint32Array {
  return result.tables.subarray(row * result.words, (row + 1) * result.words);
}

/** Types on edges leaving rows reachable with every boundary failed: the only ones that can matter. */
function typesThatMatter(compiled: EngineArrays, graph: PropagationGraph, footholds: readonly number[]): BoundaryType[] {
  const { seen, stack } = carveColumns({ stack: ['int32', graph.rowCount], seen: ['uint8', graph.rowCount] });
  let top = 0;
  for (const s of footholds) (seen[s] = 1), (stack[top++] = s);
  let present = 0;
  while (top > 0) {
    const u = stack[--top]!;
    for (let e = graph.offsets[u]!; e < graph.offsets[u + 1]!; e++) {
      const i = graph.instance[e]!;
      if (i >= 0) present |= 1 << compiled.instanceType[i]!;
      const v = graph.targets[e]!;
      if (seen[v] === 0) (seen[v] = 1), (stack[top++] = v);
    }
  }
  return BOUNDARY_TYPES.filter((_, t) => ((present >>> t) & 1) === 1);
}

/** Per propagation edge: bit position of its type within `types`, or -1 for legitimate access. */
function edgeBits(compiled: EngineArrays, graph: PropagationGraph, types: readonly BoundaryType[]): Int8Array {
  const bitOfType = BOUNDARY_TYPES.map((type) => types.indexOf(type));
  const bits = new Int8Array(graph.targets.length);
  graph.instance.forEach((i, e) => {
    bits[e] = i < 0 ? -1 : bitOfType[compiled.instanceType[i]!]!;
  });
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
 */
function propagate(graph: PropagationGraph, footholds: readonly number[], bits: Int8Array, layout: TableLayout): Uint32Array {
  const { words, validMask, upSets } = layout;
  const { rowCount, nodeCount, offsets, targets } = graph;
  const { tables, queued, ring, full } = carveColumns({
    tables: ['uint32', rowCount * words],
    ring: ['int32', Math.max(1, rowCount)],
    queued: ['uint8', rowCount],
    full: ['uint8', rowCount],
  });
  // full[r] = 1: row r is reached in every scenario (its table is all ones), as footholds and rows
  // they reach through legitimate access alone are. Nothing can be gained there, and a full row passes
  // itself on whole along a legitimate edge: both without reading the table word by word. For a
  // foothold set that reaches most of the graph with no failure (a tenant's admins), that is most rows.
  let head = 0;
  let size = 0;
  for (const s of footholds) {
    tables.fill(validMask, s * words, (s + 1) * words);
    full[s] = 1;
    queued[s] = 1;
    ring[(head + size++) % ring.length] = s;
  }
  while (size > 0) {
    const u = ring[head]!;
    head = (head + 1) % ring.length;
    size--;
    queued[u] = 0;
    const ub = u * words;
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
      const v = targets[e]!;
      if (full[v] === 1) continue;
      const vb = v * words;
      const bit = bits[e]!;
      let changed = 0;
      if (bit < 0 && full[u] === 1) {
        tables.fill(validMask, vb, vb + words);
        full[v] = 1;
        changed = 1;
      } else if (bit < 0) {
        for (let w = 0; w < words; w++) {
          const gain = tables[ub + w]! & ~tables[vb + w]!;
          if (gain !== 0) (tables[vb + w]! |= gain), (changed = 1);
        }
      } else {
        const up = bit * words;
        for (let w = 0; w < words; w++) {
          const gain = tables[ub + w]! & upSets[up + w]! & ~tables[vb + w]!;
          if (gain !== 0) (tables[vb + w]! |= gain), (changed = 1);
        }
      }
      // Twins have no out-edges: reaching one never needs a visit.
      if (changed === 1 && v < nodeCount && queued[v] === 0) {
        queued[v] = 1;
        ring[(head + size++) % ring.length] = v;
      }
    }
  }
  return tables;
}

/** Reads depth and minimal sets per compiled node, computing each distinct table's antichain once. */
function readAntichains(
  graph: PropagationGraph,
  tables: Uint32Array,
  types: readonly BoundaryType[],
  layout: TableLayout,
): Pick<TypeDepthResult, 'depth' | 'antichainOf' | 'beyondReadAntichainOf' | 'antichains'> {
  const { words } = layout;
  const n = graph.nodeCount;
  const depth = new Int8Array(n);
  const antichainOf = new Int32Array(n);
  const antichains: TypeAntichain[] = [];
  const byHash = new Map<number, { row: number; id: number }[]>();
  const scratch = new Uint32Array(words);
  const antichainOfRow = (row: number): number => {
    const base = row * words;
    const hash = hashWords(tables, base, words);
    const bucket = byHash.get(hash) ?? [];
    let id = bucket.find((seen) => sameWords(tables, seen.row * words, base, words))?.id;
    if (id === undefined) {
      id = antichains.length;
      antichains.push(minimalSubsets(tables.subarray(base, base + words), types, layout, scratch));
      bucket.push({ row, id });
      byHash.set(hash, bucket);
    }
    return id;
  };
  const beyondReadAntichainOf = new Map<number, number>();
  for (let v = 0; v < n; v++) {
    const id = antichainOfRow(reachedRow(graph, v));
    antichainOf[v] = id;
    depth[v] = antichains[id]![0]?.length ?? -1;
    if (graph.twinOf[v] !== -1) beyondReadAntichainOf.set(v, antichainOfRow(beyondReadRow(graph, v)));
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

function hashWords(words: Uint32Array, base: number, count: number): number {
  let hash = 0x811c9dc5;
  for (let w = 0; w < count; w++) hash = Math.imul(hash ^ words[base + w]!, 0x01000193);
  return hash >>> 0;
}

function sameWords(words: Uint32Array, a: number, b: number, count: number): boolean {
  for (let w = 0; w < count; w++) if (words[a + w] !== words[b + w]) return false;
  return true;
}
