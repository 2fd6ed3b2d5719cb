// The `--queue redis://HOST:PORT` option shared by matrix (and later check and sweep): runs the
// command's units on `indepth worker` processes through Redis instead of local threads, with the
// same progress bar, notices on stderr, and a CliError when the run cannot finish.

import type { Command } from 'commander';
import type { JobResultOf } from '../queue/execute.js';
import type { QueueQuestion } from '../queue/job.js';
import { parseRedisUrl, type RedisTarget } from '../queue/redis-url.js';
import { CliError, type CliIo } from './io.js';
import type { Progress } from './progress.js';

export const QUEUE_OPTION_HELP = 'run the passes on `indepth worker` processes through this Redis (redis://HOST:PORT); same output as the local run';

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

export interface QueuedUnits<Q extends QueueQuestion> {
  readonly target: RedisTarget;
  readonly version: string;
  readonly modelText: string;
  readonly question: Q;
  readonly units: readonly string[];
}

/** Runs the units on the queue, showing progress as results arrive; errors become CliErrors. */
export async function runUnitsOnQueue<Q extends QueueQuestion>(io: CliIo, bar: Progress, run: QueuedUnits<Q>): Promise<JobResultOf<Q>[]> {
  // Loaded lazily: local runs never load the Redis client.
  const { QueueRunError, runOnQueue } = await import('../queue/enqueue.js');
  try {
    return await runOnQueue({
      ...run,
      onProgress: (done, total) => bar.update(done, total),
      onNotice: (text) => {
        bar.end();
        io.err(`indepth: ${text}\n`);
      },
    });
  } catch (error) {
    if (error instanceof QueueRunError) throw new CliError(error.message);
    throw error;
  }
}
