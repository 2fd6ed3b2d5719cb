// `npm run bench`: generates the benchmark models with the real CLI, runs every workload beside its
// baseline (each ratio from one process, or from CLI runs one after another in this run: the row
// says which), prints a table with medians and fastest runs, and writes bench/results.json. Method
// and latest figures: bench/README.md.
//
//   node dist/bench/run.js [--quick]      --quick: the ~100k-node model only
//   node dist/bench/run.js --commands [--orgs N --users N]
//                                         the whole-model commands only (depth, validate, matrix,
//                                         check, compare, view) at one size, each ratio from this
//                                         run; default 10 orgs × 10,000 users (~85k nodes), the 1M
//                                         rows: --orgs 100 --users 118000 (about 40 min of CPU)
//   node dist/bench/run.js --scram         only the SCRAM baseline row (bench/scram-baseline.ts)
//   node dist/bench/run.js --infra [--quick]   only the infrastructure compile ratio (bench/infra.ts),
//                                              table on stdout, figures in bench/out/results-infra.json

import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GraphologyBaseline } from './graphology-baseline.js';
import type { TypeSweepMeasure } from './kernels.js';
import { hasGnuTime, measureNode, median, runJson, type ProcessMeasure } from './measure.js';
import type { InfraCompile } from './infra.js';
import type { ScramBaseline } from './scram-baseline.js';
import type { EngineWorkloads, ModelWorkloads } from './model-workloads.js';
import type { SyntheticResult } from './synthetic.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'dist/src/cli/main.js');
const BENCH = join(ROOT, 'dist/bench');
const OUT = join(ROOT, 'bench/out');
/** The Debian python that python3-scipy installs into (read by model-workloads.ts; INDEPTH_BENCH_PYTHON overrides it). */
const PYTHON = process.env['INDEPTH_BENCH_PYTHON'] ?? '/usr/bin/python3';
const SEED = 7;

interface Size {
  readonly label: string;
  readonly organizations: number;
  readonly users: number;
  /** Run the engine workloads and baselines (false: load + end to end only). */
  readonly workloads: boolean;
  /** The issue's targets for ~1M nodes apply (end to end time and memory). */
  readonly large: boolean;
  /** Filtered BFS runs per round of the type sweep: all 2048 at 100k, a seeded sample at 1M (time budget). */
  readonly scalarLimit: number;
  readonly endToEndRuns: number;
  readonly baselineRuns: number;
  /** Runs of each whole-model command (validate, matrix, check, compare); 0 skips them. */
  readonly commandRuns: number;
}

const SIZES: readonly Size[] = [
  { label: '100k', organizations: 10, users: 10_000, workloads: true, large: false, scalarLimit: 2048, endToEndRuns: 3, baselineRuns: 5, commandRuns: 3 },
  { label: '1M', organizations: 100, users: 118_000, workloads: true, large: true, scalarLimit: 256, endToEndRuns: 3, baselineRuns: 5, commandRuns: 1 },
  // The issue's own example (100 organizations, 100k users): ~850k nodes, end to end only.
  { label: '850k', organizations: 100, users: 100_000, workloads: false, large: true, scalarLimit: 0, endToEndRuns: 3, baselineRuns: 0, commandRuns: 0 },
];

interface EndToEnd {
  readonly command: string;
  readonly runs: readonly ProcessMeasure[];
  readonly wallMs: number;
  /** The fastest run: medians swing with page faults and other sessions, the minimum less so. */
  readonly minWallMs: number;
  readonly cpuMs: number;
  readonly peakRssMb: number;
  readonly via: string;
}

/** Whole-model commands, each run the same number of times in this run, so their ratios compare like with like. */
interface Commands {
  readonly validate: EndToEnd;
  readonly matrix: EndToEnd;
  /** `matrix` of the separated twin (the second model of compare). */
  readonly matrixSeparated: EndToEnd;
  readonly check: EndToEnd;
  readonly compare: EndToEnd;
  /** `view` of the model (one self-contained HTML page), with the page's size. */
  readonly view: EndToEnd & { readonly htmlBytes: number };
}

interface ModelRun {
  readonly size: Size;
  readonly file: string;
  readonly fileBytes: number;
  readonly generate: ProcessMeasure;
  readonly workloads: ModelWorkloads;
  readonly graphology: GraphologyBaseline | null;
  readonly depthByType: EndToEnd;
  readonly depthByInstance: EndToEnd;
  readonly commands: Commands | null;
  /** Compile time with and without a large infrastructure section (bench/infra.ts); null for load-only sizes. */
  readonly infra: InfraCompile | null;
}

export interface Row {
  readonly size: string;
  readonly workload: string;
  /** Wall time of the measured workload (median), ms. */
  readonly wallMs: number;
  /** Its fastest run, ms (page faults and other sessions swing medians); equal to wallMs for one run. */
  readonly minWallMs: number | null;
  readonly cpuMs: number | null;
  /** Peak RSS of the process that ran it, MB. */
  readonly peakRssMb: number | null;
  readonly baseline: string | null;
  readonly baselineMs: number | null;
  readonly baselineMinMs: number | null;
  /** How the two compare, in the direction the target is stated (e.g. "baseline / ours"), by medians. */
  readonly ratio: number | null;
  /** The same ratio of the fastest runs. */
  readonly ratioMin: number | null;
  readonly ratioMeaning: string | null;
  /** Where both sides were timed: one process (alternating), or CLI processes one after another in this run. */
  readonly measured: string;
  readonly target: string | null;
  readonly met: boolean | null;
  readonly note: string;
}

