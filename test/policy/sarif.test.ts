// SARIF output passes Microsoft's SARIF Multitool validation (the 2.1.0 schema, the SARIF rules and
// GitHub code scanning's ingestion rules) and points each result at the offending entity's line and
// column in the model file, relative to the repository root, as code scanning needs.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactUri, FINGERPRINT_KEY, lineHash } from '../../src/report/sarif.js';
import { repositoryRoot } from '../../src/cli/repository-root.js';
import { cli } from '../support/cli.js';
import { ROOT } from '../support/model.js';
import { multitoolValidate } from '../support/sarif-multitool.js';

/** Every log the tests below produce, validated together by the multitool in the last test. */
const produced = new Map<string, string>();

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; help: { text: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
      relatedLocations?: { physicalLocation: { region: { startLine: number } } }[];
      partialFingerprints: Record<string, string>;
      baselineState?: string;
    }[];
  }[];
}

async function sarif(...args: string[]): Promise<{ code: number; log: SarifLog; text: string }> {
  const run = await cli(['check', ...args, '--format', 'sarif']);
  produced.set(`log-${produced.size + 1}`, run.out);
  return { code: run.code, log: JSON.parse(run.out) as SarifLog, text: run.out };
}

describe('check --format sarif', () => {

  it('shared model: a valid log whose results point at the model lines, with rule help and fingerprints', async () => {
    const { code, log } = await sarif('models/cross-org-shared.yaml');
    expect(code).toBe(1);
    const [run] = log.runs;
    const finance = run!.results.find((r) => r.partialFingerprints[FINGERPRINT_KEY] === 'cross-org-depth@contoso-finance')!;
    expect(finance.ruleId).toBe('cross-org-depth');
    expect(run!.tool.driver.rules[finance.ruleIndex]!.id).toBe('cross-org-depth');
    expect(run!.tool.driver.rules[finance.ruleIndex]!.help.text).toContain('separate tenant for identity');
    expect(finance.level).toBe('error');
    expect(finance.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'models/cross-org-shared.yaml' },
      region: { startLine: 64, startColumn: 9 },
    });
    // The shared directory (line 16: fabrikam's tenant admin's path), subscription (20) and pool (25).
    expect(finance.relatedLocations!.map((r) => r.physicalLocation.region.startLine)).toEqual([16, 20, 25]);
    expect(finance.message.text).toContain('stop sharing host pool `shared-pool`');
    expect(run!.results).toHaveLength(8);
  });

  it('separated model: a valid log with every rule and no result', async () => {
    const { code, log } = await sarif('models/cross-org-separated.yaml');
    expect(code).toBe(0);
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.tool.driver.rules.map((r) => r.id)).toContain('reverse-connect');
  });

  it('MSP model: a bridge is a warning-level result with its rule, at the role assignment that makes it', async () => {
    const { log } = await sarif('models/msp-hosting.yaml');
    const [run] = log.runs;
    const bridge = run!.results.find((r) => r.partialFingerprints[FINGERPRINT_KEY] === 'no-separation-bridges@northwind-admins:Contributor@contoso-subscription')!;
    expect(bridge.level).toBe('warning');
    expect(run!.tool.driver.rules[bridge.ruleIndex]!.id).toBe('no-separation-bridges');
    // msp-hosting.yaml line 120 is the first role assignment: northwind-admins' Lighthouse Contributor.
    expect(bridge.locations[0]!.physicalLocation.region).toEqual({ startLine: 120, startColumn: 5 });
    expect(bridge.message.text).toContain('Fix: Remove Contributor from `northwind-admins` on `contoso-subscription`');
  });

  it('with a baseline: results carry baselineState and validate', async () => {
    const { log } = await sarif('models/cross-org-shared.yaml', '--baseline', 'models/cross-org-separated.yaml');
    expect(new Set(log.runs[0]!.results.map((r) => r.baselineState))).toEqual(new Set(['new']));
  });

  it('is byte-identical for the same input', async () => {
    const first = await sarif('models/cross-org-shared.yaml');
    const second = await sarif('models/cross-org-shared.yaml');
    expect(second.text).toBe(first.text);
  });

  it('gives every finding its own primaryLocationLineHash, from the finding id, so findings on one line stay distinct alerts', async () => {
    const { log } = await sarif('models/cross-org-shared.yaml');
    const results = log.runs[0]!.results;
    for (const result of results) expect(result.partialFingerprints['primaryLocationLineHash']).toBe(lineHash(result.partialFingerprints[FINGERPRINT_KEY]!));
    expect(new Set(results.map((r) => r.partialFingerprints['primaryLocationLineHash'])).size).toBe(results.length);
    expect(lineHash('cross-org-depth@contoso-finance')).toMatch(/^[0-9a-f]{16}:1$/);
  });

  it('a JSON model (one line): the findings share a line yet keep distinct fingerprints', async () => {
    const { log } = await sarif('test/fixtures/models/cross-org-shared.json');
    const results = log.runs[0]!.results;
    expect(results.length).toBeGreaterThan(1);
    expect(new Set(results.map((r) => r.partialFingerprints['primaryLocationLineHash'])).size).toBe(results.length);
  });

  it('run from a subfolder of the repository, paths stay relative to the repository root', async () => {
    const here = process.cwd();
    try {
      process.chdir(`${ROOT}models`);
      const { runCli } = await import('../../src/cli/run.js');
      let out = '';
      await runCli(['check', 'cross-org-shared.yaml', '--format', 'sarif'], { out: (t) => void (out += t), err: () => {}, errIsTty: false });
      const log = JSON.parse(out) as SarifLog;
      const root = repositoryRoot(ROOT);
      const expected = artifactUri(`${ROOT}models/cross-org-shared.yaml`, root);
      expect(expected.endsWith('models/cross-org-shared.yaml')).toBe(true);
      expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(expected);
    } finally {
      process.chdir(here);
    }
  });

  it('custom policies past GitHub\u2019s limits (rule names \u2264 255, descriptions \u2264 1024 characters) are refused with a position', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'indepth-policy-'));
    try {
      const policy = join(dir, 'policy.yaml');
      writeFileSync(
        policy,
        ['custom:', `  - id: ${'p'.repeat(256)}`, `    title: ${'t'.repeat(1025)}`, '    from: [mallory]', '    minDepth: 2', ''].join('\n'),
      );
      const run = await cli(['check', 'models/cross-org-shared.yaml', '--policy', policy]);
      expect(run.code).toBe(2);
      expect(run.err).toContain(`${policy}:2:9: custom policy id`);
      expect(run.err).toContain('GitHub code scanning takes rule names of at most 255');
      expect(run.err).toMatch(/:3:\d+: .*must be at most 1024 characters, got 1025/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every log above passes the SARIF Multitool with GitHub\u2019s ingestion rules; the multitool rejects what is not SARIF', () => {
    const bad = new Map([
      ['not-sarif', JSON.stringify({ version: '2.1.0' })],
      ['no-rules', JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'r', message: { text: 'm' } }] }] })],
    ]);
    const verdicts = multitoolValidate(new Map([...produced, ...bad]));
    // So passing means something: the schema and GitHub's rules each reject one of these.
    expect(verdicts.get('not-sarif')!.some((r) => r.level === 'error')).toBe(true);
    expect(verdicts.get('no-rules')!.some((r) => r.level === 'error' && r.ruleId.startsWith('GH'))).toBe(true);
    expect(produced.size).toBeGreaterThanOrEqual(7);
    for (const name of produced.keys()) {
      // The one remark left: SARIF2005 asks for the tool's informationUri, a public home page indepth does not have.
      const remarks = verdicts.get(name)!.filter((r) => !(r.ruleId === 'SARIF2005' && r.message.includes('ProvideToolnformationUri')));
      expect(remarks, name).toEqual([]);
    }
  }, 120_000);
});

describe('artifactUri', () => {
  it('is relative to the checkout with `/` and percent-encoding; files outside it get a file: URI', () => {
    expect(artifactUri('models/cross-org-shared.yaml', ROOT)).toBe('models/cross-org-shared.yaml');
    expect(artifactUri(`${ROOT}models/a b#c.yaml`, ROOT)).toBe('models/a%20b%23c.yaml');
    expect(artifactUri('./x/../m.yaml', '/repo')).toBe('m.yaml');
    expect(artifactUri('/elsewhere/m.yaml', '/repo')).toBe('file:///elsewhere/m.yaml');
    expect(artifactUri('../m.yaml', '/repo/sub')).toBe('file:///repo/m.yaml');
  });
});
