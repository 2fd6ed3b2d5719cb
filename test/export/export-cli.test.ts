// `indepth export` end to end: formats, scenario flags, -o, byte-identical output, and bad input.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, STACK_FRAME } from '../support/cli.js';

describe('export', () => {
  it.each([
    ['opengraph', '{\n  "metadata"'],
    ['dot', 'digraph "indepth cross-org-shared" {'],
    ['mermaid', 'flowchart LR'],
  ])('--format %s, with a scenario file, is byte-identical across runs', async (format, start) => {
    const args = ['export', 'models/cross-org-shared.yaml', '--format', format, '--scenario', 'scenarios/kernel-0day.yaml'];
    const first = await cli(args);
    expect(first.code, first.err).toBe(0);
    expect(first.err).toBe('');
    expect(first.out.startsWith(start)).toBe(true);
    expect((await cli(args)).out).toBe(first.out);
  });

  it('marks the scenario given by flags the same as by the file', async () => {
    const byFile = await cli(['export', 'models/cross-org-shared.yaml', '--format', 'opengraph', '--scenario', 'scenarios/kernel-0day.yaml']);
    const byFlags = await cli(['export', 'models/cross-org-shared.yaml', '--format', 'opengraph', '--from', 'mallory', '--fail', 'kernel']);
    const marks = (out: string) =>
      (JSON.parse(out) as { graph: { nodes: { id: string; properties: { reached: boolean } }[] } }).graph.nodes.map((n) => `${n.id}=${n.properties.reached}`);
    expect(marks(byFlags.out)).toEqual(marks(byFile.out));
  });

  it('-o writes the file and nothing to stdout', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'indepth-export-')), 'graph.mmd');
    const run = await cli(['export', 'models/cross-org-separated.yaml', '--format', 'mermaid', '--from', 'mallory', '--only-reached', '-o', file]);
    expect(run.code).toBe(0);
    expect(run.out).toBe('');
    expect(readFileSync(file, 'utf8').startsWith('flowchart LR\n')).toBe(true);
  });

  it.each([
    [['--format', 'svg'], '--format: expected one of opengraph, dot, mermaid, got `svg`'],
    [['--format', 'dot', '--fail', 'kernel'], '--fail and --control mark a scenario: give a foothold with --from'],
    [['--format', 'dot', '--only-reached'], '--only-reached needs a scenario'],
    [['--format', 'dot', '--from', 'malory'], '--from: unknown foothold `malory` (did you mean `mallory`?)'],
    [['--format', 'dot', '--from', 'mallory', '--control', 'reverseConect=off'], 'unknown control `reverseConect`'],
    [[], "required option '--format <format>' not specified"],
  ])('bad input %j exits 1 with a message', async (args, message) => {
    const run = await cli(['export', 'models/cross-org-shared.yaml', ...args]);
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err).toContain(message);
    expect(run.err).not.toMatch(STACK_FRAME);
  });

  it('an unknown foothold in a scenario file points at the file', async () => {
    const run = await cli(['export', 'models/admins-personal.yaml', '--format', 'dot', '--scenario', 'scenarios/kernel-0day.yaml']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^scenarios\/kernel-0day\.yaml:\d+:\d+: unknown foothold `mallory`/);
  });
});
