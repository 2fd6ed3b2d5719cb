// Exact exposure probability when failures are per boundary TYPE: the type-subset pass gives every
// node a truth table over the 2^T subsets of the types that matter, so
//   P(node reached) = Σ_{S : table[S] = 1} Π_{t∈S} p_t Π_{t∉S} (1 − p_t)
// with no sampling. Importance per type follows from the same tables with p_t set to 0 and 1.

import { BOUNDARY_TYPES, type BoundaryType } from '../domain/boundary.js';
import type { CompiledGraph } from '../compile/compile.js';
import { depthByType, rowTable, type TypeDepthResult } from '../engine/depth-by-type.js';
import { reachedRow } from '../engine/propagation-graph.js';
import type { ControlMask } from '../engine/scenario.js';
import { CONTROL_NAMES } from '../domain/controls.js';
import { exact, type Estimate } from './estimate.js';
import { storeRows, type RiskTargets } from './targets.js';

/** Importance of hardening one boundary type or instance, against one top event. */
export interface Importance {
  /** A boundary type, or an instance id. */
  readonly id: string;
  readonly type: BoundaryType;
  /** Its failure probability in the model. */
  readonly probability: number;
  /** Birnbaum: P(top | it fails) − P(top | it holds). */
  readonly birnbaum: number;
  /** Fussell–Vesely (risk reduction form): (P(top) − P(top | it holds)) / P(top). */
  readonly fussellVesely: number;
  /** Risk-achievement worth: P(top | it fails) / P(top). */
  readonly raw: number;
  /** Expected reduction of P(top) if it never failed: P(top) − P(top | it holds). */
  readonly reduction: number;
}

/** Per subset S of `types` (bit i = types[i]): Π p over S × Π (1 − p) over the rest. */
export function subsetWeights(types: readonly BoundaryType[], probabilityOf: (type: BoundaryType, bit: number) => number): Float64Array {
  const weights = new Float64Array(2 ** types.length);
  weights[0] = 1;
  let size = 1;
  types.forEach((type, bit) => {
    const p = probabilityOf(type, bit);
    for (let s = 0; s < size; s++) {
      const w = weights[s]!;
      weights[s + size] = w * p;
      weights[s] = w * (1 - p);
    }
    size *= 2;
  });
  return weights;
}

/** OR of the "reached" tables of some compiled nodes. */
export function reachedUnion(result: TypeDepthResult, nodes: Iterable<number>): Uint32Array {
  return rowUnion(result, Array.from(nodes, (v) => reachedRow(result.graph, v)));
}

/** OR of the tables of some propagation-graph rows. */
export function rowUnion(result: TypeDepthResult, rows: Iterable<number>): Uint32Array {
  const out = new Uint32Array(result.words);
  for (const row of rows) {
    const table = rowTable(result, row);
    for (let w = 0; w < result.words; w++) out[w]! |= table[w]!;
  }
  return out;
}

/** Σ of weights over the subsets set in `table`. */
export function tableProbability(table: Uint32Array, weights: Float64Array): number {
  let sum = 0;
  const subsets = weights.length;
  for (let w = 0; w < table.length; w++) {
    for (let bits = table[w]!; bits !== 0; bits &= bits - 1) {
      const s = w * 32 + (31 - Math.clz32(bits & -bits));
      if (s < subsets) sum += weights[s]!;
    }
  }
  // The weights sum to 1 only up to rounding: a certain event must read 1, not 1 − 1e-16.
  return sum > 1 - 1e-12 ? 1 : sum;
}

export interface ExactRisk {
  readonly stores: readonly Estimate[];
  readonly organizations: readonly Estimate[];
  readonly top: Estimate;
  readonly topTable: Uint32Array;
}

/** Exposure of every store, organization and the top event; `typeProbability` is per BOUNDARY_TYPES index. */
export function exactTypeRisk(result: TypeDepthResult, typeProbability: Float64Array, targets: RiskTargets): ExactRisk {
  const weights = weightsOf(result, typeProbability);
  const storeTables = targets.stores.map((s) => rowUnion(result, storeRows(result.graph, s)));
  const union = (indices: readonly number[]) => {
    const out = new Uint32Array(result.words);
    for (const i of indices) for (let w = 0; w < result.words; w++) out[w]! |= storeTables[i]![w]!;
    return out;
  };
  const topTable = union(targets.topStores);
  return {
    stores: storeTables.map((t) => exact(tableProbability(t, weights))),
    organizations: targets.organizations.map((o) => exact(tableProbability(union(o.stores), weights))),
    top: exact(tableProbability(topTable, weights)),
    topTable,
  };
}

export function weightsOf(result: TypeDepthResult, typeProbability: Float64Array, fix?: { bit: number; value: number }): Float64Array {
  return subsetWeights(result.types, (type, bit) => (fix !== undefined && fix.bit === bit ? fix.value : typeProbability[BOUNDARY_TYPES.indexOf(type)]!));
}

