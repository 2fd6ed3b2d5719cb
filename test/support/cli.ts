// Runs the CLI in-process with captured output, from the repository root so relative paths in
// arguments (and in the messages that echo them) read the same on every machine.

import { runCli } from '../../src/cli/run.js';
import type { CliIo } from '../../src/cli/io.js';
import { ROOT } from './model.js';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function cli(argv: readonly string[]): Promise<CliRun> {
  if (`${process.cwd()}/` !== ROOT) process.chdir(ROOT);
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    errIsTty: false,
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

/** A stack frame line, which user-facing output must never contain. */
export const STACK_FRAME = /at .*\(.*:\d+:\d+\)/;
