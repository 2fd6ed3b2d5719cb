// `indepth compare A B [--from ORG]… [--scenario FILE] [--order K] [--jobs N | --queue URL] [--quiet] [--json]`:
// shared vs separated, risk beside cost; the attacker passes on worker threads or queue workers.

import { Option, type Command } from 'commander';
import { compareFromPasses, planCompare } from '../../analyze/compare.js';
import { defaultJobs } from '../../parallel/pass-pool.js';
import { localPassRunner } from '../../parallel/pass-runner.js';
import { formatCompare } from '../../report/compare-text.js';
import { terminalSafe } from '../../domain/terminal-safe.js';
import { CliError, type CliIo } from '../io.js';
import { printJson, printText } from '../output.js';
import { loadModel } from '../load.js';
import { collect, controlOption, fromOption, parseIntegerOption, quietOption, scenarioOption } from '../options.js';
import { attackerFromFlags, noteIgnoredFailures, ORGANIZATION_SCENARIO_HELP, questionError, unknownOrganizations } from '../what-if-flags.js';
import { progress } from '../progress.js';
import { jobsWithQueue, parseQueueOption, QUEUE_OPTION_HELP, queuedRunner } from '../queue-option.js';

interface CompareOptions {
  scenario?: string;
  from: string[];
  fromOrg: string[];
  order: string;
  control: string[];
  jobs: string;
  queue?: string;
  quiet?: boolean;
  json?: boolean;
}

export function registerCompare(program: Command, io: CliIo): void {
  program
    .command('compare')
    .description('compare two topologies of the same organizations: leakage matrix, blast radius, differences and cost')
    .argument('<first>', 'model file (e.g. the shared topology)')
    .argument('<second>', 'model file (e.g. the separated topology)')
    .addOption(fromOption('attacker organization(s) (any standard user of it); repeatable; default: every organization'))
    // The attacker is `--from` in every command; `--from-org` stays as a hidden alias.
    .addOption(new Option('--from-org <org>').hideHelp().argParser(collect).default([]))
    .addOption(scenarioOption(ORGANIZATION_SCENARIO_HELP))
    .option('--order <k>', 'largest number of failed boundary types for blast radius and differences', '2')
    .addOption(controlOption('turn a control on or off in both models; repeatable'))
    .option('-j, --jobs <n>', 'worker threads for the attacker passes (default: one per core; 1 runs in this thread)', String(defaultJobs()))
    .option('--queue <url>', QUEUE_OPTION_HELP)
    .addOption(quietOption())
    .option('--json', 'machine-readable output')
    .addHelpText(
      'after',
      '\nExamples:\n  indepth compare models/cross-org-shared.yaml models/cross-org-separated.yaml\n  indepth compare a.yaml b.yaml --queue redis://10.0.0.5:6379   # with `indepth worker --queue redis://10.0.0.5:6379` running',
    )
    .action(async (firstFile: string, secondFile: string, options: CompareOptions, self: Command) => {
      const problems: string[] = [];
      const asked = attackerFromFlags({ scenario: options.scenario, from: [...options.from, ...options.fromOrg], control: options.control });
      const attackers = asked.question.from;
      const order = parseIntegerOption('--order', options.order, 0, 11, problems);
      const jobs = parseIntegerOption('--jobs', options.jobs, 1, 64, problems);
      problems.push(...asked.problems);
      const queue = parseQueueOption(options.queue, problems);
      jobsWithQueue(self, options.queue, problems);
      if (problems.length > 0) throw new CliError(problems.join('\nindepth: '));
      noteIgnoredFailures(io, 'compare', asked.ignoredFail, options.quiet === true);
      const bar = progress(io, 'compare', options.quiet === true);
      let result;
      try {
        bar.phase('loading and compiling the first model');
        const firstLoaded = loadModel(firstFile);
        const first = firstLoaded.prepared;
        bar.phase('loading and compiling the second model');
        const secondLoaded = loadModel(secondFile);
        const second = secondLoaded.prepared;
        const known = first.model.organizations.map((o) => o.id).filter((o) => second.model.organizations.some((p) => p.id === o));
        const unknown = unknownOrganizations(attackers, known, (o) => `\`${o}\` is not an organization of both models`);
        if (unknown.length > 0) throw questionError(unknown, asked.scenario);
        const firstData = new Set(first.model.data.map((d) => d.id));
        if (first.model.data.length > 0 && !second.model.data.some((d) => firstData.has(d.id))) {
          // Reach is compared store by store: with no id in common, every difference is a renaming.
          io.err(
            terminalSafe(
              `indepth: warning: ${firstFile} and ${secondFile} share no data store id, so the differences below compare different data; give the same stores the same ids in both models\n`,
            ),
          );
        }
        // One depth pass per attacker and model, on the worker pool; everything else is read off them.
        const plan = planCompare(first, second, { fromOrgs: attackers, order, controls: asked.question.controls });
        const [a, b] = plan.sides;
        const total = a.tasks.length + b.tasks.length;
        const version = self.parent?.version() ?? '0.0.0';
        const runnerOf = (loaded: typeof firstLoaded) =>
          queue === undefined ? localPassRunner(jobs) : queuedRunner(io, bar, { target: queue, version, modelText: loaded.text, nodeIds: loaded.prepared.compiled.nodeIds });
        const recipe = { input: 'leakage', controls: asked.question.controls } as const;
        bar.phase('attackers');
        const passesA = await (await runnerOf(firstLoaded))(a.input, recipe, a.tasks, (done) => bar.update(done, total));
        const passesB = await (await runnerOf(secondLoaded))(b.input, recipe, b.tasks, (done) => bar.update(a.tasks.length + done, total));
        bar.phase('differences');
        result = compareFromPasses(plan, [passesA, passesB]);
      } finally {
        bar.end();
      }
      if (options.json === true) printJson(io, result);
      else printText(io, formatCompare(result));
    });
}
