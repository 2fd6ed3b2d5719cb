// `check` and `compare` through the queue (loopback Redis, the transpiled CLI): with three workers,
// one killed (SIGKILL) while it loads the model for its first pass, the output is byte-identical to
// `--jobs 1` on this machine, and every pass is answered exactly once by a survivor. check runs with
// a baseline, so its current and baseline passes (two models, two runs) both cross the queue.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/cli/load.js';
import { createPolicyContext, type DepthQuestion, type PolicyContext } from '../../src/policy/context.js';
import { defaultPolicyConfig } from '../../src/policy/load-policy.js';
import { depthQuestionsAsked } from '../../src/policy/run-policies.js';
import { cli } from '../support/cli.js';
import { testRedis } from '../support/redis.js';
import { transpileCli, type TranspiledCli } from '../support/transpiled-cli.js';
import { answered, start, waitFor, type Spawned } from './spawned.js';

const redis = await testRedis(3);
if (!redis.ok) console.warn(redis.reason);

function policyContext(file: string): PolicyContext {
  const loaded = loadModel(file);
  return createPolicyContext(file, loaded.prepared, loaded.locations);
}

/** stderr without the queue's waiting notices (their timing varies). */
function withoutNotices(err: string): string {
  return err.replace(/^indepth: (waiting for \d+ of \d+ jobs|no indepth worker is connected).*\n/gm, '');
}

describe.skipIf(!redis.ok)('check and compare through the queue (loopback Redis)', () => {
  let executable: TranspiledCli;
  let dir: string;
  const processes: Spawned[] = [];
  const url = redis.ok ? redis.url : '';
  const workerArgs = ['worker', '--queue', url, '--lock-duration', '2000', '--stalled-interval', '1000'];

  beforeAll(() => {
    executable = transpileCli('indepth-queue-check');
    dir = mkdtempSync(join(tmpdir(), 'indepth-queue-check-'));
  }, 180_000);

  afterAll(() => {
    for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    executable?.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('check --baseline and compare: 3 workers, one killed mid-job, byte-identical to --jobs 1', async () => {
    // Two generated topologies of the same 8 organizations: hosts shared between them, and not.
    const shared = join(dir, 'shared.yaml');
    const separated = join(dir, 'separated.yaml');
    expect((await cli(['generate', '--orgs', '8', '--users', '240', '--seed', '3', '--shared-hosts', '-o', shared])).code).toBe(0);
    expect((await cli(['generate', '--orgs', '8', '--users', '240', '--seed', '3', '--no-shared-hosts', '-o', separated])).code).toBe(0);
    const checkArgs = ['check', shared, '--baseline', separated, '--format', 'json'];
    const compareArgs = ['compare', shared, separated];
    const localCheck = await cli([...checkArgs, '--jobs', '1']);
    const localCompare = await cli([...compareArgs, '--jobs', '1']);
    // Sharing hosts is a regression against the separated baseline: findings, exit 1.
    expect(localCheck.code).toBe(1);
    expect(JSON.parse(localCheck.out).findings.length).toBeGreaterThan(0);
    expect(localCompare.code).toBe(0);

    const doomed = start(executable.main, workerArgs);
    processes.push(doomed);
    await waitFor(doomed, /waiting for jobs/);
    const check = start(executable.main, [...checkArgs, '--queue', url, '--quiet']);
    processes.push(check);
    await waitFor(doomed, /loading model/);
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    const survivors = [start(executable.main, workerArgs), start(executable.main, workerArgs)];
    processes.push(...survivors);

    expect(await check.exited).toBe(1);
    // stderr: the verdict, as locally, besides the queue's notices while the killed job waits for its lock to expire.
    expect(withoutNotices(check.err)).toBe(localCheck.err);
    expect(check.out).toBe(localCheck.out);
    // Every foothold set the policies ask about, of each model, answered exactly once by a survivor
    // (the killed worker's job given back, not lost or doubled).
    expect(answered(doomed.err)).toEqual([]);
    expect(survivors.map((s) => s.err).join('')).toMatch(/given back to the queue/);
    const asked = depthQuestionsAsked(defaultPolicyConfig(), policyContext(shared), policyContext(separated));
    const once = (questions: readonly DepthQuestion[]) => [...new Set(questions.map(({ from }) => [...from].sort().join(',')))];
    const expected = [...once(asked.current), ...once(asked.baseline)].sort();
    expect(expected).toContain('internet');
    expect(expected.length).toBeGreaterThan(16);
    expect(survivors.flatMap((s) => answered(s.err)).sort()).toEqual(expected);

    const compare = start(executable.main, [...compareArgs, '--queue', url, '--quiet']);
    processes.push(compare);
    expect(await compare.exited).toBe(0);
    expect(withoutNotices(compare.err)).toBe(localCompare.err);
    expect(compare.out).toBe(localCompare.out);
    for (const s of survivors) s.child.kill('SIGTERM');
    expect(await Promise.all(survivors.map((s) => s.exited))).toEqual([0, 0]);
  }, 400_000);

  it('check without a baseline: the admins\u2019 passes bounded below one failure cross the queue, byte-identical to --jobs 1', async () => {
    // One shared identity tenant: each organization's admins reach every other organization's data
    // with no failure, which only the bounded passes (PassTask.below) answer here.
    const model = join(dir, 'shared-tenant.yaml');
    expect((await cli(['generate', '--orgs', '4', '--users', '120', '--seed', '3', '--shared-tenant', '-o', model])).code).toBe(0);
    const args = ['check', model, '--format', 'json'];
    const local = await cli([...args, '--jobs', '1']);
    expect(local.code).toBe(1);
    const depths = (JSON.parse(local.out) as { findings: { depths?: { attacker: string; depth: number }[] }[] }).findings.flatMap((f) => f.depths ?? []);
    expect(depths.some((d) => d.attacker.endsWith(':admins') && d.depth === 0)).toBe(true);
    const asked = depthQuestionsAsked(defaultPolicyConfig(), policyContext(model), null);
    expect(asked.current.some((q) => q.below === 1)).toBe(true);

    const worker = start(executable.main, workerArgs);
    processes.push(worker);
    await waitFor(worker, /waiting for jobs/);
    const check = start(executable.main, [...args, '--queue', url, '--quiet']);
    processes.push(check);
    expect(await check.exited).toBe(1);
    expect(withoutNotices(check.err)).toBe(local.err);
    expect(check.out).toBe(local.out);
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  }, 200_000);
});
