// The job version is indepth's version plus a hash of the modules that compute a job's answer (the
// import closure of queue/execute, found by reading imports, not by a list): a worker whose engine
// differs refuses the job, and `check --queue` fails as "could not run" (exit 2), naming both.

import { afterAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../src/cli/run.js';
import { engineHash, engineModules, jobVersion } from '../../src/queue/engine-version.js';
import { parseRedisUrl } from '../../src/queue/redis-url.js';
import { startWorker, type RunningWorker } from '../../src/queue/worker.js';
import { cli } from '../support/cli.js';
import { testRedis } from '../support/redis.js';

const redis = await testRedis(5);
if (!redis.ok) console.warn(redis.reason);

describe('engine hash', () => {
  it('covers the modules that compute answers, and not the CLI', () => {
    const modules = engineModules();
    // The engine, the attacker pass, the compiler, the model loader and the policy input all decide an answer.
    for (const module of ['queue/execute.ts', 'engine/depth-by-type.ts', 'analyze/attacker-pass.ts', 'compile/compile.ts', 'model/load-model.ts', 'policy/context.ts', 'analyze/sweep.ts']) {
      expect(modules).toContain(module);
    }
    expect(modules.filter((m) => m.startsWith('cli/'))).toEqual([]);
    expect(engineHash()).toMatch(/^[0-9a-f]{64}$/);
    expect(jobVersion('1.2.3')).toBe(`1.2.3 (engine ${engineHash().slice(0, 12)})`);
  });
});

describe.skipIf(!redis.ok)('a worker with another engine (loopback Redis)', () => {
  let worker: RunningWorker | undefined;
  afterAll(async () => worker?.close(true));

  it('refuses the job; check fails with exit 2 naming both versions', async () => {
    const parsed = parseRedisUrl(redis.ok ? redis.url : '');
    if (!parsed.ok) throw new Error(parsed.problem);
    // Same release, older engine: what a worker left running across an upgrade of the engine looks like.
    const older = `${VERSION} (engine 000000000000)`;
    worker = await startWorker({ target: parsed.target, version: older, lockDurationMs: 5000, stalledIntervalMs: 5000, log: () => {} });
    const run = await cli(['check', 'models/cross-org-shared.yaml', '--queue', parsed.target.url]);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toContain(`a worker running indepth ${older} refused a job of indepth ${jobVersion(VERSION)}: its engine may compute other answers`);
  }, 30_000);
});
