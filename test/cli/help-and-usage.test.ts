// CLI usage, in-process: --help on every registered command exits 0 and lists its options; usage
// mistakes exit 1 with a one-line reason and no stack trace.

import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/run.js';
import { cli, STACK_FRAME } from '../support/cli.js';

const silent = { out: () => undefined, err: () => undefined, errIsTty: false };
const commands = buildProgram(silent).commands;

describe('--help', () => {
  it('registers at least validate, graph and simulate', () => {
    expect(commands.map((c) => c.name())).toEqual(expect.arrayContaining(['validate', 'graph', 'simulate']));
  });

  it('on the program lists every command', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    for (const command of commands) expect(run.out).toContain(command.name());
  });

  it.each(commands.map((c) => c.name()))('on `%s` exits 0 and mentions each of its options', async (name) => {
    const run = await cli([name, '--help']);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`Usage: indepth ${name}`);
    const command = commands.find((c) => c.name() === name)!;
    for (const option of command.options.filter((o) => !o.hidden)) expect(run.out).toContain(option.long!);
  });

  it.each(commands.map((c) => c.name()))('on `%s` shows an example and no empty or repeated default', async (name) => {
    const help = (await cli([name, '--help'])).out;
    expect(help).toMatch(/\nExamples?:\n  indepth /);
    expect(help).not.toContain('(default: [])');
    for (const line of help.split('\n')) expect(line.match(/default/gi)?.length ?? 0, line).toBeLessThanOrEqual(1);
  });

  it('documents the options the issue names', async () => {
    expect((await cli(['graph', '--help'])).out).toContain('--json');
    const simulate = (await cli(['simulate', '--help'])).out;
    for (const flag of ['--scenario', '--from', '--fail', '--control', '--json']) expect(simulate).toContain(flag);
  });

  it('--version exits 0', async () => {
    const run = await cli(['--version']);
    expect(run.code).toBe(0);
    expect(run.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('usage mistakes exit 1', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown command', ['frobnicate'], /unknown command/],
    ['a missing model argument', ['simulate'], /missing required argument/],
    ['an unknown option', ['simulate', 'models/cross-org-shared.yaml', '--bogus'], /unknown option/],
    ['no foothold', ['simulate', 'models/cross-org-shared.yaml'], /no foothold/],
    ['an unknown foothold flag', ['simulate', 'models/cross-org-shared.yaml', '--from', 'mallry'], /--from: unknown foothold `mallry` \(did you mean `mallory`\?\)/],
    ['an unknown failure flag', ['simulate', 'models/cross-org-shared.yaml', '--from', 'mallory', '--fail', 'kernal'], /did you mean `kernel`/],
    ['an unknown control', ['simulate', 'models/cross-org-shared.yaml', '--from', 'mallory', '--control', 'reverseConect=off'], /unknown control `reverseConect`/],
    ['a control without a value', ['simulate', 'models/cross-org-shared.yaml', '--from', 'mallory', '--control', 'reverseConnect'], /expected `on` or `off`/],
    ['a control with two values', ['simulate', 'models/cross-org-shared.yaml', '--from', 'mallory', '--control', 'reverseConnect=on=off'], /expected `on` or `off`/],
  ];
  it.each(cases)('%s', async (_name, argv, message) => {
    const run = await cli(argv);
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err).toMatch(message);
    expect(run.err).not.toMatch(STACK_FRAME);
  });
});
