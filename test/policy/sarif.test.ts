// SARIF output validates against the OASIS SARIF 2.1.0 schema (draft-04) and points each result at
// the offending entity's line and column in the model file, as code scanning needs.

import { readFileSync } from 'node:fs';
import ajvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { artifactUri, FINGERPRINT_KEY } from '../../src/report/sarif.js';
import { cli } from '../support/cli.js';
import { ROOT } from '../support/model.js';

const Ajv04 = ajvDraft04.default;
const schema = JSON.parse(readFileSync(`${ROOT}../shared/interop/sarif-schema-2.1.0.json`, 'utf8')) as object;
const validate = new Ajv04({ allErrors: true, strict: false }).compile(schema);

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
  expect(validate(JSON.parse(run.out)), JSON.stringify(validate.errors, null, 2)).toBe(true);
  return { code: run.code, log: JSON.parse(run.out) as SarifLog, text: run.out };
}

describe('check --format sarif', () => {
  it('the schema validator rejects what is not SARIF (so passing means something)', () => {
    expect(validate({ version: '2.1.0' })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).toBe(false);
  });

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
    expect(finance.relatedLocations![0]!.physicalLocation.region.startLine).toBe(25);
    expect(finance.message.text).toContain('Fix: Stop sharing host pool `shared-pool`');
    expect(run!.results).toHaveLength(8);
  });

  it('separated model: a valid log with every rule and no result', async () => {
    const { code, log } = await sarif('models/cross-org-separated.yaml');
    expect(code).toBe(0);
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.tool.driver.rules.map((r) => r.id)).toContain('reverse-connect');
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
