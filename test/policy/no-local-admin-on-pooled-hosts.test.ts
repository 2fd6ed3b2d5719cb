import { describe, expect, it } from 'vitest';
import { noLocalAdminOnPooledHosts } from '../../src/policy/no-local-admin-on-pooled-hosts.js';
import { acme } from '../support/model.js';
import { assets, at, bundledContext, contextOfText, run } from './helpers.js';

describe('policy no-local-admin-on-pooled-hosts', () => {
  it('flags the local admin on the pooled pool at their user entry, with the pool as related location', () => {
    const [finding, ...rest] = run(noLocalAdminOnPooledHosts, bundledContext('single-org-pooled'));
    expect(rest).toEqual([]);
    expect(finding!.asset).toBe('admin-ann');
    expect(at(finding!)).toBe('models/single-org-pooled.yaml:45:9');
    expect(finding!.message).toContain('12 other users');
    expect(finding!.fix).toContain('personal desktop');
    expect(finding!.related[0]!.location.line).toBe(22);
  });

  it('holds when the admin has a personal desktop (the guide\u2019s fix)', () => {
    expect(run(noLocalAdminOnPooledHosts, bundledContext('admins-personal'))).toEqual([]);
  });

  it('ignores local admins without a host pool and standard users on pooled hosts', () => {
    const context = contextOfText(
      acme(`hostPools:
  - id: p
    subscription: acme-sub
    type: pooled
users:
  - id: worker
    organization: acme
    hostPool: p
  - id: roaming-admin
    organization: acme
    privilege: localAdmin
`),
    );
    expect(assets(run(noLocalAdminOnPooledHosts, context))).toEqual([]);
  });
});
