// The job contract between `--queue` commands and `indepth worker`: one job is one independent
// depth pass, named by (indepth version and engine hash, model content hash, question, unit of
// work); its result is the pass the local worker-thread pool computes for that unit, as plain JSON.

import { createHash } from 'node:crypto';
import { isControlName, type ControlName } from '../domain/controls.js';
import type { PassInputRecipe } from '../parallel/pass-runner.js';

/** The BullMQ queue every indepth command and worker shares (keys are prefixed `bull:indepth:`). */
export const QUEUE_NAME = 'indepth';

/** What a job asks about its model; the job's `unit` says which part. */
export type QueueQuestion =
  | {
      /**
       * One attacker pass (`attackerPass`) over the pass input the recipe builds (matrix, compare,
       * check); unit: a PassUnit as JSON. Result: the pass, encoded (pass-codec.ts).
       */
      readonly kind: 'pass';
      readonly recipe: PassInputRecipe;
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

/** The unit of a `pass` job: the attacker's name, its foothold nodes (compiled node ids) and the task's bound (PassTask.below). */
export interface PassUnit {
  readonly attacker: string;
  readonly sources: readonly string[];
  readonly below?: number;
}

/** The unit of a pass job, read back; undefined when it is not one. */
export function readPassUnit(unit: string): PassUnit | undefined {
  let value: unknown;
  try {
    value = JSON.parse(unit);
  } catch {
    return undefined;
  }
  const u = value as Record<string, unknown> | null;
  if (typeof u !== 'object' || u === null || typeof u['attacker'] !== 'string') return undefined;
  const sources = u['sources'];
  if (!Array.isArray(sources) || !sources.every((s) => typeof s === 'string')) return undefined;
  const below = u['below'];
  if (below === undefined) return { attacker: u['attacker'], sources };
  return Number.isSafeInteger(below) && (below as number) >= 1 ? { attacker: u['attacker'], sources, below: below as number } : undefined;
}

export interface QueueJobData {
  /** The job version (engine-version.ts: indepth's version and its engine's hash); a worker of another one refuses it. */
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
  return `a worker running indepth ${workerVersion} refused a job of indepth ${jobVersion}: its engine may compute other answers; run workers of the same indepth build as the command`;
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
    return isControls(question['controls']) ? (data as QueueJobData) : undefined;
  }
  if (question['kind'] !== 'pass') return undefined;
  const recipe = question['recipe'] as Record<string, unknown> | null;
  if (typeof recipe !== 'object' || recipe === null) return undefined;
  if (recipe['input'] === 'policy') return data as QueueJobData;
  return recipe['input'] === 'leakage' && isControls(recipe['controls']) ? (data as QueueJobData) : undefined;
}

function isControls(controls: unknown): controls is Partial<Record<ControlName, boolean>> {
  if (typeof controls !== 'object' || controls === null || Array.isArray(controls)) return false;
  return Object.entries(controls).every(([name, on]) => isControlName(name) && typeof on === 'boolean');
}
