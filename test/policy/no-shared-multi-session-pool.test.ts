import { describe, expect, it } from 'vitest';
import { noSharedMultiSessionPool } from '../../src/policy/no-shared-multi-session-pool.js';
import { at, bundledContext, run } from './helpers.js';

describe('policy no-shared-multi-session-pool', () => {
  it('flags the pooled pool serving both organizations, with a user of each as related locations', () => {
    const [finding, ...rest] = run(noSharedMultiSessionPool, bundledContext('cross-org-shared'));
    expect(rest).toEqual([]);
    expect(finding!.asset).toBe('shared-pool');
    expect(at(finding!)).toBe('models/cross-org-shared.yaml:25:9');
    expect(finding!.related.map((r) => `${r.location.line} ${r.message}`)).toEqual([
      '38 user `alice` of contoso signs in to `shared-pool`',
      '48 user `mallory` of fabrikam signs in to `shared-pool`',
    ]);
  });

  it('holds with a pool per organization, and in single-organization models', () => {
    expect(run(noSharedMultiSessionPool, bundledContext('cross-org-separated'))).toEqual([]);
    expect(run(noSharedMultiSessionPool, bundledContext('single-org-pooled'))).toEqual([]);
  });
});
