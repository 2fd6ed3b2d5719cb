// `indepth sweep MODEL --from ID… [--by type|instance] [--order K] [--queue URL] [--json]`: by
// instance, one reachability run per minimal failure set — with --queue, spread over queue workers.

import type { Command } from 'commander';
import type { DepthMode } from '../../analyze/depth-types.js';
import { finishSweep, planSweep, sweepRows, type SweepRow } from '../../analyze/sweep.js';
import { formatSweep } from '../../report/sweep-text.js';
import { CliError, type CliIo } from '../io.js';
import { printJson, printText } from '../output.js';
import { loadModel } from '../load.js';
import { parseIntegerOption, quietOption } from '../options.js';
import { progress } from '../progress.js';
import { parseQueueOption, QUEUE_OPTION_HELP, runUnitsOnQueue } from '../queue-option.js';
import { addAttackerFlags, attackerFromFlags, NO_FOOTHOLD, noteIgnoredFailures, questionError, type AttackerFlags } from '../what-if-flags.js';

/** At most this many queue jobs per sweep: enough to keep many workers busy, few enough to track. */
const MAX_SWEEP_JOBS = 256;
/** Failure sets run between two progress updates when sweeping on this thread. */
const SLICE = 64;

interface SweepOptions extends AttackerFlags {
  by: string;
  order: string;
  queue?: string;
  quiet?: boolean;
  json?: boolean;
}

export function registerSweep(program: Command, io: CliIo): void {
  const command = program
    .command('sweep')
    .description('exposure matrix: every failure combination up to order k (rows) × organizations (columns)')
    .argument('<model>', 'model file');
  addAttackerFlags(command)
    .option('--by <mode>', 'fail boundary `type`s or `instance`s', 'type')
    .option('--order <k>', 'largest failure set', '2')
    .option('--queue <url>', `${QUEUE_OPTION_HELP} (by instance)`)
    .addOption(quietOption())
    .option('--json', 'machine-readable output (rows carry the reached data ids)')
    .addHelpText(
      'after',
      '\nExamples:\n  indepth sweep models/cross-org-shared.yaml --from fabrikam --order 1\n  indepth sweep big.yaml --from org07 --by instance --order 2 --queue redis://10.0.0.5:6379',
    )
    .action(async (file: string, options: SweepOptions, self: Command) => {
      const problems: string[] = [];
      if (options.by !== 'type' && options.by !== 'instance') problems.push(`--by: expected \`type\` or \`instance\`, got \`${options.by}\``);
      const order = parseIntegerOption('--order', options.order, 0, options.by === 'instance' ? 3 : 11, problems);
      const { question: asked, scenario, ignoredFail, problems: flagProblems } = attackerFromFlags(options);
      problems.push(...flagProblems);
      if (asked.from.length === 0) problems.push(NO_FOOTHOLD);
      const queue = parseQueueOption(options.queue, problems);
      if (queue !== undefined && options.by !== 'instance') {
        problems.push('--queue: a by-type sweep reads every row off one pass, so there is nothing to spread; use it with --by instance');
      }
      if (problems.length > 0) throw new CliError(problems.join('\nindepth: '));
      noteIgnoredFailures(io, 'sweep', ignoredFail, options.quiet === true);
      const bar = progress(io, 'sweep', options.quiet === true);
      bar.phase('loading and compiling the model');
      const { prepared, text } = (() => {
        try {
          return loadModel(file);
        } finally {
          bar.end();
        }
      })();
      const question = { from: asked.from, by: options.by as DepthMode, order, controls: asked.controls };
      const planned = planSweep(prepared, question);
      if (!planned.ok) throw questionError(planned.problems, scenario);
      const { plan } = planned;
      let rows = plan.typeRows;
      if (rows === null && queue !== undefined) {
        const ids = prepared.compiled.instanceIds;
        const size = Math.ceil(plan.instanceSets.length / MAX_SWEEP_JOBS);
        const units: string[] = [];
        for (let i = 0; i < plan.instanceSets.length; i += size) {
          units.push(JSON.stringify(plan.instanceSets.slice(i, i + size).map((set) => set.map((x) => ids[x]!))));
        }
        try {
          bar.phase('failure sets');
          const version = self.parent?.version() ?? '0.0.0';
          const queued = { kind: 'sweep', from: asked.from, order, controls: asked.controls } as const;
          rows = (await runUnitsOnQueue(io, bar, { target: queue, version, modelText: text, question: queued, units })).flat();
        } finally {
          bar.end();
        }
      }
      if (rows === null) {
        // By instance on this thread: one reachability run per failure set, in slices so the bar moves.
        const sets = plan.instanceSets;
        const local: SweepRow[] = [];
        try {
          bar.phase('failure sets');
          for (let i = 0; i < sets.length; i += SLICE) {
            local.push(...sweepRows(prepared, plan, sets.slice(i, i + SLICE)));
            bar.update(Math.min(i + SLICE, sets.length), sets.length);
          }
        } finally {
          bar.end();
        }
        rows = local;
      }
      const result = finishSweep(prepared, plan, rows);
      if (options.json === true) printJson(io, result);
      else printText(io, formatSweep(result));
    });
}
