// What a worker does with a job, given the model text: parse and prepare it (once per content
// hash), then answer the unit with the very function the local run uses — so a pass computed on
// another machine is the pass `--jobs 1` computes here.

import { attackerPass, passInput, type PassInput } from '../analyze/attacker-pass.js';
import { prepare, type PreparedModel } from '../analyze/prepared.js';
import { sweepFrame, sweepRows, type SweepFrame, type SweepRow } from '../analyze/sweep.js';
import { formatIssue } from '../model/issues.js';
import { parseModel } from '../model/load-model.js';
import { policyPassInput } from '../policy/context.js';
import { readPassUnit, type QueueJobData } from './job.js';
import { encodePass, PASS_SHAPE, type EncodedPass } from './pass-codec.js';

/** A job that can never succeed (a model that does not load, an unknown unit): not retried. */
export class JobInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobInputError';
  }
}

/** pass: the attacker's pass, encoded; sweep: one row per failure set of the unit, in its order. */
export type JobResult = EncodedPass | SweepRow[];

/** The result type of a question's jobs. */
export type JobResultOf<Q extends QueueJobData['question']> = Q extends { readonly kind: 'pass' } ? EncodedPass : SweepRow[];

/** The failure sets of a sweep unit (instance ids); undefined when the unit is not such a list. */
export function sweepUnitSets(unit: string): string[][] | undefined {
  let sets: unknown;
  try {
    sets = JSON.parse(unit);
  } catch {
    return undefined;
  }
  if (!Array.isArray(sets) || !sets.every((set) => Array.isArray(set) && set.every((id) => typeof id === 'string'))) return undefined;
  return sets as string[][];
}

/** Whether a returned value answers the job (a result is never attributed to another unit). */
export function answersJob(job: QueueJobData, value: unknown): value is JobResult {
  if (job.question.kind === 'pass') {
    // The fields are checked against the pass input by decodePass, where the command knows it.
    const pass = value as EncodedPass | null;
    return typeof pass === 'object' && pass !== null && pass.shape === PASS_SHAPE && pass.attacker === readPassUnit(job.unit)?.attacker;
  }
  const sets = sweepUnitSets(job.unit);
  return (
    sets !== undefined &&
    Array.isArray(value) &&
    value.length === sets.length &&
    value.every((row: SweepRow, i) => typeof row === 'object' && row !== null && Array.isArray(row.failed) && row.failed.join(',') === sets[i]!.join(','))
  );
}

/**
 * Keeps the last prepared model (and the inputs derived from it per question), so consecutive
 * jobs of one run pay for loading and compiling once. One model at a time bounds memory.
 */
export class PreparedModelCache {
  private hash: string | undefined;
  private prepared: PreparedModel | undefined;
  private readonly inputs = new Map<string, PassInput | SweepFrame>();
  private instanceIndex: Map<string, number> | undefined;

  has(hash: string): boolean {
    return this.hash === hash;
  }

  /** Parses and prepares `text` (whose SHA-256 is `hash`); throws JobInputError when it does not load. */
  load(hash: string, text: string): void {
    this.hash = undefined;
    this.prepared = undefined;
    this.inputs.clear();
    this.instanceIndex = undefined;
    const file = `model ${hash.slice(0, 12)}`;
    const parsed = parseModel(text, file);
    if (!parsed.ok) throw new JobInputError(`the model does not load:\n${parsed.issues.map(formatIssue).join('\n')}`);
    const built = prepare(parsed.model, parsed.locations);
    if (!built.ok) throw new JobInputError(`the model does not load:\n${built.issues.map(formatIssue).join('\n')}`);
    this.hash = hash;
    this.prepared = built.prepared;
  }

  /** Answers a job whose model is loaded (`has(job.model)`); throws JobInputError when it cannot be answered. */
  answer(job: QueueJobData): JobResult {
    if (this.prepared === undefined || this.hash !== job.model) throw new Error(`model ${job.model} is not loaded`);
    const prepared = this.prepared;
    const { question } = job;
    const key = JSON.stringify(question);
    if (question.kind === 'pass') {
      let input = this.inputs.get(key) as PassInput | undefined;
      if (input === undefined) {
        const { recipe } = question;
        input = recipe.input === 'policy' ? policyPassInput(prepared) : passInput(prepared, recipe.controls, false);
        this.inputs.set(key, input);
      }
      const unit = readPassUnit(job.unit);
      if (unit === undefined) throw new JobInputError('a pass job whose unit is not an attacker with its foothold nodes');
      const sources = unit.sources.map((id) => {
        const v = prepared.compiled.nodeIndex.get(id);
        if (v === undefined) throw new JobInputError(`unknown foothold node \`${id}\` in the model`);
        return v;
      });
      return encodePass(attackerPass(input, { attacker: unit.attacker, sources, ...(unit.below === undefined ? {} : { below: unit.below }) }));
    }
    let frame = this.inputs.get(key) as SweepFrame | undefined;
    if (frame === undefined) {
      const framed = sweepFrame(prepared, { from: question.from, by: 'instance', order: question.order, controls: question.controls });
      if (!framed.ok) throw new JobInputError(framed.problems.map((p) => p.message).join('; '));
      frame = framed.frame;
      this.inputs.set(key, frame);
    }
    const sets = sweepUnitSets(job.unit);
    if (sets === undefined) throw new JobInputError('a sweep job whose unit is not a list of failure sets');
    this.instanceIndex ??= new Map(prepared.compiled.instanceIds.map((id, i) => [id, i] as const));
    const index = this.instanceIndex;
    const indices = sets.map((set) =>
      set.map((id) => {
        const i = index.get(id);
        if (i === undefined) throw new JobInputError(`unknown boundary instance \`${id}\` in the model`);
        return i;
      }),
    );
    return sweepRows(prepared, frame, indices);
  }
}
