// Child process of the benchmark: the graphology baselines. Loads the model, builds the graphology
// graph of the very same compiled graph (PreparedModel.graph), then alternates, from `internet`
// with every edge traversable: the compiled what-if BFS, graphology-traversal's bfsFromNode (a bare
// traversal), and a what-if BFS written over graphology the way a graphology-first engine would
// (edge attributes checked against the scenario, parent edges kept). Prints one JSON line.
//
//   node dist/bench/graphology-baseline.js MODEL [RUNS]

import { bfsFromNode } from 'graphology-traversal';
import { prepare } from '../src/analyze/prepared.js';
import { INTERNET } from '../src/compile/ids.js';
import { reach } from '../src/engine/reach.js';
import { allFailed } from '../src/engine/scenario.js';
import { loadModelFile } from '../src/model/load-model.js';
import { answer, median, once, peakRssMb, progress, type Sample } from './measure.js';

export interface GraphologyBaseline {
  /** Building the graphology graph from the compiled model (what a graphology-first engine pays before its first answer). */
  readonly build: Sample;
  readonly compiled: Sample & { readonly reached: number };
  readonly graphology: Sample & { readonly reached: number };
  /** What-if BFS over the graphology graph: scenario checked per edge, parents recorded. */
  readonly graphologyWhatIf: Sample & { readonly reached: number };
  /** graphology bfsFromNode / compiled, both measured in this process. */
  readonly ratio: number;
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

  const compiledRun = (): number => {
    const result = reach(compiled, [source], { failed, controls: 0 });
    let reached = 0;
    for (const access of result.access) if (access !== 0) reached++;
    return reached;
  };
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

  progress(`alternating ${runs} runs of each`);
  const kinds = { compiled: compiledRun, graphology: graphologyRun, graphologyWhatIf: whatIfRun } as const;
  const names = Object.keys(kinds) as (keyof typeof kinds)[];
  const wall = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<keyof typeof kinds, number[]>;
  const cpu = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<keyof typeof kinds, number[]>;
  const reached = Object.fromEntries(names.map((k) => [k, kinds[k]()])) as Record<keyof typeof kinds, number>;
  for (let r = 0; r < runs; r++) {
    for (const which of names) {
      const startCpu = process.cpuUsage();
      const start = performance.now();
      reached[which] = kinds[which]();
      wall[which].push(performance.now() - start);
      const used = process.cpuUsage(startCpu);
      cpu[which].push((used.user + used.system) / 1000);
    }
  }
  const summary = (which: keyof typeof kinds) => ({ wallMs: median(wall[which]), cpuMs: median(cpu[which]), runs, reached: reached[which] });
  const compiledSample = summary('compiled');
  const graphologySample = summary('graphology');
  const result: GraphologyBaseline = {
    build: { wallMs: build.wallMs, cpuMs: build.cpuMs, runs: 1 },
    compiled: compiledSample,
    graphology: graphologySample,
    graphologyWhatIf: summary('graphologyWhatIf'),
    ratio: graphologySample.wallMs / compiledSample.wallMs,
    peakRssMb: peakRssMb(),
  };
  answer(result);
}

main();
