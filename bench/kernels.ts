// The engine workloads the benchmark times on a compiled graph, each with the baseline it is compared
// with: single what-if reachability, all 2^T type subsets in one pass against one BFS per subset,
// and order-2 instance sets against enumerating every pair. Used for generated models
// (./model-workloads.ts) and the synthetic graph (./synthetic.ts) alike.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledGraph } from '../src/compile/compile.js';
import type { BoundaryType } from '../src/domain/boundary.js';
import { depthByInstance } from '../src/engine/depth-by-instance.js';
import { depthByType, type TypeDepthResult } from '../src/engine/depth-by-type.js';
import { reachedRow } from '../src/engine/propagation-graph.js';
import { reach } from '../src/engine/reach.js';
import { failInstances, failTypes, type ControlMask, type Scenario } from '../src/engine/scenario.js';
import { seededRandom } from '../src/generate/random.js';
import { sample, type Sample } from './measure.js';

export interface ReachMeasure extends Sample {
  /** Nodes reached (controlled or accessed). */
  readonly reached: number;
}

/** One what-if: a BFS over the compiled arrays under one scenario. */
export function measureReach(compiled: CompiledGraph, sources: readonly number[], scenario: Scenario, runs: number): ReachMeasure {
  const timed = sample(runs, () => reach(compiled, sources, scenario), 3);
  let reached = 0;
  for (const access of timed.result.access) if (access !== 0) reached++;
  return { wallMs: timed.wallMs, cpuMs: timed.cpuMs, runs, reached };
}

/**
 * The least a BFS over these arrays can do: follow every edge, mark nodes seen, nothing else (no
 * scenario, access modes or parents). Shows what JS on the compiled CSR costs against C (scipy)
 * for the same work, apart from what a what-if adds.
 */
export function plainBfs(compiled: CompiledGraph, source: number): number {
  const { offsets, targets } = compiled;
  const seen = new Uint8Array(compiled.nodeCount);
  const queue = new Int32Array(compiled.nodeCount);
  let tail = 0;
  seen[source] = 1;
  queue[tail++] = source;
  for (let head = 0; head < tail; head++) {
    const u = queue[head]!;
    const end = offsets[u + 1]!;
    for (let e = offsets[u]!; e < end; e++) {
      const v = targets[e]!;
      if (seen[v] === 0) (seen[v] = 1), (queue[tail++] = v);
    }
  }
  return tail;
}

export function measurePlainBfs(compiled: CompiledGraph, source: number, runs: number): ReachMeasure {
  const timed = sample(runs, () => plainBfs(compiled, source), 3);
  return { wallMs: timed.wallMs, cpuMs: timed.cpuMs, runs, reached: timed.result };
}

export interface TypeSweepMeasure {
  /** The types that matter from these footholds (T); the pass covers all 2^T subsets. */
  readonly types: readonly BoundaryType[];
  readonly subsets: number;
  /** depthByType: every subset in one pass. */
  readonly onePass: Sample;
  /** Scalar BFS runs timed (all subsets, or a seeded sample of them when 2^T is large). */
  readonly scalarRuns: number;
  readonly scalarSampled: boolean;
  /** Mean time of one scalar BFS (failure flags built beforehand, not timed). */
  readonly scalarPerScenarioMs: number;
  readonly scalarPerScenarioCpuMs: number;
  readonly onePassPerScenarioMs: number;
  /** Scalar time per scenario / one-pass time per scenario (wall). */
  readonly ratio: number;
  readonly ratioCpu: number;
  /** Every scalar run reached exactly the nodes whose truth-table bit says so. */
  readonly agrees: boolean;
}

/**
 * All 2^T type subsets: one depthByType pass against one scalar BFS per subset. With more than
 * `scalarLimit` subsets, a seeded sample of that many is run and the mean per scenario used.
 */
