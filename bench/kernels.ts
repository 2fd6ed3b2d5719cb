// The engine workloads the benchmark times on a compiled graph, each with the baseline it is compared
// with, in the same process: single what-if reachability (and the bare BFS kernels it is taken apart
// into against scipy), all 2^T type subsets in one pass against a bare filtered BFS per subset, and
// order-2 instance sets against enumerating the pairs. Used for generated models
// (./model-workloads.ts) and the synthetic graph (./synthetic.ts) alike.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledGraph } from '../src/compile/compile.js';
import type { BoundaryType } from '../src/domain/boundary.js';
import { depthByInstance } from '../src/engine/depth-by-instance.js';
import { depthByType, rowTable, type TypeDepthResult } from '../src/engine/depth-by-type.js';
import { reachedRow } from '../src/engine/propagation-graph.js';
import { reach, ReachBuffers } from '../src/engine/reach.js';
import { failInstances, type ControlMask, type Scenario } from '../src/engine/scenario.js';
import { boundaryIndex } from '../src/domain/boundary.js';
import { seededRandom } from '../src/generate/random.js';
import { median, sample, summarize, timed, type Sample } from './measure.js';

export interface ReachMeasure extends Sample {
  /** Nodes reached (controlled or accessed). */
  readonly reached: number;
  /** Median minor page faults of one run (fresh pages of newly allocated arrays), where counted. */
  readonly minorFaults?: number;
}

/** One what-if: a BFS over the compiled arrays under one scenario, into result columns reused from run to run (ReachBuffers). */
export function measureReach(compiled: CompiledGraph, sources: readonly number[], scenario: Scenario, runs: number): ReachMeasure {
  const buffers = new ReachBuffers(compiled.nodeCount);
  const run = sample(runs, () => reach(compiled, sources, scenario, buffers).reachedCount, 3);
  return { wallMs: run.wallMs, cpuMs: run.cpuMs, minWallMs: run.minWallMs, runs, reached: run.result };
}

/**
 * The least a BFS over these arrays can do: follow every edge, mark nodes seen, nothing else (no
 * scenario, access modes or parents). Shows what JS on the compiled CSR costs against C (scipy)
 * for the same work, apart from what a what-if adds. Its two buffers are allocated once and cleared
 * per run, as reach's are (ReachBuffers); returns the nodes reached.
 */
export function plainBfs(compiled: CompiledGraph, source: number): () => number {
  const { offsets, targets } = compiled;
  const seen = new Uint8Array(compiled.nodeCount);
  const queue = new Int32Array(compiled.nodeCount);
  return (): number => {
    seen.fill(0);
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
  };
}

/**
 * plainBfs plus the per-edge tests a what-if cannot skip: the edge's blocking controls against the
 * scenario's, and its boundary instance's failure flag. No access modes, no parents: what separates
 * this from plainBfs is exactly the scenario test per edge, which scipy's BFS does not make.
 */
export function scenarioBfs(compiled: CompiledGraph, source: number, scenario: Scenario): () => number {
  const { offsets, targets, instance, blockedBy } = compiled;
  const { failed, controls } = scenario;
  const seen = new Uint8Array(compiled.nodeCount);
  const queue = new Int32Array(compiled.nodeCount);
  return (): number => {
    seen.fill(0);
    let tail = 0;
    seen[source] = 1;
    queue[tail++] = source;
    for (let head = 0; head < tail; head++) {
      const u = queue[head]!;
      const end = offsets[u + 1]!;
      for (let e = offsets[u]!; e < end; e++) {
        if ((blockedBy[e]! & controls) !== 0) continue;
        const i = instance[e]!;
        if (i >= 0 && failed[i] !== 1) continue;
        const v = targets[e]!;
        if (seen[v] === 0) (seen[v] = 1), (queue[tail++] = v);
      }
    }
    return tail;
  };
}

