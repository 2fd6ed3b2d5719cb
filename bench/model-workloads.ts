// Child process of the benchmark: one generated model file through the real loader and rules, then
// the engine workloads on its compiled arrays, each beside its baseline in this process (scipy, in
// Python, runs in a child between this process's own timed blocks). Prints one JSON line (see
// ModelWorkloads).
//
//   node dist/bench/model-workloads.js MODEL CSR_DIR [--scalar-limit N] [--prepare-only]

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepare } from '../src/analyze/prepared.js';
import { resolveQuestion } from '../src/analyze/what-if.js';
import type { CompiledGraph } from '../src/compile/compile.js';
import { INTERNET } from '../src/compile/ids.js';
import { reach, ReachBuffers } from '../src/engine/reach.js';
import { allFailed, controlMask, failTypes, type Scenario } from '../src/engine/scenario.js';
import { loadModelFile } from '../src/model/load-model.js';
import type { Model } from '../src/model/types.js';
import {
  measureInstancePairs,
  measureReach,
  measureTypeSweep,
  plainBfs,
  scenarioBfs,
  writeCsr,
  type InstancePairsMeasure,
  type ReachMeasure,
  type TypeSweepMeasure,
} from './kernels.js';
import { answer, median, once, peakRssMb, progress, runJson, summarize, timed, type Sample } from './measure.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The Debian python that python3-scipy installs into (INDEPTH_BENCH_PYTHON overrides it). */
const PYTHON = process.env['INDEPTH_BENCH_PYTHON'] ?? '/usr/bin/python3';

/** One scipy BFS mode over all its runs in this benchmark (every round's child together). */
export interface ScipyMeasure {
  readonly wallMs: number;
  readonly minWallMs: number;
  readonly cpuMs: number;
  readonly runs: number;
  readonly reached: number;
}

export interface ScipyResult {
  readonly available: boolean;
  readonly reason?: string;
  readonly scipy?: string;
  /** Python children run: one per round, between this process's timed blocks. */
  readonly children?: number;
  readonly withPredecessors?: ScipyMeasure;
  readonly orderOnly?: ScipyMeasure;
}

export interface ModelWorkloads {
  readonly nodes: number;
  readonly edges: number;
  readonly instances: number;
  readonly parse: Sample;
  readonly prepare: Sample;
  /** The first organization: the CLI's `--from org01` (any of its standard users). */
  readonly foothold: string;
  readonly footholdNodes: number;
  /** Null with --prepare-only. */
  readonly engine: EngineWorkloads | null;
  readonly peakRssMb: number;
}

export interface EngineWorkloads {
  /** Index of `internet`, the source of the reachability runs (for the scipy baseline). */
  readonly internet: number;
  readonly csr: { readonly indptr: string; readonly indices: string };
  /**
   * From `internet`, every boundary failed, every control off: every edge traversable. `reach` into
   * result columns reused from call to call (ReachBuffers, allocated once before the runs), as the
   * engine's callers that ask many what-ifs do.
   */
  readonly reachAll: ReachMeasure;
  /** The same traversal as a bare BFS (seen flags and a queue only, allocated once). */
  readonly plainBfs: ReachMeasure;
  /** The bare BFS plus the what-if's per-edge scenario tests (kernels.ts scenarioBfs). */
  readonly scenarioBfs: ReachMeasure;
  /** `reach` with fresh result columns per call (no ReachBuffers): what a one-off what-if pays. */
  readonly freshColumnsReach: ReachMeasure;
  /** scipy breadth_first_order on the same CSR, timed in rounds between the four above. */
  readonly scipy: ScipyResult;
  /** A realistic what-if: the foothold's insiders with the kernel boundary failed, the model's controls. */
  readonly reachInsiderKernel: ReachMeasure;
  /** From `internet` and the foothold's tenant admin, every control off: every type matters. */
  readonly typeSweepOutsider: TypeSweepMeasure;
  readonly outsiderFootholds: readonly string[];
  /** From the foothold's insiders with the model's controls. */
  readonly typeSweepInsider: TypeSweepMeasure;
  readonly instancePairs: InstancePairsMeasure;
}

