// Processes the queue tests start (the transpiled CLI: workers and queued commands), with their
// output captured, and waits on what they log.

import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT } from '../support/model.js';

export interface Spawned {
  readonly child: ChildProcess;
  out: string;
  err: string;
  /** The exit code, or the signal's name when a signal ended it. */
  readonly exited: Promise<number | string | null>;
}

export function start(main: string, argv: readonly string[]): Spawned {
  const child = spawn(process.execPath, [main, ...argv], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const spawned: Spawned = { child, out: '', err: '', exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal))) };
  child.stdout!.setEncoding('utf8').on('data', (text: string) => (spawned.out += text));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (spawned.err += text));
  return spawned;
}

/** Resolves once the process's stderr matches `pattern` (rejects if it exits first). */
export async function waitFor(process: Spawned, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!pattern.test(process.err)) {
    if (process.child.exitCode !== null) throw new Error(`exited (${process.child.exitCode}) before ${pattern}: ${process.err}`);
    if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}: ${process.err}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Attackers whose pass a worker's log reports as answered (`job …: pass fabrikam on model …`). */
export function answered(log: string): string[] {
  return [...log.matchAll(/: pass (\S+) on model/g)].map((m) => m[1]!);
}
