// Ctrl-C during a queued command (loopback Redis, the transpiled CLI, no worker connected so every
// job waits): the first SIGINT removes the run's waiting jobs and says so, exit 130; a second SIGINT
// while the removal cannot proceed (Redis paused for writes) ends the process at once.

import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRedis } from '../support/redis.js';
import { transpileCli, type TranspiledCli } from '../support/transpiled-cli.js';
import { start, waitFor, type Spawned } from './spawned.js';

const redis = await testRedis(4);
if (!redis.ok) console.warn(redis.reason);

const MATRIX = ['matrix', 'models/cross-org-shared.yaml'];

describe.skipIf(!redis.ok)('Ctrl-C during a queued command (loopback Redis)', () => {
  let executable: TranspiledCli;
  let admin: Redis;
  const processes: Spawned[] = [];
  const url = redis.ok ? redis.url : '';

  beforeAll(() => {
    executable = transpileCli('indepth-queue-interrupt');
    admin = new Redis(url);
  }, 180_000);

  afterAll(async () => {
    for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    executable?.remove();
    await admin?.quit();
  });

  /** Starts `matrix --queue` and resolves once its 2 jobs (contoso, fabrikam) wait in the queue. */
  async function queuedMatrix(): Promise<Spawned> {
    const command = start(executable.main, [...MATRIX, '--queue', url]);
    processes.push(command);
    const until = Date.now() + 60_000;
    while ((await admin.llen('bull:indepth:wait')) < 2) {
      if (command.child.exitCode !== null || Date.now() > until) throw new Error(`the jobs never arrived: ${command.err}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return command;
  }

  it('the first Ctrl-C removes the waiting jobs, says so, and exits 130', async () => {
    const command = await queuedMatrix();
    command.child.kill('SIGINT');
    expect(await command.exited).toBe(130);
    expect(command.out).toBe('');
    expect(command.err).toContain('indepth: interrupted: removing this run\u2019s waiting jobs from the queue (Ctrl-C again to exit at once)\n');
    expect(command.err).toContain('indepth: interrupted: removed 2 waiting jobs from the queue\n');
    // Nothing left for a worker to take, and no job of the run left behind.
    expect(await admin.llen('bull:indepth:wait')).toBe(0);
    expect(await admin.keys('bull:indepth:*-[0-9]*')).toEqual([]);
  }, 90_000);

  it('a second Ctrl-C exits at once, even when the removal cannot go on', async () => {
    const command = await queuedMatrix();
    // Writes wait while Redis is paused, so the removal the first Ctrl-C starts hangs.
    await admin.call('CLIENT', 'PAUSE', '20000', 'WRITE');
    try {
      command.child.kill('SIGINT');
      await waitFor(command, /Ctrl-C again to exit at once/);
      const second = Date.now();
      command.child.kill('SIGINT');
      expect(await command.exited).toBe('SIGINT');
      expect(Date.now() - second).toBeLessThan(5_000);
      expect(command.err).toContain('indepth: interrupted again: exiting now');
    } finally {
      await admin.call('CLIENT', 'UNPAUSE');
    }
  }, 90_000);
});
