// The growth curve of `depth` end to end: generated models of growing size, each through the real
// CLI under `/usr/bin/time -v`, with wall time, CPU time and peak RSS per node. Method and latest
// figures: bench/README.md ("Growth curve").
//
//   node dist/bench/growth.js [--sizes ORGSxUSERS,…] [--by-instance]
//     default sizes: 2x1180 (~10k nodes), 10x10000 (~85k), 100x118000 (~1M), 300x354000 (~3M), 1000x1180000 (~10M)
//     --by-instance: also `depth --by instance --order 2` at each size
// NODE_OPTIONS passes through to every CLI run (e.g. --max-old-space-size) and is recorded.

import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureNode, type ProcessMeasure } from './measure.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'dist/src/cli/main.js');
const OUT = join(ROOT, 'bench/out');
const SEED = 7;
const DEFAULT_SIZES = '2x1180,10x10000,100x118000,300x354000,1000x1180000';

interface Step {
  readonly command: string;
  /** null when the run failed (its message is in `error`). */
  readonly measure: ProcessMeasure | null;
  readonly error?: string;
}

interface SizeResult {
  readonly organizations: number;
  readonly users: number;
  readonly nodes: number | null;
  readonly edges: number | null;
  readonly fileBytes: number;
  readonly generate: Step;
  readonly validate: Step;
  readonly depthByType: Step;
  readonly depthByInstance: Step | null;
  readonly loadAverage: readonly number[];
}

function main(): void {
  const sizesArg = flag('--sizes') ?? DEFAULT_SIZES;
  const sizes = sizesArg.split(',').map((text) => {
    const match = /^([0-9]+)x([0-9]+)$/.exec(text.trim());
    if (match === null) throw new Error(`--sizes: expected ORGSxUSERS[,…] like 10x10000, got \`${text}\``);
    return { organizations: Number(match[1]), users: Number(match[2]) };
  });
  const byInstance = process.argv.includes('--by-instance');
  mkdirSync(OUT, { recursive: true });
  const results: SizeResult[] = [];
  for (const { organizations, users } of sizes) {
    const label = `${organizations}x${users}`;
    const file = join(OUT, `growth-${label}.yaml`);
    log(`${label}: generate`);
    const generate = step(['generate', '--orgs', String(organizations), '--users', String(users), '--seed', String(SEED), '-o', file]);
    if (generate.measure === null) {
      results.push({ organizations, users, nodes: null, edges: null, fileBytes: 0, generate, validate: generate, depthByType: generate, depthByInstance: null, loadAverage: loadavg() });
      break;
    }
    log(`${label}: validate (node and edge counts)`);
    const validate = step(['validate', file]);
    const from = `org${'1'.padStart(String(organizations).length, '0')}`;
    log(`${label}: depth --by type --from ${from}`);
    const depthByType = step(['depth', file, '--from', from]);
    let depthByInstance: Step | null = null;
    if (byInstance && depthByType.measure !== null) {
      log(`${label}: depth --by instance --order 2 --from ${from}`);
      depthByInstance = step(['depth', file, '--from', from, '--by', 'instance', '--order', '2']);
    }
    const counts = validate.stdout === undefined ? null : /\(([0-9]+) nodes, ([0-9]+) edges\)/.exec(validate.stdout);
    results.push({
      organizations,
      users,
      nodes: counts === null ? null : Number(counts[1]),
      edges: counts === null ? null : Number(counts[2]),
      fileBytes: statSync(file).size,
      generate: strip(generate),
      validate: strip(validate),
      depthByType: strip(depthByType),
      depthByInstance: depthByInstance === null ? null : strip(depthByInstance),
      loadAverage: loadavg().map((x) => Math.round(x * 10) / 10),
    });
    process.stdout.write(`${formatRow(results[results.length - 1]!)}\n`);
    if (depthByType.measure === null) break;
  }
  const path = join(OUT, 'growth.json');
  writeFileSync(path, `${JSON.stringify({ generatedAt: new Date().toISOString(), nodeOptions: process.env['NODE_OPTIONS'] ?? null, results }, null, 2)}\n`);
  process.stdout.write(`\n${HEADER}\n${results.map(formatRow).join('\n')}\nwrote ${path}\n`);
}

const HEADER = 'size            nodes        file    depth wall   CPU      RSS MB   µs CPU/node  bytes/node  validate CPU  by-instance wall, CPU, RSS';

function formatRow(r: SizeResult): string {
  const m = r.depthByType.measure;
  const perNode = (x: number) => (r.nodes === null ? '' : x.toFixed(2));
  const cells = [
    `${r.organizations}x${r.users}`.padEnd(14),
    String(r.nodes ?? '?').padStart(9),
    `${(r.fileBytes / 1024).toFixed(0)} KB`.padStart(10),
    m === null ? `FAILED: ${r.depthByType.error ?? ''}` : [s(m.wallMs).padStart(10), s(m.cpuMs).padStart(8), m.peakRssMb.toFixed(0).padStart(8), perNode((m.cpuMs * 1000) / (r.nodes ?? 1)).padStart(12), perNode((m.peakRssMb * 2 ** 20) / (r.nodes ?? 1)).padStart(11)].join(' '),
    r.validate.measure === null ? '' : s(r.validate.measure.cpuMs).padStart(12),
    r.depthByInstance === null ? '' : r.depthByInstance.measure === null ? `FAILED: ${r.depthByInstance.error ?? ''}` : `${s(r.depthByInstance.measure.wallMs)}, ${s(r.depthByInstance.measure.cpuMs)}, ${r.depthByInstance.measure.peakRssMb.toFixed(0)}`,
  ];
  return cells.join(' ');
}

function step(args: readonly string[]): Step & { readonly stdout?: string } {
  const command = `node dist/src/cli/main.js ${args.map((a) => (a.startsWith(`${ROOT}/`) ? a.slice(ROOT.length + 1) : a)).join(' ')}`;
  try {
    const measure = measureNode(CLI, args, [0], { keepStdout: true });
    return { command, measure, stdout: measure.stdout };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lines = message.split('\n').filter((l) => /heap|memory|Error|exited/i.test(l)).slice(0, 3);
    log(`${command} failed: ${lines.join(' | ')}`);
    return { command, measure: null, error: lines.join(' | ') };
  }
}

function strip(step: Step & { readonly stdout?: string }): Step {
  const { stdout: _stdout, ...rest } = step;
  if (rest.measure === null) return rest;
  const { stdout: _out, ...measure } = rest.measure;
  return { ...rest, measure };
}

function s(msValue: number): string {
  return `${(msValue / 1000).toFixed(1)} s`;
}

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

function log(message: string): void {
  process.stderr.write(`growth: ${message}\n`);
}

main();
