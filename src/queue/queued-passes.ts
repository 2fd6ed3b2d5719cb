// The queue's PassRunner: each attacker pass of a model is one `pass` job (the model text stored
// once in Redis), answered by `indepth worker` processes; the passes come back decoded and checked
// against the local pass input, in task order — what the local runner returns.

import { passBound, type AttackerPass } from '../analyze/attacker-pass.js';
import type { Progress } from '../parallel/pass-pool.js';
import type { PassRunner } from '../parallel/pass-runner.js';
import { QueueRunError, runOnQueue, type QueueRun } from './enqueue.js';
import type { PassUnit } from './job.js';
import { decodePass } from './pass-codec.js';

/** What a queued pass run needs besides the passes: where, which version, the model's text, how to report. */
export type QueuedPassSettings = Omit<QueueRun, 'question' | 'units' | 'onProgress'> & {
  /** Compiled node ids by index, to name foothold nodes in jobs (`prepared.compiled.nodeIds`). */
  readonly nodeIds: readonly string[];
};

/** A PassRunner that runs on the queue's workers. */
export function queuedPassRunner(settings: QueuedPassSettings): PassRunner {
  const { nodeIds, ...run } = settings;
  return async (input, recipe, tasks, onProgress?: Progress) => {
    const units = tasks.map((task) => JSON.stringify({ attacker: task.attacker, sources: task.sources.map((v) => nodeIds[v]!), ...(task.below === undefined ? {} : { below: task.below }) } satisfies PassUnit));
    const results = await runOnQueue({ ...run, question: { kind: 'pass', recipe }, units, onProgress });
    return results.map((value, i): AttackerPass => {
      const pass = decodePass(value, { attacker: tasks[i]!.attacker, below: passBound(tasks[i]!), input });
      if (typeof pass === 'string') {
        throw new QueueRunError(`a worker's pass of ${tasks[i]!.attacker.replaceAll('\u0000', ', ')} does not fit this model: ${pass}; run workers of the same indepth build as the command`);
      }
      return pass;
    });
  };
}
