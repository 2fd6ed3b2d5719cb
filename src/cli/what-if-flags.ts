// The what-if flags shared by simulate, diagram and export: a scenario file plus --from, --fail and
// --control on top of it, merged into one question; and how problems with it are reported.

import type { Command } from 'commander';
import type { QuestionProblem, WhatIfQuestion } from '../analyze/what-if.js';
import { InputError, type InputIssue } from '../model/issues.js';
import type { Scenario } from '../model/scenario.js';
import { CliError } from './io.js';
import { loadScenario } from './load.js';
import { collect, parseControlToggles } from './options.js';

export interface WhatIfFlags {
  scenario?: string;
  from: string[];
  fail: string[];
  control: string[];
}

/** Adds --scenario, --from, --fail and --control; `scenarioHelp` says what the scenario is for here. */
export function addWhatIfFlags(command: Command, scenarioHelp = 'scenario file (footholds, failures, control toggles); flags add to it'): Command {
  return command
    .option('-s, --scenario <file>', scenarioHelp)
    .option('-f, --from <id>', 'foothold: a node id (user, device, internet, web), a user group, or an organization (= any standard user of it); repeatable', collect, [])
    .option('--fail <spec>', 'failed boundary: a type (kernel), an instance (session@pool1-vm3), a group (build:…) or type@group; repeatable', collect, [])
    .option('--control <name=on|off>', 'turn a control on or off (reverseConnect, credentialGuard, mfa); repeatable', collect, []);
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
