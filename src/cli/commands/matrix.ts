// `indepth matrix MODEL [--from ORG]… [--jobs N] [--quiet] [--json]`: every organization as the
// attacker, on worker threads (both cores by default), identical to the sequential run.

import { Option, type Command } from 'commander';
import { leakageInput, leakageMatrix, leakageTasks } from '../../analyze/leakage.js';
import { didYouMean } from '../../model/suggest.js';
import { defaultJobs, runLeakageTasks, workersAvailable } from '../../parallel/leakage-pool.js';
import { formatLeakage } from '../../report/leakage-text.js';
import { CliError, type CliIo } from '../io.js';
import { printJson, printText } from '../output.js';
import { loadModel } from '../load.js';
import { collect, parseControlToggles, parseIntegerOption } from '../options.js';
import { progress } from '../progress.js';

interface MatrixOptions {
  from: string[];
  fromOrg: string[];
  jobs: string;
  control: string[];
  quiet?: boolean;
  json?: boolean;
}

export function registerMatrix(program: Command, io: CliIo): void {
  program
    .command('matrix')
    .description('cross-organization leakage matrix: each organization as attacker, the defense depth of every other one')
    .argument('<model>', 'model file')
    .option('-f, --from <org>', 'attacker organizations (any standard user of each); repeatable; default: every organization', collect, [])
    // The attacker is `--from` in every command; `--from-org` stays as a hidden alias.
    .addOption(new Option('--from-org <org>').hideHelp().argParser(collect).default([]))
    .option('-j, --jobs <n>', 'worker threads (default: one per core; 1 runs in this thread)', String(defaultJobs()))
    .option('--control <name=on|off>', 'turn a control on or off; repeatable', collect, [])
    .option('-q, --quiet', 'no progress bar on stderr')
    .option('--json', 'machine-readable output')
    .addHelpText('after', '\nExample:\n  indepth matrix models/cross-org-shared.yaml')
    .action(async (file: string, options: MatrixOptions) => {
      const problems: string[] = [];
      const attackers = [...options.from, ...options.fromOrg];
      const jobs = parseIntegerOption('--jobs', options.jobs, 1, 64, problems);
      const toggles = parseControlToggles(options.control);
      problems.push(...toggles.problems);
      if (problems.length > 0) throw new CliError(problems.join('\nindepth: '));

      const bar = progress(io, 'matrix', options.quiet === true);
      let matrix;
      try {
        bar.phase('loading and compiling the model');
        const { prepared } = loadModel(file);
        const orgs = prepared.model.organizations.map((o) => o.id);
        const unknown = attackers.filter((o) => !orgs.includes(o));
        if (unknown.length > 0) {
          throw new CliError(unknown.map((o) => `--from: unknown organization \`${o}\`${didYouMean(o, orgs)}`).join('\nindepth: '));
        }
        const tasks = leakageTasks(prepared, attackers.length > 0 ? attackers : orgs);
        const input = leakageInput(prepared, toggles.values);
        bar.phase('attackers');
        const onProgress = (done: number, total: number) => bar.update(done, total);
        matrix =
          jobs > 1 && tasks.length > 1 && workersAvailable()
            ? { ...leakageMatrix(prepared, [], input), attackers: await runLeakageTasks(input, tasks, jobs, onProgress) }
            : leakageMatrix(prepared, tasks, input, onProgress);
      } finally {
        bar.end();
      }
      if (options.json === true) printJson(io, matrix);
      else printText(io, formatLeakage(matrix));
    });
}
