// The loopback test: `matrix` on a generated 50-organization model through the queue, with
// three worker processes of which one is killed (SIGKILL) in the middle of its job, writes exactly
// what `matrix --jobs 1` writes, and every attacker's pass is answered exactly once by a survivor.
// Sized for a shared 2-core machine: 20 users per organization (1,000 users), so most of the time
// goes to starting processes and to BullMQ's stall detection (lock 2 s, checked every 1 s).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { testRedis } from '../support/redis.js';
import { transpileCli, type TranspiledCli } from '../support/transpiled-cli.js';
import { answered, start, waitFor, type Spawned } from './spawned.js';

const redis = await testRedis(1);
if (!redis.ok) console.warn(redis.reason);

describe.skipIf(!redis.ok)('matrix through the queue (loopback Redis)', () => {
  let executable: TranspiledCli;
  let dir: string;
  const processes: Spawned[] = [];

  beforeAll(() => {
    executable = transpileCli('indepth-queue-test');
    dir = mkdtempSync(join(tmpdir(), 'indepth-queue-'));
  }, 180_000);

  afterAll(() => {
    for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    executable?.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('3 workers, one killed mid-job: byte-identical to --jobs 1, every pass answered once', async () => {
    const url = (redis as { url: string }).url;
    const model = join(dir, 'fifty.yaml');
    expect((await cli(['generate', '--orgs', '50', '--users', '1000', '--seed', '11', '-o', model])).code).toBe(0);
    const local = await cli(['matrix', model, '--jobs', '1']);
    expect(local.code).toBe(0);

    const workerArgs = ['worker', '--queue', url, '--lock-duration', '2000', '--stalled-interval', '1000'];
    const doomed = start(executable.main, workerArgs);
    processes.push(doomed);
    await waitFor(doomed, /waiting for jobs/);
    const matrix = start(executable.main, ['matrix', model, '--queue', url, '--quiet']);
    processes.push(matrix);
    // The first job goes to the only worker; it is killed while it loads the model for that job.
    await waitFor(doomed, /loading model/);
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    const survivors = [start(executable.main, workerArgs), start(executable.main, workerArgs)];
    processes.push(...survivors);

    expect(await matrix.exited).toBe(0);
    expect(matrix.out).toBe(local.out);
    expect(matrix.out).toMatch(/^org01 → org02: depth \d/m);
    for (const s of survivors) s.child.kill('SIGTERM');
    expect(await Promise.all(survivors.map((s) => s.exited))).toEqual([0, 0]);

    // The killed worker answered nothing; its job went back to the queue and a survivor took it.
    expect(answered(doomed.err)).toEqual([]);
    expect(survivors.map((s) => s.err).join('')).toMatch(/given back to the queue/);
    const done = survivors.flatMap((s) => answered(s.err)).sort();
    const organizations = Array.from({ length: 50 }, (_, i) => `org${String(i + 1).padStart(2, '0')}`);
    expect(done).toEqual(organizations);
  }, 240_000);
});
