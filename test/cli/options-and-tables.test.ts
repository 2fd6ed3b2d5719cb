// One command line across commands, run through the CLI: --quiet and --scenario wherever they make
// sense (one shared definition each), progress on long Monte Carlo runs, group members in natural
// order for people, and text tables whose columns are sized from their data.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { buildProgram, runCli } from '../../src/cli/run.js';
import { byString } from '../../src/util/string-order.js';
import { cli, STACK_FRAME } from '../support/cli.js';
import { ROOT } from '../support/model.js';

const DIR = mkdtempSync(join(tmpdir(), 'indepth-options-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const SHARED = 'models/cross-org-shared.yaml';
const SEPARATED = 'models/cross-org-separated.yaml';
const KERNEL = 'scenarios/kernel-0day.yaml'; // from: [mallory], fail: [kernel]

const silent: CliIo = { out: () => undefined, err: () => undefined, errIsTty: false };
const commands = buildProgram(silent).commands;
const helpOf = (name: string) => commands.find((c) => c.name() === name)!.helpInformation();

describe('--quiet and --scenario', () => {
  it.each(['depth', 'sweep', 'risk', 'view', 'compare', 'matrix', 'check', 'export', 'generate', 'report', 'recommend', 'import', 'worker'])('%s takes -q, --quiet', (name) => {
    expect(helpOf(name)).toMatch(/-q, --quiet\s/);
  });

  it('check takes --json as --format json, and refuses it beside another format', async () => {
    // The README says `--json` gives the result for machines; check only took --format json (a fresh user's trial).
    const byFlag = await cli(['check', SHARED, '--json']);
    const byFormat = await cli(['check', SHARED, '--format', 'json']);
    expect(byFlag.code).toBe(1);
    expect(byFlag.out).toBe(byFormat.out);
    expect(JSON.parse(byFlag.out).passed).toBe(false);
    const both = await cli(['check', SHARED, '--json', '--format', 'sarif']);
    expect(both.code).toBe(2);
    expect(both.err).toContain('--json and --format sarif ask for two formats: give one');
  });

  it.each(['simulate', 'diagram', 'export', 'report', 'view', 'depth', 'sweep', 'risk', 'matrix', 'compare'])('%s takes -s, --scenario <file>', (name) => {
    expect(helpOf(name)).toContain('-s, --scenario <file>');
  });

  it('depth, sweep and risk read the scenario\u2019s foothold exactly as --from, and say that they search the failures themselves', async () => {
    for (const command of [['depth'], ['sweep', '--order', '1'], ['risk']]) {
      const byFlag = await cli([command[0]!, SHARED, ...command.slice(1), '--from', 'mallory', '--json']);
      const byScenario = await cli([command[0]!, SHARED, ...command.slice(1), '--scenario', KERNEL, '--json']);
      expect(byFlag.code, byFlag.err).toBe(0);
      expect(byScenario.code, byScenario.err).toBe(0);
      expect(byScenario.out).toBe(byFlag.out);
      // kernel-0day fails `kernel`; a depth question searches every failure set instead, and says so.
      expect(byScenario.err).toContain(`indepth: note: ${command[0]} does not assume the scenario's failures (kernel)`);
      const quiet = await cli([command[0]!, SHARED, ...command.slice(1), '--scenario', KERNEL, '--json', '--quiet']);
      expect(quiet.err).toBe('');
      expect(quiet.out).toBe(byFlag.out);
    }
  }, 240_000);

  it('the scenario\u2019s control toggles apply, and flags add to them', async () => {
    const scenario = join(DIR, 'cg.yaml');
    writeFileSync(scenario, 'name: cg\nfrom: [mallory]\ncontrols: {credentialGuard: true}\n');
    const byScenario = await cli(['depth', SHARED, '--scenario', scenario, '--json']);
    const byFlags = await cli(['depth', SHARED, '--from', 'mallory', '--control', 'credentialGuard=on', '--json']);
    expect(byScenario.code, byScenario.err).toBe(0);
    expect(byScenario.out).toBe(byFlags.out);
  }, 120_000);

  it('an unknown foothold in a scenario is reported at its line in the scenario file, no stack', async () => {
    const scenario = join(DIR, 'nobody.yaml');
    writeFileSync(scenario, 'name: nobody\nfrom:\n  - nobody\n');
    for (const command of ['depth', 'sweep', 'risk']) {
      const run = await cli([command, SHARED, '--scenario', scenario]);
      expect(run.code).toBe(1);
      expect(run.err).toContain(`${scenario}:3:`);
      expect(run.err).toContain('nobody');
      expect(run.err).not.toMatch(STACK_FRAME);
    }
  }, 120_000);

  it('matrix and compare take the scenario\u2019s organizations as attackers and its toggles; a user there is reported at its line', async () => {
    const scenario = join(DIR, 'orgs.yaml');
    writeFileSync(scenario, 'name: orgs\nfrom: [fabrikam]\nfail: [kernel]\ncontrols: {reverseConnect: false}\n');
    const matrixByScenario = await cli(['matrix', SHARED, '--scenario', scenario, '--jobs', '1', '--json', '--quiet']);
    const matrixByFlags = await cli(['matrix', SHARED, '--from', 'fabrikam', '--control', 'reverseConnect=off', '--jobs', '1', '--json']);
    expect(matrixByScenario.code, matrixByScenario.err).toBe(0);
    expect(matrixByScenario.out).toBe(matrixByFlags.out);
    const compareByScenario = await cli(['compare', SHARED, SEPARATED, '--scenario', scenario, '--jobs', '1', '--json']);
    const compareByFlags = await cli(['compare', SHARED, SEPARATED, '--from', 'fabrikam', '--control', 'reverseConnect=off', '--jobs', '1', '--json']);
    expect(compareByScenario.code, compareByScenario.err).toBe(0);
    expect(compareByScenario.out).toBe(compareByFlags.out);
    expect(compareByScenario.err).toContain("indepth: note: compare does not assume the scenario's failures (kernel)");
    // kernel-0day's foothold is the user mallory: these commands attack from organizations.
    const user = await cli(['matrix', SHARED, '--scenario', KERNEL, '--jobs', '1']);
    expect(user.code).toBe(1);
    expect(user.err).toContain(`${KERNEL}:`);
    expect(user.err).toContain('unknown organization `mallory`');
    expect(user.err).not.toMatch(STACK_FRAME);
  }, 240_000);

  it('without a foothold, depth, sweep and risk say how to give one', async () => {
    for (const command of ['depth', 'sweep', 'risk']) {
      const run = await cli([command, SHARED]);
      expect(run.code).toBe(1);
      expect(run.err).toContain('no foothold: give --from ID');
    }
  });

  it('view opens on the scenario: its foothold, failures and controls are the page\u2019s initial state; --quiet silences the note', async () => {
    const scenario = join(DIR, 'view.yaml');
    writeFileSync(scenario, 'name: v\nfrom: [mallory]\nfail: [kernel]\ncontrols: {reverseConnect: false}\n');
    const out = join(DIR, 'view.html');
    const run = await cli(['view', SHARED, '--scenario', scenario, '-o', out, '--quiet']);
    expect(run.code, run.err).toBe(0);
    expect(run.err).toBe('');
    const html = readFileSync(out, 'utf8');
    const data = /<script type="application\/json" id="indepth-data">([^<]*)<\/script>/.exec(html)![1]!;
    expect(JSON.parse(data).initial).toEqual({ from: 'mallory', fail: ['kernel'], controls: { reverseConnect: false } });
    const noisy = await cli(['view', SHARED, '--from', 'mallory', '-o', out]);
    expect(noisy.err).toMatch(/^wrote .*view\.html \(\d+ KiB, self-contained\)\n$/);
  }, 120_000);

  it('view opens on one foothold: two are refused with the reason', async () => {
    const run = await cli(['view', SHARED, '--from', 'mallory', '--from', 'alice', '-o', join(DIR, 'two.html')]);
    expect(run.code).toBe(1);
    expect(run.err).toContain('--from: the page opens on one foothold, got 2 (mallory, alice)');
  });
});

describe('progress of risk\u2019s Monte Carlo', () => {
  async function risk(argv: readonly string[], errIsTty: boolean) {
    process.chdir(ROOT);
    let out = '';
    let err = '';
    const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t), errIsTty };
    const code = await runCli(['risk', SHARED, '--from', 'mallory', '--failures', 'instance', '--method', 'monte-carlo', '--samples', '100000', ...argv], io);
    return { code, out, err };
  }

  it('draws a bar of samples on an interactive stderr, nothing with --quiet or on a pipe, and never changes the answer', async () => {
    const shown = await risk([], true);
    expect(shown.code, shown.err).toBe(0);
    expect(shown.err).toContain('risk: estimating (Monte Carlo samples drawn) [');
    expect(shown.err).toMatch(/\] 100000\/100000/); // the last update always draws
    expect(shown.err.endsWith('\r\u001b[2K')).toBe(true); // cleared before the results print
    const quiet = await risk(['--quiet'], true);
    expect(quiet.err).toBe('');
    const piped = await risk([], false);
    expect(piped.err).toBe('');
    expect(quiet.out).toBe(shown.out);
    expect(piped.out).toBe(shown.out);
  }, 240_000);
});

