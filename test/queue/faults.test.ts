// Queue faults, in-process (one worker on TypeScript sources, so passes run in its main thread):
// a worker of another version refuses the job and the command fails saying so; jobs lost by Redis
// (a flush, as after a restart without persistence) are enqueued again and the answer is unchanged;
// an unreachable Redis or a bad URL is a clear error, never a hang.

import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { QueueRunError, runOnQueue } from '../../src/queue/enqueue.js';
import { parseRedisUrl, type RedisTarget } from '../../src/queue/redis-url.js';
import { startWorker, type RunningWorker } from '../../src/queue/worker.js';
import { jobVersion } from '../../src/queue/engine-version.js';
import { VERSION } from '../../src/cli/run.js';
import { cli } from '../support/cli.js';
import { matrixPassJobs } from './pass-jobs.js';
import { testRedis } from '../support/redis.js';

const redis = await testRedis(2);
if (!redis.ok) console.warn(redis.reason);

const MODEL = 'cross-org-shared';
const { modelText, question, units, local } = matrixPassJobs(MODEL, ['contoso', 'fabrikam']);

function target(url: string): RedisTarget {
  const parsed = parseRedisUrl(url);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.target;
}


describe('queue errors without a server', () => {
  it('an unreachable Redis fails at once, naming it', async () => {
    const run = runOnQueue({ target: target('redis://127.0.0.1:1'), version: '0.1.0', modelText, question, units });
    await expect(run).rejects.toThrow(QueueRunError);
    await expect(run).rejects.toThrow(/^cannot reach Redis at redis:\/\/127\.0\.0\.1:1: .*ECONNREFUSED/);
  });

  it('bad --queue values and --jobs with --queue are usage errors, all reported at once', async () => {
    const run = await cli(['matrix', 'models/cross-org-shared.yaml', '--queue', 'http://h:1', '--jobs', '2']);
    expect(run.code).toBe(1);
    expect(run.err).toContain('--queue: unsupported scheme `http`');
    expect(run.err).toContain('--jobs and --queue: give one');
    expect((await cli(['worker', '--queue', 'redis://h:1/x'])).err).toContain('`x` is not a database number');
    expect((await cli(['worker'])).err).toContain("required option '--queue <url>' not specified");
  });

  it('shows no password', () => {
    expect(parseRedisUrl('redis://me:secret@h:6379/3')).toEqual({ ok: true, target: { url: 'redis://me:secret@h:6379/3', display: 'redis://me:***@h:6379/3' } });
  });
});

describe.skipIf(!redis.ok)('queue faults (loopback Redis)', () => {
  const url = (redis as { url: string }).url;
  const workers: RunningWorker[] = [];
  const worker = async (version: string) => {
    const running = await startWorker({ target: target(url), version, lockDurationMs: 5000, stalledIntervalMs: 5000, log: () => {} });
    workers.push(running);
    return running;
  };

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.close(true)));
  });

  it('a worker of another version refuses the job: the command fails, naming both versions', async () => {
    await worker('0.0.9');
    const run = runOnQueue({ target: target(url), version: '0.1.0', modelText, question, units });
    await expect(run).rejects.toThrow(/a worker running indepth 0\.0\.9 refused a job of indepth 0\.1\.0/);
  }, 30_000);

  it('jobs lost by Redis are enqueued again; the rows equal the local ones', async () => {
    const notices: string[] = [];
    const run = runOnQueue({ target: target(url), version: '0.1.0', modelText, question, units, onNotice: (t) => notices.push(t) });
    const admin = new Redis(url);
    try {
      // No worker yet: wait until both jobs and the model text are in, then lose everything.
      while ((await admin.keys('bull:indepth:*-[01]')).length < 2) await new Promise((r) => setTimeout(r, 20));
      await admin.flushdb();
    } finally {
      admin.disconnect();
    }
    await worker('0.1.0');
    expect(await run).toEqual(local());
    expect(notices).toContainEqual('2 jobs were lost by Redis (restarted or flushed?); enqueued again');
  }, 30_000);

  it('a by-instance sweep through the queue prints what the local sweep prints', async () => {
    // The CLI's jobs carry its version and engine hash; a worker of this build answers them.
    await worker(jobVersion(VERSION));
    const argv = ['sweep', `models/${MODEL}.yaml`, '--from', 'mallory', '--by', 'instance', '--order', '2'];
    const local = await cli(argv);
    const queued = await cli([...argv, '--queue', url]);
    expect(queued.err).toBe('');
    expect(queued.code).toBe(0);
    expect(queued.out).toBe(local.out);
    // A real sweep: the no-failure row and single failures that expose contoso's data.
    expect(local.out).toMatch(/^\{kernel@shared-pool-vm1\} +14\/14/m);
  }, 30_000);

  it('with matching versions the rows equal the local ones, in unit order', async () => {
    await worker('0.1.0');
    const progress: number[] = [];
    const rows = await runOnQueue({ target: target(url), version: '0.1.0', modelText, question, units, onProgress: (done) => progress.push(done) });
    expect(rows).toEqual(local());
    expect(progress.at(-1)).toBe(2);
  }, 30_000);
});
