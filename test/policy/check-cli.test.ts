// `indepth check` end to end, in-process: the acceptance checks of the gate (exit codes, the model
// line in the finding, baseline in both directions), every format, -o, and bad input → exit 2.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, STACK_FRAME } from '../support/cli.js';

const SHARED = 'models/cross-org-shared.yaml';
const SEPARATED = 'models/cross-org-separated.yaml';

function tempFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'indepth-check-')), name);
  writeFileSync(file, text);
  return file;
}

describe('check: the acceptance checks', () => {
  it('the shared model exits 1 with a cross-org depth finding that names the model line', async () => {
    const run = await cli(['check', SHARED]);
    expect(run.code).toBe(1);
    expect(run.out).toContain(`${SHARED}:64:9: error cross-org-depth@contoso-finance: Data store \`contoso-finance\``);
    expect(run.out).toMatch(/check failed: 8 findings \(8 errors\) from 11 policies/);
    // The verdict ends the report on stdout; it is not repeated on stderr.
    expect(run.out.match(/check failed/g)).toHaveLength(1);
    expect(run.err).toBe('');
  });

  it('with a machine format or -o, the verdict goes to stderr once', async () => {
    const run = await cli(['check', SHARED, '--format', 'json']);
    expect(run.code).toBe(1);
    expect(run.out).not.toContain('check failed');
    expect(run.err).toBe(`indepth: check failed: 8 findings (8 errors) from 11 policies on ${SHARED}\n`);
  });

  it('the separated model exits 0', async () => {
    const run = await cli(['check', SEPARATED]);
    expect(run.code).toBe(0);
    expect(run.out).toBe(`check passed: 11 policies hold on ${SEPARATED}\n`);
    expect(run.err).toBe('');
  });

  it('--baseline separated on the shared model reports the regression; the reverse reports none', async () => {
    const worse = await cli(['check', SHARED, '--baseline', SEPARATED, '--format', 'json']);
    expect(worse.code).toBe(1);
    const result = JSON.parse(worse.out) as { passed: boolean; findings: { id: string; change: { kind: string } }[] };
    expect(result.passed).toBe(false);
    expect(result.findings.map((f) => f.id)).toContain('cross-org-depth@contoso-finance');
    expect(result.findings.every((f) => f.change.kind === 'new')).toBe(true);

    const better = await cli(['check', SEPARATED, '--baseline', SHARED]);
    expect(better.code).toBe(0);
    expect(better.out).toBe(`check passed: nothing got worse on ${SEPARATED} against baseline ${SHARED} (12 policies)\n`);
  });

  it('a baseline only hides what did not get worse: the shared model against itself passes', async () => {
    expect((await cli(['check', SHARED, '--baseline', SHARED])).code).toBe(0);
  });
});

describe('check: formats and output', () => {
  it.each(['text', 'json', 'sarif', 'junit'])('--format %s is byte-identical for the same input', async (format) => {
    const first = await cli(['check', SHARED, '--baseline', SEPARATED, '--format', format]);
    const second = await cli(['check', SHARED, '--baseline', SEPARATED, '--format', format]);
    expect(first.code).toBe(1);
    expect(second.out).toBe(first.out);
    expect(first.out.length).toBeGreaterThan(100);
  });

  it('-o writes the report to a file, stdout stays empty and stderr has the verdict', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'indepth-check-')), 'out.sarif');
    const run = await cli(['check', SHARED, '--format', 'sarif', '-o', file]);
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: '2.1.0' });
    expect(run.err).toContain('check failed');
    const pass = await cli(['check', SEPARATED, '--format', 'sarif', '-o', file]);
    expect(pass.code).toBe(0);
    expect(pass.err).toBe(`indepth: check passed: 11 policies hold on ${SEPARATED}\n`);
  });

  it('a policy file tightens the gate: minDepth 3 fails the separated model on the shared physical host', async () => {
    const policy = tempFile('policy.yaml', 'policies:\n  cross-org-depth:\n    minDepth: 3\n  classification-depth:\n    enabled: false\n');
    const run = await cli(['check', SEPARATED, '--policy', policy]);
    expect(run.code).toBe(1);
    expect(run.out.match(/error cross-org-depth@/g)).toHaveLength(4);
    expect(run.out).toContain('physical host `azure-host-1`');
  });

  it('a JSON policy file works too; severities and custom policies show in the report', async () => {
    const policy = tempFile(
      'policy.json',
      JSON.stringify({
        policies: { 'no-shared-subscription': { severity: 'warning' } },
        custom: [{ id: 'finance-three', title: 'Finance survives two failures', from: ['mallory'], target: { data: ['contoso-finance'] }, minDepth: 3, severity: 'note' }],
      }),
    );
    const run = await cli(['check', SEPARATED, '--policy', policy]);
    expect(run.code).toBe(1);
    expect(run.out).toContain(`${SEPARATED}:78:9: note finance-three@contoso-finance:`);
    const shared = await cli(['check', SHARED, '--policy', policy]);
    expect(shared.out).toContain(`${SHARED}:20:9: warning no-shared-subscription@shared-subscription:`);
  });
});

