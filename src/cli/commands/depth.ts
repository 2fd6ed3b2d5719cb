// `indepth depth MODEL --from ID… | --scenario FILE [--by type|instance] [--order K] [--quiet] [--json]`

import type { Command } from 'commander';
import { DEFAULT_MAX_SETS, analyzeDepth } from '../../analyze/depth.js';
import type { DepthMode } from '../../analyze/depth-types.js';
import { formatDepthResult } from '../../report/depth-text.js';
import { CliError, type CliIo } from '../io.js';
import { printJson, printText } from '../output.js';
import { loadModel } from '../load.js';
import { parseIntegerOption, quietOption } from '../options.js';
import { progress } from '../progress.js';
import { addAttackerFlags, attackerFromFlags, NO_FOOTHOLD, noteIgnoredFailures, questionError, type AttackerFlags } from '../what-if-flags.js';

interface DepthOptions extends AttackerFlags {
  by: string;
  order: string;
  maxSets: string;
  quiet?: boolean;
  json?: boolean;
}

export function registerDepth(program: Command, io: CliIo): void {
  const command = program
    .command('depth')
    .description('defense depth: how many boundaries must fail before each data store is reached, and the minimal failure sets')
    .argument('<model>', 'model file');
  addAttackerFlags(command)
    .option('--by <mode>', 'count failures per boundary `type` (exhaustive) or per `instance` (up to --order)', 'type')
    .option('--order <k>', 'instance mode: largest failure set explored', '2')
    .option('--max-sets <n>', 'list at most n minimal sets per data store (counts stay exact)', String(DEFAULT_MAX_SETS))
    .addOption(quietOption())
    .option('--json', 'machine-readable output')
    .addHelpText('after', '\nExamples:\n  indepth depth models/cross-org-shared.yaml --from mallory\n  indepth depth models/cross-org-shared.yaml --scenario scenarios/kernel-0day.yaml --by instance --order 2')
    .action((file: string, options: DepthOptions) => {
      const problems: string[] = [];
      if (options.by !== 'type' && options.by !== 'instance') problems.push(`--by: expected \`type\` or \`instance\`, got \`${options.by}\``);
      const order = parseIntegerOption('--order', options.order, 0, 8, problems);
      const maxSets = parseIntegerOption('--max-sets', options.maxSets, 1, 1_000_000, problems);
      const { question, scenario, ignoredFail, problems: flagProblems } = attackerFromFlags(options);
      problems.push(...flagProblems);
      if (question.from.length === 0) problems.push(NO_FOOTHOLD);
      if (problems.length > 0) throw new CliError(problems.join('\nindepth: '));
      noteIgnoredFailures(io, 'depth', ignoredFail, options.quiet === true);

      const bar = progress(io, 'depth', options.quiet === true);
      const outcome = (() => {
        try {
          bar.phase('loading and compiling the model');
          const { prepared } = loadModel(file);
          bar.phase(options.by === 'type' ? 'propagating every boundary-type subset' : `propagating instance sets up to ${order}`);
          return analyzeDepth(prepared, { from: question.from, by: options.by as DepthMode, order, maxSets, controls: question.controls });
        } finally {
          bar.end();
        }
      })();
      if (!outcome.ok) throw questionError(outcome.problems, scenario);
      if (options.json === true) printJson(io, outcome.result);
      else printText(io, formatDepthResult(outcome.result));
    });
}
