// Measuring helpers shared by the benchmark's processes: medians of wall and CPU time, peak RSS,
// child processes that answer with one line of JSON, and `/usr/bin/time -v` for the real CLI.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface Sample {
  /** Median wall-clock time of the timed runs, in milliseconds. */
  readonly wallMs: number;
  /** Median CPU time (user + system, every thread incl. GC) of the same runs: steadier on a busy machine. */
  readonly cpuMs: number;
  /** The fastest of the timed runs, ms: page faults and other sessions swing medians, the minimum less so. */
  readonly minWallMs: number;
  readonly runs: number;
}

/**
 * Runs `work` `warmUps` times untimed (JIT, caches), then `runs` times; median and fastest of the
 * timed runs.
 */
export function sample<T>(runs: number, work: () => T, warmUps = 1): Sample & { readonly result: T } {
  let result = undefined as T;
  for (let w = 0; w < warmUps; w++) result = work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const run = timed(work);
    result = run.result;
    wall.push(run.wallMs);
    cpu.push(run.cpuMs);
  }
  return { ...summarize(wall, cpu), result };
}

/** Times one call (no warm-up): for steps that only make sense once, like loading a model. */
export function once<T>(work: () => T): Sample & { readonly result: T } {
  return sample(1, work, 0);
}

/** Median and fastest of per-run wall times (and the median CPU time), ms. */
export function summarize(wall: readonly number[], cpu: readonly number[]): Sample {
  return { wallMs: median(wall), cpuMs: median(cpu), minWallMs: Math.min(...wall), runs: wall.length };
}

/**
 * Times one run of `work`: wall and CPU (user + system, every thread) milliseconds and the minor page
 * faults it took. No forced collection before it: tried (`node --expose-gc`, gc() and 100 ms idle
 * before each run), it made the compiled BFS at 100k 7× slower by median (2.9 → 21 ms, and CPU time
 * alike: work in this process, most likely faulting back in the pages the collection released).
 */
export function timed<T>(work: () => T): { readonly wallMs: number; readonly cpuMs: number; readonly minorFaults: number; readonly result: T } {
  const faults = process.resourceUsage().minorPageFault;
  const startCpu = process.cpuUsage();
  const start = performance.now();
  const result = work();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(startCpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000, minorFaults: process.resourceUsage().minorPageFault - faults, result };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** This process's peak resident set size so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Writes the child's answer: one JSON line on stdout (progress goes to stderr). */
export function answer(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export function progress(message: string): void {
  process.stderr.write(`  ${message}\n`);
}

/** Runs a command whose last stdout line is JSON; stderr passes through as progress. */
export function runJson<T>(command: string, args: readonly string[]): T {
  const run = spawnSync(command, [...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${run.status ?? run.signal}`);
  const lines = run.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as T;
}

export const GNU_TIME = '/usr/bin/time';

/** Whether end-to-end runs go through GNU time (INDEPTH_BENCH_NO_GNU_TIME=1 forces the fallback). */
export function hasGnuTime(): boolean {
  return process.env['INDEPTH_BENCH_NO_GNU_TIME'] !== '1' && existsSync(GNU_TIME);
}

export interface ProcessMeasure {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssMb: number;
  /** What measured it: `/usr/bin/time -v`, or the child's own resource usage when that is missing. */
  readonly via: string;
  readonly exitCode: number;
  /** The child's standard output, when asked for with `keepStdout`. */
  readonly stdout?: string;
}

/**
 * Runs `node SCRIPT ARGS…` the way a user would and measures it from outside: wall time, user +
 * system CPU and maximum RSS as `/usr/bin/time -v` reports them. Without GNU time, the child
 * reports its own process.resourceUsage() at exit (a preloaded module, ./usage-reporter.ts).
 * `exitCodes` are the statuses that count as success (`check` exits 1 when it has findings).
 */
export function measureNode(script: string, args: readonly string[], exitCodes: readonly number[] = [0], options: { readonly keepStdout?: boolean } = {}): ProcessMeasure {
  const stdout = options.keepStdout === true ? 'pipe' : 'ignore';
  if (hasGnuTime()) {
    const run = spawnSync(GNU_TIME, ['-v', process.execPath, script, ...args], { encoding: 'utf8', stdio: ['ignore', stdout, 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    const report = run.stderr;
    const field = (name: string): string => {
      const line = report.split('\n').find((l) => l.trim().startsWith(name));
      if (line === undefined) throw new Error(`no "${name}" in /usr/bin/time output:\n${report.slice(-2000)}`);
      return line.slice(line.lastIndexOf(': ') + 2).trim();
    };
    const exitCode = Number(field('Exit status'));
    if (!exitCodes.includes(exitCode)) throw new Error(`node ${script} ${args.join(' ')} exited with ${exitCode}:\n${report.slice(-2000)}`);
    return {
      wallMs: clockMs(field('Elapsed (wall clock) time')),
      cpuMs: (Number(field('User time (seconds)')) + Number(field('System time (seconds)'))) * 1000,
      peakRssMb: Number(field('Maximum resident set size (kbytes)')) / 1024,
      via: '/usr/bin/time -v',
      exitCode,
      ...(options.keepStdout === true ? { stdout: run.stdout } : {}),
    };
  }
  const reporter = fileURLToPath(new URL('./usage-reporter.js', import.meta.url));
  const start = performance.now();
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(reporter).href, script, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', stdout, 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - start;
  if (run.status === null || !exitCodes.includes(run.status)) throw new Error(`node ${script} ${args.join(' ')} exited with ${run.status}:\n${run.stderr.slice(-2000)}`);
  const line = run.stderr.split('\n').find((l) => l.startsWith(USAGE_MARKER));
  if (line === undefined) throw new Error(`node ${script}: no resource usage reported`);
  const usage = JSON.parse(line.slice(USAGE_MARKER.length)) as { userCPUTime: number; systemCPUTime: number; maxRSS: number };
  return {
    wallMs,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    peakRssMb: usage.maxRSS / 1024,
    via: 'process.resourceUsage() of the child (no /usr/bin/time)',
    exitCode: run.status,
    ...(options.keepStdout === true ? { stdout: run.stdout } : {}),
  };
}

/** Prefix of the line ./usage-reporter.ts writes to stderr at exit. */
export const USAGE_MARKER = 'indepth-bench-usage ';

/** `h:mm:ss` or `m:ss.cc` → milliseconds. */
function clockMs(text: string): number {
  const parts = text.split(':').map(Number);
  let seconds = 0;
  for (const part of parts) seconds = seconds * 60 + part;
  return seconds * 1000;
}
