// Child process of the benchmark: the graphology baselines, each ratio from this one process. Loads
// the model, builds the graphology graph of the very same compiled graph (PreparedModel.graph), then
// times in turn, from `internet` with every edge traversable: the compiled what-if BFS (`reach`),
// graphology-traversal's bfsFromNode (a bare traversal) and a what-if BFS written over graphology the
// way a graphology-first engine would (edge attributes checked against the scenario, parent edges
// kept). One warm-up each; then RUNS rounds, the order rotating every round, so drift in the
// machine's load and the collector's work on the graphology heap fall on all three alike. Prints one
// JSON line.
//
//   node dist/bench/graphology-baseline.js MODEL [RUNS]

import { bfsFromNode } from 'graphology-traversal';
import { prepare } from '../src/analyze/prepared.js';
import { INTERNET } from '../src/compile/ids.js';
import { reach, ReachBuffers } from '../src/engine/reach.js';
import { allFailed } from '../src/engine/scenario.js';
import { loadModelFile } from '../src/model/load-model.js';
import { answer, once, peakRssMb, progress, summarize, timed, type Sample } from './measure.js';

export interface GraphologyBaseline {
  /** Building the graphology graph from the compiled model (what a graphology-first engine pays before its first answer). */
  readonly build: Sample;
  readonly compiled: Sample & { readonly reached: number };
  readonly graphology: Sample & { readonly reached: number };
  /** What-if BFS over the graphology graph: scenario checked per edge, parents recorded. */
  readonly graphologyWhatIf: Sample & { readonly reached: number };
  readonly peakRssMb: number;
}

function main(): void {
  const [file, runsText] = process.argv.slice(2);
  if (file === undefined) throw new Error('usage: graphology-baseline MODEL [RUNS]');
  const runs = Number(runsText ?? 3);
  const parsed = loadModelFile(file);
  if (!parsed.ok) throw new Error(`${file}: cannot load`);
  const prepared = prepare(parsed.model, parsed.locations);
  if (!prepared.ok) throw new Error(`${file}: cannot prepare`);
  const p = prepared.prepared;
  const compiled = p.compiled;
  progress('building the graphology graph');
  const build = once(() => p.graph);
  const graph = build.result;
  const source = compiled.nodeIndex.get(INTERNET)!;
  const failed = allFailed(compiled);

  // Result columns allocated once and reused by every run, as the engine's many-what-if callers do.
  const buffers = new ReachBuffers(compiled.nodeCount);
  const compiledRun = (): number => reach(compiled, [source], { failed, controls: 0 }, buffers).reachedCount;
  const graphologyRun = (): number => {
    let reached = 0;
    bfsFromNode(graph, INTERNET, () => void reached++, { mode: 'outbound' });
    return reached;
  };

  const failedIds = new Set(compiled.instanceIds);
  const controlsOn = new Set<string>();
  const whatIfRun = (): number => {
    const parent = new Map<string, string>();
    const seen = new Set<string>([INTERNET]);
    const queue = [INTERNET];
    for (let head = 0; head < queue.length; head++) {
      graph.forEachOutEdge(queue[head]!, (edge, attributes, _source, target) => {
        if (attributes.blockedBy !== null && controlsOn.has(attributes.blockedBy)) return;
        if (attributes.instance !== null && !failedIds.has(attributes.instance)) return;
        if (seen.has(target)) return;
        seen.add(target);
        parent.set(target, edge);
        queue.push(target);
      });
    }
    return seen.size;
  };

  progress(`${runs} rounds of each, order rotating every round`);
  const kinds = { compiled: compiledRun, graphology: graphologyRun, graphologyWhatIf: whatIfRun } as const;
  const names = Object.keys(kinds) as (keyof typeof kinds)[];
  const wall = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<keyof typeof kinds, number[]>;
  const cpu = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<keyof typeof kinds, number[]>;
  const reached = Object.fromEntries(names.map((k) => [k, kinds[k]()])) as Record<keyof typeof kinds, number>;
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < names.length; k++) {
      const which = names[(r + k) % names.length]!;
      const run = timed(kinds[which]);
      reached[which] = run.result;
      wall[which].push(run.wallMs);
      cpu[which].push(run.cpuMs);
    }
  }
  const summary = (which: keyof typeof kinds) => ({ ...summarize(wall[which], cpu[which]), reached: reached[which] });
  const result: GraphologyBaseline = {
    build: { wallMs: build.wallMs, cpuMs: build.cpuMs, minWallMs: build.wallMs, runs: 1 },
    compiled: summary('compiled'),
    graphology: summary('graphology'),
    graphologyWhatIf: summary('graphologyWhatIf'),
    peakRssMb: peakRssMb(),
  };
  answer(result);
}

main();
