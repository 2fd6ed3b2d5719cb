import { describe, expect, it } from 'vitest';
import { depthRegression } from '../../src/policy/depth-regression.js';
import { assets, at, bundledContext, bundledText, contextOfText, run } from './helpers.js';

/** The separated model on dedicated hosts: no physical host shared, so no path between the orgs at all. */
function dedicated() {
  // Without `physicalHosts` the pools would be assumed to share one (the public-cloud worst case):
  // `dedicatedHost: true` is what takes them apart.
  const text = bundledText('cross-org-separated')
    .replace(/physicalHosts:\n {2}- id: azure-host-1\n {4}hostPools: \[contoso-pool, fabrikam-pool\]\n/, '')
    .replaceAll('    type: pooled\n', '    type: pooled\n    dedicatedHost: true\n');
  expect(text).not.toContain('azure-host-1');
  expect(text.match(/dedicatedHost: true/g)).toHaveLength(2);
  return contextOfText(text, 'dedicated.yaml');
}

describe('policy depth-regression', () => {
  it('runs only against a baseline', () => {
    expect(run(depthRegression, bundledContext('cross-org-shared'))).toEqual([]);
  });

  it('sharing a physical host makes the other organization reachable where it was not: every store regresses', () => {
    const findings = run(depthRegression, bundledContext('cross-org-separated'), {}, dedicated());
    expect(assets(findings)).toEqual(['contoso-profiles', 'contoso-finance', 'fabrikam-profiles', 'fabrikam-designs']);
    const finance = findings[1]!;
    expect(at(finance)).toBe('models/cross-org-separated.yaml:78:9');
    expect(finance.depths).toEqual([{ attacker: 'fabrikam', depth: 2 }]);
    expect(finance.was).toEqual([{ attacker: 'fabrikam', depth: null }]);
    expect(finance.message).toContain('could not reach it at all');
    expect(finance.fix).toContain('azure-host-1');
  });

  it('lower depth counts even above every minimum; the reverse change regresses nothing', () => {
    const findings = run(depthRegression, bundledContext('cross-org-shared'), {}, bundledContext('cross-org-separated'));
    expect(findings.map((f) => `${f.asset} ${f.was![0]!.depth}->${f.depths![0]!.depth}`)).toEqual([
      'contoso-profiles 2->1',
      'contoso-finance 2->1',
      'fabrikam-profiles 2->1',
      'fabrikam-designs 2->1',
    ]);
    expect(run(depthRegression, bundledContext('cross-org-separated'), {}, bundledContext('cross-org-shared'))).toEqual([]);
    expect(run(depthRegression, dedicated(), {}, bundledContext('cross-org-separated'))).toEqual([]);
  });

  it('the same model as its own baseline regresses nothing', () => {
    expect(run(depthRegression, bundledContext('cross-org-shared'), {}, bundledContext('cross-org-shared'))).toEqual([]);
  });
});
