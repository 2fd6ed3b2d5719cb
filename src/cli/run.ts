// The CLI as a function: argv in, text out through CliIo, exit code back. main.ts binds it to the
// process; tests call it directly.

import { Command, CommanderError } from 'commander';
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
import { registerImport } from './commands/import.js';
import { registerWorker } from './commands/worker.js';
import { CliError, type CliIo } from './io.js';

export type CommandRegistrar = (program: Command, io: CliIo) => void;

const COMMANDS: readonly CommandRegistrar[] = [registerValidate, registerGraph, registerSimulate, registerDepth, registerSweep, registerCompare, registerMatrix, registerGenerate, registerCheck, registerExport, registerDiagram, registerView, registerRisk, registerRecommend, registerWorker, registerImport];

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
  for (const command of program.commands) {
    command.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  }
  return program;
}

/** Runs one command line; resolves to the exit code (0 ok, 1 bad input or findings, 70 internal error). */
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
    if (error instanceof CliError) {
      io.err(error.issues.map((i) => `${formatIssue(i)}\n`).join(''));
      io.err(`indepth: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`indepth: internal error: ${message}\n(please report it with the command line and input; set INDEPTH_DEBUG=1 for a stack trace)\n`);
    if (process.env.INDEPTH_DEBUG === '1' && error instanceof Error && error.stack !== undefined) io.err(`${error.stack}\n`);
    return 70;
  }
}
