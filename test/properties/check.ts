// Runs a claim with fast-check and, when it fails, rethrows with everything needed to keep the
// counterexample: the shrunk input as a ready-to-save regression file (YAML, models included), the
// seed and path to replay the run, and the file name to save it under in test/regressions/.
//
//   FC_RUNS=1000 npx vitest run test/properties        more runs
//   FC_SEED=123 FC_PATH=4:0:1 npx vitest run …         replay one failure exactly
//   FC_STATS=1 npx vitest run test/properties          how many inputs exercised each claim

import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import type { Claim } from './support/claim.js';

export const RUNS = Number(process.env.FC_RUNS ?? 200);
export const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
const PATH = process.env.FC_PATH || undefined;

export const REGRESSIONS_DIR = new URL('../regressions/', import.meta.url);

/** Share of generated inputs that must exercise the claim (check at least one fact). */
export const MIN_EXERCISED = 0.5;

export function checkClaim<Input>(claim: Claim<Input>, runs = RUNS): void {
  let exercised = 0;
  let calls = 0;
  const details = fc.check(
    fc.property(claim.arbitrary, (input) => {
      calls++;
      if (claim.predicate(input) > 0) exercised++;
    }),
    { numRuns: runs, seed: SEED, path: PATH },
  );
  if (process.env.FC_STATS) console.log(`${claim.name}: ${exercised} of ${calls} inputs exercised the claim`);
  if (!details.failed) {
    if (PATH === undefined && exercised < MIN_EXERCISED * calls) {
      throw new Error(`claim ${claim.name} holds, but only ${exercised} of ${calls} inputs exercised it (seed ${details.seed}): the arbitrary needs to aim better`);
    }
    return;
  }
  if (details.counterexample === null) {
    throw new Error(`claim ${claim.name}: fast-check gave up without a counterexample (seed ${details.seed}): ${fc.defaultReportMessage(details) ?? ''}`);
  }
  const [input] = details.counterexample;
  const file = `test/regressions/${claim.name}-${nextNumber(claim.name)}.yaml`;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(
    [
      `claim ${claim.name} failed after ${details.numRuns} run(s) and ${details.numShrinks} shrink(s).`,
      `  seed ${details.seed}, path ${details.counterexamplePath}`,
      `  replay: FC_SEED=${details.seed} FC_PATH=${details.counterexamplePath} npx vitest run test/properties/${claim.name}.test.ts`,
      '',
      cause,
      '',
      `The shrunk counterexample follows. Save it as ${file}; test/regressions/replay.test.ts replays it.`,
      '----8<----',
      regressionText(claim.name, input, { seed: details.seed, path: details.counterexamplePath }),
      '----8<----',
    ].join('\n'),
    { cause: details.errorInstance },
  );
}

/** A regression file: `# claim: <name>` (replay.test.ts reads it), where it came from, then the input. */
export function regressionText(claim: string, input: unknown, origin?: { seed: number; path: string }): string {
  const header = [`# claim: ${claim}`];
  if (origin !== undefined) header.push(`# found with FC_SEED=${origin.seed} FC_PATH=${origin.path}`);
  return `${header.join('\n')}\n${stringify(input, { aliasDuplicateObjects: false })}`;
}

function nextNumber(claim: string): number {
  let highest = 0;
  let names: string[] = [];
  try {
    names = readdirSync(REGRESSIONS_DIR);
  } catch {
    // No directory yet: the first regression is number 1.
  }
  for (const name of names) {
    const match = new RegExp(`^${claim.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)\\.yaml$`).exec(name);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return highest + 1;
}
