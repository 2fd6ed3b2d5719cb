// Runs leakage-matrix tasks on worker threads, a few at a time per worker, and returns the rows in
// task order, so the result is identical to the sequential run whatever the scheduling.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AttackerLeakage, LeakageInput, LeakageTask } from '../analyze/leakage.js';

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** Whether this build can start workers: they need the compiled JavaScript, not TypeScript sources. */
export function workersAvailable(): boolean {
  return import.meta.url.endsWith('.js');
}

export async function runLeakageTasks(
  input: LeakageInput,
  tasks: readonly LeakageTask[],
  jobs: number,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<AttackerLeakage[]> {
  const rows = new Array<AttackerLeakage>(tasks.length);
  const workerCount = Math.min(jobs, tasks.length);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: workerCount }, () => new Worker(new URL('./leakage-worker.js', import.meta.url), { workerData: input }));
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
            worker.on('message', (message: { index: number; row: AttackerLeakage }) => {
              rows[message.index] = message.row;
              onProgress(++done, tasks.length);
              feed();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`leakage worker stopped with exit code ${code}`));
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return rows;
}