export function measureTypeSweep(
  compiled: CompiledGraph,
  sources: readonly number[],
  controls: ControlMask,
  options: { readonly passRuns: number; readonly scalarLimit: number },
): TypeSweepMeasure {
  const pass = sample(options.passRuns, () => depthByType(compiled, sources, controls));
  const result = pass.result;
  const subsets = 2 ** result.types.length;
  const chosen = subsets <= options.scalarLimit ? Array.from({ length: subsets }, (_, s) => s) : sampleSubsets(subsets, options.scalarLimit);

  let wall = 0;
  let cpu = 0;
  let agrees = true;
  for (const subset of chosen) {
    const failed = failTypes(compiled, typesOf(result, subset));
    const startCpu = process.cpuUsage();
    const start = performance.now();
    const run = reach(compiled, sources, { failed, controls });
    wall += performance.now() - start;
    const used = process.cpuUsage(startCpu);
    cpu += (used.user + used.system) / 1000;
    if (agrees) agrees = sameAsTable(result, run.access, subset);
  }
  const scalarPerScenarioMs = wall / chosen.length;
  const scalarPerScenarioCpuMs = cpu / chosen.length;
  const onePassPerScenarioMs = pass.wallMs / subsets;
  return {
    types: result.types,
    subsets,
    onePass: { wallMs: pass.wallMs, cpuMs: pass.cpuMs, runs: pass.runs },
    scalarRuns: chosen.length,
    scalarSampled: chosen.length < subsets,
    scalarPerScenarioMs,
    scalarPerScenarioCpuMs,
    onePassPerScenarioMs,
    ratio: scalarPerScenarioMs / onePassPerScenarioMs,
    ratioCpu: scalarPerScenarioCpuMs / (pass.cpuMs / subsets),
    agrees,
  };
}

function typesOf(result: TypeDepthResult, subset: number): BoundaryType[] {
  return result.types.filter((_, bit) => ((subset >>> bit) & 1) === 1);
}

/** Whether "reached under subset" from the one-pass tables matches a scalar run, node for node. */
function sameAsTable(result: TypeDepthResult, access: Uint8Array, subset: number): boolean {
  const { tables, words, graph } = result;
  const word = subset >>> 5;
  const bit = subset & 31;
  for (let v = 0; v < access.length; v++) {
    const inTable = ((tables[reachedRow(graph, v) * words + word]! >>> bit) & 1) === 1;
    if (inTable !== (access[v] !== 0)) return false;
  }
  return true;
}

/** `count` distinct subsets of 0..subsets-1, seeded (partial Fisher–Yates), ascending. */
function sampleSubsets(subsets: number, count: number): number[] {
  const random = seededRandom(2048);
  const all = Array.from({ length: subsets }, (_, s) => s);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random.next() * (subsets - i));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, count).sort((a, b) => a - b);
}

export interface InstancePairsMeasure {
  readonly order: number;
  /** depthByInstance with order 2: every single and double failure, exactly. */
  readonly onePass: Sample;
  readonly instances: number;
  /** Scenarios an enumeration would run: every single instance and every pair. */
  readonly scenarios: number;
  /**
   * Scenarios a frontier-pruned enumeration would run: only instances on an open edge out of what
   * the attacker controls with nothing failed (F0), and pairs {a, b} with a in F0 and b on an open
   * edge out of what it controls with a failed (failing anything else changes nothing). Exact when
   * |F0| ≤ prunedSample, else Σ|F(a)| is estimated from a seeded sample of F0.
   */
  readonly prunedScenarios: number;
  readonly frontierInstances: number;
  readonly prunedSampled: number;
  /** bfsMs × prunedScenarios. */
  readonly prunedEstimateMs: number;
  readonly prunedRatio: number;
  /** Median time of one BFS with a random pair of instances failed. */
  readonly bfsMs: number;
  readonly bfsRuns: number;
  /** bfsMs × scenarios: what enumerating them one BFS at a time would take. */
  readonly enumerationEstimateMs: number;
  readonly ratio: number;
  /** Data-free summary: nodes at depth 1 and 2. */
  readonly depth1: number;
  readonly depth2: number;
}

