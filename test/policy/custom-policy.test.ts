import { describe, expect, it } from 'vitest';
import { customPolicyInfo, evaluateCustomPolicy, type CustomPolicy } from '../../src/policy/custom-policy.js';
import { assets, at, bundledContext } from './helpers.js';

function custom(overrides: Partial<CustomPolicy>): CustomPolicy {
  return {
    id: 'mine',
    title: 'mine',
    description: '',
    guide: '',
    fix: '',
    severity: 'error',
    from: ['mallory'],
    target: { organizations: [], data: [], classifications: [] },
    minDepth: 3,
    ...overrides,
  };
}

describe('custom policies', () => {
  it('with no target selector: every store of an organization the footholds do not belong to', () => {
    const findings = evaluateCustomPolicy(custom({}), bundledContext('cross-org-separated'));
    expect(assets(findings)).toEqual(['contoso-profiles', 'contoso-finance']);
    expect(findings[0]!.message).toContain('2 boundary failures from `mallory`');
    expect(findings[0]!.message).toContain('`mine` requires at least 3');
  });

  it('selectors narrow each other: data, organizations, classifications', () => {
    const context = bundledContext('cross-org-shared');
    const only = (target: Partial<CustomPolicy['target']>) =>
      assets(evaluateCustomPolicy(custom({ minDepth: 2, target: { organizations: [], data: [], classifications: [], ...target } }), context));
    expect(only({ data: ['contoso-finance'] })).toEqual(['contoso-finance']);
    expect(only({ classifications: ['restricted'] })).toEqual(['contoso-finance']);
    expect(only({ organizations: ['contoso'], classifications: ['confidential'] })).toEqual(['contoso-profiles']);
    // The attacker's own data is depth 0: named explicitly, it is a finding.
    expect(only({ organizations: ['fabrikam'] })).toEqual(['fabrikam-profiles', 'fabrikam-designs']);
  });

  it('its own fix replaces the derived one; location is the store entry', () => {
    const [finding] = evaluateCustomPolicy(custom({ fix: 'Buy a bigger moat.', target: { organizations: [], data: ['contoso-finance'], classifications: [] } }), bundledContext('cross-org-separated'));
    expect(finding!.fix).toBe('Buy a bigger moat.');
    expect(at(finding!)).toBe('models/cross-org-separated.yaml:78:9');
  });

  it('footholds that name nothing in a model give no findings (the check reports them as bad input)', () => {
    expect(evaluateCustomPolicy(custom({ from: ['nobody'] }), bundledContext('cross-org-shared'))).toEqual([]);
  });

  it('describes itself for reports when the file gives no description or fix', () => {
    const info = customPolicyInfo(custom({ target: { organizations: ['contoso'], data: [], classifications: ['restricted'] } }));
    expect(info.description).toBe('From mallory, every data store of contoso classified restricted needs at least 3 boundary failures (by type).');
    expect(info.fix).not.toBe('');
  });
});
