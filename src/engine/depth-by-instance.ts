// Minimal failure sets by boundary INSTANCE up to order k: label propagation in order of set size
// (size 0 is a plain BFS over legitimate edges; then every minimal set of size 1, 2, …, k). Label
// families live in a FamilyStore (hash-consed, unions shared by reference), only new labels travel
// along edges, and rows are opened in topological order of the always-traversable edges.

import type { CompiledGraph } from '../compile/compile.js';
import { EMPTY_FAMILY, FamilyStore } from './instance-families.js';
import type { FamilyView, SharingPolicy } from './instance-families.js';
import { propagationGraph, reachedRow } from './propagation-graph.js';
import type { PropagationGraph } from './propagation-graph.js';
import { normalizeSources } from './reach.js';
import { RankQueue } from './rank-queue.js';
import { legitimateRank } from './topological-rank.js';
import type { ControlMask } from './scenario.js';

export interface InstanceDepthOptions {
  /** k, the largest set size explored (default 2: every single and double failure). */
  readonly order?: number;
  readonly sharing?: SharingPolicy;
}

export const DEFAULT_ORDER = 2;

export interface InstanceDepthResult {
  /** k: sets larger than this were not explored. */
  readonly order: number;
  readonly graph: PropagationGraph;
  /** Per row: 1 when reached with no failure at all. */
  readonly zeroFailure: Uint8Array;
  /** familyOf[s-1][row]: the row's minimal sets of exactly s instances (a family id, 0 = none). */
  readonly familyOf: readonly Int32Array[];
  readonly families: FamilyView;
  /** Per compiled node: fewest instances whose failure reaches it; -1 when more than `order` are needed (or none suffice). */
  readonly depth: Int8Array;
}

export function depthByInstance(
  compiled: CompiledGraph,
  sources: readonly number[],
  controls: ControlMask,
  options: InstanceDepthOptions = {},
): InstanceDepthResult {
  const order = options.order ?? DEFAULT_ORDER;
  if (!Number.isInteger(order) || order < 0 || order > 8) throw new RangeError(`order must be an integer in 0..8, got ${order}`);
  const graph = propagationGraph(compiled, controls);
  const zeroFailure = legitimateReach(graph, normalizeSources(compiled, sources));
  const store = new FamilyStore(options.sharing);
  const rank = legitimateRank(graph);
  const familyOf: Int32Array[] = [];
  for (let size = 1; size <= order; size++) familyOf.push(propagatePhase(graph, rank, zeroFailure, familyOf, store));
  store.release();
  const depth = new Int8Array(graph.nodeCount).fill(-1);
  for (let v = 0; v < graph.nodeCount; v++) {
    const row = reachedRow(graph, v);
    if (zeroFailure[row] === 1) depth[v] = 0;
    else {
      const smallest = familyOf.findIndex((families) => families[row] !== EMPTY_FAMILY);
      if (smallest >= 0) depth[v] = smallest + 1;
    }
  }
  return { order, graph, zeroFailure, familyOf, families: store, depth };
}

export function instanceDepth(result: InstanceDepthResult, node: number): number | null {
  const depth = result.depth[node]!;
  return depth < 0 ? null : depth;
}

/**
 * The node's minimal instance sets of size ≤ order, as instance indices: each set ascending, sets
 * by size then lexicographically (index order is instance id order). [[]] when no failure is needed.
 * `row` picks another row of the node (beyondReadRow: reach with more than read) instead of "reached".
 */
export function minimalInstanceSets(result: InstanceDepthResult, node: number, row = reachedRow(result.graph, node)): number[][] {
  if (result.zeroFailure[row] === 1) return [[]];
  return result.familyOf.flatMap((families) => result.families.labels(families[row]!));
}

/** The same sets as instance ids. */
export function minimalInstanceSetIds(compiled: CompiledGraph, result: InstanceDepthResult, node: number): string[][] {
  return minimalInstanceSets(result, node).map((set) => set.map((i) => compiled.instanceIds[i]!));
}

/** How many minimal sets of size ≤ order the node has (a shared union is materialized once to count it). */
export function minimalInstanceSetCount(result: InstanceDepthResult, node: number, row = reachedRow(result.graph, node)): number {
  if (result.zeroFailure[row] === 1) return 1;
  return result.familyOf.reduce((sum, families) => sum + result.families.count(families[row]!), 0);
}