export function measureInstancePairs(
  compiled: CompiledGraph,
  sources: readonly number[],
  controls: ControlMask,
  options: { readonly passRuns: number; readonly bfsRuns: number; readonly prunedSample?: number },
): InstancePairsMeasure {
  const order = 2;
  const pass = sample(options.passRuns, () => depthByInstance(compiled, sources, controls, { order }));
  let depth1 = 0;
  let depth2 = 0;
  for (const d of pass.result.depth) {
    if (d === 1) depth1++;
    else if (d === 2) depth2++;
  }
  const random = seededRandom(2);
  const n = compiled.instanceCount;
  const times: number[] = [];
  for (let r = 0; r < options.bfsRuns; r++) {
    const a = Math.floor(random.next() * n);
    const b = (a + 1 + Math.floor(random.next() * (n - 1))) % n;
    const failed = failInstances(compiled, [a, b]);
    const start = performance.now();
    reach(compiled, sources, { failed, controls });
    times.push(performance.now() - start);
  }
  times.sort((x, y) => x - y);
  const bfsMs = times[times.length >> 1]!;
  const scenarios = n + (n * (n - 1)) / 2;
  const enumerationEstimateMs = bfsMs * scenarios;
  const pruned = prunedPairs(compiled, sources, controls, options.prunedSample ?? 128);
  const prunedEstimateMs = bfsMs * pruned.scenarios;
  return {
    order,
    onePass: { wallMs: pass.wallMs, cpuMs: pass.cpuMs, runs: pass.runs },
    instances: n,
    scenarios,
    prunedScenarios: pruned.scenarios,
    frontierInstances: pruned.frontier,
    prunedSampled: pruned.sampled,
    prunedEstimateMs,
    prunedRatio: prunedEstimateMs / pass.wallMs,
    bfsMs,
    bfsRuns: options.bfsRuns,
    enumerationEstimateMs,
    ratio: enumerationEstimateMs / pass.wallMs,
    depth1,
    depth2,
  };
}

/**
 * The compiled CSR as raw little-endian int32 files for the scipy baseline: indptr (n+1) and
 * indices (m). Every edge is kept: the what-if it is compared with fails every boundary and turns
 * every control off, so all edges are traversable.
 */
export function writeCsr(compiled: CompiledGraph, directory: string): { indptr: string; indices: string } {
  mkdirSync(directory, { recursive: true });
  const indptr = join(directory, 'indptr.int32');
  const indices = join(directory, 'indices.int32');
  writeFileSync(indptr, new Uint8Array(compiled.offsets.buffer, compiled.offsets.byteOffset, compiled.offsets.byteLength));
  writeFileSync(indices, new Uint8Array(compiled.targets.buffer, compiled.targets.byteOffset, compiled.targets.byteLength));
  return { indptr, indices };
}

/** Instances on an edge open under `controls` out of a node the attacker controls. */
function frontierOf(compiled: CompiledGraph, controlled: Uint8Array, controls: ControlMask): number[] {
  const seen = new Uint8Array(compiled.instanceCount);
  const out: number[] = [];
  for (let u = 0; u < compiled.nodeCount; u++) {
    if (controlled[u] === 0) continue;
    for (let e = compiled.offsets[u]!; e < compiled.offsets[u + 1]!; e++) {
      const i = compiled.instance[e]!;
      if (i < 0 || seen[i] === 1 || (compiled.blockedBy[e]! & controls) !== 0) continue;
      seen[i] = 1;
      out.push(i);
    }
  }
  return out;
}

/**
 * The scenarios of a frontier-pruned order-2 enumeration (see InstancePairsMeasure.prunedScenarios).
 * F(a) ⊇ F0 (failing more only reaches more), so a pair inside F0 is met from both ends: distinct
 * pairs = Σ_a |F(a) \ {a}| − |F0|(|F0|−1)/2.
 */
function prunedPairs(compiled: CompiledGraph, sources: readonly number[], controls: ControlMask, sampleSize: number): { scenarios: number; frontier: number; sampled: number } {
  const none = failInstances(compiled, []);
  const f0 = frontierOf(compiled, reach(compiled, sources, { failed: none, controls }).controlled, controls);
  const k = f0.length;
  const random = seededRandom(3);
  const picked = k <= sampleSize ? f0 : Array.from({ length: sampleSize }, () => f0[Math.floor(random.next() * k)]!);
  let sum = 0;
  for (const a of picked) {
    const after = reach(compiled, sources, { failed: failInstances(compiled, [a]), controls }).controlled;
    sum += frontierOf(compiled, after, controls).filter((b) => b !== a).length;
  }
  const orderedPairs = picked.length === 0 ? 0 : (sum / picked.length) * k;
  return { scenarios: k + orderedPairs - (k * (k - 1)) / 2, frontier: k, sampled: picked.length };
}