function main(): void {
  const [file, csrDirectory, ...rest] = process.argv.slice(2);
  if (file === undefined || csrDirectory === undefined) throw new Error('usage: model-workloads MODEL CSR_DIR [--scalar-limit N] [--prepare-only]');
  const limitAt = rest.indexOf('--scalar-limit');
  const scalarLimit = limitAt >= 0 ? Number(rest[limitAt + 1]) : 2048;

  progress(`${file}: parse`);
  const parse = once(() => loadModelFile(file));
  if (!parse.result.ok) throw new Error(`${file}: ${parse.result.issues.map((i) => i.message).join('; ')}`);
  const { model, locations } = parse.result;
  progress(`${file}: prepare (rules → compiled arrays)`);
  const prepared = once(() => prepare(model, locations));
  if (!prepared.result.ok) throw new Error(`${file}: ${prepared.result.issues.map((i) => i.message).join('; ')}`);
  const p = prepared.result.prepared;

  const foothold = model.organizations[0]!.id;
  const resolved = resolveQuestion(p, { name: 'bench', from: [foothold], fail: [], controls: {} });
  if (!resolved.ok) throw new Error(`foothold ${foothold}: ${resolved.problems.map((x) => x.message).join('; ')}`);
  const insiders = resolved.resolved.sources;
  const controls = controlMask(resolved.resolved.controls);

  const engine = rest.includes('--prepare-only') ? null : engineWorkloads(model, p.compiled, foothold, insiders, controls, csrDirectory, scalarLimit);
  answer({
    nodes: p.compiled.nodeCount,
    edges: p.compiled.edgeCount,
    instances: p.compiled.instanceCount,
    parse: strip(parse),
    prepare: strip(prepared),
    foothold,
    footholdNodes: insiders.length,
    engine,
    peakRssMb: peakRssMb(),
  } satisfies ModelWorkloads);
}

function engineWorkloads(
  model: Model,
  compiled: CompiledGraph,
  foothold: string,
  insiders: readonly number[],
  controls: number,
  csrDirectory: string,
  scalarLimit: number,
): EngineWorkloads {
  const internet = compiled.nodeIndex.get(INTERNET)!;
  const csr = writeCsr(compiled, csrDirectory);
  progress('single what-if reachability, the bare BFS kernels and scipy on the same CSR (rounds)');
  const { reachAll, plainBfs: plain, scenarioBfs: filtered, freshColumnsReach: fresh, scipy } = reachAgainstScipy(compiled, internet, csr, 3, 5);
  const reachInsiderKernel = measureReach(compiled, insiders, { failed: failTypes(compiled, ['kernel']), controls }, 15);

  // From the internet alone, tenants and subscriptions are never reached (only admins hold them):
  // adding the foothold organization's tenant admin makes those two types matter as well.
  const admin = model.users.find((u) => u.organization === foothold && u.privilege === 'tenantAdmin' && u.count === 1);
  const outsiderFootholds = [INTERNET, ...(admin === undefined ? [] : [admin.id])];
  progress(`all type subsets in one pass vs a bare filtered BFS per subset (${outsiderFootholds.join(' + ')}, controls off)`);
  const outsiders = outsiderFootholds.map((id) => compiled.nodeIndex.get(id)!);
  const typeSweepOutsider = measureTypeSweep(compiled, outsiders, 0, { rounds: 3, scalarLimit });
  progress(`  T=${typeSweepOutsider.types.length}, ${typeSweepOutsider.scalarRuns} filtered BFS runs per round, ratio (medians) ${typeSweepOutsider.ratio.toFixed(1)}`);
  progress(`all type subsets (${foothold} insiders, the model's controls)`);
  const typeSweepInsider = measureTypeSweep(compiled, insiders, controls, { rounds: 3, scalarLimit });
  progress(`order-2 instance sets (${foothold} insiders)`);
  const instancePairs = measureInstancePairs(compiled, insiders, controls, { passRuns: 3, bfsRuns: 21 });
  return { internet, csr, reachAll, plainBfs: plain, scenarioBfs: filtered, freshColumnsReach: fresh, scipy, reachInsiderKernel, typeSweepOutsider, outsiderFootholds, typeSweepInsider, instancePairs };
}

/**
 * From `internet` with every edge traversable: `reach`, the bare BFS, the bare BFS with the scenario
 * tests and reach's work with reused buffers, against scipy's breadth_first_order (with predecessors, and order only) on the
 * same CSR. After a warm-up, `rounds` rounds: `perRound` timed runs of each of ours, then one
 * Python child timing `perRound` runs of each of scipy's (the order swapped every round), so both
 * sides are measured in the same minutes of this run. Medians and minima over every run.
 */
