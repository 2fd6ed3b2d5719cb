// Running a policy set: finding ids, order and determinism; settings from a policy file; and the
// baseline comparison — only new findings, lower depth and regressions, each said once.

import { describe, expect, it } from 'vitest';
import { defaultPolicyConfig } from '../../src/policy/load-policy.js';
import { runPolicies } from '../../src/policy/run-policies.js';
import { BUNDLED_MODELS } from '../support/model.js';
import { bundledContext, policyOf } from './helpers.js';

const ids = (result: ReturnType<typeof runPolicies>) => result.findings.map((f) => f.id);

describe('runPolicies', () => {
  it('finding ids are `policy@asset`, unique, sorted by location; the same input gives the same result', () => {
    const result = runPolicies(defaultPolicyConfig(), bundledContext('cross-org-shared'));
    expect(ids(result)).toEqual([
      'no-shared-identity-tenant@shared-directory',
      'no-shared-subscription@shared-subscription',
      'no-shared-multi-session-pool@shared-pool',
      'cross-org-depth@contoso-profiles',
      'classification-depth@contoso-finance',
      'cross-org-depth@contoso-finance',
      'cross-org-depth@fabrikam-profiles',
      'cross-org-depth@fabrikam-designs',
    ]);
    for (const f of result.findings) expect(f.id).toBe(`${f.policy}@${f.asset}`);
    expect(JSON.stringify(runPolicies(defaultPolicyConfig(), bundledContext('cross-org-shared')))).toBe(JSON.stringify(result));
    // depth-regression needs a baseline, so it is not among the policies that ran.
    expect(result.policies.map((p) => p.id)).not.toContain('depth-regression');
  });

  it('a policy file turns policies off and changes severities', () => {
    const config = policyOf('policies:\n  cross-org-depth: { enabled: false }\n  no-shared-subscription: { severity: note }\n');
    const result = runPolicies(config, bundledContext('cross-org-shared'));
    expect(ids(result).filter((id) => id.startsWith('cross-org-depth@'))).toEqual([]);
    expect(result.findings.find((f) => f.policy === 'no-shared-subscription')!.severity).toBe('note');
    expect(result.policies.find((p) => p.id === 'no-shared-subscription')!.severity).toBe('note');
  });

  it('with a baseline: a finding already there but deeper then is reported as worse, with the old depth', () => {
    const config = policyOf('policies:\n  cross-org-depth: { minDepth: 3 }\n');
    const result = runPolicies(config, bundledContext('cross-org-shared'), bundledContext('cross-org-separated'));
    const finance = result.findings.find((f) => f.id === 'cross-org-depth@contoso-finance')!;
    expect(finance.change).toEqual({ kind: 'worse', was: [{ attacker: 'fabrikam', depth: 2 }] });
    // fabrikam's admins reach it with no failure now, and (held to 1) were no finding in the baseline.
    expect(finance.depths).toEqual([
      { attacker: 'fabrikam:admins', depth: 0 },
      { attacker: 'fabrikam', depth: 1 },
    ]);
    expect(result.findings.find((f) => f.id === 'no-shared-identity-tenant@shared-directory')!.change).toEqual({ kind: 'new' });
  });

  it('a regression no depth policy reports is reported by depth-regression, once per store', () => {
    const config = policyOf('policies:\n  cross-org-depth: { enabled: false }\n  classification-depth: { enabled: false }\n');
    const result = runPolicies(config, bundledContext('cross-org-shared'), bundledContext('cross-org-separated'));
    expect(ids(result).filter((id) => id.startsWith('depth-regression@'))).toEqual([
      'depth-regression@contoso-profiles',
      'depth-regression@contoso-finance',
      'depth-regression@fabrikam-profiles',
      'depth-regression@fabrikam-designs',
    ]);
    const withDepthPolicies = runPolicies(defaultPolicyConfig(), bundledContext('cross-org-shared'), bundledContext('cross-org-separated'));
    expect(ids(withDepthPolicies).filter((id) => id.startsWith('depth-regression@'))).toEqual([]);
  });

  describe.each(BUNDLED_MODELS)('model %s', (model) => {
    it('against itself as baseline reports nothing', () => {
      expect(runPolicies(defaultPolicyConfig(), bundledContext(model), bundledContext(model)).findings).toEqual([]);
    });

    it.each(BUNDLED_MODELS)('against baseline %s reports a subset of its plain findings, plus regressions', (baseline) => {
      const plain = new Set(ids(runPolicies(defaultPolicyConfig(), bundledContext(model))));
      const gated = runPolicies(defaultPolicyConfig(), bundledContext(model), bundledContext(baseline));
      for (const f of gated.findings) {
        expect(f.change, f.id).toBeDefined();
        if (f.policy !== 'depth-regression') expect(plain.has(f.id), f.id).toBe(true);
      }
    });
  });
});