function main(): void {
  if (process.argv.includes('--commands')) {
    commandsOnly();
    return;
  }
  if (process.argv.includes('--scram')) {
    const loadBefore = loadavg();
    const row = scramRow(runScram());
    process.stdout.write(`\n${formatTable([row])}\n\nload average ${loadBefore.map(round2).join(' ')} before, ${loadavg().map(round2).join(' ')} after\n`);
    return;
  }
  const quick = process.argv.includes('--quick');
  const sizes = quick ? SIZES.filter((size) => !size.large) : SIZES;
  mkdirSync(OUT, { recursive: true });
  if (process.argv.includes('--infra')) {
    infraOnly(sizes.filter((size) => size.workloads));
    return;
  }
  const started = new Date();
  const loadBefore = loadavg();
  const t0 = performance.now();

  const runs: ModelRun[] = sizes.map((size) => runModel(size));
  log('synthetic deployment graph (bench/engine.ts)');
  const synthetic = runJson<SyntheticResult>(process.execPath, [join(BENCH, 'synthetic.js')]);
  const scram = runScram();

  const rows = [...runs.flatMap(modelRows), ...syntheticRows(synthetic), scramRow(scram)];
  const totalMs = performance.now() - t0;
  const machine = machineOf(loadBefore);
  const results = {
    generatedAt: started.toISOString(),
    command: `npm run bench${quick ? ' -- --quick' : ''}`,
    totalSeconds: Math.round(totalMs / 100) / 10,
    machine,
    models: runs.map((r) => ({
      size: r.size.label,
      generate: `indepth generate --orgs ${r.size.organizations} --users ${r.size.users} --seed ${SEED}`,
      fileBytes: r.fileBytes,
      nodes: r.workloads.nodes,
      edges: r.workloads.edges,
      instances: r.workloads.instances,
      foothold: `${r.workloads.foothold} (${r.workloads.footholdNodes} standard users)`,
      workloads: r.size.workloads ? 'engine workloads, baselines, end to end' : 'load and end to end only',
    })),
    rows,
    raw: { models: runs, synthetic, scram },
  };
  writeResults('bench/results.json', results, rows, machine);
}

/**
 * `--commands [--orgs N --users N]`: the whole-model commands at one size against their yardsticks,
 * all in this one run (the issue's ratios: check / matrix, compare / both matrices, view's memory /
 * depth's). Writes bench/out/commands-<orgs>x<users>.json.
 */
function commandsOnly(): void {
  const problems: string[] = [];
  const organizations = integerFlag('--orgs', 10, problems);
  const users = integerFlag('--users', 10_000, problems);
  if (problems.length > 0) {
    process.stderr.write(`bench: ${problems.join('\nbench: ')}\n`);
    process.exitCode = 2;
    return;
  }
  const label = `${organizations}x${users}`;
  const size: Size = { label, organizations, users, workloads: false, large: users >= 100_000, scalarLimit: 0, endToEndRuns: 1, baselineRuns: 0, commandRuns: 1 };
  mkdirSync(OUT, { recursive: true });
  const started = new Date();
  const loadBefore = loadavg();
  const t0 = performance.now();
  const file = join(OUT, `model-${label}.yaml`);
  log(`${label}: generate --orgs ${organizations} --users ${users} --seed ${SEED}`);
  const generate = measureNode(CLI, ['generate', '--orgs', String(organizations), '--users', String(users), '--seed', String(SEED), '-o', file]);
  const from = `org${'1'.padStart(String(organizations).length, '0')}`;
  log(`${label}: depth --by type --from ${from} (the yardstick)`);
  const depth = endToEnd(['depth', file, '--from', from], 1);
  const commands = runCommands(size, file);
  const rows: Row[] = [
    {
      size: label,
      workload: `generate model file (CLI): ${organizations} orgs, ${users} users`,
      wallMs: generate.wallMs,
      minWallMs: generate.wallMs,
      cpuMs: generate.cpuMs,
      peakRssMb: generate.peakRssMb,
      ...noBaseline,
      measured: CLI_ONCE,
      note: `${(statSync(file).size / 2 ** 20).toFixed(1)} MB YAML`,
    },
    {
      size: label,
      workload: `end to end: depth --by type --from ${from} (CLI)`,
      wallMs: depth.wallMs,
      minWallMs: depth.minWallMs,
      cpuMs: depth.cpuMs,
      peakRssMb: depth.peakRssMb,
      ...noBaseline,
      measured: CLI_ONCE,
      note: `${depth.command} via ${depth.via}`,
    },
    ...commandRows(label, commands, depth, size.large),
  ];
  const machine = machineOf(loadBefore);
  const results = {
    generatedAt: started.toISOString(),
    command: `node dist/bench/run.js --commands --orgs ${organizations} --users ${users}`,
    totalSeconds: Math.round((performance.now() - t0) / 100) / 10,
    machine,
    rows,
    raw: { generate, depth, commands },
  };
  writeResults(`bench/out/commands-${label}.json`, results, rows, machine);
}

/** The SCRAM baseline in its own process (bench/scram-baseline.ts): its answer, or why it was skipped. */
function runScram(): ScramBaseline {
  log(`SCRAM baseline: order-2 minimal cut sets of a generated model's fault tree (${SCRAM_MODEL.organizations} orgs, ${SCRAM_MODEL.users} users; child process)`);
  return runJson<ScramBaseline>(process.execPath, [
    join(BENCH, 'scram-baseline.js'),
    '--orgs',
    String(SCRAM_MODEL.organizations),
    '--users',
    String(SCRAM_MODEL.users),
    '--runs',
    '3',
  ]);
}

/**
 * The model of the SCRAM row. Unrolling the graph into a fault tree exact for every failure set of
 * up to two instances takes one 0-1 BFS per such set (I + I(I−1)/2 of them): a few thousand nodes is
 * what that construction (not SCRAM, not indepth) allows in a benchmark's time.
 */
const SCRAM_MODEL = { organizations: 6, users: 250 } as const;

