// What a worker does with a job, given the model text: parse and prepare it (once per content
// hash), then answer the unit with the very function the local run uses — so a row computed on
// another machine is the row `--jobs 1` computes here.

import { attackerLeakage, leakageInput, leakageTasks, type AttackerLeakage, type LeakageInput } from '../analyze/leakage.js';
import { prepare, type PreparedModel } from '../analyze/prepared.js';
import { formatIssue } from '../model/issues.js';
import { parseModel } from '../model/load-model.js';
import type { QueueJobData } from './job.js';

/** A job that can never succeed (a model that does not load, an unknown unit): not retried. */
export class JobInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobInputError';
  }
}

export type JobResult = AttackerLeakage;

/**
 * Keeps the last prepared model (and the inputs derived from it per question), so consecutive
 * jobs of one run pay for loading and compiling once. One model at a time bounds memory.
 */
export class PreparedModelCache {
  private hash: string | undefined;
  private prepared: PreparedModel | undefined;
  private readonly inputs = new Map<string, LeakageInput>();

  has(hash: string): boolean {
    return this.hash === hash;
  }

  /** Parses and prepares `text` (whose SHA-256 is `hash`); throws JobInputError when it does not load. */
  load(hash: string, text: string): void {
    this.hash = undefined;
    this.prepared = undefined;
    this.inputs.clear();
    const file = `model ${hash.slice(0, 12)}`;
    const parsed = parseModel(text, file);
    if (!parsed.ok) throw new JobInputError(`the model does not load:\n${parsed.issues.map(formatIssue).join('\n')}`);
    const built = prepare(parsed.model, parsed.locations);
    if (!built.ok) throw new JobInputError(`the model does not load:\n${built.issues.map(formatIssue).join('\n')}`);
    this.hash = hash;
    this.prepared = built.prepared;
  }

  /** Answers a job whose model is loaded (`has(job.model)`). */
  answer(job: QueueJobData): JobResult {
    if (this.prepared === undefined || this.hash !== job.model) throw new Error(`model ${job.model} is not loaded`);
    const prepared = this.prepared;
    const key = JSON.stringify(job.question);
    let input = this.inputs.get(key);
    if (input === undefined) {
      input = leakageInput(prepared, job.question.controls);
      this.inputs.set(key, input);
    }
    if (!prepared.model.organizations.some((o) => o.id === job.unit)) throw new JobInputError(`unknown organization \`${job.unit}\` in the model`);
    const [task] = leakageTasks(prepared, [job.unit]);
    if (task === undefined) throw new JobInputError(`organization \`${job.unit}\` has no users to attack from`);
    return attackerLeakage(input, task);
  }
}
