// `indepth check MODEL [--policy FILE] [--baseline OLD_MODEL] [--format text|json|sarif|junit] [-o FILE] [--jobs N | --queue URL]`:
// the CI gate. Exit 0 when every policy holds (or, with a baseline, nothing got worse), 1 on
// findings, 2 on bad input — unlike the other commands, a gate must tell "your change is unsafe"
// from "the gate could not run".

import { resolve } from 'node:path';
import { Command } from 'commander';
import { InputError, formatIssue, type InputIssue } from '../../model/issues.js';
import { readTextFile } from '../../model/read-text-file.js';
import { createPolicyContext, type PolicyContext } from '../../policy/context.js';
import { checkPolicyAgainstModel, defaultPolicyConfig, parsePolicy, type PolicyConfig } from '../../policy/load-policy.js';
import { depthQuestionsAsked, runPolicies } from '../../policy/run-policies.js';
import { defaultJobs } from '../../parallel/pass-pool.js';
import { localPassRunner, type PassRunner } from '../../parallel/pass-runner.js';
import { settingLocations } from '../../policy/setting-locations.js';
import { CHECK_FORMATS, isCheckFormat } from '../../report/check-formats.js';
import { verdict } from '../../report/findings-text.js';
import { artifactUri } from '../../report/sarif.js';
import { CliError, type CliIo } from '../io.js';
import { loadModel } from '../load.js';
import { checkOutputPath, writeOutput } from '../output.js';
import { repositoryRoot } from '../repository-root.js';
import { parseIntegerOption, quietOption } from '../options.js';
import { progress } from '../progress.js';
import { jobsWithQueue, parseQueueOption, QUEUE_OPTION_HELP, queuedRunner } from '../queue-option.js';

export const EXIT_FINDINGS = 1;
export const EXIT_BAD_INPUT = 2;

interface CheckOptions {
  policy?: string;
  baseline?: string;
  format: string;
  json?: boolean;
  output?: string;
  jobs: string;
  queue?: string;
  quiet?: boolean;
}

/** A command whose usage errors (unknown option, missing value) exit with `exitCode`, not commander's 1. */
export class StrictCommand extends Command {
  constructor(
    name: string,
    private readonly usageExitCode: number,
  ) {
    super(name);
  }

  override error(message: string): never {
    throw new CliError(`${message.replace(/^error: /, '')} (run \`indepth ${this.name()} --help\` for usage)`, this.usageExitCode);
  }
}

/** What each format writes, for refusing `--format json -o results.sarif` (other names are accepted). */
const CHECK_FILES: Record<keyof typeof CHECK_FORMATS, { format: string; extensions: readonly string[] }> = {
  text: { format: 'text', extensions: ['.txt', '.log', '.md'] },
  json: { format: 'JSON', extensions: ['.json'] },
  sarif: { format: 'SARIF', extensions: ['.sarif', '.json'] },
  junit: { format: 'JUnit XML', extensions: ['.xml'] },
};