function scramRow(r: ScramBaseline): Row {
  const workload = 'order-2 instance sets of every data node vs SCRAM minimal cut sets';
  if (!r.available) {
    return { size: 'SCRAM model', workload, wallMs: Number.NaN, minWallMs: null, cpuMs: null, peakRssMb: null, ...noBaseline, measured: '', note: `SKIPPED: ${r.reason ?? 'scram unavailable'}` };
  }
  const size = `generated ${(r.nodes! / 1000).toFixed(1)}k`;
  return {
    size,
    workload,
    wallMs: r.oursMs!,
    minWallMs: r.oursMinMs!,
    cpuMs: null,
    peakRssMb: null,
    baseline: `\`scram --limit-order 2\` on the graph unrolled into a fault tree (${r.layers} layers, ${r.gates} gates, ${(r.treeBytes! / 1024).toFixed(0)} KB MEF; process start included)`,
    baselineMs: r.scramMs!,
    baselineMinMs: r.scramMinMs!,
    ratio: r.scramMs! / r.oursMs!,
    ratioMin: r.scramMinMs! / r.oursMinMs!,
    ratioMeaning: 'SCRAM / ours',
    measured: 'one process; SCRAM as its child, each run a process',
    target: null,
    met: null,
    note: `${r.nodes} nodes, ${r.edges} edges, ${r.instances} instances; ${r.targets} data nodes (${r.topEvents} non-constant top events), ${r.sets} minimal sets, all ${r.agreed} answers identical to SCRAM's; indepth's analyzeDepth (by instance, order 2, in process, after a warm-up) median ${ms(r.oursMs!)}, fastest ${ms(r.oursMinMs!)}; SCRAM median ${ms(r.scramMs!)}, fastest ${ms(r.scramMinMs!)} (${r.runs} runs each; min ratio ${(r.scramMinMs! / r.oursMinMs!).toFixed(1)}×)`,
  };
}

function integerFlag(name: string, fallback: number, problems: string[]): number {
  const at = process.argv.indexOf(name);
  if (at < 0) return fallback;
  const text = process.argv[at + 1] ?? '';
  const value = Number(text);
  if (!/^[0-9]+$/.test(text) || value < 1) problems.push(`${name}: expected a positive whole number, got \`${text}\``);
  return value;
}

type Machine = ReturnType<typeof machineOf>;

function machineOf(loadBefore: readonly number[]) {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${osType()} ${release()}`,
    node: process.version,
    loadAverageBefore: loadBefore.map(round2),
    loadAverageAfter: loadavg().map(round2),
    gnuTime: hasGnuTime(),
    python: existsSync(PYTHON) ? PYTHON : null,
  };
}

function writeResults(path: string, results: { readonly totalSeconds: number }, rows: readonly Row[], machine: Machine): void {
  // Paths inside the repository are written relative to it, so the file reads the same on any checkout.
  const relative = (_key: string, value: unknown) => (typeof value === 'string' && value.startsWith(`${ROOT}/`) ? value.slice(ROOT.length + 1) : value);
  writeFileSync(join(ROOT, path), `${JSON.stringify(results, relative, 2)}\n`);
  process.stdout.write(`\n${formatTable(rows)}\n`);
  process.stdout.write(
    `\n${machine.cores} × ${machine.cpu}, ${machine.memoryGb} GB, ${machine.node}; load average ${machine.loadAverageBefore.join(' ')} before, ${machine.loadAverageAfter.join(' ')} after\n`,
  );
  process.stdout.write(`total ${results.totalSeconds} s; wrote ${path}\n`);
}

function runModel(size: Size): ModelRun {
  const file = join(OUT, `model-${size.label}.yaml`);
  log(`${size.label}: generate --orgs ${size.organizations} --users ${size.users} --seed ${SEED}`);
  const generate = measureNode(CLI, ['generate', '--orgs', String(size.organizations), '--users', String(size.users), '--seed', String(SEED), '-o', file]);
  const fileBytes = statSync(file).size;

  log(`${size.label}: ${size.workloads ? 'engine workloads' : 'load'} (child process)`);
  const args = [join(BENCH, 'model-workloads.js'), file, join(OUT, `csr-${size.label}`), '--scalar-limit', String(size.scalarLimit)];
  const workloads = runJson<ModelWorkloads>(process.execPath, size.workloads ? args : [...args, '--prepare-only']);
  log(`${size.label}: ${workloads.nodes} nodes, ${workloads.edges} edges, ${workloads.instances} boundary instances`);

  let graphology: GraphologyBaseline | null = null;
  if (workloads.engine !== null) {
    log(`${size.label}: graphology baselines and the compiled BFS (one child process)`);
    graphology = runJson<GraphologyBaseline>(process.execPath, [join(BENCH, 'graphology-baseline.js'), file, String(size.baselineRuns)]);
  }

  const infra = size.workloads ? runInfra(size, file) : null;

  log(`${size.label}: end to end, the real CLI under ${hasGnuTime() ? '/usr/bin/time -v' : 'its own resourceUsage'}`);
  const from = workloads.foothold;
  const depthByType = endToEnd(['depth', file, '--from', from], size.endToEndRuns);
  const depthByInstance = endToEnd(['depth', file, '--from', from, '--by', 'instance', '--order', '2'], size.endToEndRuns);
  const commands = size.commandRuns > 0 ? runCommands(size, file) : null;
  return { size, file, fileBytes, generate, workloads, graphology, depthByType, depthByInstance, commands, infra };
}

/** The infrastructure compile workload in its own process: the model with and without a generated infrastructure section. */
function runInfra(size: Size, file: string): InfraCompile {
  log(`${size.label}: compile with and without a large infrastructure section (child process)`);
  return runJson<InfraCompile>(process.execPath, [join(BENCH, 'infra.js'), file, join(OUT, `model-${size.label}-infra.yaml`), '--runs', '3']);
}

/** `--infra`: generate each model, run only the infrastructure compile ratio, print its rows. */
function infraOnly(sizes: readonly Size[]): void {
  const loadBefore = loadavg();
  const rows = sizes.map((size) => {
    const file = join(OUT, `model-${size.label}.yaml`);
    log(`${size.label}: generate --orgs ${size.organizations} --users ${size.users} --seed ${SEED}`);
    measureNode(CLI, ['generate', '--orgs', String(size.organizations), '--users', String(size.users), '--seed', String(SEED), '-o', file]);
    return infraRow(size.label, runInfra(size, file));
  });
  const results = { generatedAt: new Date().toISOString(), command: 'npm run bench -- --infra', loadAverageBefore: loadBefore.map(round2), loadAverageAfter: loadavg().map(round2), rows };
  writeFileSync(join(OUT, 'results-infra.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\n${formatTable(rows)}\n\nload average ${results.loadAverageBefore.join(' ')} before, ${results.loadAverageAfter.join(' ')} after; wrote bench/out/results-infra.json\n`);
}

