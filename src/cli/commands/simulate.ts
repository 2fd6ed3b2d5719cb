// `indepth simulate MODEL [--scenario FILE] [--from ID]… [--fail SPEC]… [--control NAME=on|off]… [--json]`

import type { Command } from 'commander';
import { whatIf, type QuestionProblem } from '../../analyze/what-if.js';
import { InputError, type InputIssue } from '../../model/issues.js';
import type { Scenario } from '../../model/scenario.js';
import { toJson } from '../../report/json.js';
import { formatWhatIf } from '../../report/what-if-text.js';
import { CliError, type CliIo } from '../io.js';
import { loadModel, loadScenario } from '../load.js';
import { collect, parseControlToggles } from '../options.js';

interface SimulateOptions {
  scenario?: string;
  from: string[];
  fail: string[];
  control: string[];
  json?: boolean;
}

export function registerSimulate(program: Command, io: CliIo): void {
  program
    .command('simulate')
    .description('what-if: what an attacker at the footholds reaches when the given boundaries fail')
    .argument('<model>', 'model file')
    .option('-s, --scenario <file>', 'scenario file (footholds, failures, control toggles); flags add to it')
    .option('-f, --from <id>', 'foothold: a node id (user, device, internet, web), a user group, or an organization (= any standard user of it); repeatable', collect, [])
    .option('--fail <spec>', 'failed boundary: a type (kernel), an instance (session@pool1-vm3), a group (build:…) or type@group; repeatable', collect, [])
    .option('--control <name=on|off>', 'turn a control on or off (reverseConnect, credentialGuard, mfa); repeatable', collect, [])
    .option('--json', 'machine-readable output')
    .addHelpText(
      'after',
      '\nExamples:\n  indepth simulate models/cross-org-shared.yaml --from mallory --fail kernel\n  indepth simulate models/cross-org-shared.yaml --scenario scenarios/kernel-0day.yaml --json',
    )
    .action((file: string, options: SimulateOptions) => {
      const loaded = loadModel(file);
      const scenario = options.scenario === undefined ? undefined : loadScenario(options.scenario);
      const toggles = parseControlToggles(options.control);
      const question = {
        name: scenario?.name ?? 'what-if',
        from: [...(scenario?.from ?? []), ...options.from],
        fail: [...(scenario?.fail ?? []), ...options.fail],
        controls: { ...(scenario?.controls ?? {}), ...toggles.values },
      };
      if (question.from.length === 0) {
        throw new CliError('no foothold: give --from ID (e.g. --from mallory or --from internet) or a --scenario with `from`');
      }
      const { prepared } = loaded;
      const outcome = whatIf(prepared, question);
      const problems = outcome.ok ? [] : outcome.problems;
      if (problems.length > 0 || toggles.problems.length > 0) throw questionError(problems, scenario, toggles.problems);
      if (!outcome.ok) return;
      io.out(options.json === true ? toJson(outcome.result) : formatWhatIf(outcome.result));
    });
}

/** Problems in scenario entries point at the scenario file; problems in flags name the flag. */
export function questionError(
  problems: readonly QuestionProblem[],
  scenario: Scenario | undefined,
  otherFlagProblems: readonly string[] = [],
): Error {
  const issues: InputIssue[] = [];
  const flagMessages: string[] = [...otherFlagProblems];
  for (const p of problems) {
    const fromScenario = scenario?.locations[p.field][p.index];
    if (fromScenario !== undefined) issues.push({ location: fromScenario, message: p.message });
    else flagMessages.push(`--${p.field}: ${p.message}`);
  }
  if (flagMessages.length === 0) return new InputError(issues);
  return new CliError(flagMessages.join('\nindepth: '), 1, issues);
}
