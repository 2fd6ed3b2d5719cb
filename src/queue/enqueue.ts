// The enqueuing side of `--queue`: stores the model text once (content-addressed), adds one job per
// unit, and collects the results into an array in unit order — the same array the local pool
// returns, so the command's reduction and output are unchanged. Jobs lost by a Redis restart are
// enqueued again; a failed job, a refusing worker or Redis gone for too long fail the command; an
// interrupted run (Ctrl-C) removes its jobs that no worker has taken.

import { randomUUID } from 'node:crypto';
import { Queue, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { answersJob, type JobResultOf } from './execute.js';
import { jobId, MODEL_TTL_SECONDS, modelHash, modelKey, QUEUE_NAME, readPassUnit, type QueueJobData, type QueueQuestion } from './job.js';
import type { RedisTarget } from './redis-url.js';

export interface QueueRun<Q extends QueueQuestion = QueueQuestion> {
  readonly target: RedisTarget;
  /** The enqueuing indepth's version: workers of another version refuse the jobs. */
  readonly version: string;
  /** The model file's text, exactly as loaded. */
  readonly modelText: string;
  readonly question: Q;
  /** One job per unit (attacker organization), results in this order. */
  readonly units: readonly string[];
  readonly onProgress?: (done: number, total: number) => void;
  /** Things the user should know while waiting (no worker connected, Redis lost and back). */
  readonly onNotice?: (text: string) => void;
  /** Give up when Redis has not answered for this long (ms). */
  readonly redisTimeoutMs?: number;
  /** Aborting it (Ctrl-C) removes the jobs no worker has taken and rejects with QueueInterrupted. */
  readonly signal?: AbortSignal;
}

/** The run could not produce a result: the message says why and what to do. */
export class QueueRunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueRunError';
  }
}

/** The run was interrupted: its waiting jobs were removed (`removed`), `running` ones were being answered. */
export class QueueInterrupted extends Error {
  constructor(
    readonly removed: number,
    readonly running: number,
  ) {
    super(
      `interrupted: removed ${removed} waiting ${removed === 1 ? 'job' : 'jobs'} from the queue` +
        (running === 0 ? '' : `; ${running} already running on workers will finish, unread (their results expire after 7 days)`),
    );
    this.name = 'QueueInterrupted';
  }
}

const CONNECT_TIMEOUT_MS = 10_000;
const DEFAULT_REDIS_TIMEOUT_MS = 60_000;
const IDLE_NOTICE_MS = 10_000;

/** Runs every unit on the queue's workers; resolves to their results in `units` order. */
export async function runOnQueue<Q extends QueueQuestion>(run: QueueRun<Q>): Promise<JobResultOf<Q>[]> {
  const { target, units } = run;
  const notice = run.onNotice ?? (() => {});
  const client = new Redis(target.url, { maxRetriesPerRequest: null, lazyConnect: true });
  let lastError = '';
  let connected = false;
  let closing = false;
  client.on('error', (error: Error) => {
    lastError = error.message;
  });
  client.on('close', () => {
    if (!connected || closing) return;
    connected = false;
    notice(`lost Redis at ${target.display}${lastError === '' ? '' : ` (${lastError})`}; reconnecting, the results so far are kept`);
  });
  client.on('ready', () => {
    if (lastError !== '' && !connected) notice(`reconnected to Redis at ${target.display}`);
    connected = true;
  });

  try {
    const unreachable = (why: string) => `cannot reach Redis at ${target.display}${why === '' ? '' : `: ${why}`}`;
    const reachable = client.connect().then(
      () => client.ping(),
      (error: unknown) => {
        throw new QueueRunError(unreachable(lastError !== '' ? lastError : error instanceof Error ? error.message : String(error)));
      },
    );
    await deadline(reachable, CONNECT_TIMEOUT_MS, () => unreachable(lastError));
  } catch (error) {
    closing = true;
    client.disconnect();
    throw error;
  }
  const queue = new Queue(QUEUE_NAME, { connection: client });
  // Connection errors reach the user once, as a notice and the deadline's message, never as a stack.
  queue.on('error', () => {});
  try {
    return await collect(run, client, queue, () => lastError);
  } finally {
    closing = true;
    await queue.close().catch(() => {});
    client.disconnect();
  }
}