function infraRow(at: string, r: InfraCompile): Row {
  const added = Object.entries(r.added).map(([k, n]) => `${n} ${k}`).join(', ');
  return {
    size: at,
    workload: 'compile (rules → CSR) with a large infrastructure section',
    wallMs: r.with.wallMs,
    minWallMs: Math.min(...r.with.wallRunsMs),
    cpuMs: r.with.cpuMs,
    peakRssMb: r.peakRssMb,
    // CPU time, not wall time: on the shared machine one prepare's wall time swings several-fold with load.
    baseline: 'CPU time of the same model without it (same process, alternating runs)',
    baselineMs: r.without.cpuMs,
    baselineMinMs: Math.min(...r.without.wallRunsMs),
    ratio: r.ratioCpu,
    ratioMin: Math.min(...r.with.wallRunsMs) / Math.min(...r.without.wallRunsMs),
    ratioMeaning: 'with / without: median CPU time (ratio); fastest wall runs (min ratio)',
    measured: ONE_PROCESS,
    target: '≤ 1.5×',
    met: r.ratioCpu <= 1.5,
    note: `adds ${added}: ${r.without.nodes} → ${r.with.nodes} nodes, ${r.without.edges} → ${r.with.edges} edges; wall runs with ${r.with.wallRunsMs.map((x) => ms(x)).join(', ')}, without ${r.without.wallRunsMs.map((x) => ms(x)).join(', ')} (wall ratio of medians ${r.ratio.toFixed(2)}×)`,
  };
}

/** Generates the separated twin of `file` and runs validate, matrix (on both), check, compare and view. */
function runCommands(size: Size, file: string): Commands {
  const separated = join(OUT, `model-${size.label}-separated.yaml`);
  log(`${size.label}: generate the separated twin (--no-shared-hosts) for compare`);
  measureNode(CLI, ['generate', '--orgs', String(size.organizations), '--users', String(size.users), '--seed', String(SEED), '--no-shared-hosts', '-o', separated]);
  const n = size.commandRuns;
  log(`${size.label}: validate, matrix ×2, check, compare and view (CLI, ${n} run${n === 1 ? '' : 's'} each)`);
  const html = join(OUT, `view-${size.label}.html`);
  const validate = endToEnd(['validate', file], n);
  const matrix = endToEnd(['matrix', file, '--quiet'], n);
  const matrixSeparated = endToEnd(['matrix', separated, '--quiet'], n);
  const check = endToEnd(['check', file, '--quiet'], n, [0, 1]);
  const compare = endToEnd(['compare', file, separated, '--quiet'], n);
  const view = endToEnd(['view', file, '-o', html], n);
  const htmlBytes = statSync(html).size;
  rmSync(html);
  return { validate, matrix, matrixSeparated, check, compare, view: { ...view, htmlBytes } };
}

function endToEnd(args: readonly string[], runs: number, exitCodes: readonly number[] = [0]): EndToEnd {
  const measured: ProcessMeasure[] = [];
  for (let r = 0; r < runs; r++) measured.push(measureNode(CLI, args, exitCodes));
  return {
    command: `node dist/src/cli/main.js ${args.map((a) => (a.startsWith('/') ? a.slice(ROOT.length + 1) : a)).join(' ')}`,
    runs: measured,
    wallMs: median(measured.map((m) => m.wallMs)),
    minWallMs: Math.min(...measured.map((m) => m.wallMs)),
    cpuMs: median(measured.map((m) => m.cpuMs)),
    peakRssMb: Math.max(...measured.map((m) => m.peakRssMb)),
    via: measured[0]!.via,
  };
}

/** Where a row's two sides were timed (printed with each row's notes). */
const ONE_PROCESS = 'one process, alternating runs';
const WITH_SCIPY = 'one process; scipy in a Python child between its rounds';
const CLI_RUNS = 'CLI processes one after another in this run';
const CLI_ONCE = 'CLI process under /usr/bin/time';
const IN_PROCESS = 'one process';
const ESTIMATE = 'one process; baseline = BFS time in it × scenario count';