export interface TypeSweepMeasure {
  /** The types that matter from these footholds (T); the pass covers all 2^T subsets. */
  readonly types: readonly BoundaryType[];
  readonly subsets: number;
  /** depthByType: every subset in one pass (median and fastest of the rounds). */
  readonly onePass: Sample;
  /** Filtered BFS runs per round (all subsets, or a seeded sample of them when 2^T is large). */
  readonly scalarRuns: number;
  readonly scalarSampled: boolean;
  /** Rounds: each times the pass once and the whole set of filtered BFS runs once, alternating. */
  readonly rounds: number;
  /** Mean time of one filtered BFS in a round: median and fastest of the rounds. */
  readonly scalarPerScenarioMs: number;
  readonly scalarPerScenarioMinMs: number;
  readonly scalarPerScenarioCpuMs: number;
  readonly onePassPerScenarioMs: number;
  /** Filtered BFS time per scenario / one-pass time per scenario: medians (wall), fastest rounds, CPU. */
  readonly ratio: number;
  readonly ratioMin: number;
  readonly ratioCpu: number;
  /** Every filtered BFS reached exactly the nodes whose truth-table bit says so. */
  readonly agrees: boolean;
}

/**
 * All 2^T type subsets: one depthByType pass against one bare filtered BFS per subset
 * (typeFilteredBfs: no what-if machinery, no parents). With more than `scalarLimit` subsets a seeded
 * sample of that many is run and the mean per scenario used. After a warm-up of each, `rounds` rounds
 * each time the pass and the whole sweep once, the order swapped every round, so drift in the
 * machine's load hits both alike.
 */
export function measureTypeSweep(
  compiled: CompiledGraph,
  sources: readonly number[],
  controls: ControlMask,
  options: { readonly rounds: number; readonly scalarLimit: number },
): TypeSweepMeasure {
  const result = depthByType(compiled, sources, controls);
  const subsets = 2 ** result.types.length;
  const chosen = subsets <= options.scalarLimit ? Array.from({ length: subsets }, (_, s) => s) : sampleSubsets(subsets, options.scalarLimit);
  const masks = chosen.map((subset) => typeMask(result, subset));
  const bfs = typeFilteredBfs(compiled, sources, controls);

  // Warm-up of the sweep doubles as the check: every subset's BFS against the pass's truth table.
  let agrees = true;
  chosen.forEach((subset, k) => {
    if (agrees) agrees = sameAsTable(result, bfs(masks[k]!), subset);
  });
  const sweep = (): void => {
    for (const mask of masks) bfs(mask);
  };
  const passWall: number[] = [];
  const passCpu: number[] = [];
  const sweepWall: number[] = [];
  const sweepCpu: number[] = [];
  for (let r = 0; r < options.rounds; r++) {
    const order = r % 2 === 0 ? ['pass', 'sweep'] : ['sweep', 'pass'];
    for (const which of order) {
      const run = which === 'pass' ? timed(() => depthByType(compiled, sources, controls)) : timed(sweep);
      (which === 'pass' ? passWall : sweepWall).push(run.wallMs);
      (which === 'pass' ? passCpu : sweepCpu).push(run.cpuMs);
    }
  }
  const pass = summarize(passWall, passCpu);
  const scalar = summarize(sweepWall, sweepCpu);
  const per = (ms: number) => ms / chosen.length;
  const onePassPerScenarioMs = pass.wallMs / subsets;
  return {
    types: result.types,
    subsets,
    onePass: pass,
    scalarRuns: chosen.length,
    scalarSampled: chosen.length < subsets,
    rounds: options.rounds,
    scalarPerScenarioMs: per(scalar.wallMs),
    scalarPerScenarioMinMs: per(scalar.minWallMs),
    scalarPerScenarioCpuMs: per(scalar.cpuMs),
    onePassPerScenarioMs,
    ratio: per(scalar.wallMs) / onePassPerScenarioMs,
    ratioMin: per(scalar.minWallMs) / (pass.minWallMs / subsets),
    ratioCpu: per(scalar.cpuMs) / (pass.cpuMs / subsets),
    agrees,
  };
}

