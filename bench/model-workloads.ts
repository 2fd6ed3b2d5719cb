// Child process of the benchmark: one generated model file through the real loader and rules, then
// the engine workloads on its compiled arrays. Prints one JSON line (see ModelWorkloads).
//
//   node dist/bench/model-workloads.js MODEL CSR_DIR [--scalar-limit N] [--prepare-only]

import { prepare } from '../src/analyze/prepared.js';
import { resolveQuestion } from '../src/analyze/what-if.js';
import type { CompiledGraph } from '../src/compile/compile.js';
import { INTERNET } from '../src/compile/ids.js';
import { allFailed, controlMask, failTypes } from '../src/engine/scenario.js';
import { loadModelFile } from '../src/model/load-model.js';
import type { Model } from '../src/model/types.js';
import {
  measureInstancePairs,
  measurePlainBfs,
  measureReach,
  measureTypeSweep,
  writeCsr,
  type InstancePairsMeasure,
  type ReachMeasure,
  type TypeSweepMeasure,
} from './kernels.js';
import { answer, once, peakRssMb, progress, type Sample } from './measure.js';

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
  /** From `internet`, every boundary failed, every control off: every edge traversable. */
  readonly reachAll: ReachMeasure;
  /** The same traversal as a bare BFS (seen flags and a queue only). */
  readonly plainBfs: ReachMeasure;
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
  progress('single what-if reachability');
  const reachAll = measureReach(compiled, [internet], { failed: allFailed(compiled), controls: 0 }, 15);
  const plainBfs = measurePlainBfs(compiled, internet, 15);
  const reachInsiderKernel = measureReach(compiled, insiders, { failed: failTypes(compiled, ['kernel']), controls }, 15);
  const csr = writeCsr(compiled, csrDirectory);

  // From the internet alone, tenants and subscriptions are never reached (only admins hold them):
  // adding the foothold organization's tenant admin makes those two types matter as well.
  const admin = model.users.find((u) => u.organization === foothold && u.privilege === 'tenantAdmin' && u.count === 1);
  const outsiderFootholds = [INTERNET, ...(admin === undefined ? [] : [admin.id])];
  progress(`all type subsets in one pass vs one BFS per subset (${outsiderFootholds.join(' + ')}, controls off)`);
  const outsiders = outsiderFootholds.map((id) => compiled.nodeIndex.get(id)!);
  const typeSweepOutsider = measureTypeSweep(compiled, outsiders, 0, { passRuns: 3, scalarLimit });
  progress(`  T=${typeSweepOutsider.types.length}, ${typeSweepOutsider.scalarRuns} scalar runs, ratio ${typeSweepOutsider.ratio.toFixed(1)}`);
  progress(`all type subsets (${foothold} insiders, the model's controls)`);
  const typeSweepInsider = measureTypeSweep(compiled, insiders, controls, { passRuns: 3, scalarLimit });
  progress(`order-2 instance sets (${foothold} insiders)`);
  const instancePairs = measureInstancePairs(compiled, insiders, controls, { passRuns: 3, bfsRuns: 21 });
  return { internet, csr, reachAll, plainBfs, reachInsiderKernel, typeSweepOutsider, outsiderFootholds, typeSweepInsider, instancePairs };
}

function strip(s: Sample): Sample {
  return { wallMs: s.wallMs, cpuMs: s.cpuMs, runs: s.runs };
}

main();