/**
 * Birnbaum, Fussell–Vesely and RAW of each type that matters, exactly: P(top) is multilinear in
 * each p_t, so P(top | t fails) and P(top | t holds) are the same sum with p_t set to 1 and 0.
 * Sorted by expected reduction, largest first (ties by type order).
 */
export function exactTypeImportance(result: TypeDepthResult, typeProbability: Float64Array, topTable: Uint32Array): Importance[] {
  const p = tableProbability(topTable, weightsOf(result, typeProbability));
  const out = result.types.map((type, bit) => {
    const fails = tableProbability(topTable, weightsOf(result, typeProbability, { bit, value: 1 }));
    const holds = tableProbability(topTable, weightsOf(result, typeProbability, { bit, value: 0 }));
    return importanceOf(type, type, typeProbability[BOUNDARY_TYPES.indexOf(type)]!, p, fails, holds);
  });
  return sortImportance(out);
}

export function importanceOf(id: string, type: BoundaryType, probability: number, p: number, fails: number, holds: number): Importance {
  // Differences of sums that agree up to rounding are zero.
  const snap = (difference: number, scale: number) => (difference <= 1e-12 * scale ? 0 : difference);
  const reduction = snap(p - holds, p);
  return {
    id,
    type,
    probability,
    birnbaum: snap(fails - holds, Math.max(fails, holds)),
    fussellVesely: p > 0 ? reduction / p : 0,
    raw: p > 0 ? fails / p : fails > 0 ? Infinity : 1,
    reduction,
  };
}

export function sortImportance(list: Importance[]): Importance[] {
  return list.sort((a, b) => b.reduction - a.reduction || b.birnbaum - a.birnbaum || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A control bit no real control uses: set on an instance's edges to take them out of the graph. */
const HARDENED_BIT = 0x80;
if (CONTROL_NAMES.length >= 8) throw new Error('risk: no spare control bit left to harden an instance');

/**
 * Importance of single instances when failures are per type: hardening instance i (it holds while
 * the rest of its type fails with the type) and forcing it (it fails regardless), each one more
 * type-subset pass over a copy of the graph with i's edges removed or made legitimate. Exact, and
 * one pass per instance, so callers cap how many instances they ask about.
 */
export function exactInstanceImportanceByType(
  compiled: CompiledGraph,
  sources: readonly number[],
  controls: ControlMask,
  typeProbability: Float64Array,
  topNodes: readonly number[],
  instances: readonly number[],
): Importance[] {
  const base = depthByType(compiled, sources, controls);
  const p = tableProbability(reachedUnion(base, topNodes), weightsOf(base, typeProbability));
  const edgesOf = instanceEdges(compiled);
  const out: Importance[] = [];
  for (const i of instances) {
    const edges = edgesOf.get(i) ?? [];
    const blockedBy = compiled.blockedBy.slice();
    for (const e of edges) blockedBy[e]! |= HARDENED_BIT;
    const hardened = depthByType({ ...compiled, blockedBy }, sources, controls | HARDENED_BIT);
    const holds = tableProbability(reachedUnion(hardened, topNodes), weightsOf(hardened, typeProbability));
    const instance = compiled.instance.slice();
    for (const e of edges) instance[e] = -1;
    const forced = depthByType({ ...compiled, instance }, sources, controls);
    const fails = tableProbability(reachedUnion(forced, topNodes), weightsOf(forced, typeProbability));
    const type = BOUNDARY_TYPES[compiled.instanceType[i]!]!;
    out.push(importanceOf(compiled.instanceIds[i]!, type, typeProbability[compiled.instanceType[i]!]!, p, fails, holds));
  }
  return sortImportance(out);
}

export function instanceEdges(compiled: CompiledGraph): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let e = 0; e < compiled.edgeCount; e++) {
    const i = compiled.instance[e]!;
    if (i < 0) continue;
    const list = out.get(i);
    if (list === undefined) out.set(i, [e]);
    else list.push(e);
  }
  return out;
}

/** Instances on edges leaving rows reachable with every boundary failed: the only ones that can matter. */
export function relevantInstances(result: TypeDepthResult): number[] {
  const { graph } = result;
  const seen = new Set<number>();
  const everything = 2 ** result.types.length - 1;
  const fullWord = everything >>> 5;
  const fullBit = everything & 31;
  for (let r = 0; r < graph.nodeCount; r++) {
    // Reached with every type failed: the top subset's bit.
    if (((rowTable(result, r)[fullWord]! >>> fullBit) & 1) === 0) continue;
    for (let e = graph.offsets[r]!; e < graph.offsets[r + 1]!; e++) {
      const i = graph.instance[e]!;
      if (i >= 0) seen.add(i);
    }
  }
  return [...seen].sort((a, b) => a - b);
}
