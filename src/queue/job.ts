// The job contract between `--queue` commands and `indepth worker`: one job is one independent
// depth pass, named by (indepth version, model content hash, question, unit of work), and its
// result is the same plain JSON value the local worker-thread pool returns for that unit.

import { createHash } from 'node:crypto';
import { isControlName, type ControlName } from '../domain/controls.js';

/** The BullMQ queue every indepth command and worker shares (keys are prefixed `bull:indepth:`). */
export const QUEUE_NAME = 'indepth';

/** What a job asks about its model; the job's `unit` says which part. */
export type QueueQuestion =
  | {
      /** One attacker organization's row of the leakage matrix (`attackerLeakage`); unit: the organization. */
      readonly kind: 'matrix';
      readonly controls: Partial<Record<ControlName, boolean>>;
    }
  | {
      /**
       * Rows of a by-instance sweep (`sweepRows`) from these footholds; unit: the failure sets, a JSON
       * array of arrays of boundary instance ids.
       */
      readonly kind: 'sweep';
      readonly from: readonly string[];
      readonly order: number;
      readonly controls: Partial<Record<ControlName, boolean>>;
    };

export interface QueueJobData {
  /** The indepth version that enqueued the job; a worker of another version refuses it. */
  readonly version: string;
  /** SHA-256 (hex) of the model text, stored once under `modelKey(model)`. */
  readonly model: string;
  readonly question: QueueQuestion;
  /** The unit of work within the question (see QueueQuestion). */
  readonly unit: string;
}

/** Content address of a model text: the SHA-256 of its UTF-8 bytes, hex. */
export function modelHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Redis key of a model text; the text is written once per content, whatever the number of jobs. */
export function modelKey(hash: string): string {
  return `indepth:model:sha256:${hash}`;
}

/** How long a stored model text outlives its last enqueue (seconds): long enough for any run. */
export const MODEL_TTL_SECONDS = 7 * 24 * 3600;

/** Job ids: the run, then the unit's index (BullMQ forbids `:` in custom ids). */
export function jobId(run: string, index: number): string {
  return `${run}-${index}`;
}

/** The message a worker fails a job with when its version differs: shown by the enqueuing command. */
export function versionRefusal(workerVersion: string, jobVersion: string): string {
  return `a worker running indepth ${workerVersion} refused a job of indepth ${jobVersion}: run workers of the same version as the command`;
}

/** Reads untrusted job data (any client can write to the queue); undefined when it is not a job of ours. */
export function readJobData(data: unknown): QueueJobData | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as Record<string, unknown>;
  const question = d['question'] as Record<string, unknown> | undefined;
  if (typeof d['version'] !== 'string' || typeof d['model'] !== 'string' || !/^[0-9a-f]{64}$/.test(d['model'])) return undefined;
  if (typeof d['unit'] !== 'string' || typeof question !== 'object' || question === null) return undefined;
  if (question['kind'] === 'sweep') {
    const from = question['from'];
    if (!Array.isArray(from) || !from.every((f) => typeof f === 'string') || !Number.isInteger(question['order'])) return undefined;
  } else if (question['kind'] !== 'matrix') return undefined;
  const controls = question['controls'];
  if (typeof controls !== 'object' || controls === null || Array.isArray(controls)) return undefined;
  if (!Object.entries(controls).every(([name, on]) => isControlName(name) && typeof on === 'boolean')) return undefined;
  return data as QueueJobData;
}
