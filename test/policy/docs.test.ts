// docs/ci.md stays true: its sample output is what `check` prints, its example policy file loads and
// meets the bundled model, and its workflow is YAML that runs the gate and uploads the SARIF.

import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkPolicyAgainstModel } from '../../src/policy/load-policy.js';
import { runPolicies } from '../../src/policy/run-policies.js';
import { cli } from '../support/cli.js';
import { ROOT } from '../support/model.js';
import { bundledContext, policyOf } from './helpers.js';

const doc = readFileSync(`${ROOT}docs/ci.md`, 'utf8');
const blocks = [...doc.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map(([, lang, body]) => ({ lang: lang!, body: body! }));

describe('docs/ci.md', () => {
  it('the sample finding is exactly what check prints', async () => {
    const sample = blocks.find((b) => b.body.startsWith('models/cross-org-shared.yaml:64:9:'))!;
    const run = await cli(['check', 'models/cross-org-shared.yaml']);
    for (const line of sample.body.trimEnd().split('\n')) expect(run.out.split('\n')).toContain(line);
  });

  it('the example policy file loads, meets the bundled model and finds the restricted store three failures short', () => {
    const policy = blocks.find((b) => b.lang === 'yaml' && b.body.startsWith('name:'))!;
    const config = policyOf(policy.body, 'docs/ci.md');
    const context = bundledContext('cross-org-separated');
    expect(checkPolicyAgainstModel(config, context.prepared)).toEqual([]);
    const ids = runPolicies(config, context).findings.map((f) => f.id);
    expect(ids).toEqual(['finance-survives-two-failures@contoso-finance']);
  });

  it('the workflow runs the gate, uploads the SARIF with upload-sarif and may write security events', () => {
    const workflow = blocks.find((b) => b.lang === 'yaml' && b.body.startsWith('name: threat model'))!;
    const parsed = parse(workflow.body) as {
      permissions: Record<string, string>;
      jobs: { indepth: { steps: { uses?: string; run?: string; with?: Record<string, string> }[] } };
    };
    expect(parsed.permissions['security-events']).toBe('write');
    const steps = parsed.jobs.indepth.steps;
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.with!['sarif_file']).toBe('indepth.sarif');
    expect(steps.some((s) => s.run?.includes('--format sarif -o indepth.sarif'))).toBe(true);
    expect(steps.some((s) => s.run?.includes('--baseline'))).toBe(true);
  });

  it('the commands it shows exit as it says', async () => {
    expect((await cli(['check', 'models/cross-org-shared.yaml', '--baseline', 'models/cross-org-separated.yaml'])).code).toBe(1);
    expect((await cli(['check', 'models/cross-org-separated.yaml', '--baseline', 'models/cross-org-shared.yaml'])).code).toBe(0);
  });
});