describe('group members in natural order', () => {
  it('simulate lists contoso-workers#1, #2, #3 … for people, and --json keeps code-unit order', async () => {
    const text = await cli(['simulate', SHARED, '--scenario', KERNEL]);
    // contoso-workers has 12 members (#1…#12); code-unit order printed #1, #10, #11, #12, #2.
    expect(text.out).toContain('contoso: 13 persistent (alice, contoso-workers#1, contoso-workers#2, contoso-workers#3, contoso-workers#4 and 8 more)');
    const json = JSON.parse((await cli(['simulate', SHARED, '--scenario', KERNEL, '--json'])).out) as { identities: { id: string }[] };
    const ids = json.identities.map((i) => i.id);
    expect(ids).toEqual([...ids].sort(byString));
    expect(ids.indexOf('contoso-workers#10')).toBeLessThan(ids.indexOf('contoso-workers#2'));
  });
});

describe('tables sized from their data', () => {
  // The bundled pair with every contoso id made 44 characters longer: the fixed-width tables ran
  // such ids into the next column.
  const LONG = 'contoso-with-an-organization-id-longer-than-any-fixed-column';
  const longer = (model: string) => {
    const path = join(DIR, model.replace('models/', 'long-'));
    writeFileSync(path, readFileSync(model, 'utf8').replace(/\bcontoso\b/g, LONG));
    return path;
  };
  /** No cell runs into the next: a long id is always preceded by a space, `(`, `{`, `@`, `/` or a line start. */
  const expectSeparated = (text: string) => {
    for (const line of text.split('\n')) expect(line, line).not.toMatch(new RegExp(`[A-Za-z0-9_.-]${LONG}`));
  };
  /** In each table, every cell of a column starts where its header does. */
  const expectColumn = (text: string, header: string, column: string, rowStart: RegExp, cell: RegExp) => {
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.trimStart().startsWith(header));
    expect(at, text).toBeGreaterThanOrEqual(0);
    const position = lines[at]!.indexOf(column);
    const rows = lines.slice(at + 1).filter((l) => rowStart.test(l));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.slice(position), row).toMatch(cell);
  };

  it('risk, compare, sweep and matrix keep every column apart and aligned with long ids', async () => {
    const shared = longer(SHARED);
    const separated = longer(SEPARATED);
    const risk = await cli(['risk', shared, '--from', 'mallory']);
    expect(risk.code, risk.err).toBe(0);
    expectSeparated(risk.out);
    expectColumn(risk.out, 'data store', 'org', new RegExp(`^  ${LONG}-finance `), new RegExp(`^${LONG}\\s+1\\s`));
    const compare = await cli(['compare', shared, separated, '--quiet']);
    expect(compare.code, compare.err).toBe(0);
    expectSeparated(compare.out);
    expectColumn(compare.out, 'attacker \u2192 victim', 'cross-org-shared', new RegExp(`^  ${LONG} \u2192 fabrikam`), /^0\.\d{4}\s/);
    const sweep = await cli(['sweep', shared, '--from', 'mallory', '--order', '1']);
    expectSeparated(sweep.out);
    expectColumn(sweep.out, 'failed', 'fabrikam', /^\{kernel\}/, /^8\/8/);
    const matrix = await cli(['matrix', shared, '--jobs', '1', '--quiet']);
    expectSeparated(matrix.out);
    expectColumn(matrix.out, 'attacker', 'fabrikam', new RegExp(`^${LONG} `), /^1$/);
  }, 240_000);

  it('graph sizes its rule column from the longest rule id', async () => {
    const run = await cli(['graph', SHARED]);
    const rules = run.out.slice(run.out.indexOf('edges by rule:')).split('\n').slice(1).filter((l) => l.length > 0);
    const ends = new Set(rules.map((l) => l.length));
    expect(ends.size).toBe(1); // counts right-aligned in one column
  });
});
