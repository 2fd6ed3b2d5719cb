// Scenario files in, a validated Scenario out — or every issue at once, through the same YAML
// reader and schema validator as models. parseScenario never throws.

import { parseFailureSpec } from './failure-spec.js';
import { sortIssues, type InputIssue } from './issues.js';
import { readTextFile } from './read-text-file.js';
import type { Scenario, ScenarioParseResult } from './scenario.js';
import { SCENARIO_SCHEMA } from './scenario-schema.js';
import type { Infer } from './schema-dsl.js';
import { validateDocument } from './validate.js';
import { readYamlSource } from './yaml-source.js';

/** Parses YAML or JSON scenario text; `file` is only used in issue locations. */
export function parseScenario(text: string, file: string): ScenarioParseResult {
  const read = readYamlSource(text, file, 'scenario');
  if (!read.ok) return { ok: false, issues: sortIssues(read.issues) };

  const walk = validateDocument(SCENARIO_SCHEMA, read.source, 'scenario');
  if (walk.value === undefined) return { ok: false, issues: sortIssues(walk.issues) };
  const issues: InputIssue[] = [...walk.issues];
  const { positions } = walk;
  // Fields may be missing where invalid (reported); when `issues` stays empty every one is present.
  const draft = walk.value as Partial<Infer<typeof SCENARIO_SCHEMA>>;

  const fail = draft.fail ?? [];
  fail.forEach((spec, index) => {
    const parsed = parseFailureSpec(spec);
    if (!parsed.ok) issues.push({ location: positions.of(fail, index), message: parsed.message });
  });

  if (issues.length > 0) return { ok: false, issues: sortIssues(issues) };
  // No issues: every field is present and valid.
  const { name, description, from, controls } = walk.value as Infer<typeof SCENARIO_SCHEMA>;
  const scenario: Scenario = {
    name,
    description,
    from,
    fail,
    controls,
    locations: {
      from: from.map((_, index) => positions.of(from, index)),
      fail: fail.map((_, index) => positions.of(fail, index)),
      file,
    },
  };
  return { ok: true, scenario };
}

/** Reads and parses a `.yaml`, `.yml` or `.json` scenario; an unreadable file is an issue at 1:1. */
export function loadScenarioFile(path: string): ScenarioParseResult {
  const read = readTextFile(path, 'scenario');
  return read.ok ? parseScenario(read.text, path) : read;
}
