// `indepth diagram` end to end: SVG to stdout or a file (the same bytes), question errors pointing at
// the flag, and --png: a PNG where Chromium exists, a clear message where it does not.

import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { ROOT, drawScenario } from './support.js';

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t), errIsTty: false });
  return { code, out, err };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'indepth-diagram-'));
const shared = `${ROOT}models/cross-org-shared.yaml`;
const kernel = `${ROOT}scenarios/kernel-0day.yaml`;

describe('indepth diagram', () => {
  const saved = process.env.INDEPTH_CHROMIUM;
  afterEach(() => {
    if (saved === undefined) delete process.env.INDEPTH_CHROMIUM;
    else process.env.INDEPTH_CHROMIUM = saved;
  });

  it('prints the SVG (focus layout at 1920 px by default, the complete one with --full), or writes the same bytes with -o', async () => {
    const printed = await cli(['diagram', shared, '--scenario', kernel]);
    expect(printed.code).toBe(0);
    expect(printed.out).toBe(drawScenario('cross-org-shared', 'kernel-0day', { width: 1920, focus: true }).svg);
    const full = await cli(['diagram', shared, '--scenario', kernel, '--full']);
    expect(full.out).toBe(drawScenario('cross-org-shared', 'kernel-0day').svg);
    const file = join(tmp(), 'd.svg');
    const written = await cli(['diagram', shared, '--from', 'mallory', '--fail', 'kernel', '--scenario', kernel, '-o', file]);
    expect(written.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('mallory (fabrikam) reaches 14 contoso data stores through 1 failed kernel boundary');
  });

  it('reports an unknown foothold and a missing one', async () => {
    const unknown = await cli(['diagram', shared, '--from', 'malory']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('did you mean `mallory`');
    const none = await cli(['diagram', shared]);
    expect(none.code).toBe(1);
    expect(none.err).toContain('no foothold');
  });

  it('--png without Chromium fails with a clear message', async () => {
    process.env.INDEPTH_CHROMIUM = '/nonexistent/chromium';
    const run = await cli(['diagram', shared, '--scenario', kernel, '-o', join(tmp(), 'd.svg'), '--png', join(tmp(), 'd.png')]);
    expect(run.code).toBe(1);
    expect(run.err).toContain('--png needs Chromium, and there is none at /nonexistent/chromium');
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))('--png writes a PNG rendered by Chromium', async () => {
    const png = join(tmp(), 'd.png');
    const run = await cli(['diagram', shared, '--scenario', kernel, '-o', join(tmp(), 'd.svg'), '--png', png]);
    expect(run.code).toBe(0);
    expect(readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');
  }, 60_000);
});
