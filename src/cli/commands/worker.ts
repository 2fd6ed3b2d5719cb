// `indepth worker --queue redis://HOST:PORT`: a long-running process that answers the jobs
// `matrix`, `compare`, `check` and `sweep` enqueue with `--queue`, until Ctrl-C / SIGTERM (which let the current job finish; a second one
// stops at once, and the job goes back to the queue).

import type { Command } from 'commander';
import { CliError, type CliIo } from '../io.js';
import { parseIntegerOption, quietOption } from '../options.js';
import { parseQueueOption } from '../queue-option.js';

interface WorkerOptions {
  queue?: string;
  lockDuration: string;
  stalledInterval: string;
  quiet?: boolean;
}

export function registerWorker(program: Command, io: CliIo): void {
  program
    .command('worker')
    .description('run queued work (from `matrix`, `compare`, `check` or `sweep` with `--queue`) on this machine until stopped; start one per core, on as many machines as you like')
    .requiredOption('--queue <url>', 'the Redis the commands enqueue on (redis://HOST:PORT[/DB], rediss:// for TLS)')
    .option('--lock-duration <ms>', 'a job whose worker dies goes back to the queue after about this long plus --stalled-interval', '30000')
    .option('--stalled-interval <ms>', 'how often to look for jobs of dead workers', '30000')
    .addOption(quietOption('no log line per job (errors and connection changes are still logged)'))
    .addHelpText(
      'after',
      [
        '',
        'The worker must run the same indepth build as the command: a job carries the version and a hash of',
        'the engine\u2019s code, and a worker whose engine differs refuses it (the command fails saying so).',
        'It needs no model files: models travel through Redis, stored once by content hash.',
        '',
        'Example:',
        '  indepth worker --queue redis://10.0.0.5:6379 &',
        '  indepth matrix big.yaml --queue redis://10.0.0.5:6379',
      ].join('\n'),
    )
    .action(async (options: WorkerOptions, self: Command) => {
      const problems: string[] = [];
      const target = parseQueueOption(options.queue, problems);
      const lockDurationMs = parseIntegerOption('--lock-duration', options.lockDuration, 1000, 3_600_000, problems);
      const stalledIntervalMs = parseIntegerOption('--stalled-interval', options.stalledInterval, 1000, 3_600_000, problems);
      if (problems.length > 0 || target === undefined) throw new CliError(problems.join('\nindepth: '));

      const [{ startWorker }, { jobVersion }] = await Promise.all([import('../../queue/worker.js'), import('../../queue/engine-version.js')]);
      const version = jobVersion(self.parent?.version() ?? '0.0.0');
      const log = (line: string, kind: 'job' | 'event' = 'event') => {
        if (options.quiet === true && kind === 'job') return;
        io.err(`${new Date().toISOString()} indepth worker: ${line}\n`);
      };
      const worker = await startWorker({ target, version, lockDurationMs, stalledIntervalMs, log });
      await new Promise<void>((resolve) => {
        let stopping = false;
        const stop = (signal: NodeJS.Signals) => {
          if (stopping) {
            log(`${signal} again: stopping now; the current job goes back to the queue`);
            void worker.close(true).then(resolve);
            return;
          }
          stopping = true;
          log(`${signal}: finishing the current job, then stopping (${signal} again to stop now)`);
          void worker.close().then(resolve);
        };
        process.on('SIGINT', stop).on('SIGTERM', stop);
      });
      log('stopped');
    });
}
