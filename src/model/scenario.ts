// A scenario: who the attacker starts as (`from`), which boundaries fail (`fail`) and which
// controls differ from the model's. Positions of each entry let later stages report unknown ids.

import type { ControlName } from '../domain/controls.js';
import type { InputIssue } from './issues.js';
import type { SourceLocation } from './types.js';

export interface Scenario {
  readonly name: string;
  readonly description: string;
  /** Footholds: node ids the attacker controls at the start. */
  readonly from: readonly string[];
  /** Failure specs (failure-spec.ts): `kernel`, `session@pool1-vm3`, `build:win11`. */
  readonly fail: readonly string[];
  /** Overrides of the model's controls; a control not named keeps the model's value. */
  readonly controls: Partial<Record<ControlName, boolean>>;
  /** Where each `from` and `fail` entry was written (same indices), and the file. */
  readonly locations: {
    readonly from: readonly SourceLocation[];
    readonly fail: readonly SourceLocation[];
    readonly file: string;
  };
}

export type ScenarioParseResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly issues: InputIssue[] };

/** A scenario built in code rather than read from a file (tests, sweeps); positions read `<file>:1:1`. */
export function inlineScenario(
  spec: Pick<Scenario, 'name'> & Partial<Omit<Scenario, 'locations'>>,
  file = '<inline>',
): Scenario {
  const start: SourceLocation = { file, line: 1, column: 1 };
  const from = spec.from ?? [];
  const fail = spec.fail ?? [];
  return {
    name: spec.name,
    description: spec.description ?? '',
    from,
    fail,
    controls: spec.controls ?? {},
    locations: { from: from.map(() => start), fail: fail.map(() => start), file },
  };
}
