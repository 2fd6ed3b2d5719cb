// The real executable, spawned once per check: src is compiled into a scratch directory (not dist/,
// which others build) and run with node, so exit codes and output reach the shell through main.ts.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, STACK_FRAME } from '../support/cli.js';
import { ROOT } from '../support/model.js';

const SCRATCH = `${ROOT}node_modules/.cache/indepth-cli-test/`;
const MAIN = `${SCRATCH}out/cli/main.js`;

beforeAll(() => {
  rmSync(SCRATCH, { recursive: true, force: true });
  mkdirSync(SCRATCH, { recursive: true });
  // Only src/: bench/ and test/ are not part of the executable. Under node_modules so that the
  // compiled files resolve the project's dependencies.
  writeFileSync(
    `${SCRATCH}tsconfig.json`,
    JSON.stringify({
      extends: `${ROOT}tsconfig.build.json`,
      compilerOptions: { rootDir: `${ROOT}src`, outDir: `${SCRATCH}out` },
      include: [`${ROOT}src`],
    }),
  );
  // --noCheck: emit only; type errors are `tsc -p tsconfig.json --noEmit`'s to report, not this test's.
  execFileSync(process.execPath, [`${ROOT}node_modules/typescript/bin/tsc`, '-p', `${SCRATCH}tsconfig.json`, '--noCheck'], { stdio: 'pipe' });
}, 60_000);

function run(argv: string[]) {
  const child = spawnSync(process.execPath, [MAIN, ...argv], { cwd: ROOT, encoding: 'utf8' });
  return { code: child.status, out: child.stdout, err: child.stderr };
}

describe('the built executable', () => {
  it('exits 0 and prints what the in-process CLI prints', async () => {
    const argv = ['simulate', 'models/cross-org-shared.yaml', '--scenario', 'scenarios/kernel-0day.yaml', '--json'];
    const spawned = run(argv);
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

  it('exits 1 on a usage error and 0 on --help', () => {
    expect(run(['simulate', 'models/cross-org-shared.yaml']).code).toBe(1);
    expect(run(['--help']).code).toBe(0);
  });
});
