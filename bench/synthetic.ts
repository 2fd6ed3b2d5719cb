// Child process of the benchmark: the synthetic deployment graph of ./engine.ts (all eleven boundary
// types, a hub pool): its engine timings, plus the 2^11 type subsets in one pass against one
// bare filtered BFS per subset from `internet` with every control off. Prints one JSON line.
//
//   node dist/bench/synthetic.js

import { compileFromArrays } from '../src/compile/compile.js';
import { benchEngine, syntheticDeployment, type EngineBenchReport } from './engine.js';
import { measureTypeSweep, type TypeSweepMeasure } from './kernels.js';
import { answer, peakRssMb, progress } from './measure.js';

export interface SyntheticResult {
  readonly engine: EngineBenchReport;
  readonly typeSweepInternet: TypeSweepMeasure;
  readonly peakRssMb: number;
}

function main(): void {
  progress('synthetic deployment graph: engine steps');
  const engine = benchEngine(undefined, 3);
  progress('synthetic deployment graph: 2^11 type subsets vs a filtered BFS per subset');
  const compiled = compileFromArrays(syntheticDeployment());
  const typeSweepInternet = measureTypeSweep(compiled, [compiled.nodeIndex.get('internet')!], 0, { rounds: 3, scalarLimit: 2048 });
  answer({ engine, typeSweepInternet, peakRssMb: peakRssMb() } satisfies SyntheticResult);
}

main();