function modelRows(run: ModelRun): Row[] {
  const { size, workloads: w } = run;
  const at = size.label;
  const from = w.foothold;
  const rows: Row[] = [];
  const row = (r: Omit<Row, 'size'>): void => void rows.push({ size: at, ...r });

  row({
    workload: `generate model file (CLI): ${size.organizations} orgs, ${size.users} users`,
    wallMs: run.generate.wallMs,
    minWallMs: run.generate.wallMs,
    cpuMs: run.generate.cpuMs,
    peakRssMb: run.generate.peakRssMb,
    ...noBaseline,
    measured: CLI_ONCE,
    note: `one run; ${(run.fileBytes / 1024).toFixed(0)} KB YAML → ${w.nodes} nodes, ${w.edges} edges, ${w.instances} boundary instances`,
  });
  row({
    workload: 'load + compile in-process (parse; rules → CSR)',
    wallMs: w.parse.wallMs + w.prepare.wallMs,
    minWallMs: w.parse.wallMs + w.prepare.wallMs,
    cpuMs: w.parse.cpuMs + w.prepare.cpuMs,
    peakRssMb: w.engine === null ? w.peakRssMb : null,
    ...noBaseline,
    measured: IN_PROCESS,
    note: `one run; parse ${ms(w.parse.wallMs)}, prepare ${ms(w.prepare.wallMs)}`,
  });
  if (w.engine !== null) rows.push(...engineRows(at, w, w.engine, run.graphology!, size.large));
  if (run.infra !== null) rows.push(infraRow(at, run.infra));
  const e2eNote = (e: EndToEnd) => `${e.command}; median of ${e.runs.length} runs (${e.runs.map((r) => ms(r.wallMs)).join(', ')}) via ${e.via}; RSS = max of runs`;
  const type = run.depthByType;
  row({
    workload: `end to end: depth --by type --from ${from} (CLI)`,
    wallMs: type.wallMs,
    minWallMs: type.minWallMs,
    cpuMs: type.cpuMs,
    peakRssMb: type.peakRssMb,
    ...noBaseline,
    target: size.large ? '≤ 15 s, ≤ 2 GB' : null,
    met: size.large ? type.wallMs <= 15_000 && type.peakRssMb <= 2048 : null,
    measured: CLI_ONCE,
    note: e2eNote(type),
  });
  const instance = run.depthByInstance;
  row({
    workload: `end to end: depth --by instance --order 2 --from ${from} (CLI)`,
    wallMs: instance.wallMs,
    minWallMs: instance.minWallMs,
    cpuMs: instance.cpuMs,
    peakRssMb: instance.peakRssMb,
    ...noBaseline,
    target: size.large ? '≤ 30 s' : null,
    met: size.large ? instance.wallMs <= 30_000 : null,
    measured: CLI_ONCE,
    note: e2eNote(instance),
  });
  if (run.commands !== null) rows.push(...commandRows(at, run.commands, type, size.large));
  return rows;
}

/**
 * The whole-model commands against their yardsticks from the same run: validate against `depth`
 * (it must cost no more than preparing the model for it), check against `matrix` (the same passes
 * plus witnesses and policies), compare against one `matrix` on each of its two models.
 */
function commandRows(at: string, c: Commands, depth: EndToEnd, large: boolean): Row[] {
  const memory = large ? ', ≤ 2 GB' : '';
  const fits = (e: EndToEnd) => !large || e.peakRssMb <= 2048;
  const runs = (e: EndToEnd) => `${e.command}; median of ${e.runs.length} (${e.runs.map((r) => ms(r.wallMs)).join(', ')}), min ${ms(e.minWallMs)}; RSS = max of runs`;
  const command = (workload: string, e: EndToEnd, baseline: string, baselineMs: number, baselineMinMs: number, baselineCpuMs: number, target: number, rss: boolean): Row => {
    const ratio = e.wallMs / baselineMs;
    return {
      size: at,
      workload,
      wallMs: e.wallMs,
      minWallMs: e.minWallMs,
      cpuMs: e.cpuMs,
      peakRssMb: e.peakRssMb,
      baseline,
      baselineMs,
      baselineMinMs,
      ratio,
      ratioMin: e.minWallMs / baselineMinMs,
      ratioMeaning: 'ours / yardstick',
      target: `≤ ${target}×${rss ? memory : ''}`,
      met: ratio <= target && (!rss || fits(e)),
      measured: CLI_RUNS,
      note: `${runs(e)}; CPU ${ms(e.cpuMs)} / ${ms(baselineCpuMs)} = ${(e.cpuMs / baselineCpuMs).toFixed(2)}×`,
    };
  };
  return [
    command('end to end: validate (CLI)', c.validate, 'depth --by type (CLI, same run)', depth.wallMs, depth.minWallMs, depth.cpuMs, 1, false),
    {
      size: at,
      workload: 'end to end: matrix, every organization as attacker (CLI, worker threads)',
      wallMs: c.matrix.wallMs,
      minWallMs: c.matrix.minWallMs,
      cpuMs: c.matrix.cpuMs,
      peakRssMb: c.matrix.peakRssMb,
      ...noBaseline,
      measured: CLI_ONCE,
      note: `${runs(c.matrix)}; ${(c.matrix.wallMs / depth.wallMs).toFixed(1)}× depth --by type`,
    },
    command('end to end: check, default policies (CLI)', c.check, 'matrix on the same model (CLI, same run)', c.matrix.wallMs, c.matrix.minWallMs, c.matrix.cpuMs, 1.2, true),
    command(
      'end to end: compare shared vs separated hosts (CLI)',
      c.compare,
      `matrix on each model (CLI, same run: ${ms(c.matrix.wallMs)} + ${ms(c.matrixSeparated.wallMs)})`,
      c.matrix.wallMs + c.matrixSeparated.wallMs,
      c.matrix.minWallMs + c.matrixSeparated.minWallMs,
      c.matrix.cpuMs + c.matrixSeparated.cpuMs,
      2.5,
      true,
    ),
    viewRow(at, c.view, depth),
  ];
}

/**
 * `view` against `depth` on the same model: the issue's targets are memory while writing ≤ 1.2×
 * depth's peak RSS and a page under 50 MB (so Chromium opens it); the ratio here is of peak RSS.
 */