describe('check: bad input exits 2', () => {
  const expectTwo = async (args: string[], ...messages: string[]) => {
    const run = await cli(['check', ...args]);
    expect(run.code, run.err).toBe(2);
    expect(run.out).toBe('');
    for (const message of messages) expect(run.err).toContain(message);
    expect(run.err).not.toMatch(STACK_FRAME);
  };

  it('a missing or invalid model, with file:line:col', async () => {
    await expectTwo(['missing.yaml'], 'missing.yaml:1:1: cannot read model file: no such file', 'check could not run: 1 problem in the input');
    const bad = tempFile('bad.yaml', 'name: x\norganizations:\n  - id: a\n    colour: red\n');
    await expectTwo([bad], `${bad}:4:5: unknown key \`colour\``);
  });

  it('a bad baseline, reported together with a bad policy', async () => {
    const policy = tempFile('p.yaml', 'policies:\n  cross-org-depht: {}\n');
    await expectTwo([SHARED, '--baseline', 'gone.yaml', '--policy', policy], 'gone.yaml:1:1:', `${policy}:2:3: unknown key \`cross-org-depht\` in \`policies\` (did you mean \`cross-org-depth\`?)`, '2 problems');
  });

  it('policy ids that do not exist in the model: unknown foothold, data store, organization', async () => {
    const policy = tempFile(
      'p.yaml',
      ['custom:', '  - id: c', '    title: t', '    from: [malory]', '    target: { data: [contoso-financ], organizations: [ghost] }', '    minDepth: 2', ''].join('\n'),
    );
    await expectTwo(
      [SHARED, '--policy', policy],
      `${policy}:4:12: custom policy \`c\` names unknown foothold \`malory\` (did you mean \`mallory\`?)`,
      `${policy}:5:22: \`target\` of custom policy \`c\` references unknown data store \`contoso-financ\` (did you mean \`contoso-finance\`?)`,
      `${policy}:5:55: \`target\` of custom policy \`c\` references unknown organization \`ghost\``,
    );
  });

  it('usage errors: no model, unknown format, unknown option, option without value', async () => {
    await expectTwo([], "missing required argument 'model'");
    await expectTwo([SHARED, '--format', 'xml'], '--format: expected one of text, json, sarif, junit, got `xml`');
    await expectTwo([SHARED, '--bogus'], "unknown option '--bogus'");
    await expectTwo([SHARED, '--policy'], "option '-p, --policy <file>' argument missing");
  });

  it('an unwritable -o path', async () => {
    await expectTwo([SEPARATED, '-o', '/nonexistent-dir/x/out.txt'], '-o /nonexistent-dir/x/out.txt: the directory /nonexistent-dir/x does not exist');
    await expectTwo([SEPARATED, '-o', 'models'], '-o models: it is a directory');
    await expectTwo([SEPARATED, '-o', SEPARATED], `-o ${SEPARATED}: that is the input ${SEPARATED}; refusing to overwrite it`);
  });
});
