// `npm run bench:queue`: the leakage matrix through the Redis job queue with 1, 2 and 4 worker
// processes, beside `matrix --jobs 1` and `--jobs 2` (local threads) in the same run; then `check`
// (every policy, one pass per foothold set) with 2 queue workers beside `check --jobs 1`. Separate from
// `npm run bench` because it needs a Redis server and takes minutes. Each figure is the median wall
// time of the command from start to exit, workers already waiting (their model load is counted).
//
//   node dist/bench/queue.js [--queue redis://HOST:PORT] [--orgs N] [--users N] [--runs N]
//
// Without --queue (or INDEPTH_BENCH_REDIS) it starts Debian's redis-server on a free loopback port
// and stops it at the end.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './measure.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'dist/src/cli/main.js');
const OUT = join(ROOT, 'bench/out');
const WORKER_COUNTS = [1, 2, 4] as const;

function flag(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1]! : fallback;
}

const organizations = Number(flag('--orgs', '32'));
const users = Number(flag('--users', '12000'));
const runs = Number(flag('--runs', '3'));

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** A redis-server of our own (when none is given), stopped by the returned function. */
async function ownRedis(): Promise<{ url: string; stop: () => void }> {
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  if (which.status !== 0) throw new Error('no redis-server on PATH: `apt-get install redis-server`, or give --queue redis://HOST:PORT');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'indepth-bench-redis-'));
  const server = spawn(which.stdout.trim(), ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout.trim() === 'PONG') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () => {
      server.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Wall time of one CLI run in ms; its stdout for the equality check. */
function timed(args: readonly string[], exitCodes: readonly number[] = [0]): Promise<{ ms: number; out: string }> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (out += t));
    child.on('exit', (code) => (code !== null && exitCodes.includes(code) ? done({ ms: performance.now() - start, out }) : fail(new Error(`indepth ${args.join(' ')} exited with ${code}`))));
  });
}

function startWorker(url: string): Promise<ChildProcess> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, 'worker', '--queue', url, '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (t: string) => {
      err += t;
      if (err.includes('waiting for jobs')) done(child);
    });
    child.on('exit', (code) => fail(new Error(`worker exited with ${code}: ${err}`)));
  });
}

async function stopWorkers(workers: readonly ChildProcess[]): Promise<void> {
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((done) => {
          w.removeAllListeners('exit');
          w.on('exit', () => done());
          w.kill('SIGTERM');
        }),
    ),
  );
}

async function main(): Promise<void> {
  const given = flag('--queue', process.env['INDEPTH_BENCH_REDIS'] ?? '');
  const redis = given !== '' ? { url: given, stop: () => {} } : await ownRedis();
  const dir = mkdtempSync(join(tmpdir(), 'indepth-bench-queue-'));
  try {
    const model = join(dir, 'model.yaml');
    spawnSync(process.execPath, [CLI, 'generate', '--orgs', String(organizations), '--users', String(users), '--seed', '7', '-o', model], { stdio: 'ignore' });
    console.log(`queue benchmark: matrix on ${organizations} organizations, ${users} users; median of ${runs} runs; Redis ${redis.url}`);
    const rows: { label: string; workers: number | null; ms: number }[] = [];
    const measure = async (label: string, workers: number | null, args: string[], exitCodes?: readonly number[]) => {
      const times: number[] = [];
      let out = '';
      for (let r = 0; r < runs; r++) {
        const run = await timed(args, exitCodes);
        times.push(run.ms);
        out = run.out;
      }
      rows.push({ label, workers, ms: median(times) });
      console.log(`  ${label.padEnd(28)} ${(median(times) / 1000).toFixed(2).padStart(8)} s`);
      return out;
    };
    const reference = await measure('matrix --jobs 1', null, ['matrix', model, '--jobs', '1', '--quiet']);
    await measure('matrix --jobs 2 (threads)', null, ['matrix', model, '--jobs', '2', '--quiet']);
    for (const count of WORKER_COUNTS) {
      const workers = await Promise.all(Array.from({ length: count }, () => startWorker(redis.url)));
      try {
        const out = await measure(`--queue, ${count} worker${count === 1 ? '' : 's'}`, count, ['matrix', model, '--queue', redis.url, '--quiet']);
        if (out !== reference) throw new Error(`--queue with ${count} workers printed something else than --jobs 1`);
      } finally {
        await stopWorkers(workers);
      }
    }
    const one = rows.find((r) => r.workers === 1)!.ms;
    const queued = rows.filter((r) => r.workers !== null);
    console.log('\n  speed-up over 1 queue worker: ' + queued.map((r) => `${r.workers} → ${(one / r.ms).toFixed(2)}×`).join(', '));
    // check: exit 1 on findings is a successful run; its passes (standard users, admins, internet) cross the queue.
    const checkReference = await measure('check --jobs 1', null, ['check', model, '--format', 'json', '--quiet'], [0, 1]);
    const checkWorkers = await Promise.all(Array.from({ length: 2 }, () => startWorker(redis.url)));
    try {
      const out = await measure('check --queue, 2 workers', null, ['check', model, '--format', 'json', '--quiet', '--queue', redis.url], [0, 1]);
      if (out !== checkReference) throw new Error('check --queue printed something else than check --jobs 1');
    } finally {
      await stopWorkers(checkWorkers);
    }
    console.log(`  (${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the end; expect ≤ 2× on 2 cores — the queue scales with machines)`);
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'queue.json'), `${JSON.stringify({ organizations, users, runs, cores: cpus().length, rows }, null, 2)}\n`);
  } finally {
    redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
