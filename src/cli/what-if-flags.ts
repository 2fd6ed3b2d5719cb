// The what-if flags shared by simulate, diagram, export, report and view: a scenario file plus
// --from, --fail and --control on top of it, merged into one question; the attacker flags (the same
// without --fail) of depth, sweep and risk, which search the failures themselves; and how problems
// with either are reported.

import type { Command } from 'commander';
import type { QuestionProblem, WhatIfQuestion } from '../analyze/what-if.js';
import { InputError, type InputIssue } from '../model/issues.js';
import type { Scenario } from '../model/scenario.js';
import { CliError, type CliIo } from './io.js';
import { terminalSafe } from '../domain/terminal-safe.js';
import { didYouMean } from '../model/suggest.js';
import { loadScenario } from './load.js';
import { collect, controlOption, fromOption, parseControlToggles, scenarioOption } from './options.js';

export interface WhatIfFlags {
  scenario?: string;
  from: string[];
  fail: string[];
  control: string[];
}

/** Adds --scenario, --from, --fail and --control; `scenarioHelp` says what the scenario is for here. */
export function addWhatIfFlags(command: Command, scenarioHelp?: string): Command {
  return command
    .addOption(scenarioOption(scenarioHelp))
    .addOption(fromOption())
    .option('--fail <spec>', 'failed boundary: a type (kernel), an instance (session@pool1-vm3), a group (build:…) or type@group; repeatable', collect, [])
    .addOption(controlOption());
}

export type AttackerFlags = Omit<WhatIfFlags, 'fail'>;

/**
 * Adds --scenario, --from and --control for commands that search every failure set themselves
 * (depth, sweep, risk): a scenario gives them its footholds and control toggles, not its failures.
 */
export function addAttackerFlags(command: Command, fromHelp?: string): Command {
  return command
    .addOption(scenarioOption('scenario file: its footholds (`from`) and control toggles; flags add to them (its `fail` is not assumed: failures are what this command searches)'))
    .addOption(fromOption(fromHelp))
    .addOption(controlOption());
}

/**
 * The attacker and controls of a depth, sweep or risk question: the scenario's, then the flags'.
 * `ignoredFail` lists the scenario's failures, which these commands do not assume (they search every
 * failure set), so the command can say so.
 */
export function attackerFromFlags(flags: AttackerFlags): AskedQuestion & { readonly ignoredFail: readonly string[] } {
  const asked = questionFromFlags({ ...flags, fail: [] });
  return { ...asked, question: { ...asked.question, fail: [] }, ignoredFail: asked.scenario?.fail ?? [] };
}

export interface AskedQuestion {
  readonly question: WhatIfQuestion;
  readonly scenario: Scenario | undefined;
  /** Whether anything at all was asked (a scenario, a foothold, a failure or a toggle). */
  readonly asked: boolean;
  /** Problems with the flags themselves, to report with every other problem at once. */
  readonly problems: readonly string[];
}

/** Scenario file first, flags added to it; a scenario file that does not load throws its issues. */
export function questionFromFlags(flags: WhatIfFlags): AskedQuestion {
  const toggles = parseControlToggles(flags.control);
  const scenario = flags.scenario === undefined ? undefined : loadScenario(flags.scenario);
  const question: WhatIfQuestion = {
    name: scenario?.name ?? 'what-if',
    from: [...(scenario?.from ?? []), ...flags.from],
    fail: [...(scenario?.fail ?? []), ...flags.fail],
    controls: { ...(scenario?.controls ?? {}), ...toggles.values },
  };
  const asked = scenario !== undefined || question.from.length > 0 || question.fail.length > 0 || flags.control.length > 0;
  return { question, scenario, asked, problems: toggles.problems };
}

export const NO_FOOTHOLD = 'no foothold: give --from ID (e.g. --from mallory or --from internet) or a --scenario with `from`';

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

/** Says, unless quiet, that a scenario's failures were not assumed by a command that searches failures itself. */
export function noteIgnoredFailures(io: CliIo, command: string, ignoredFail: readonly string[], quiet: boolean): void {
  if (ignoredFail.length === 0 || quiet) return;
  io.err(terminalSafe(`indepth: note: ${command} does not assume the scenario's failures (${ignoredFail.join(', ')}): it searches every failure set; use simulate for that what-if\n`));
}

/** --scenario of matrix and compare, whose attackers are organizations. */
export const ORGANIZATION_SCENARIO_HELP =
  'scenario file: its control toggles, and its footholds (which must be organizations) as attackers; flags add to them (its `fail` is not assumed: failures are what this command searches)';

/**
 * Attackers of matrix and compare (scenario `from` first, then the flags) that are not among `known`
 * organizations: problems that point at the scenario file or name --from.
 */
export function unknownOrganizations(attackers: readonly string[], known: readonly string[], message: (attacker: string) => string): QuestionProblem[] {
  const problems: QuestionProblem[] = [];
  attackers.forEach((attacker, index) => {
    if (!known.includes(attacker)) problems.push({ field: 'from', index, message: `${message(attacker)}${didYouMean(attacker, known)}` });
  });
  return problems;
}