function viewRow(at: string, view: Commands['view'], depth: EndToEnd): Row {
  const memoryRatio = view.peakRssMb / depth.peakRssMb;
  const htmlMb = view.htmlBytes / 2 ** 20;
  return {
    size: at,
    workload: 'end to end: view, one model (CLI; ratio of peak RSS)',
    wallMs: view.wallMs,
    minWallMs: view.minWallMs,
    cpuMs: view.cpuMs,
    peakRssMb: view.peakRssMb,
    baseline: `depth --by type (CLI, same run): peak RSS ${depth.peakRssMb.toFixed(0)} MB, wall ${ms(depth.wallMs)}, CPU ${ms(depth.cpuMs)}`,
    baselineMs: depth.wallMs,
    baselineMinMs: depth.minWallMs,
    ratio: memoryRatio,
    ratioMin: null,
    ratioMeaning: 'peak RSS: view / depth',
    target: '≤ 1.2× memory, page ≤ 50 MB',
    met: memoryRatio <= 1.2 && htmlMb <= 50,
    measured: CLI_RUNS,
    note: `${view.command}; page ${htmlMb.toFixed(1)} MB; wall ${(view.wallMs / depth.wallMs).toFixed(2)}× depth's, CPU ${(view.cpuMs / depth.cpuMs).toFixed(2)}×`,
  };
}

