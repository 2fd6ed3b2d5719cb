// `indepth depth MODEL --from ID… [--by type|instance] [--order K] [--json]`

import type { Command } from 'commander';
import { DEFAULT_MAX_SETS, analyzeDepth } from '../../analyze/depth.js';
import type { DepthMode } from '../../analyze/depth-types.js';
import { formatDepthResult } from '../../report/depth-text.js';
import { CliError, type CliIo } from '../io.js';
import { printJson, printText } from '../output.js';
import { loadModel } from '../load.js';
import { collect, parseControlToggles, parseIntegerOption } from '../options.js';
import { progress } from '../progress.js';
import { questionError } from '../what-if-flags.js';

interface DepthOptions {
  from: string[];
  by: string;
  order: string;
  maxSets: string;
  control: string[];
  quiet?: boolean;
  json?: boolean;
}

export function registerDepth(program: Command, io: CliIo): void {
  program
    .command('depth')
    .description('defense depth: how many boundaries must fail before each data store is reached, and the minimal failure sets')
    .argument('<model>', 'model file')
    .option('-f, --from <id>', 'foothold(s): node id, user group, or organization (= any standard user of it); repeatable', collect, [])
    .option('--by <mode>', 'count failures per boundary `type` (exhaustive) or per `instance` (up to --order)', 'type')
    .option('--order <k>', 'instance mode: largest failure set explored', '2')
    .option('--max-sets <n>', 'list at most n minimal sets per data store (counts stay exact)', String(DEFAULT_MAX_SETS))
    .option('--control <name=on|off>', 'turn a control on or off; repeatable', collect, [])
    .option('-q, --quiet', 'no progress on stderr')
    .option('--json', 'machine-readable output')
    .addHelpText('after', '\nExample:\n  indepth depth models/cross-org-shared.yaml --from mallory')
    .action((file: string, options: DepthOptions) => {
      const problems: string[] = [];
      if (options.by !== 'type' && options.by !== 'instance') problems.push(`--by: expected \`type\` or \`instance\`, got \`${options.by}\``);
      const order = parseIntegerOption('--order', options.order, 0, 8, problems);
      const maxSets = parseIntegerOption('--max-sets', options.maxSets, 1, 1_000_000, problems);
      const toggles = parseControlToggles(options.control);
      problems.push(...toggles.problems);
      if (options.from.length === 0) problems.push('--from: give at least one foothold (e.g. --from mallory)');
      if (problems.length > 0) throw new CliError(problems.join('\nindepth: '));

      const bar = progress(io, 'depth', options.quiet === true);
      const outcome = (() => {
        try {
          bar.phase('loading and compiling the model');
          const { prepared } = loadModel(file);
          bar.phase(options.by === 'type' ? 'propagating every boundary-type subset' : `propagating instance sets up to ${order}`);
          return analyzeDepth(prepared, { from: options.from, by: options.by as DepthMode, order, maxSets, controls: toggles.values });
        } finally {
          bar.end();
        }
      })();
      if (!outcome.ok) throw questionError(outcome.problems, undefined);
      if (options.json === true) printJson(io, outcome.result);
      else printText(io, formatDepthResult(outcome.result));
    });
}
