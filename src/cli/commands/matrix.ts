// `indepth matrix MODEL [--from ORG]… [--scenario FILE] [--jobs N | --queue URL] [--quiet] [--json]`: every
// organization as the attacker, on worker threads (both cores by default) or on queue workers,
// identical to the sequential run.

import { Option, type Command } from 'commander';
import { assembleLeakageMatrix, leakageFromPass, leakageInput, leakageTasks } from '../../analyze/leakage.js';
import { defaultJobs } from '../../parallel/pass-pool.js';
import { localPassRunner } from '../../parallel/pass-runner.js';
import { formatLeakage } from '../../report/leakage-text.js';
import { CliError, type CliIo } from '../io.js';
import { printJson, printText } from '../output.js';
import { loadModel } from '../load.js';
import { collect, controlOption, fromOption, parseIntegerOption, quietOption, scenarioOption } from '../options.js';
import { attackerFromFlags, noteIgnoredFailures, ORGANIZATION_SCENARIO_HELP, questionError, unknownOrganizations } from '../what-if-flags.js';
import { progress } from '../progress.js';
import { jobsWithQueue, parseQueueOption, QUEUE_OPTION_HELP, queuedRunner } from '../queue-option.js';

interface MatrixOptions {
  scenario?: string;
  from: string[];
  fromOrg: string[];
  jobs: string;
  control: string[];
  queue?: string;
  quiet?: boolean;
  json?: boolean;
}

export function registerMatrix(program: Command, io: CliIo): void {
  program
    .command('matrix')
    .description('cross-organization leakage matrix: each organization as attacker, the defense depth of every other one')
    .argument('<model>', 'model file')
    .addOption(fromOption('attacker organizations (any standard user of each); repeatable; default: every organization'))
    .addOption(scenarioOption(ORGANIZATION_SCENARIO_HELP))
    // The attacker is `--from` in every command; `--from-org` stays as a hidden alias.
    .addOption(new Option('--from-org <org>').hideHelp().argParser(collect).default([]))
    .option('-j, --jobs <n>', 'worker threads (default: one per core; 1 runs in this thread)', String(defaultJobs()))
    .addOption(controlOption())
    .option('--queue <url>', QUEUE_OPTION_HELP)
    .addOption(quietOption())
    .option('--json', 'machine-readable output')
    .addHelpText(
      'after',
      '\nExamples:\n  indepth matrix models/cross-org-shared.yaml\n  indepth matrix big.yaml --queue redis://10.0.0.5:6379   # with `indepth worker --queue redis://10.0.0.5:6379` running',
    )
    .action(async (file: string, options: MatrixOptions, self: Command) => {
      const problems: string[] = [];
      const asked = attackerFromFlags({ scenario: options.scenario, from: [...options.from, ...options.fromOrg], control: options.control });
      const attackers = asked.question.from;
      const jobs = parseIntegerOption('--jobs', options.jobs, 1, 64, problems);
      problems.push(...asked.problems);
      const queue = parseQueueOption(options.queue, problems);
      jobsWithQueue(self, options.queue, problems);
      if (problems.length > 0) throw new CliError(problems.join('\nindepth: '));
      noteIgnoredFailures(io, 'matrix', asked.ignoredFail, options.quiet === true);

      const bar = progress(io, 'matrix', options.quiet === true);
      let matrix;
      try {
        bar.phase('loading and compiling the model');
        const { prepared, text } = loadModel(file);
        const orgs = prepared.model.organizations.map((o) => o.id);
        const unknown = unknownOrganizations(attackers, orgs, (o) => `unknown organization \`${o}\``);
        if (unknown.length > 0) throw questionError(unknown, asked.scenario);
        const tasks = leakageTasks(prepared, attackers.length > 0 ? attackers : orgs);
        bar.phase('attackers');
        // On worker threads (in this thread with --jobs 1) or on queue workers: the same passes either way.
        const run =
          queue === undefined
            ? localPassRunner(jobs)
            : await queuedRunner(io, bar, { target: queue, version: self.parent?.version() ?? '0.0.0', modelText: text, nodeIds: prepared.compiled.nodeIds });
        const { controls } = asked.question;
        const input = leakageInput(prepared, controls);
        const passes = await run(input, { input: 'leakage', controls }, tasks, (done, total) => bar.update(done, total));
        matrix = assembleLeakageMatrix(prepared, passes.map((pass) => leakageFromPass(pass, input)));
      } finally {
        bar.end();
      }
      if (options.json === true) printJson(io, matrix);
      else printText(io, formatLeakage(matrix));
    });
}
