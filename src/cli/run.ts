// The CLI as a function: argv in, text out through CliIo, exit code back. main.ts binds it to the
// process; tests call it directly.

import { Command, CommanderError, Help, type Option } from 'commander';
import { InputError, formatIssue } from '../model/issues.js';
import { registerCheck } from './commands/check.js';
import { registerCompare } from './commands/compare.js';
import { registerDepth } from './commands/depth.js';
import { registerExport } from './commands/export.js';
import { registerDiagram } from './commands/diagram.js';
import { registerGenerate } from './commands/generate.js';
import { registerGraph } from './commands/graph.js';
import { registerMatrix } from './commands/matrix.js';
import { registerSimulate } from './commands/simulate.js';
import { registerSweep } from './commands/sweep.js';
import { registerValidate } from './commands/validate.js';
import { registerView } from './commands/view.js';
import { registerRisk } from './commands/risk.js';
import { registerRecommend } from './commands/recommend.js';
import { registerReport } from './commands/report.js';
import { registerImport } from './commands/import.js';
import { registerWorker } from './commands/worker.js';
import { CliError, EXIT_BROKEN_PIPE, EXIT_CANNOT_WRITE, OutputError, type CliIo } from './io.js';
import { terminalSafe } from '../domain/terminal-safe.js';

export type CommandRegistrar = (program: Command, io: CliIo) => void;

const COMMANDS: readonly CommandRegistrar[] = [registerValidate, registerGraph, registerSimulate, registerDepth, registerSweep, registerCompare, registerMatrix, registerGenerate, registerCheck, registerExport, registerDiagram, registerView, registerRisk, registerRecommend, registerReport, registerWorker, registerImport];

export const VERSION = '0.1.0';

export function buildProgram(io: CliIo): Command {
  const program = new Command('indepth')
    .description(
      'Threat-model simulation for multi-organization virtual desktop deployments: derive the security-boundary ' +
        'graph of a deployment model, then ask what an attacker reaches when given boundaries fail.',
    )
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride();
  for (const register of COMMANDS) register(program, io);
  for (const command of [program, ...program.commands]) {
    command.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) }).configureHelp({ optionDescription });
  }
  return program;
}

/**
 * An option's help line: commander's, without a default that says nothing (`(default: [])` of a
 * repeatable flag) or repeats the description (one that already tells its default).
 */
function optionDescription(this: Help, option: Option): string {
  const empty = Array.isArray(option.defaultValue) && option.defaultValue.length === 0;
  if (empty || /\bdefault\b/i.test(option.description)) return option.description;
  return Help.prototype.optionDescription.call(this, option);
}

/**
 * Runs one command line; resolves to the exit code: 0 ok, 1 bad input or findings, 2 an output that
 * cannot be written, 141 standard output's reader went away (quietly), 70 internal error.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version "errors" are successful exits; usage errors were already printed.
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 1;
    }
    if (error instanceof InputError) {
      io.err(error.issues.map((i) => `${formatIssue(i)}\n`).join(''));
      return 1;
    }
    if (error instanceof OutputError) {
      if (error.code === 'EPIPE' && error.target === 'standard output') return EXIT_BROKEN_PIPE;
      io.err(`indepth: ${terminalSafe(error.message)}\n`);
      return EXIT_CANNOT_WRITE;
    }
    if (error instanceof CliError) {
      io.err(error.issues.map((i) => `${formatIssue(i)}\n`).join(''));
      // An empty message: the command already said why (e.g. `check`'s verdict ends its report).
      if (error.message !== '') io.err(`indepth: ${terminalSafe(error.message)}\n`);
      return error.exitCode;
    }
    const message = terminalSafe(error instanceof Error ? error.message : String(error));
    io.err(`indepth: internal error: ${message}\n(please report it with the command line and input; set INDEPTH_DEBUG=1 for a stack trace)\n`);
    if (process.env.INDEPTH_DEBUG === '1' && error instanceof Error && error.stack !== undefined) io.err(`${error.stack}\n`);
    return 70;
  }
}