/**
 * The bare baseline of the type sweep: a BFS over the CSR that skips an edge whose boundary type is
 * not in the failed subset (and an edge a control removes), nothing else: no failure flags per
 * instance, no parent edges, buffers allocated once and cleared per run. An edge of a control mode
 * makes its target controlled (expanded); a read/tamper/deny edge only marks it reached, as the
 * engine's semantics require. `typeMask` bit c allows edges of boundary code c (bit 0: no boundary).
 * The returned array is reused by the next call: 0 not reached, 1 reached, 2 controlled.
 */
export function typeFilteredBfs(compiled: CompiledGraph, sources: readonly number[], controls: ControlMask): (typeMask: number) => Uint8Array {
  const { offsets, targets, boundary, access, blockedBy } = compiled;
  const n = compiled.nodeCount;
  const state = new Uint8Array(n);
  const queue = new Int32Array(n);
  return (typeMask: number): Uint8Array => {
    state.fill(0);
    let tail = 0;
    for (const s of sources) {
      if (state[s] !== 2) (state[s] = 2), (queue[tail++] = s);
    }
    for (let head = 0; head < tail; head++) {
      const u = queue[head]!;
      const end = offsets[u + 1]!;
      for (let e = offsets[u]!; e < end; e++) {
        if (((typeMask >>> boundary[e]!) & 1) === 0 || (blockedBy[e]! & controls) !== 0) continue;
        const v = targets[e]!;
        if (access[e] === 0) {
          if (state[v] !== 2) (state[v] = 2), (queue[tail++] = v);
        } else if (state[v] === 0) state[v] = 1;
      }
    }
    return state;
  };
}

/** Boundary codes allowed under a subset of result.types: bit 0 (legitimate access) always. */
function typeMask(result: TypeDepthResult, subset: number): number {
  let mask = 1;
  result.types.forEach((type, bit) => {
    if (((subset >>> bit) & 1) === 1) mask |= 1 << (1 + boundaryIndex(type));
  });
  return mask;
}

/** Whether "reached under subset" from the one-pass tables matches a BFS's (non-zero: reached), node for node. */
function sameAsTable(result: TypeDepthResult, access: Uint8Array, subset: number): boolean {
  const word = subset >>> 5;
  const bit = subset & 31;
  for (let v = 0; v < access.length; v++) {
    const inTable = ((rowTable(result, reachedRow(result.graph, v))[word]! >>> bit) & 1) === 1;
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
  /** bfsMs × prunedScenarios (and with the fastest BFS, against the fastest pass). */
  readonly prunedEstimateMs: number;
  readonly prunedRatio: number;
  readonly prunedRatioMin: number;
  /** Median and fastest time of one BFS with a random pair of instances failed. */
  readonly bfsMs: number;
  readonly bfsMinMs: number;
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
    times.push(timed(() => reach(compiled, sources, { failed, controls })).wallMs);
  }
  const bfsMs = median(times);
  const bfsMinMs = Math.min(...times);
  const scenarios = n + (n * (n - 1)) / 2;
  const enumerationEstimateMs = bfsMs * scenarios;
  const pruned = prunedPairs(compiled, sources, controls, options.prunedSample ?? 128);
  const prunedEstimateMs = bfsMs * pruned.scenarios;
  return {
    order,
    onePass: { wallMs: pass.wallMs, cpuMs: pass.cpuMs, minWallMs: pass.minWallMs, runs: pass.runs },
    instances: n,
    scenarios,
    prunedScenarios: pruned.scenarios,
    frontierInstances: pruned.frontier,
    prunedSampled: pruned.sampled,
    prunedEstimateMs,
    prunedRatio: prunedEstimateMs / pass.wallMs,
    prunedRatioMin: (bfsMinMs * pruned.scenarios) / pass.minWallMs,
    bfsMs,
    bfsMinMs,
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
