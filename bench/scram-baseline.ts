// Child process of the benchmark: SCRAM (the Open-PSA fault-tree engine, Debian `scram`) as a timed
// baseline for order-2 instance sets. One generated model; indepth's `depth --by instance --order 2`
// analysis and `scram --limit-order 2` on the model's graph unrolled into a fault tree
// (test/support/fault-tree.ts, the oracle test's) answer the same question for every data node, and
// the answers must agree before a time is reported. Prints one JSON line (see ScramBaseline).
//
//   node dist/bench/scram-baseline.js [--orgs N] [--users N] [--runs N]

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeDepth } from '../src/analyze/depth.js';
import { CONTROL_NAMES } from '../src/domain/controls.js';
import { eventName, unrollFaultTree } from '../test/support/fault-tree.js';
import { generatedModel } from '../test/support/generated.js';
import { compareSets, readCutSets, SCRAM } from '../test/support/scram.js';
import { answer, median, progress } from './measure.js';

const ORDER = 2;

export interface ScramBaseline {
  readonly available: boolean;
  /** Why the row is skipped (SCRAM not installed). */
  readonly reason?: string;
  readonly nodes?: number;
  readonly edges?: number;
  readonly instances?: number;
  /** Data nodes: one top event each. */
  readonly targets?: number;
  /** Targets whose fault tree is neither constant: the ones SCRAM computes cut sets for. */
  readonly topEvents?: number;
  readonly layers?: number;
  readonly gates?: number;
  readonly treeBytes?: number;
  /** indepth's analysis (in process): median and fastest of the runs, ms. */
  readonly oursMs?: number;
  readonly oursMinMs?: number;
  /** `scram --limit-order 2` (a child process, its own start-up included): median and fastest, ms. */
  readonly scramMs?: number;
  readonly scramMinMs?: number;
  readonly runs?: number;
  /** Targets whose minimal sets agree with SCRAM's minimal cut sets (all of them, or this throws). */
  readonly agreed?: number;
  /** Minimal sets compared in total. */
  readonly sets?: number;
}

function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number): number => {
    const at = args.indexOf(name);
    return at >= 0 ? Number(args[at + 1]) : fallback;
  };
  if (SCRAM === null) {
    answer({ available: false, reason: '`scram` is not installed (Debian: apt-get install scram)' } satisfies ScramBaseline);
    return;
  }
  const organizations = option('--orgs', 4);
  const users = option('--users', 1100);
  const runs = option('--runs', 3);

  progress(`SCRAM baseline: generated model, ${organizations} organizations, ${users} users`);
  const prepared = generatedModel(7, { organizations, users, sharedHosts: true });
  const c = prepared.compiled;
  const attacker = prepared.model.organizations[0]!.id;
  const analyze = () => {
    const outcome = analyzeDepth(prepared, { from: [attacker], by: 'instance', order: ORDER, maxSets: 100_000, controls: {} });
    if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('\n'));
    return outcome.result;
  };
  analyze(); // warm-up: JIT, as in every other in-process row
  const ours: number[] = [];
  let result = analyze();
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    result = analyze();
    ours.push(performance.now() - start);
  }

  let blockedMask = 0;
  CONTROL_NAMES.forEach((name, bit) => {
    if (result.controls[name]) blockedMask |= 1 << bit;
  });
  const targets = result.data.map((d) => c.nodeIndex.get(d.id)!);
  progress(`  unrolling the fault tree (${targets.length} targets)`);
  const tree = unrollFaultTree(c, { footholds: result.footholds.map((id) => c.nodeIndex.get(id)!), blockedMask, targets, order: ORDER });

  const dir = mkdtempSync(join(tmpdir(), 'indepth-bench-scram-'));
  try {
    const input = join(dir, 'tree.xml');
    const report = join(dir, 'report.xml');
    writeFileSync(input, tree.xml);
    const scram: number[] = [];
    for (let r = 0; r < runs; r++) {
      progress(`  scram --limit-order ${ORDER}, run ${r + 1} of ${runs}`);
      const start = performance.now();
      const run = spawnSync(SCRAM, ['--limit-order', String(ORDER), '--no-indent', '-o', report, input], { encoding: 'utf8', cwd: dir });
      scram.push(performance.now() - start);
      if (run.status !== 0) throw new Error(`scram exited with ${run.status}: ${run.stderr}`);
    }
    const cutSets = readCutSets(readFileSync(report, 'utf8'));

    // The same work, checked: every target's minimal sets are SCRAM's minimal cut sets.
    let agreed = 0;
    let sets = 0;
    for (const d of result.data) {
      const node = c.nodeIndex.get(d.id)!;
      const mine = d.minimalSets.map((set) => set.map((id) => eventName(c.instanceIndex.get(id)!)).sort()).sort(compareSets);
      const theirs = tree.alwaysReached.has(node) ? [[]] : tree.neverReached.has(node) ? [] : cutSets.get(`t${node}`);
      const same = tree.alwaysReached.has(node) ? d.depth === 0 : JSON.stringify(mine) === JSON.stringify(theirs);
      if (!same) throw new Error(`${d.id}: indepth lists ${JSON.stringify(mine)}, SCRAM ${JSON.stringify(theirs)}`);
      agreed++;
      sets += mine.length;
    }
    answer({
      available: true,
      nodes: c.nodeCount,
      edges: c.edgeCount,
      instances: c.instanceCount,
      targets: targets.length,
      topEvents: targets.length - tree.alwaysReached.size - tree.neverReached.size,
      layers: tree.layers,
      gates: tree.gates,
      treeBytes: statSync(input).size,
      oursMs: median(ours),
      oursMinMs: Math.min(...ours),
      scramMs: median(scram),
      scramMinMs: Math.min(...scram),
      runs,
      agreed,
      sets,
    } satisfies ScramBaseline);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
