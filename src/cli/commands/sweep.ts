// `indepth sweep MODEL --from ID… [--by type|instance] [--order K] [--json]`

import type { Command } from 'commander';
import type { DepthMode } from '../../analyze/depth-types.js';
import { sweep } from '../../analyze/sweep.js';
import { formatSweep } from '../../report/sweep-text.js';
import { CliError, type CliIo } from '../io.js';
import { printJson, printText } from '../output.js';
import { loadModel } from '../load.js';
import { collect, parseControlToggles, parseIntegerOption } from '../options.js';
import { questionError } from '../what-if-flags.js';

interface SweepOptions {
  from: string[];
  by: string;
  order: string;
  control: string[];
  json?: boolean;
}

export function registerSweep(program: Command, io: CliIo): void {
  program
    .command('sweep')
    .description('exposure matrix: every failure combination up to order k (rows) × organizations (columns)')
    .argument('<model>', 'model file')
    .option('-f, --from <id>', 'foothold(s): node id, user group, or organization; repeatable', collect, [])
    .option('--by <mode>', 'fail boundary `type`s or `instance`s', 'type')
    .option('--order <k>', 'largest failure set', '2')
    .option('--control <name=on|off>', 'turn a control on or off; repeatable', collect, [])
    .option('--json', 'machine-readable output (rows carry the reached data ids)')
    .addHelpText('after', '\nExample:\n  indepth sweep models/cross-org-shared.yaml --from fabrikam --order 1')
    .action((file: string, options: SweepOptions) => {
      const problems: string[] = [];
      if (options.by !== 'type' && options.by !== 'instance') problems.push(`--by: expected \`type\` or \`instance\`, got \`${options.by}\``);
      const order = parseIntegerOption('--order', options.order, 0, options.by === 'instance' ? 3 : 11, problems);
      const toggles = parseControlToggles(options.control);
      problems.push(...toggles.problems);
      if (options.from.length === 0) problems.push('--from: give at least one foothold (e.g. --from mallory)');
      if (problems.length > 0) throw new CliError(problems.join('\nindepth: '));
      const loaded = loadModel(file);
      const { prepared } = loaded;
      const outcome = sweep(prepared, { from: options.from, by: options.by as DepthMode, order, controls: toggles.values });
      if (!outcome.ok) throw questionError(outcome.problems, undefined);
      if (options.json === true) printJson(io, outcome.result);
      else printText(io, formatSweep(outcome.result));
    });
}
