// Redis restarting under a running command (a redis-server of this test's own, on a free loopback
// port, without persistence): the command reconnects, finds its jobs gone, enqueues them again and
// answers exactly as the local run; a Redis that stays down fails the command with a message.
// Skipped with a message where Debian's redis-server is not installed.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { QueueRunError, runOnQueue } from '../../src/queue/enqueue.js';
import { parseRedisUrl, type RedisTarget } from '../../src/queue/redis-url.js';
import { startWorker, type RunningWorker } from '../../src/queue/worker.js';
import { matrixPassJobs } from './pass-jobs.js';

const REDIS_SERVER = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
if (REDIS_SERVER === '') console.warn('Redis restart tests skipped: no redis-server on PATH (apt-get install redis-server)');

const MODEL = 'cross-org-shared';
const { modelText, question, units, local } = matrixPassJobs(MODEL, ['contoso', 'fabrikam']);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts redis-server on `port`; resolves once it accepts connections. */
function startRedis(port: number): Promise<ChildProcess> {
  const server = spawn(REDIS_SERVER, ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    let out = '';
    server.stdout!.setEncoding('utf8').on('data', (text: string) => {
      out += text;
      if (out.includes('Ready to accept connections')) resolve(server);
    });
    server.on('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${out}`)));
  });
}

function stopRedis(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null) return resolve();
    server.removeAllListeners('exit');
    server.on('exit', () => resolve());
    server.kill('SIGKILL');
  });
}

function target(port: number): RedisTarget {
  const parsed = parseRedisUrl(`redis://127.0.0.1:${port}`);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.target;
}

describe.skipIf(REDIS_SERVER === '')('Redis restarting under a queued matrix', () => {
  const servers: ChildProcess[] = [];
  const workers: RunningWorker[] = [];

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.close(true)));
    await Promise.all(servers.splice(0).map(stopRedis));
  });

  it('resumes after a restart that lost every job: the rows equal the local ones', async () => {
    const port = await freePort();
    servers.push(await startRedis(port));
    const notices: string[] = [];
    let enqueued!: () => void;
    const jobsIn = new Promise<void>((resolve) => (enqueued = resolve));
    const onProgress = (done: number) => done === 0 && enqueued();
    const run = runOnQueue({ target: target(port), version: '0.1.0', modelText, question, units, onProgress, onNotice: (t) => notices.push(t) });
    // No worker yet, so the jobs wait; then Redis dies (SIGKILL, no persistence) and comes back empty.
    await jobsIn;
    await stopRedis(servers.shift()!);
    servers.push(await startRedis(port));
    workers.push(await startWorker({ target: target(port), version: '0.1.0', lockDurationMs: 5000, stalledIntervalMs: 5000, log: () => {} }));

    expect(await run).toEqual(local());
    expect(notices.join('\n')).toMatch(/lost Redis at redis:\/\/127\.0\.0\.1:\d+/);
    expect(notices).toContainEqual('2 jobs were lost by Redis (restarted or flushed?); enqueued again');
  }, 60_000);

  it('fails with a message naming the Redis when it stays down', async () => {
    const port = await freePort();
    servers.push(await startRedis(port));
    let enqueued!: () => void;
    const jobsIn = new Promise<void>((resolve) => (enqueued = resolve));
    const run = runOnQueue({ target: target(port), version: '0.1.0', modelText, question, units, redisTimeoutMs: 2000, onProgress: () => enqueued() });
    await jobsIn;
    await stopRedis(servers.shift()!);
    await expect(run).rejects.toThrow(QueueRunError);
    await expect(run).rejects.toThrow(/^Redis at redis:\/\/127\.0\.0\.1:\d+ did not answer for 2 s.*; no output written$/);
  }, 60_000);
});
