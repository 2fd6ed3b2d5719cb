// `indepth worker`: takes jobs from the shared BullMQ queue, one at a time, and answers each with
// the same pure pass the local run uses. The model text comes from Redis by content hash and is
// prepared once per model; the pass runs on a thread of its own so job locks keep being renewed.

import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { JobInputError, type JobResult } from './execute.js';
import { createExecutor } from './executor.js';
import { modelHash, modelKey, QUEUE_NAME, readJobData, readPassUnit, versionRefusal, type QueueJobData } from './job.js';
import type { RedisTarget } from './redis-url.js';

export interface WorkerSettings {
  readonly target: RedisTarget;
  /** The job version this worker answers (engine-version.ts's jobVersion); it refuses jobs of any other. */
  readonly version: string;
  /**
   * How long a job stays locked without renewal (ms): a worker that dies mid-job gives its job back
   * after at most this plus `stalledIntervalMs`. Renewed every half of it while the job runs.
   */
  readonly lockDurationMs: number;
  /** How often this worker looks for stalled jobs of dead workers (ms). */
  readonly stalledIntervalMs: number;
  /** One line per event, without a newline: `job` for each job done, `event` for everything else. */
  readonly log: (line: string, kind: 'job' | 'event') => void;
}

export interface RunningWorker {
  /** Stops taking jobs; waits for the current one unless `force`. */
  close(force?: boolean): Promise<void>;
}

/** How many times a job may be given back by dying workers before it fails (a job that kills workers). */
const MAX_STALLED = 3;

export async function startWorker(settings: WorkerSettings): Promise<RunningWorker> {
  const { target, version } = settings;
  const log = (line: string) => settings.log(line, 'event');
  const connection = new Redis(target.url, { maxRetriesPerRequest: null });
  const store = new Redis(target.url, { maxRetriesPerRequest: null });
  let down = false;
  const onError = (error: Error) => {
    if (down) return;
    down = true;
    log(`lost Redis at ${target.display} (${error.message}); reconnecting`);
  };
  const onReady = () => {
    if (!down) return;
    down = false;
    log(`reconnected to Redis at ${target.display}`);
  };
  for (const client of [connection, store]) client.on('error', onError).on('ready', onReady);

  const executor = createExecutor();
  const processor = async (job: Job): Promise<JobResult> => {
    const data = readJobData(job.data);
    if (data === undefined) throw new UnrecoverableError('not an indepth job (malformed job data)');
    if (data.version !== version) {
      const refusal = versionRefusal(version, data.version);
      log(`job ${job.id}: refused: ${refusal}`);
      throw new UnrecoverableError(refusal);
    }
    const started = Date.now();
    try {
      if (executor.loaded !== data.model) {
        const text = await store.get(modelKey(data.model));
        if (text === null) throw new JobInputError(`model ${data.model.slice(0, 12)} is not in Redis (expired or flushed): run the command again`);
        if (modelHash(text) !== data.model) throw new JobInputError(`the text stored for model ${data.model.slice(0, 12)} does not have that hash`);
        log(`loading model ${data.model.slice(0, 12)}`);
        await executor.load(data.model, text);
      }
      const result = await executor.answer(data);
      settings.log(`job ${job.id}: ${describeJob(data)} on model ${data.model.slice(0, 12)} in ${Date.now() - started} ms`, 'job');
      return result;
    } catch (error) {
      if (error instanceof JobInputError) {
        log(`job ${job.id}: failed: ${error.message}`);
        throw new UnrecoverableError(error.message);
      }
      throw error;
    }
  };

  const worker = new Worker(QUEUE_NAME, processor, {
    connection,
    concurrency: 1,
    lockDuration: settings.lockDurationMs,
    stalledInterval: settings.stalledIntervalMs,
    maxStalledCount: MAX_STALLED,
    autorun: false,
  });
  worker.on('error', (error) => onError(error));
  worker.on('stalled', (id) => log(`job ${id}: its worker stopped answering; given back to the queue`));
  worker.on('failed', (job, error) => {
    if (job !== undefined && !(error instanceof UnrecoverableError)) log(`job ${job.id}: failed: ${error.message}`);
  });
  void worker.run().catch((error: unknown) => log(`worker stopped: ${error instanceof Error ? error.message : String(error)}`));
  await worker.waitUntilReady();
  log(`indepth ${version} worker on ${target.display}, queue \`${QUEUE_NAME}\`: waiting for jobs`);

  return {
    async close(force = false) {
      await worker.close(force);
      await executor.close();
      connection.disconnect();
      store.disconnect();
    },
  };
}

/** A job in a log line: `pass fabrikam`, `pass fabrikam:admins`, `sweep of 12 failure sets`. */
function describeJob(data: QueueJobData): string {
  if (data.question.kind === 'pass') return `pass ${(readPassUnit(data.unit)?.attacker ?? '?').replaceAll('\u0000', ',')}`;
  const sets = (JSON.parse(data.unit) as unknown[]).length;
  return `sweep of ${sets} failure ${sets === 1 ? 'set' : 'sets'}`;
}