function reachAgainstScipy(
  compiled: CompiledGraph,
  internet: number,
  csr: { readonly indptr: string; readonly indices: string },
  rounds: number,
  perRound: number,
): { reachAll: ReachMeasure; plainBfs: ReachMeasure; scenarioBfs: ReachMeasure; freshColumnsReach: ReachMeasure; scipy: ScipyResult } {
  const everything: Scenario = { failed: allFailed(compiled), controls: 0 };
  const buffers = new ReachBuffers(compiled.nodeCount);
  const kinds = {
    reachAll: () => reach(compiled, [internet], everything, buffers).reachedCount,
    plainBfs: plainBfs(compiled, internet),
    scenarioBfs: scenarioBfs(compiled, internet, everything),
    freshColumnsReach: () => reach(compiled, [internet], everything).reachedCount,
  } as const;
  const names = Object.keys(kinds) as (keyof typeof kinds)[];
  const wall = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<keyof typeof kinds, number[]>;
  const cpu = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<keyof typeof kinds, number[]>;
  const faults = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<keyof typeof kinds, number[]>;
  const reached = Object.fromEntries(names.map((k) => [k, 0])) as Record<keyof typeof kinds, number>;
  for (const k of names) for (let w = 0; w < 3; w++) reached[k] = kinds[k]();

  const probe = probeScipy();
  const scipyRuns: { scipy?: string; withPredecessors: RawScipy[]; orderOnly: RawScipy[] } = { withPredecessors: [], orderOnly: [] };
  const ours = (): void => {
    for (const k of names) {
      for (let r = 0; r < perRound; r++) {
        const run = timed(kinds[k]);
        wall[k].push(run.wallMs);
        cpu[k].push(run.cpuMs);
        faults[k].push(run.minorFaults);
      }
    }
  };
  const theirs = (): void => {
    if (probe !== null) return;
    const out = runJson<{ scipy: string; withPredecessors: RawScipy; orderOnly: RawScipy }>(PYTHON, [
      join(ROOT, 'bench/scipy_bfs.py'),
      csr.indptr,
      csr.indices,
      String(internet),
      String(perRound),
    ]);
    scipyRuns.scipy = out.scipy;
    scipyRuns.withPredecessors.push(out.withPredecessors);
    scipyRuns.orderOnly.push(out.orderOnly);
  };
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) ours(), theirs();
    else theirs(), ours();
  }
  const measure = (k: keyof typeof kinds): ReachMeasure => ({ ...summarize(wall[k], cpu[k]), reached: reached[k], minorFaults: median(faults[k]) });
  const merge = (children: readonly RawScipy[]): ScipyMeasure => {
    const runs = children.flatMap((c) => c.wallRunsMs);
    return { wallMs: median(runs), minWallMs: Math.min(...runs), cpuMs: median(children.flatMap((c) => c.cpuRunsMs)), runs: runs.length, reached: children[0]!.reached };
  };
  const scipy: ScipyResult =
    probe !== null
      ? { available: false, reason: probe }
      : { available: true, scipy: scipyRuns.scipy!, children: rounds, withPredecessors: merge(scipyRuns.withPredecessors), orderOnly: merge(scipyRuns.orderOnly) };
  return { reachAll: measure('reachAll'), plainBfs: measure('plainBfs'), scenarioBfs: measure('scenarioBfs'), freshColumnsReach: measure('freshColumnsReach'), scipy };
}

interface RawScipy {
  readonly wallRunsMs: readonly number[];
  readonly cpuRunsMs: readonly number[];
  readonly reached: number;
}

/** Null when scipy can run here, else why not. */
function probeScipy(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  const probe = spawnSync(PYTHON, ['-c', 'import scipy.sparse.csgraph'], { stdio: 'ignore' });
  return probe.status === 0 ? null : `scipy is not importable by ${PYTHON} (Debian: apt-get install python3-scipy)`;
}

function strip(s: Sample): Sample {
  return { wallMs: s.wallMs, cpuMs: s.cpuMs, minWallMs: s.minWallMs, runs: s.runs };
}

main();