function engineRows(at: string, w: ModelWorkloads, e: EngineWorkloads, g: GraphologyBaseline, large: boolean): Row[] {
  const rows: Row[] = [];
  const row = (r: Omit<Row, 'size'>): void => void rows.push({ size: at, ...r });
  const reachAll = 'what-if reach from internet, every edge traversable';
  const same = (a: number, b: number) => (a === b ? `both reach ${a} nodes` : `reached ${a} vs ${b} (MISMATCH)`);
  const runsOf = (m: { runs: number }, n: { runs: number }) => `${m.runs} runs of ours, ${n.runs} of the baseline`;
  const faultsOf = (m: { minorFaults?: number }) => (m.minorFaults === undefined ? '?' : m.minorFaults.toFixed(0));
  const graphologyRatio = g.graphology.wallMs / g.compiled.wallMs;
  row({
    workload: reachAll,
    wallMs: g.compiled.wallMs,
    minWallMs: g.compiled.minWallMs,
    cpuMs: g.compiled.cpuMs,
    peakRssMb: g.peakRssMb,
    baseline: 'graphology-traversal bfsFromNode on the same graph',
    baselineMs: g.graphology.wallMs,
    baselineMinMs: g.graphology.minWallMs,
    ratio: graphologyRatio,
    ratioMin: g.graphology.minWallMs / g.compiled.minWallMs,
    ratioMeaning: 'graphology / compiled',
    target: '≥ 100×',
    met: graphologyRatio >= 100,
    measured: `${ONE_PROCESS} (the graphology process, order rotating each round)`,
    note: `${same(g.compiled.reached, g.graphology.reached)}; ${runsOf(g.compiled, g.graphology)}; RSS is that process's (building the graphology graph took ${ms(g.build.wallMs)}); ours is reach into result columns reused from call to call (ReachBuffers), as in the engine process without the graphology heap: median ${ms(e.reachAll.wallMs)}, min ${ms(e.reachAll.minWallMs)}`,
  });
  const whatIfRatio = g.graphologyWhatIf.wallMs / g.compiled.wallMs;
  row({
    workload: reachAll,
    wallMs: g.compiled.wallMs,
    minWallMs: g.compiled.minWallMs,
    cpuMs: g.compiled.cpuMs,
    peakRssMb: g.peakRssMb,
    baseline: 'a what-if BFS over the graphology graph (edge attributes checked, parents kept)',
    baselineMs: g.graphologyWhatIf.wallMs,
    baselineMinMs: g.graphologyWhatIf.minWallMs,
    ratio: whatIfRatio,
    ratioMin: g.graphologyWhatIf.minWallMs / g.compiled.minWallMs,
    ratioMeaning: 'graphology what-if / compiled',
    target: null,
    met: null,
    measured: `${ONE_PROCESS} (the graphology process, as above)`,
    note: `the same work as ours on the graphology model; ${same(g.compiled.reached, g.graphologyWhatIf.reached)}`,
  });
  const scipy = e.scipy;
  if (scipy.available && scipy.withPredecessors !== undefined && scipy.orderOnly !== undefined) {
    const withParents = scipy.withPredecessors;
    const orderOnly = scipy.orderOnly;
    const ratio = e.reachAll.wallMs / withParents.wallMs;
    const testsMs = e.scenarioBfs.wallMs - e.plainBfs.wallMs;
    const restMs = e.reachAll.wallMs - e.scenarioBfs.wallMs;
    row({
      workload: reachAll,
      wallMs: e.reachAll.wallMs,
      minWallMs: e.reachAll.minWallMs,
      cpuMs: e.reachAll.cpuMs,
      peakRssMb: w.peakRssMb,
      baseline: `scipy ${scipy.scipy} csgraph.breadth_first_order with predecessors, same CSR`,
      baselineMs: withParents.wallMs,
      baselineMinMs: withParents.minWallMs,
      ratio,
      ratioMin: e.reachAll.minWallMs / withParents.minWallMs,
      ratioMeaning: 'compiled / scipy',
      target: '≤ 2×',
      met: ratio <= 2,
      measured: WITH_SCIPY,
      note: `reach into result columns reused from call to call (ReachBuffers); ${same(e.reachAll.reached, withParents.reached)}; ${runsOf(e.reachAll, withParents)}. Where ours goes (medians, next three rows): the bare BFS ${ms(e.plainBfs.wallMs)} (scipy's order-only work), + the scenario test per edge (blocking controls, instance failure flag) ${ms(testsMs)}, + access modes and parent edges ${ms(restMs)}; minor page faults per run: reach ${faultsOf(e.reachAll)}, bare BFS ${faultsOf(e.plainBfs)}, reach with fresh result columns per call ${faultsOf(e.freshColumnsReach)} (${ms(e.freshColumnsReach.wallMs)}, min ${ms(e.freshColumnsReach.minWallMs)})`,
    });
    row({
      workload: 'bare BFS over the compiled CSR in JS (seen flags + queue)',
      wallMs: e.plainBfs.wallMs,
      minWallMs: e.plainBfs.minWallMs,
      cpuMs: e.plainBfs.cpuMs,
      peakRssMb: w.peakRssMb,
      baseline: `scipy ${scipy.scipy} csgraph.breadth_first_order, order only`,
      baselineMs: orderOnly.wallMs,
      baselineMinMs: orderOnly.minWallMs,
      ratio: e.plainBfs.wallMs / orderOnly.wallMs,
      ratioMin: e.plainBfs.minWallMs / orderOnly.minWallMs,
      ratioMeaning: 'JS / scipy',
      target: null,
      met: null,
      measured: WITH_SCIPY,
      note: `the same work on both sides: what the arrays cost in JS against C; ${same(e.plainBfs.reached, orderOnly.reached)}`,
    });
    row({
      workload: 'the bare BFS + the scenario test per edge (no access modes, no parents)',
      wallMs: e.scenarioBfs.wallMs,
      minWallMs: e.scenarioBfs.minWallMs,
      cpuMs: e.scenarioBfs.cpuMs,
      peakRssMb: w.peakRssMb,
      baseline: `scipy ${scipy.scipy} csgraph.breadth_first_order, order only`,
      baselineMs: orderOnly.wallMs,
      baselineMinMs: orderOnly.minWallMs,
      ratio: e.scenarioBfs.wallMs / orderOnly.wallMs,
      ratioMin: e.scenarioBfs.minWallMs / orderOnly.minWallMs,
      ratioMeaning: 'JS / scipy',
      target: null,
      met: null,
      measured: WITH_SCIPY,
      note: `per edge, a byte of blocking controls and an instance's failure flag read and tested: work a what-if cannot skip and scipy does not do; ${same(e.scenarioBfs.reached, orderOnly.reached)}`,
    });
    const fresh = e.freshColumnsReach;
    row({
      workload: 'what-if reach from internet, fresh result columns per call (no ReachBuffers)',
      wallMs: fresh.wallMs,
      minWallMs: fresh.minWallMs,
      cpuMs: fresh.cpuMs,
      peakRssMb: w.peakRssMb,
      baseline: `scipy ${scipy.scipy} csgraph.breadth_first_order with predecessors, same CSR`,
      baselineMs: withParents.wallMs,
      baselineMinMs: withParents.minWallMs,
      ratio: fresh.wallMs / withParents.wallMs,
      ratioMin: fresh.minWallMs / withParents.minWallMs,
      ratioMeaning: 'JS / scipy',
      target: null,
      met: null,
      measured: WITH_SCIPY,
      note: `what a one-off what-if pays: the same BFS, its result columns allocated per call (${faultsOf(fresh)} minor page faults per run, reusing them: ${faultsOf(e.reachAll)}); ${same(fresh.reached, withParents.reached)}`,
    });
  } else {
    row({
      workload: `${reachAll}: scipy baseline`,
      wallMs: e.reachAll.wallMs,
      minWallMs: e.reachAll.minWallMs,
      cpuMs: e.reachAll.cpuMs,
      peakRssMb: w.peakRssMb,
      ...noBaseline,
      baseline: 'scipy csgraph.breadth_first_order',
      target: '≤ 2×',
      measured: IN_PROCESS,
      note: `SKIPPED: ${scipy.reason ?? 'scipy unavailable'}`,
    });
  }
  row({
    workload: `what-if reach, ${w.foothold} insiders, kernel failed`,
    wallMs: e.reachInsiderKernel.wallMs,
    minWallMs: e.reachInsiderKernel.minWallMs,
    cpuMs: e.reachInsiderKernel.cpuMs,
    peakRssMb: w.peakRssMb,
    ...noBaseline,
    measured: IN_PROCESS,
    note: `a typical single what-if: ${e.reachInsiderKernel.reached} nodes reached; ${e.reachInsiderKernel.runs} runs`,
  });
  const outsiders = e.outsiderFootholds.join(' + ');
  rows.push(sweepRow(at, `all 2^${e.typeSweepOutsider.types.length} type subsets in one pass, ${outsiders}, controls off`, e.typeSweepOutsider, w.peakRssMb, true));
  rows.push(sweepRow(at, `all 2^${e.typeSweepInsider.types.length} type subsets in one pass, ${w.foothold} insiders`, e.typeSweepInsider, w.peakRssMb, false));
  const ip = e.instancePairs;
  row({
    workload: `order-2 instance sets, ${w.foothold} insiders (depthByInstance)`,
    wallMs: ip.onePass.wallMs,
    minWallMs: ip.onePass.minWallMs,
    cpuMs: ip.onePass.cpuMs,
    peakRssMb: w.peakRssMb,
    baseline: `enumerating all ${ip.scenarios.toExponential(2)} single and double failures, one BFS each (${ms(ip.bfsMs)} × count; fastest BFS ${ms(ip.bfsMinMs)})`,
    baselineMs: ip.enumerationEstimateMs,
    baselineMinMs: ip.bfsMinMs * ip.scenarios,
    ratio: ip.ratio,
    ratioMin: (ip.bfsMinMs * ip.scenarios) / ip.onePass.minWallMs,
    ratioMeaning: 'estimate / one pass',
    target: large ? null : '≤ 1 s',
    met: large ? null : ip.onePass.wallMs <= 1000,
    measured: ESTIMATE,
    note: `${ip.instances} instances; ${ip.depth1} nodes at depth 1, ${ip.depth2} at depth 2; enumeration ≈ ${hours(ip.enumerationEstimateMs)}; ${ip.onePass.runs} runs of the pass, ${ip.bfsRuns} BFS runs with a random pair failed`,
  });
  row({
    workload: `order-2 instance sets, ${w.foothold} insiders, against a frontier-pruned enumeration`,
    wallMs: ip.onePass.wallMs,
    minWallMs: ip.onePass.minWallMs,
    cpuMs: ip.onePass.cpuMs,
    peakRssMb: w.peakRssMb,
    baseline: `one BFS per single and double failure that can matter: ${ip.frontierInstances} frontier instances and the pairs they open, ${ip.prunedScenarios.toExponential(2)} scenarios (${ms(ip.bfsMs)} × count)`,
    baselineMs: ip.prunedEstimateMs,
    baselineMinMs: ip.bfsMinMs * ip.prunedScenarios,
    ratio: ip.prunedRatio,
    ratioMin: ip.prunedRatioMin,
    ratioMeaning: 'estimate / one pass',
    target: null,
    met: null,
    measured: ESTIMATE,
    note: `${ip.prunedSampled === ip.frontierInstances ? 'pairs counted exactly' : `pairs estimated from ${ip.prunedSampled} sampled frontier instances`}; the same work as the pass: what a careful enumerator would run, not all ${ip.scenarios.toExponential(2)} scenarios; ≈ ${hours(ip.prunedEstimateMs)}`,
  });
  return rows;
}

