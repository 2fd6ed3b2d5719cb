// The real executable, spawned: src is transpiled file by file (as vitest itself loads it) into a
// scratch directory, not dist/ which others build, and run with node to check exit codes propagate.

import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, STACK_FRAME } from '../support/cli.js';
import { ROOT } from '../support/model.js';
import { transpileCli, type TranspiledCli } from '../support/transpiled-cli.js';

let executable: TranspiledCli;
beforeAll(() => {
  executable = transpileCli('indepth-cli-test');
}, 60_000);

afterAll(() => executable.remove());

function run(argv: string[]) {
  const child = spawnSync(process.execPath, [executable.main, ...argv], { cwd: ROOT, encoding: 'utf8' });
  return { code: child.status, out: child.stdout, err: child.stderr };
}

describe('the executable', () => {
  it('exits 0 and prints what the in-process CLI prints', async () => {
    const argv = ['simulate', 'models/cross-org-shared.yaml', '--scenario', 'scenarios/kernel-0day.yaml', '--json'];
    const spawned = run(argv);
    expect(spawned.err).toBe('');
    expect(spawned.code).toBe(0);
    expect(spawned.out).toBe((await cli(argv)).out);
  });

  it('exits 1 on invalid input, with the message and no stack trace', () => {
    const spawned = run(['validate', 'models/no-such-model.yaml']);
    expect(spawned.code).toBe(1);
    expect(spawned.out).toBe('');
    expect(spawned.err).toBe('models/no-such-model.yaml:1:1: cannot read model file: no such file\n');
    expect(spawned.err).not.toMatch(STACK_FRAME);
  });

  it('exits 1 on a usage error', () => {
    const spawned = run(['simulate', 'models/cross-org-shared.yaml']);
    expect(spawned.code).toBe(1);
    expect(spawned.err).toMatch(/^indepth: no foothold/);
  });

  it('runs the leakage matrix on worker threads with the same output as one thread', () => {
    const argv = ['matrix', 'models/cross-org-separated.yaml', '--json'];
    const sequential = run([...argv, '--jobs', '1']);
    const parallel = run([...argv, '--jobs', '2']);
    expect(sequential.code).toBe(0);
    expect(parallel.code).toBe(0);
    expect(parallel.err).toBe('');
    expect(parallel.out).toBe(sequential.out);
    expect(JSON.parse(parallel.out).attackers).toHaveLength(2);
  });

  it('a reader that closes the pipe early (`graph --json | head -1`) ends the command quietly with 141 (128 + SIGPIPE)', async () => {
    // A model large enough that its JSON outgrows the pipe's buffer many times over.
    const model = join(mkdtempSync(join(tmpdir(), 'indepth-pipe-')), 'big.yaml');
    expect(run(['generate', '--orgs', '4', '--users', '400', '-o', model]).code).toBe(0);
    const child = spawn(process.execPath, [executable.main, 'graph', '--json', model], { cwd: ROOT });
    let err = '';
    child.stderr.on('data', (d: Buffer) => void (err += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(err).toBe('');
    expect(code).toBe(141);
  });

  it('a full disk on standard output (`> /dev/full`) is one clear line and exit 2', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const child = spawnSync(process.execPath, [executable.main, 'graph', '--json', 'models/cross-org-shared.yaml'], { cwd: ROOT, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(child.stderr).toBe('indepth: cannot write standard output: no space left on device\n');
      expect(child.status).toBe(2);
    } finally {
      closeSync(full);
    }
  });

  it('-o /dev/full is one clear line and exit 2, for a report and for an export', () => {
    const check = run(['check', 'models/cross-org-shared.yaml', '-o', '/dev/full']);
    expect(check.err).toBe('indepth: cannot write /dev/full: no space left on device\n');
    expect(check.code).toBe(2);
    const exported = run(['export', 'models/cross-org-shared.yaml', '--format', 'dot', '-o', '/dev/full']);
    expect(exported.err).toBe('indepth: cannot write /dev/full: no space left on device\n');
    expect(exported.code).toBe(2);
  });

  it('runs compare and check passes on worker threads with the same output as one thread', () => {
    for (const argv of [
      ['compare', 'models/cross-org-shared.yaml', 'models/cross-org-separated.yaml', '--json'],
      ['check', 'models/cross-org-shared.yaml', '--baseline', 'models/cross-org-separated.yaml', '--format', 'json'],
    ]) {
      const sequential = run([...argv, '--jobs', '1']);
      const parallel = run([...argv, '--jobs', '2']);
      expect(parallel.err).toBe(sequential.err);
      expect(parallel.code).toBe(sequential.code);
      expect(parallel.out).toBe(sequential.out);
      expect(parallel.out.length).toBeGreaterThan(100);
    }
  });
});