export function registerCheck(program: Command, io: CliIo): void {
  const command = new StrictCommand('check', EXIT_BAD_INPUT)
    .description('policy gate for CI: check a model against the guide\u2019s policies (and your own); exit 0 pass, 1 findings, 2 bad input')
    .argument('<model>', 'model file')
    .option('-p, --policy <file>', 'policy file (YAML or JSON): settings of the built-in policies and custom ones; default: every built-in policy')
    .option('-b, --baseline <model>', 'the model before the change: report only what got worse (new findings, lower depth, new reachability)')
    .option('--format <format>', `output format: ${Object.keys(CHECK_FORMATS).join(', ')}`, 'text')
    .option('--json', 'the same as --format json (as the other commands take it)')
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('-j, --jobs <n>', 'worker threads for the depth passes (default: one per core; 1 runs in this thread)', String(defaultJobs()))
    .option('--queue <url>', QUEUE_OPTION_HELP)
    .addOption(quietOption())
    .addHelpText(
      'after',
      [
        '',
        'Exit status: 0 every policy holds, 1 findings, 2 bad input (model, baseline or policy file, or options)',
        'or the queue could not run the passes, 130 interrupted.',
        '',
        'Examples:',
        '  indepth check models/cross-org-shared.yaml',
        '  indepth check models/cross-org-shared.yaml --baseline models/cross-org-separated.yaml',
        '  indepth check model.yaml --policy policy.yaml --format sarif -o indepth.sarif',
        '  indepth check big.yaml --queue redis://10.0.0.5:6379   # with `indepth worker --queue redis://10.0.0.5:6379` running',
      ].join('\n'),
    )
    .action(async (file: string, options: CheckOptions, self: Command) => {
      if (options.json === true) {
        if (self.getOptionValueSource('format') === 'cli' && options.format !== 'json') {
          throw new CliError(`--json and --format ${options.format} ask for two formats: give one`, EXIT_BAD_INPUT);
        }
        options.format = 'json';
      }
      if (!isCheckFormat(options.format)) {
        throw new CliError(`--format: expected one of ${Object.keys(CHECK_FORMATS).join(', ')}, got \`${options.format}\``, EXIT_BAD_INPUT);
      }
      const usage: string[] = [];
      const jobs = parseIntegerOption('--jobs', options.jobs, 1, 64, usage);
      const queue = parseQueueOption(options.queue, usage);
      jobsWithQueue(self, options.queue, usage);
      if (usage.length > 0) throw new CliError(usage.join('\nindepth: '), EXIT_BAD_INPUT);

      if (options.output !== undefined) {
        const inputs = [file, ...[options.policy, options.baseline].filter((f): f is string => f !== undefined)];
        checkOutputPath(options.output, { option: '-o', inputs, writes: CHECK_FILES[options.format] });
      }
      const issues: InputIssue[] = [];
      const attempt = <T>(load: () => T): T | undefined => {
        try {
          return load();
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          issues.push(...error.issues);
          return undefined;
        }
      };
      const config = options.policy === undefined ? defaultPolicyConfig() : attempt(() => readPolicy(options.policy!));
      const loaded = attempt(() => loadContext(file));
      const loadedBaseline = options.baseline === undefined ? null : attempt(() => loadContext(options.baseline!));
      const context = loaded?.context;
      const baseline = loadedBaseline === null ? null : loadedBaseline?.context;
      if (config !== undefined && context !== undefined) issues.push(...checkPolicyAgainstModel(config, context.prepared));
      if (issues.length > 0 || config === undefined || context === undefined || baseline === undefined) {
        io.err(new InputError(issues).issues.map((i) => `${formatIssue(i)}\n`).join(''));
        throw new CliError(`check could not run: ${issues.length} ${issues.length === 1 ? 'problem' : 'problems'} in the input`, EXIT_BAD_INPUT);
      }

      // Every depth pass the policies will ask for, run ahead on the worker pool or the queue: one per foothold set.
      const bar = progress(io, 'check', options.quiet === true);
      const version = self.parent?.version() ?? '0.0.0';
      const runnerOf = (model: LoadedContext): PassRunner | Promise<PassRunner> =>
        queue === undefined
          ? localPassRunner(jobs)
          : queuedRunner(io, bar, { target: queue, version, modelText: model.text, nodeIds: model.context.prepared.compiled.nodeIds });
      try {
        const asked = depthQuestionsAsked(config, context, baseline);
        bar.phase('depth passes');
        await context.prefetch(asked.current, await runnerOf(loaded!), (done, total) => bar.update(done, total));
        if (baseline !== null) {
          bar.phase('baseline depth passes');
          await baseline.prefetch(asked.baseline, await runnerOf(loadedBaseline!), (done, total) => bar.update(done, total));
        }
      } catch (error) {
        // The queue failed (unreachable, a refusing worker): the gate could not run, which is not "findings".
        if (error instanceof CliError && error.exitCode === EXIT_FINDINGS) throw new CliError(error.message, EXIT_BAD_INPUT);
        throw error;
      } finally {
        bar.end();
      }
      const result = runPolicies(config, context, baseline);
      const report = CHECK_FORMATS[options.format](result, {
        toolVersion: self.parent?.version() ?? '0.0.0',
        uri: (f) => artifactUri(resolve(f), repositoryRoot(process.cwd())),
      });
      writeOutput(io, options.output, [report]);
      // The text report on standard output ends with the verdict already: say it once.
      const verdictShown = options.output === undefined && options.format === 'text';
      if (result.findings.length > 0) throw new CliError(verdictShown ? '' : verdict(result), EXIT_FINDINGS);
      if (!verdictShown) io.err(`indepth: ${verdict(result)}\n`);
    });
  program.addCommand(command);
}

function readPolicy(file: string): PolicyConfig {
  const read = readTextFile(file, 'policy');
  const parsed = read.ok ? parsePolicy(read.text, file) : read;
  if (!parsed.ok) throw new InputError(parsed.issues);
  return parsed.config;
}

/** A model's policy context and its text as loaded (what `--queue` sends to workers). */
interface LoadedContext {
  readonly context: PolicyContext;
  readonly text: string;
}

function loadContext(file: string): LoadedContext {
  const loaded = loadModel(file);
  const settings = settingLocations(loaded.text, file);
  return { context: createPolicyContext(file, loaded.prepared, loaded.locations, settings), text: loaded.text };
}
