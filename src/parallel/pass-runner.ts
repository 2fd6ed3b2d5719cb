// Where a command's attacker passes run: on this machine's worker threads (runPasses), or with
// `--queue` on `indepth worker` processes (src/queue/queued-passes.ts). matrix, compare and check
// read their answers off the same AttackerPass whichever runner computed it.

import type { AttackerPass, PassInput, PassTask } from '../analyze/attacker-pass.js';
import type { ControlName } from '../domain/controls.js';
import { runPasses, type Progress } from './pass-pool.js';

/**
 * How a pass input was built from its model, so that a process holding only the model text builds
 * the same one: `leakage` is `passInput(prepared, controls, false)` (matrix, compare), `policy` is
 * the policy context's input, with witnesses and data grouped by depth target (check).
 */
export type PassInputRecipe =
  | { readonly input: 'leakage'; readonly controls: Partial<Record<ControlName, boolean>> }
  | { readonly input: 'policy' };

/** Every task's pass over `input` (built by `recipe`), in task order. */
export type PassRunner = (input: PassInput, recipe: PassInputRecipe, tasks: readonly PassTask[], onProgress?: Progress) => Promise<AttackerPass[]>;

/** The local runner: `jobs` worker threads (1 runs in this thread). */
export function localPassRunner(jobs: number): PassRunner {
  return (input, _recipe, tasks, onProgress) => runPasses(input, tasks, jobs, onProgress);
}
