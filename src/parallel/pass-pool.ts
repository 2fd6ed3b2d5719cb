// Runs attacker passes (one depth-by-type pass per foothold set) on worker threads, a task at a time
// per worker, and returns them in task order, so the result is identical to the in-thread run
// whatever the scheduling. matrix, compare and check all run their passes here.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { attackerPass, type AttackerPass, type PassInput, type PassTask } from '../analyze/attacker-pass.js';

export type Progress = (done: number, total: number) => void;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** Whether this build can start workers: they need the compiled JavaScript, not TypeScript sources. */
export function workersAvailable(): boolean {
  return import.meta.url.endsWith('.js');
}

/**
 * Every task's pass, in task order: on `jobs` worker threads when that helps (more than one job and
 * task, and a compiled build), in this thread otherwise. The results are the same either way.
 */
export async function runPasses(input: PassInput, tasks: readonly PassTask[], jobs: number, onProgress: Progress = () => {}): Promise<AttackerPass[]> {
  if (jobs > 1 && tasks.length > 1 && workersAvailable()) return runOnWorkers(input, tasks, jobs, onProgress);
  return tasks.map((task, i) => {
    const pass = attackerPass(input, task);
    onProgress(i + 1, tasks.length);
    return pass;
  });
}

async function runOnWorkers(input: PassInput, tasks: readonly PassTask[], jobs: number, onProgress: Progress): Promise<AttackerPass[]> {
  const passes = new Array<AttackerPass>(tasks.length);
  const workerCount = Math.min(jobs, tasks.length);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: workerCount }, () => new Worker(new URL('./pass-worker.js', import.meta.url), { workerData: input }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= tasks.length) {
                resolve();
                return;
              }
              const index = next++;
              worker.postMessage({ index, task: tasks[index] });
            };
            worker.on('message', (message: { index: number; pass: AttackerPass }) => {
              passes[message.index] = message.pass;
              onProgress(++done, tasks.length);
              feed();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`attacker-pass worker stopped with exit code ${code}`));
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return passes;
}
