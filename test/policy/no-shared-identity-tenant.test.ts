import { describe, expect, it } from 'vitest';
import { noSharedIdentityTenant } from '../../src/policy/no-shared-identity-tenant.js';
import { at, bundledContext, run } from './helpers.js';

describe('policy no-shared-identity-tenant', () => {
  it('flags a tenant listing two organizations, at the tenant entry', () => {
    const [finding, ...rest] = run(noSharedIdentityTenant, bundledContext('cross-org-shared'));
    expect(rest).toEqual([]);
    expect(finding!.asset).toBe('shared-directory');
    expect(at(finding!)).toBe('models/cross-org-shared.yaml:16:9');
    expect(finding!.message).toContain('contoso and fabrikam');
    expect(finding!.related.map((r) => r.location.line)).toEqual([10, 12]);
  });

  it('holds with one tenant per organization', () => {
    expect(run(noSharedIdentityTenant, bundledContext('cross-org-separated'))).toEqual([]);
    expect(run(noSharedIdentityTenant, bundledContext('single-org-pooled'))).toEqual([]);
  });
});