function sweepRow(size: string, workload: string, s: TypeSweepMeasure, rss: number, withTarget: boolean): Row {
  return {
    size,
    workload,
    wallMs: s.onePass.wallMs,
    minWallMs: s.onePass.minWallMs,
    cpuMs: s.onePass.cpuMs,
    peakRssMb: rss,
    baseline: `${s.subsets} bare filtered BFS runs (edges of a type outside the subset skipped; no what-if machinery, no parents; ${s.scalarSampled ? `mean of a seeded sample of ${s.scalarRuns} per round` : 'all run each round'}): ${s.scalarPerScenarioMs.toFixed(3)} ms each, fastest round ${s.scalarPerScenarioMinMs.toFixed(3)} ms`,
    baselineMs: s.scalarPerScenarioMs * s.subsets,
    baselineMinMs: s.scalarPerScenarioMinMs * s.subsets,
    ratio: s.ratio,
    ratioMin: s.ratioMin,
    ratioMeaning: 'per scenario: filtered BFS / one pass',
    target: withTarget ? '≥ 6×' : null,
    met: withTarget ? s.ratio >= 6 : null,
    measured: `${ONE_PROCESS} (${s.rounds} rounds of one pass and one sweep, order swapped each round)`,
    note: `${s.onePassPerScenarioMs.toFixed(3)} ms per scenario in the pass (${s.types.join(', ')}); CPU-time ratio ${s.ratioCpu.toFixed(1)}×; every filtered BFS ${s.agrees ? 'agrees' : 'DISAGREES'} with the pass's truth tables`,
  };
}

function syntheticRows(result: SyntheticResult): Row[] {
  const { engine } = result;
  const size = `synthetic ${Math.round(engine.nodes / 1000)}k`;
  const rows: Row[] = [sweepRow(size, `all 2^${result.typeSweepInternet.types.length} type subsets in one pass, internet, controls off`, result.typeSweepInternet, result.peakRssMb, true)];
  for (const t of engine.timings) {
    rows.push({ size, workload: `bench/engine.ts: ${t.step}`, wallMs: t.medianMs, minWallMs: t.minMs, cpuMs: t.medianCpuMs, peakRssMb: null, ...noBaseline, measured: IN_PROCESS, note: `${t.note}; ${t.runs} runs` });
  }
  return rows;
}

const noBaseline = { baseline: null, baselineMs: null, baselineMinMs: null, ratio: null, ratioMin: null, ratioMeaning: null, target: null, met: null } as const;

function formatTable(rows: readonly Row[]): string {
  const header = ['#', 'size', 'workload', 'wall', 'min', 'cpu', 'RSS MB', 'baseline', 'base min', 'ratio', 'min ratio', 'target', 'met'];
  const times = (r: number | null) => (r === null || Number.isNaN(r) ? '' : `${r >= 100 ? r.toExponential(1) : r.toFixed(1)}×`);
  const cells = rows.map((r, i) => [
    String(i + 1),
    r.size,
    r.workload,
    ms(r.wallMs),
    r.minWallMs === null ? '' : ms(r.minWallMs),
    r.cpuMs === null || Number.isNaN(r.cpuMs) ? '' : ms(r.cpuMs),
    r.peakRssMb === null || Number.isNaN(r.peakRssMb) ? '' : r.peakRssMb.toFixed(0),
    r.baselineMs === null ? '' : ms(r.baselineMs),
    r.baselineMinMs === null ? '' : ms(r.baselineMinMs),
    times(r.ratio),
    times(r.ratioMin),
    r.target ?? '',
    r.met === null ? (r.note.startsWith('SKIPPED') ? 'skip' : '') : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c]!.length)));
  const line = (row: readonly string[]) => row.map((cell, c) => (c === 0 || (c >= 3 && c <= 10) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ');
  const notes = rows.map((r, i) => `  [${i + 1}] ${r.measured === '' ? '' : `timed in: ${r.measured}. `}${r.baseline === null ? '' : `baseline: ${r.baseline}${r.ratioMeaning === null ? '' : ` (ratio: ${r.ratioMeaning})`}. `}${r.note}`);
  return [
    line(header),
    line(header.map((_, c) => '-'.repeat(widths[c]!))),
    ...cells.map(line),
    '',
    'wall, cpu, baseline: medians; min, base min: the fastest run of each side; ratio: of medians; min ratio: of the fastest runs. met: judged on medians.',
    'notes:',
    ...notes,
  ].join('\n');
}

function ms(value: number): string {
  if (Number.isNaN(value)) return '';
  if (value >= 3_600_000) return `${(value / 3_600_000).toFixed(1)} h`;
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 10) return `${value.toFixed(0)} ms`;
  return `${value.toFixed(2)} ms`;
}

function hours(value: number): string {
  return value >= 3_600_000 ? `${(value / 3_600_000).toFixed(0)} hours` : ms(value);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

main();