async function collect<Q extends QueueQuestion>(run: QueueRun<Q>, client: Redis, queue: Queue, lastError: () => string): Promise<JobResultOf<Q>[]> {
  const { target, units, question, version } = run;
  const notice = run.onNotice ?? (() => {});
  const progress = run.onProgress ?? (() => {});
  const redisTimeout = run.redisTimeoutMs ?? DEFAULT_REDIS_TIMEOUT_MS;
  const hash = modelHash(run.modelText);
  const key = modelKey(hash);
  const runId = randomUUID();
  const ids = units.map((_, i) => jobId(runId, i));
  const keep = { age: MODEL_TTL_SECONDS };
  const jobOf = (i: number) => ({
    name: question.kind,
    data: { version, model: hash, question, unit: units[i]! } satisfies QueueJobData,
    opts: { jobId: ids[i]!, attempts: 1, removeOnComplete: keep, removeOnFail: keep },
  });
  const storeModel = () => client.set(key, run.modelText, 'EX', MODEL_TTL_SECONDS);

  const results = new Array<JobResultOf<Q> | undefined>(units.length);
  const pending = new Set(units.map((_, i) => i));
  const lostRedis = () => `Redis at ${target.display} did not answer for ${Math.round(redisTimeout / 1000)} s${lastError() === '' ? '' : ` (${lastError()})`}; no output written`;
  const withDeadline = <T>(work: Promise<T>) => deadline(work, redisTimeout, lostRedis);

  try {
    await withDeadline(storeModel());
    await withDeadline(queue.addBulk(units.map((_, i) => jobOf(i))));
    progress(0, units.length);
    let lastProgress = Date.now();
    let warnedIdle = false;
    while (pending.size > 0) {
      await sleep(500 + 2 * pending.size, run.signal);
      if (run.signal?.aborted === true) throw await interrupted(queue, ids, pending);
      const lost: number[] = [];
      const before = pending.size;
      await withDeadline(
        inBatches([...pending], 64, async (i) => {
          const job = (await queue.getJob(ids[i]!)) as Job | undefined;
          if (job === undefined) {
            lost.push(i);
            return;
          }
          if (job.finishedOn === undefined) return;
          if (job.failedReason !== undefined && job.failedReason !== '') {
            throw new QueueRunError(`the job of ${describeUnit(question, units[i]!)} failed: ${job.failedReason}`);
          }
          const value: unknown = job.returnvalue;
          if (!answersJob(jobOf(i).data, value)) throw new QueueRunError(`a worker returned a malformed result for the job of ${describeUnit(question, units[i]!)}`);
          results[i] = value as JobResultOf<Q>;
          pending.delete(i);
        }),
      );
      if (lost.length > 0) {
        // Redis restarted without persistence, or was flushed: the model text may be gone too.
        notice(`${lost.length} ${lost.length === 1 ? 'job was' : 'jobs were'} lost by Redis (restarted or flushed?); enqueued again`);
        await withDeadline(storeModel());
        await withDeadline(queue.addBulk(lost.map(jobOf)));
      } else if ((await withDeadline(client.exists(key))) === 0) {
        await withDeadline(storeModel());
      }
      if (pending.size < before) {
        progress(units.length - pending.size, units.length);
        lastProgress = Date.now();
        warnedIdle = false;
      } else if (!warnedIdle && Date.now() - lastProgress > IDLE_NOTICE_MS) {
        warnedIdle = true;
        const workers = await withDeadline(queue.getWorkersCount());
        notice(
          workers === 0
            ? `no indepth worker is connected to ${target.display}: start some with \`indepth worker --queue ${target.display}\``
            : `waiting for ${pending.size} of ${units.length} jobs (${workers} ${workers === 1 ? 'worker' : 'workers'} connected)`,
        );
      }
    }
  } catch (error) {
    if (error instanceof QueueInterrupted) throw error;
    // Leave no work behind for the workers: remove the jobs not yet taken (best effort).
    await deadline(Promise.all([...pending].map((i) => queue.remove(ids[i]!).catch(() => 0))), 5_000, () => '').catch(() => {});
    throw error;
  }
  // Collected: the jobs have served their purpose.
  await deadline(Promise.all(ids.map((id) => queue.remove(id).catch(() => 0))), 5_000, () => '').catch(() => {});
  return results as JobResultOf<Q>[];
}

/**
 * Removes every job of the run a worker has not taken (and the results already in); the ones being
 * answered are locked by their workers and stay until they finish (then expire with their result).
 */
async function interrupted(queue: Queue, ids: readonly string[], pending: ReadonlySet<number>): Promise<QueueInterrupted> {
  let removed = 0;
  let running = 0;
  await inBatches([...ids.keys()], 64, async (i) => {
    const gone = await queue.remove(ids[i]!).catch(() => 0);
    if (!pending.has(i)) return;
    if (gone === 1) removed++;
    else if ((await queue.getJob(ids[i]!)) !== undefined) running++;
  });
  return new QueueInterrupted(removed, running);
}

/** A unit as the user knows it: the attacker, or how many failure sets. */
function describeUnit(question: QueueQuestion, unit: string): string {
  if (question.kind === 'pass') return `attacker ${readPassUnit(unit)?.attacker.replaceAll('\u0000', ', ') ?? '?'}`;
  const sets = (JSON.parse(unit) as unknown[]).length;
  return `${sets} failure ${sets === 1 ? 'set' : 'sets'}`;
}

async function inBatches<T>(items: readonly T[], size: number, each: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(each));
}

/** Waits `ms`, or less when the signal aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

function deadline<T>(work: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QueueRunError(message())), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
