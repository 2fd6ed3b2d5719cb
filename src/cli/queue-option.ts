// The `--queue redis://HOST:PORT` option of matrix, compare, check and sweep: runs the command's
// passes on `indepth worker` processes through Redis instead of local threads, with the same
// progress bar, notices on stderr, Ctrl-C removing the waiting jobs, and a CliError when the run
// cannot finish.

import type { Command } from 'commander';
import type { PassRunner } from '../parallel/pass-runner.js';
import type { JobResultOf } from '../queue/execute.js';
import type { QueueQuestion } from '../queue/job.js';
import { parseRedisUrl, type RedisTarget } from '../queue/redis-url.js';
import { CliError, type CliIo } from './io.js';
import type { Progress } from './progress.js';

export const QUEUE_OPTION_HELP = 'run the passes on `indepth worker` processes through this Redis (redis://HOST:PORT); same output as the local run';

/** Exit status of a command interrupted by Ctrl-C (128 + SIGINT), as shells report it. */
export const EXIT_INTERRUPTED = 130;

/** The parsed `--queue` target, or undefined when the option is absent; a bad URL adds a problem. */
export function parseQueueOption(text: string | undefined, problems: string[]): RedisTarget | undefined {
  if (text === undefined) return undefined;
  const parsed = parseRedisUrl(text);
  if (!parsed.ok) {
    problems.push(parsed.problem);
    return undefined;
  }
  return parsed.target;
}

/** Whether the user gave an option on the command line (not its default). */
export function givenOnCommandLine(command: Command, option: string): boolean {
  return command.getOptionValueSource(option) === 'cli';
}

/** The usage problem of giving both --jobs and --queue, if the user did. */
export function jobsWithQueue(command: Command, queue: string | undefined, problems: string[]): void {
  if (queue !== undefined && givenOnCommandLine(command, 'jobs')) problems.push('--jobs and --queue: give one (--queue runs on the workers, --jobs on local threads)');
}

export interface QueuedModel {
  readonly target: RedisTarget;
  /** indepth's package version; the job version adds the engine's hash (engine-version.ts). */
  readonly version: string;
  /** The model file's text, exactly as loaded. */
  readonly modelText: string;
}

export interface QueuedUnits<Q extends QueueQuestion> extends QueuedModel {
  readonly question: Q;
  readonly units: readonly string[];
}

/** Runs the units on the queue, showing progress as results arrive; errors become CliErrors. */
export async function runUnitsOnQueue<Q extends QueueQuestion>(io: CliIo, bar: Progress, run: QueuedUnits<Q>): Promise<JobResultOf<Q>[]> {
  // Loaded lazily: local runs never load the Redis client.
  const [{ runOnQueue }, { jobVersion }] = await Promise.all([import('../queue/enqueue.js'), import('../queue/engine-version.js')]);
  return interruptible(io, bar, (signal) =>
    runOnQueue({ ...run, version: jobVersion(run.version), ...reporting(io, bar), signal }),
  );
}

/** A PassRunner on the queue for one model (`nodeIds`: its compiled node ids), for `prefetch` and compare. */
export async function queuedRunner(io: CliIo, bar: Progress, model: QueuedModel & { readonly nodeIds: readonly string[] }): Promise<PassRunner> {
  const [{ queuedPassRunner }, { jobVersion }] = await Promise.all([import('../queue/queued-passes.js'), import('../queue/engine-version.js')]);
  return (input, recipe, tasks, onProgress) =>
    interruptible(io, bar, (signal) => {
      const runner = queuedPassRunner({ ...model, version: jobVersion(model.version), onNotice: reporting(io, bar).onNotice, signal });
      return runner(input, recipe, tasks, onProgress ?? ((done, total) => bar.update(done, total)));
    });
}

function reporting(io: CliIo, bar: Progress) {
  return {
    onProgress: (done: number, total: number) => bar.update(done, total),
    onNotice: (text: string) => {
      bar.end();
      io.err(`indepth: ${text}\n`);
    },
  };
}

/**
 * Runs queue work with Ctrl-C (SIGINT) bound for its duration: the first removes the run's waiting
 * jobs and fails the command with EXIT_INTERRUPTED, saying what was removed; a second exits at once.
 */
async function interruptible<T>(io: CliIo, bar: Progress, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const { QueueInterrupted, QueueRunError } = await import('../queue/enqueue.js');
  const controller = new AbortController();
  const onSigint = () => {
    bar.end();
    if (controller.signal.aborted) {
      io.err('indepth: interrupted again: exiting now; jobs not yet removed expire after 7 days\n');
      // Die of SIGINT as a process without a handler does (the shell reports 130).
      process.off('SIGINT', onSigint);
      process.kill(process.pid, 'SIGINT');
      return;
    }
    io.err('indepth: interrupted: removing this run\u2019s waiting jobs from the queue (Ctrl-C again to exit at once)\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    return await work(controller.signal);
  } catch (error) {
    if (error instanceof QueueInterrupted) throw new CliError(error.message, EXIT_INTERRUPTED);
    if (error instanceof QueueRunError) throw new CliError(error.message);
    throw error;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
