// Shared by the queue tests: the `pass` jobs `matrix --queue` enqueues for a bundled model (one per
// attacker organization), and the encoded passes `matrix --jobs 1` computes for them here.

import { readFileSync } from 'node:fs';
import { attackerPass } from '../../src/analyze/attacker-pass.js';
import { leakageInput, leakageTasks } from '../../src/analyze/leakage.js';
import { encodePass, type EncodedPass } from '../../src/queue/pass-codec.js';
import type { QueueQuestion } from '../../src/queue/job.js';
import { prepareBundled, ROOT, type BundledModel } from '../support/model.js';

export interface MatrixPassJobs {
  readonly modelText: string;
  readonly question: Extract<QueueQuestion, { kind: 'pass' }>;
  readonly units: readonly string[];
  /** What a worker must return for each unit, in unit order. */
  readonly local: () => EncodedPass[];
}

export function matrixPassJobs(model: BundledModel, organizations: readonly string[]): MatrixPassJobs {
  const prepared = prepareBundled(model);
  const tasks = leakageTasks(prepared, organizations);
  return {
    modelText: readFileSync(`${ROOT}models/${model}.yaml`, 'utf8'),
    question: { kind: 'pass', recipe: { input: 'leakage', controls: {} } },
    units: tasks.map((task) => JSON.stringify({ attacker: task.attacker, sources: task.sources.map((v) => prepared.compiled.nodeIds[v]!) })),
    local: () => {
      const input = leakageInput(prepared, {});
      return tasks.map((task) => encodePass(attackerPass(input, task)));
    },
  };
}
