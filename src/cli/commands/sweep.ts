// `indepth sweep MODEL --from ID… [--by type|instance] [--order K] [--queue URL] [--json]`: by
// instance, one reachability run per minimal failure set — with --queue, spread over queue workers.

import type { Command } from 'commander';
import type { DepthMode } from '../../analyze/depth-types.js';
import { finishSweep, planSweep, sweepRows } from '../../analyze/sweep.js';
import { formatSweep } from '../../report/sweep-text.js';
import { CliError, type CliIo } from '../io.js';
import { printJson, printText } from '../output.js';
import { loadModel } from '../load.js';
import { collect, parseControlToggles, parseIntegerOption } from '../options.js';
import { progress } from '../progress.js';
import { parseQueueOption, QUEUE_OPTION_HELP, runUnitsOnQueue } from '../queue-option.js';
import { questionError } from '../what-if-flags.js';

/** At most this many queue jobs per sweep: enough to keep many workers busy, few enough to track. */
const MAX_SWEEP_JOBS = 256;

interface SweepOptions {
  from: string[];
  by: string;
  order: string;
  control: string[];
  queue?: string;
  quiet?: boolean;
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
    .option('--queue <url>', `${QUEUE_OPTION_HELP} (by instance)`)
    .option('-q, --quiet', 'no progress bar on stderr (with --queue)')
    .option('--json', 'machine-readable output (rows carry the reached data ids)')
    .addHelpText(
      'after',
      '\nExamples:\n  indepth sweep models/cross-org-shared.yaml --from fabrikam --order 1\n  indepth sweep big.yaml --from org07 --by instance --order 2 --queue redis://10.0.0.5:6379',
    )
    .action(async (file: string, options: SweepOptions, self: Command) => {
      const problems: string[] = [];
      if (options.by !== 'type' && options.by !== 'instance') problems.push(`--by: expected \`type\` or \`instance\`, got \`${options.by}\``);
      const order = parseIntegerOption('--order', options.order, 0, options.by === 'instance' ? 3 : 11, problems);
      const toggles = parseControlToggles(options.control);
      problems.push(...toggles.problems);
      if (options.from.length === 0) problems.push('--from: give at least one foothold (e.g. --from mallory)');
      const queue = parseQueueOption(options.queue, problems);
      if (queue !== undefined && options.by !== 'instance') {
        problems.push('--queue: a by-type sweep reads every row off one pass, so there is nothing to spread; use it with --by instance');
      }
      if (problems.length > 0) throw new CliError(problems.join('\nindepth: '));
      const { prepared, text } = loadModel(file);
      const question = { from: options.from, by: options.by as DepthMode, order, controls: toggles.values };
      const planned = planSweep(prepared, question);
      if (!planned.ok) throw questionError(planned.problems, undefined);
      const { plan } = planned;
      let rows = plan.typeRows;
      if (rows === null && queue !== undefined) {
        const ids = prepared.compiled.instanceIds;
        const size = Math.ceil(plan.instanceSets.length / MAX_SWEEP_JOBS);
        const units: string[] = [];
        for (let i = 0; i < plan.instanceSets.length; i += size) {
          units.push(JSON.stringify(plan.instanceSets.slice(i, i + size).map((set) => set.map((x) => ids[x]!))));
        }
        const bar = progress(io, 'sweep', options.quiet === true);
        try {
          bar.phase('failure sets');
          const version = self.parent?.version() ?? '0.0.0';
          const queued = { kind: 'sweep', from: options.from, order, controls: toggles.values } as const;
          rows = (await runUnitsOnQueue(io, bar, { target: queue, version, modelText: text, question: queued, units })).flat();
        } finally {
          bar.end();
        }
      }
      const result = finishSweep(prepared, plan, rows ?? sweepRows(prepared, plan, plan.instanceSets));
      if (options.json === true) printJson(io, result);
      else printText(io, formatSweep(result));
    });
}
