// Scenario files: footholds and failures with their positions, control overrides, and the same
// issue discipline as model files.

import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/model/issues.js';
import { loadScenarioFile, parseScenario } from '../../src/model/load-scenario.js';
import { inlineScenario } from '../../src/model/scenario.js';
import { lines } from './helpers.js';

const issuesOf = (text: string): string[] => {
  const result = parseScenario(text, 's.yaml');
  return result.ok ? [] : result.issues.map(formatIssue);
};

describe('a valid scenario', () => {
  const path = new URL('../fixtures/scenarios/kernel-0day.yaml', import.meta.url).pathname;
  const result = loadScenarioFile(path);

  it('loads with every field', () => {
    expect(result.ok && { ...result.scenario, locations: undefined }).toEqual({
      name: 'kernel-0day',
      description: "A local elevation of privilege in the session hosts' kernel.",
      from: ['mallory'],
      fail: ['kernel', 'session@pool1-vm3', 'build:win11'],
      controls: { reverseConnect: false },
      locations: undefined,
    });
  });

  it('knows where each foothold and failure was written', () => {
    if (!result.ok) throw new Error('expected the fixture to load');
    const { locations } = result.scenario;
    expect(locations.file).toBe(path);
    expect(locations.from).toEqual([{ file: path, line: 4, column: 8 }]);
    expect(locations.fail.map(({ line, column }) => `${line}:${column}`)).toEqual(['6:5', '7:5', '8:5']);
  });

  it('defaults description, footholds, failures and controls', () => {
    const minimal = parseScenario('name: nothing-fails\n', 's.yaml');
    expect(minimal.ok && minimal.scenario).toEqual({
      name: 'nothing-fails',
      description: '',
      from: [],
      fail: [],
      controls: {},
      locations: { from: [], fail: [], file: 's.yaml' },
    });
  });

  it('is the same written as JSON, and accepts `$schema`', () => {
    const json = parseScenario(
      '{"$schema": "../schema/scenario.schema.json", "name": "k", "from": ["mallory"], "fail": ["kernel"]}',
      's.json',
    );
    const yaml = parseScenario(lines('name: k', 'from: [mallory]', 'fail: [kernel]'), 's.json');
    expect(json.ok && { ...json.scenario, locations: null }).toEqual(yaml.ok && { ...yaml.scenario, locations: null });
  });
});

describe('scenario issues', () => {
  it('are all reported at once', () => {
    expect(
      issuesOf(
        lines(
          'nmae: k', // 1
          'from: []', // 2
          'fail: [kernal, session@, "build:", vm@host1, kernel]', // 3
          'controls: {reverseConect: false, mfa: no}', // 4
        ),
      ),
    ).toEqual([
      's.yaml:1:1: missing required key `name` in the scenario',
      's.yaml:1:1: unknown key `nmae` in the scenario (did you mean `name`?)',
      's.yaml:2:7: `from` must list at least one item',
      's.yaml:3:8: `kernal` in failure `kernal` is not a boundary type: expected one of `network`, `kernel`, `process`, `appcontainer`, `user`, `session`, `browser`, `vm`, `vsm`, `tenant`, `subscription` (did you mean `kernel`?)',
      's.yaml:3:16: boundary instance `session@` must name a place after `@`, e.g. `session@pool1-vm3`',
      's.yaml:3:26: failure group `build:` must read `prefix:name`, e.g. `build:win11`',
      's.yaml:4:12: unknown key `reverseConect` in `controls` (did you mean `reverseConnect`?)',
      's.yaml:4:39: `mfa` of `controls` must be `true` or `false`, got the string `no`',
    ]);
  });

  it('include an empty file, a syntax error and a missing file', () => {
    expect(issuesOf('# todo\n')).toEqual(['s.yaml:1:1: scenario file is empty']);
    expect(issuesOf('from: [a\n')).toHaveLength(1);
    const missing = loadScenarioFile('nowhere.yaml');
    expect(missing.ok ? [] : missing.issues.map(formatIssue)).toEqual(['nowhere.yaml:1:1: cannot read scenario file: no such file']);
  });

  it('include a foothold listed twice', () => {
    expect(issuesOf(lines('name: k', 'from: [mallory, mallory]'))).toEqual([
      's.yaml:2:17: `from` lists `mallory` more than once',
    ]);
  });
});

describe('inlineScenario', () => {
  it('builds a Scenario in code with a position per entry', () => {
    const scenario = inlineScenario({ name: 'sweep', from: ['a', 'b'], fail: ['kernel'] });
    expect(scenario.controls).toEqual({});
    expect(scenario.locations.from).toHaveLength(2);
    expect(scenario.locations.fail[0]).toEqual({ file: '<inline>', line: 1, column: 1 });
  });
});