/** Rows reached with nothing failed: BFS over edges that cross no boundary. */
function legitimateReach(graph: PropagationGraph, footholds: readonly number[]): Uint8Array {
  const seen = new Uint8Array(graph.rowCount);
  const queue = new Int32Array(graph.rowCount);
  let tail = 0;
  for (const s of footholds) (seen[s] = 1), (queue[tail++] = s);
  for (let head = 0; head < tail; head++) {
    const u = queue[head]!;
    for (let e = graph.offsets[u]!; e < graph.offsets[u + 1]!; e++) {
      const v = graph.targets[e]!;
      if (graph.instance[e]! < 0 && seen[v] === 0) (seen[v] = 1), (queue[tail++] = v);
    }
  }
  return seen;
}

/**
 * One phase: every row's minimal sets of exactly `size` instances. Seeds are the smaller phase's
 * labels pushed across one more boundary; within the phase a label S moves along legitimate edges
 * and edges of instances in S. Equal-size labels never dominate each other, so within a phase a
 * family only grows by union; minimality is checked once, against the row's smaller labels.
 */
function propagatePhase(
  graph: PropagationGraph,
  rank: Int32Array,
  zeroFailure: Uint8Array,
  smaller: readonly Int32Array[],
  store: FamilyStore,
): Int32Array {
  const { rowCount, offsets, targets, instance } = graph;
  const size = smaller.length + 1;
  const previous = smaller[smaller.length - 1];
  const families = new Int32Array(rowCount);
  const inbox = new Inbox(rank);

  for (let u = 0; u < rowCount; u++) {
    if (previous === undefined ? zeroFailure[u] === 0 : previous[u] === EMPTY_FAMILY) continue;
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
      const i = instance[e]!;
      const v = targets[e]!;
      if (i < 0 || zeroFailure[v] === 1) continue;
      if (previous === undefined) inbox.post(v, store.singleton(i));
      // When v already has each of u's smaller labels, every extension of them is dominated at v.
      else if (!store.covers(previous[v]!, previous[u]!)) inbox.post(v, store.extend(previous[u]!, i));
    }
  }

  const lower: number[] = new Array<number>(size - 1);
  const fresh: number[] = [];
  for (let x = inbox.next(); x >= 0; x = inbox.next()) {
    for (let w = 0; w < size - 1; w++) lower[w] = smaller[w]![x]!;
    const signature = store.signature(lower);
    const current = families[x]!;
    fresh.length = 0;
    for (const family of inbox.drain(x)) {
      const added = store.without(store.withoutSupersets(family, signature), current);
      if (added !== EMPTY_FAMILY) fresh.push(added);
    }
    if (fresh.length === 0) continue;
    // Only the new labels travel on: each label crosses each edge once, however often x grows.
    const delta = store.unionAll(fresh);
    families[x] = store.union(current, delta);
    for (let e = offsets[x]!; e < offsets[x + 1]!; e++) {
      const v = targets[e]!;
      if (zeroFailure[v] === 1) continue;
      const i = instance[e]!;
      inbox.post(v, i < 0 ? delta : store.select(delta, i));
    }
  }
  return families;
}

/** Families waiting to be merged into a row; rows with mail wait in a RankQueue. */
class Inbox {
  private readonly head: Int32Array;
  private readonly rows: RankQueue;
  private readonly nextMessage: number[] = [];
  private readonly family: number[] = [];

  constructor(rank: Int32Array) {
    this.head = new Int32Array(rank.length).fill(-1);
    this.rows = new RankQueue(rank);
  }

  post(row: number, family: number): void {
    if (family === EMPTY_FAMILY) return;
    this.family.push(family);
    this.nextMessage.push(this.head[row]!);
    this.head[row] = this.family.length - 1;
    this.rows.add(row);
  }

  /** The next row with mail, or -1. */
  next(): number {
    return this.rows.next();
  }

  /** The distinct families waiting for a row (the same one often arrives along several edges). */
  drain(row: number): number[] {
    const families: number[] = [];
    for (let m = this.head[row]!; m >= 0; m = this.nextMessage[m]!) {
      const family = this.family[m]!;
      if (!families.includes(family)) families.push(family);
    }
    this.head[row] = -1;
    return families;
  }
}
