// `indepth risk MODEL --from ID… | --scenario FILE [--failures type|instance] [--samples N | --precision P] [--seed S] [--quiet] [--json]`:
// Monte Carlo sampling shows a progress bar on an interactive stderr.

import type { Command } from 'commander';
import { formatRisk } from '../../report/risk-text.js';
import { DEFAULT_RISK_QUESTION, analyzeRisk } from '../../risk/analyze.js';
import { FAILURE_MODES, type FailureMode } from '../../risk/failure-model.js';
import { parseLikelihoodFlag, type LikelihoodOverride } from '../../risk/likelihood.js';
import { RISK_METHODS, type RiskMethod } from '../../risk/types.js';
import { CliError, type CliIo } from '../io.js';
import { printJson, printText } from '../output.js';
import { loadModel } from '../load.js';
import { collect, parseIntegerOption, quietOption } from '../options.js';
import { progress } from '../progress.js';
import { addAttackerFlags, attackerFromFlags, NO_FOOTHOLD, noteIgnoredFailures, questionError, type AttackerFlags } from '../what-if-flags.js';

interface RiskOptions extends AttackerFlags {
  target: string[];
  failures: string;
  method: string;
  samples?: string;
  precision?: string;
  maxSamples: string;
  seed: string;
  order: string;
  likelihood: string[];
  patchDays?: string;
  instanceLimit: string;
  quiet?: boolean;
  json?: boolean;
  timing?: boolean;
}

export function registerRisk(program: Command, io: CliIo): void {
  const command = program
    .command('risk')
    .description('exposure probability of every organization and data store from a foothold, what to harden first, and cost')
    .argument('<model>', 'model file');
  addAttackerFlags(command)
    .option('--target <org>', 'victim organization(s) of the top event that importance ranks against; default: every other organization', collect, [])
    .option('--failures <mode>', '`type`: a failure fails every instance of its type (exact); `instance`: instances fail independently (sampled)', 'type')
    .option('--method <m>', '`auto`, `exact` (type), `monte-carlo`, or `rare-event` (instance: Karp–Luby–Madras over minimal cut sets)', 'auto')
    .option('--samples <n>', 'sample exactly n scenarios (plain Monte Carlo, no fallback; overrides --precision)')
    .option('--precision <p>', 'sample until every organization\u2019s 95 % interval is within \u00b1p of its estimate (relative)', String(DEFAULT_RISK_QUESTION.precision))
    .option('--max-samples <n>', 'sampling budget per estimate', String(DEFAULT_RISK_QUESTION.maxSamples))
    .option('--seed <s>', 'random seed: the same seed gives the same numbers', String(DEFAULT_RISK_QUESTION.seed))
    .option('--order <k>', 'instance mode: largest minimal cut sets used by the rare-event estimator and importance', String(DEFAULT_RISK_QUESTION.order))
    .option('--likelihood <target=p>', 'override a failure probability per year (type, instance, group, type@group); repeatable', collect, [])
    .option('--patch-days <d>', 'days from a fix\u2019s release until it is deployed (overrides the model\u2019s risk.patchDays)')
    .option('--instance-limit <n>', 'most instances in the importance table', String(DEFAULT_RISK_QUESTION.instanceLimit))
    .addOption(quietOption('no progress bar on stderr (--timing still prints)'))
    .option('--json', 'machine-readable output')
    .option('--timing', 'print elapsed time and samples per second on stderr')
    .addHelpText(
      'after',
      '\nExamples:\n  indepth risk models/cross-org-shared.yaml --from mallory\n  indepth risk models/cross-org-shared.yaml --scenario scenarios/kernel-0day.yaml --failures instance --samples 1000000\n  indepth risk models/cross-org-separated.yaml --from fabrikam --failures instance --precision 0.02 --seed 7',
    )
    .action((file: string, options: RiskOptions) => {
      const problems: string[] = [];
      if (!(FAILURE_MODES as readonly string[]).includes(options.failures)) problems.push(`--failures: expected \`type\` or \`instance\`, got \`${options.failures}\``);
      if (!(RISK_METHODS as readonly string[]).includes(options.method)) problems.push(`--method: expected one of ${RISK_METHODS.join(', ')}, got \`${options.method}\``);
      const samples = options.samples === undefined ? null : parseIntegerOption('--samples', options.samples, 1, 1_000_000_000, problems);
      const precision = parseFraction('--precision', options.precision ?? '', problems);
      const maxSamples = parseIntegerOption('--max-samples', options.maxSamples, 1, 1_000_000_000, problems);
      const seed = parseIntegerOption('--seed', options.seed, 0, 2 ** 32 - 1, problems);
      const order = parseIntegerOption('--order', options.order, 1, 4, problems);
      const instanceLimit = parseIntegerOption('--instance-limit', options.instanceLimit, 0, 100_000, problems);
      const patchDays = options.patchDays === undefined ? null : parseIntegerOption('--patch-days', options.patchDays, 0, 3650, problems);
      const likelihoods: LikelihoodOverride[] = [];
      for (const flag of options.likelihood) {
        const parsed = parseLikelihoodFlag(flag);
        if (parsed.ok) likelihoods.push(parsed.override);
        else problems.push(parsed.message);
      }
      const { question, scenario, ignoredFail, problems: flagProblems } = attackerFromFlags(options);
      problems.push(...flagProblems);
      if (question.from.length === 0) problems.push(NO_FOOTHOLD);
      if (problems.length > 0) throw new CliError(problems.join('\nindepth: '));
      noteIgnoredFailures(io, 'risk', ignoredFail, options.quiet === true);

      const bar = progress(io, 'risk', options.quiet === true);
      let started = 0;
      const outcome = (() => {
        try {
          bar.phase('loading and compiling the model');
          const { prepared } = loadModel(file);
          started = performance.now();
          bar.phase('estimating (Monte Carlo samples drawn)');
          return analyzeRisk(prepared, {
            ...DEFAULT_RISK_QUESTION,
            from: question.from,
            controls: question.controls,
            failures: options.failures as FailureMode,
            method: options.method as RiskMethod,
            victims: options.target,
            likelihoods,
            patchDays,
            samples,
            precision,
            maxSamples,
            seed,
            order,
            instanceLimit,
            onSamples: (drawn, most) => bar.update(drawn, most),
          });
        } finally {
          bar.end();
        }
      })();
      if (!outcome.ok) throw questionError(outcome.problems, scenario, outcome.messages);
      if (options.timing === true) {
        const seconds = (performance.now() - started) / 1000;
        const drawn = Math.max(0, ...outcome.result.organizations.filter((o) => o.method === 'monte-carlo').map((o) => o.samples), outcome.result.target.method === 'monte-carlo' ? outcome.result.target.samples : 0);
        const rate = drawn > 0 ? `, ${drawn} Monte Carlo samples = ${Math.round(drawn / seconds)} samples/s (including setup)` : '';
        io.err(`risk: ${seconds.toFixed(2)} s${rate}\n`);
      }
      if (options.json === true) printJson(io, outcome.result);
      else printText(io, formatRisk(outcome.result));
    });
}

/** A number in (0, 1). */
function parseFraction(flag: string, text: string, problems: string[]): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0 || value >= 1) {
    problems.push(`${flag}: expected a number between 0 and 1 (e.g. 0.05), got \`${text}\``);
    return 0.05;
  }
  return value;
}
